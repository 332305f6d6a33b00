import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from './helpers/accounts.ts';
import { expectData, startTestApp, type TestApp } from './helpers/test-app.ts';
import { graphql } from './generated/gql.ts';

// The original's flash messages, word for word (../shared/reference/flask-blog.md), on each success payload.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ protection: { mutationsPerMinute: 100_000 } });
});
afterAll(() => t.close());

describe("the original's messages", () => {
  it('on every success, and for a request that needs a login', async () => {
    const registered = await t.graphql(
      graphql(
        `mutation MessagesRegister { register(input: { username: "Flash", email: "flash@demo.com", password: "long enough", confirmPassword: "long enough" }) { ... on RegisterSuccess { message } } }`,
      ),
    );
    expect(expectData(registered).register.message).toBe('Your account has been created! You are now able to log in');
    const { token } = await signUp(t, { username: 'Poster' });
    const as = { token };
    const updated = await t.graphql(
      graphql(
        `mutation MessagesUpdateAccount { updateAccount(input: { username: "Poster2" }) { ... on UpdateAccountSuccess { message } } }`,
      ),
      {},
      as,
    );
    expect(expectData(updated).updateAccount.message).toBe('Your account has been updated!');
    const created = await t.graphql(
      graphql(
        `mutation MessagesCreatePost { createPost(input: { title: "T", content: "C" }) { ... on CreatePostSuccess { message post { id } } } }`,
      ),
      {},
      as,
    );
    expect(expectData(created).createPost.message).toBe('Your post has been created!');
    const id = expectData(created).createPost.post.id;
    const edited = await t.graphql(
      graphql(
        `mutation MessagesUpdatePost($id: ID!) { updatePost(id: $id, input: { title: "T2" }) { ... on UpdatePostSuccess { message } } }`,
      ),
      { id },
      as,
    );
    expect(expectData(edited).updatePost.message).toBe('Your post has been updated!');
    const deleted = await t.graphql(
      graphql(`mutation MessagesDeletePost($id: ID!) { deletePost(id: $id) { ... on DeletePostSuccess { message } } }`),
      { id },
      as,
    );
    expect(expectData(deleted).deletePost.message).toBe('Your post has been deleted!');
    const reset = await t.graphql(
      graphql(
        `mutation MessagesRequestReset { requestReset(email: "flash@demo.com") { ... on RequestResetSuccess { message } } }`,
      ),
    );
    expect(expectData(reset).requestReset.message).toBe(
      'An email has been sent with instructions to reset your password.',
    );
    const anonymous = await t.graphql(
      graphql(`mutation MessagesCreatePost2 { createPost(input: { title: "T", content: "C" }) { __typename } }`),
    );
    expect(anonymous.errors?.[0]).toMatchObject({
      message: 'Please log in to access this page.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});
