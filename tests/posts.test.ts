import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signUp } from './helpers/accounts.ts';
import { globalId } from './helpers/factories.ts';
import { CREATE_POST, DELETE_POST, UPDATE_POST } from './helpers/posts.ts';
import type { CreatePostInput } from './generated/graphql.ts';
import { graphql } from './generated/gql.ts';
import { textOf } from './helpers/graphql.ts';
import { expectData, expectTypename, startTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

type Account = Awaited<ReturnType<typeof signUp>>;

async function create(account: Account, input: CreatePostInput) {
  const result = await t.graphql(CREATE_POST, { input }, { token: account.token });
  expect(result.errors).toBeUndefined();
  return expectData(result).createPost;
}

async function publish(account: Account, title = 'Hello', content = 'World') {
  return expectTypename(await create(account, { title, content }), 'CreatePostSuccess').post;
}

/** The post a create that must succeed returns (a retry with the same idempotency key included). */
async function created(account: Account, input: CreatePostInput) {
  return expectTypename(await create(account, input), 'CreatePostSuccess').post;
}

const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.code;

describe('createPost', () => {
  it('publishes as the signed-in user and returns the post with its author', async () => {
    const ada = await signUp(t, { username: 'Ada' });
    const result = await create(ada, { title: '  First steps ', content: 'Line one\nLine two' });
    expect(result).toEqual({
      __typename: 'CreatePostSuccess',
      post: {
        id: expect.any(String),
        title: 'First steps',
        content: 'Line one\nLine two',
        datePosted: expect.any(String),
        updatedAt: expect.any(String),
        author: { username: 'Ada' },
      },
    });
  });

  it.each([
    [{ title: '', content: 'x' }, [{ field: 'title', message: 'This field is required.' }]],
    [
      { title: '  \n ', content: ' \t ' },
      [
        { field: 'title', message: 'This field is required.' },
        { field: 'content', message: 'This field is required.' },
      ],
    ],
    [
      { title: 'x'.repeat(101), content: 'x' },
      [{ field: 'title', message: 'Field cannot be longer than 100 characters.' }],
    ],
    [
      { title: 'ok', content: 'x'.repeat(50_001) },
      [{ field: 'content', message: 'Field cannot be longer than 50000 characters.' }],
    ],
    [
      { title: 'nul\u0000', content: 'bell\u0007' },
      [
        { field: 'title', message: 'Field must not contain control characters.' },
        { field: 'content', message: 'Field must not contain control characters.' },
      ],
    ],
    [
      { title: 'two\nlines', content: 'x' },
      [{ field: 'title', message: 'Field must not contain control characters.' }],
    ],
    [
      { title: 'evil\u202Egnp.exe', content: 'x' },
      [{ field: 'title', message: 'Field must not contain invisible or text-direction characters.' }],
    ],
    [
      { title: 'zero\u200Bwidth', content: 'x' },
      [{ field: 'title', message: 'Field must not contain invisible or text-direction characters.' }],
    ],
    [
      { title: 'half\uDC00', content: 'half\uD800' },
      [
        { field: 'title', message: 'Field must be valid Unicode text.' },
        { field: 'content', message: 'Field must be valid Unicode text.' },
      ],
    ],
  ])('refuses %o and stores nothing', async (input, fieldErrors) => {
    const ada = await signUp(t);
    expect(await create(ada, input)).toEqual({ __typename: 'ValidationError', fieldErrors });
    expect(await t.prisma.post.count()).toBe(0);
  });

  it('with an idempotency key, a retry returns the first post instead of a second; keys are per author', async () => {
    const ada = await signUp(t);
    const bob = await signUp(t);
    const input = { title: 'Once', content: 'x', idempotencyKey: 'a1b2-c3' };
    const [first, retry] = await Promise.all([created(ada, input), created(ada, input)]);
    expect(first.id).toBe(retry.id);
    expect((await created(ada, input)).id).toBe(first.id);
    expect((await created(bob, input)).id).not.toBe(first.id);
    expect(await t.prisma.post.count()).toBe(2);
    expect(await create(ada, { title: 'x', content: 'y', idempotencyKey: 'no spaces allowed' })).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ field: 'idempotencyKey', message: 'Field must be 1 to 64 letters, digits, or . _ : -' }],
    });
  });

  it('accepts emoji sequences in titles, whose joiners and variation selectors are part of the picture', async () => {
    const ada = await signUp(t);
    expect((await create(ada, { title: 'At work 👩‍💻 ❤️ 1️⃣ 👍🏽', content: 'ok' })).__typename).toBe('CreatePostSuccess');
  });

  it('accepts exactly 100 characters of title, counted as characters, not bytes', async () => {
    const ada = await signUp(t);
    expect((await create(ada, { title: 'é'.repeat(100), content: 'ok' })).__typename).toBe('CreatePostSuccess');
  });

  it('requires a login', async () => {
    const result = await t.graphql(CREATE_POST, { input: { title: 'a', content: 'b' } });
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(await t.prisma.post.count()).toBe(0);
  });
});

describe('updatePost', () => {
  it('changes the title and content, keeps datePosted, and records updatedAt', async () => {
    const ada = await signUp(t, { username: 'Ada' });
    const post = await publish(ada);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const result = await t.graphql(
      UPDATE_POST,
      { id: post.id, input: { title: 'Edited', content: 'New words' } },
      { token: ada.token },
    );
    const updated = expectTypename(expectData(result).updatePost, 'UpdatePostSuccess').post;
    expect(updated).toMatchObject({ id: post.id, title: 'Edited', content: 'New words', datePosted: post.datePosted });
    expect(new Date(updated.updatedAt).getTime()).toBeGreaterThan(new Date(post.updatedAt).getTime());
  });

  it('leaves out fields it was not sent', async () => {
    const ada = await signUp(t);
    const post = await publish(ada, 'Title', 'Body');
    const result = await t.graphql(UPDATE_POST, { id: post.id, input: { content: 'New body' } }, { token: ada.token });
    expect(expectTypename(expectData(result).updatePost, 'UpdatePostSuccess').post).toMatchObject({
      title: 'Title',
      content: 'New body',
    });
  });

  it('validates like createPost', async () => {
    const ada = await signUp(t);
    const post = await publish(ada);
    const result = await t.graphql(UPDATE_POST, { id: post.id, input: { title: ' ' } }, { token: ada.token });
    expect(expectData(result).updatePost).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ field: 'title', message: 'This field is required.' }],
    });
  });
});

describe('who may change a post', () => {
  // Sent as text: the same variables go to both mutations, so deletePost gets ones it does not declare.
  const mutations = [
    ['updatePost', UPDATE_POST, { input: { title: 'Hijacked' } }],
    ['deletePost', DELETE_POST, {}],
  ] as const;

  it.each(mutations)(
    '%s: anonymous is UNAUTHENTICATED, before the post is even looked up',
    async (_name, mutation, extra) => {
      const result = await t.graphql(textOf(mutation), { id: globalId('Post', 999), ...extra });
      expect(codeOf(result)).toBe('UNAUTHENTICATED');
    },
  );

  it.each(mutations)(
    "%s: a missing post is NOT_FOUND, someone else's is FORBIDDEN, in that order",
    async (_name, mutation, extra) => {
      const ada = await signUp(t, { username: 'Ada' });
      const bob = await signUp(t, { username: 'Bob' });
      const post = await publish(ada, 'Mine', 'All mine');
      const missing = await t.graphql(
        textOf(mutation),
        { id: globalId('Post', 424242), ...extra },
        { token: bob.token },
      );
      expect(missing.errors).toEqual([
        expect.objectContaining({ message: 'That post does not exist.', extensions: { code: 'NOT_FOUND' } }),
      ]);
      // Even invalid input on someone else's post is FORBIDDEN: ownership is checked first, as in the original.
      const forbidden = await t.graphql(
        textOf(mutation),
        { id: post.id, input: { title: '' }, ...extra },
        { token: bob.token },
      );
      expect(forbidden.errors).toEqual([
        expect.objectContaining({ message: 'You can only change your own posts.', extensions: { code: 'FORBIDDEN' } }),
      ]);
      expect(await t.prisma.post.findFirstOrThrow()).toMatchObject({ title: 'Mine', content: 'All mine' });
    },
  );

  it.each(mutations)('%s: an ID of another type is BAD_USER_INPUT', async (_name, mutation, extra) => {
    const ada = await signUp(t);
    for (const id of [ada.id, 'garbage']) {
      const result = await t.graphql(textOf(mutation), { id, ...extra }, { token: ada.token });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('deletePost', () => {
  it('deletes the post and returns its ID for cache eviction; a second delete is NOT_FOUND', async () => {
    const ada = await signUp(t);
    const post = await publish(ada);
    expect(await t.graphql(DELETE_POST, { id: post.id }, { token: ada.token })).toEqual({
      data: { deletePost: { __typename: 'DeletePostSuccess', deletedPostId: post.id } },
    });
    expect(await t.prisma.post.count()).toBe(0);
    expect(codeOf(await t.graphql(DELETE_POST, { id: post.id }, { token: ada.token }))).toBe('NOT_FOUND');
  });
});

describe('feeds after writes', () => {
  it('the home feed, the user page, totalCount and postCount follow every create, update and delete', async () => {
    const ada = await signUp(t, { username: 'Ada' });
    const bob = await signUp(t, { username: 'Bob' });
    const first = await publish(ada, 'One');
    await publish(bob, 'Two');
    const third = await publish(ada, 'Three');
    const view = async () => {
      const result = await t.graphql(
        graphql(`query PostsPostsUser {
        posts { totalCount edges { node { title } } }
        user(username: "Ada") { postCount posts { totalCount edges { node { title } } } }
      }`),
      );
      const data = expectData(result);
      const titles = (connection: { edges: { node: { title: string } }[] }) =>
        connection.edges.map((edge) => edge.node.title);
      return {
        feed: titles(data.posts),
        total: data.posts.totalCount,
        ada: titles(data.user!.posts),
        adaTotal: data.user!.posts.totalCount,
        adaCount: data.user!.postCount,
      };
    };
    expect(await view()).toEqual({
      feed: ['Three', 'Two', 'One'],
      total: 3,
      ada: ['Three', 'One'],
      adaTotal: 2,
      adaCount: 2,
    });
    await t.graphql(UPDATE_POST, { id: first.id, input: { title: 'One, edited' } }, { token: ada.token });
    await t.graphql(DELETE_POST, { id: third.id }, { token: ada.token });
    expect(await view()).toEqual({
      feed: ['Two', 'One, edited'],
      total: 2,
      ada: ['One, edited'],
      adaTotal: 1,
      adaCount: 1,
    });
  });
});
