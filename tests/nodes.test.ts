import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Post, User } from '../src/generated/prisma/client.ts';
import { createPosts, createUser, globalId } from './helpers/factories.ts';
import { expectData, PUBLIC_URL, startTestApp, type TestApp } from './helpers/test-app.ts';
import { graphql } from './generated/gql.ts';

let t: TestApp;
let ada: User;
let post: Post;
beforeAll(async () => {
  t = await startTestApp();
  ada = await createUser(t.prisma, { username: 'Ada', email: 'ada@example.com' });
  [post] = (await createPosts(t.prisma, ada, 1)) as [Post];
});
afterAll(() => t.close());

describe('node and nodes', () => {
  it('fetch users and posts by global ID, in order, with null for missing ones', async () => {
    const result = await t.graphql(
      graphql(
        `query NodesNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Post { title } ... on User { username } } }`,
      ),
      { ids: [globalId('Post', post.id), globalId('User', ada.id), globalId('Post', 999999)] },
    );
    expect(result).toEqual({
      data: {
        nodes: [
          { __typename: 'Post', id: globalId('Post', post.id), title: post.title },
          { __typename: 'User', id: globalId('User', ada.id), username: 'Ada' },
          null,
        ],
      },
    });
  });

  it.each([
    ['not base64 at all', '%%%'],
    ['an unknown type', globalId('Comment' as 'User', 1)],
    ['a non-numeric id', Buffer.from('Post:abc').toString('base64')],
    ['a zero id', Buffer.from('Post:0').toString('base64')],
    ['an id beyond int4', Buffer.from('Post:99999999999').toString('base64')],
    ['no type', Buffer.from(':1').toString('base64')],
  ])('refuse %s as BAD_USER_INPUT', async (_case, id) => {
    const result = await t.graphql(graphql(`query NodesNode($id: ID!) { node(id: $id) { id } }`), { id });
    expect(result.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } })]);
    expect(result.errors![0]!.message).toMatch(/^Invalid ID/);
  });
});

describe('post(id)', () => {
  it('returns the post with its author', async () => {
    const result = await t.graphql(
      graphql(
        `query NodesPost($id: ID!) { post(id: $id) { id title content datePosted updatedAt author { username } } }`,
      ),
      { id: globalId('Post', post.id) },
    );
    expect(expectData(result).post).toEqual({
      id: globalId('Post', post.id),
      title: post.title,
      content: post.content,
      datePosted: post.datePosted.toISOString(),
      updatedAt: post.updatedAt.toISOString(),
      author: { username: 'Ada' },
    });
  });

  it('is null for a post that does not exist', async () => {
    const result = await t.graphql(graphql(`query NodesPost2($id: ID!) { post(id: $id) { id } }`), {
      id: globalId('Post', 424242),
    });
    expect(result).toEqual({ data: { post: null } });
  });

  it("refuses a user's ID as BAD_USER_INPUT", async () => {
    const result = await t.graphql(graphql(`query NodesPost2($id: ID!) { post(id: $id) { id } }`), {
      id: globalId('User', ada.id),
    });
    expect(result.errors).toEqual([expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } })]);
  });
});

describe('user(username)', () => {
  it('matches the username exactly', async () => {
    const query = graphql(`query NodesQuery($username: String!) { user(username: $username) { username } }`);
    expect(expectData(await t.graphql(query, { username: 'Ada' })).user).toEqual({ username: 'Ada' });
    expect(expectData(await t.graphql(query, { username: 'ada' })).user).toBeNull();
    expect(expectData(await t.graphql(query, { username: 'Ad' })).user).toBeNull();
  });

  it('shows the default picture as an absolute URL and hides the email from others', async () => {
    const result = await t.graphql(graphql(`query NodesUser { user(username: "Ada") { imageUrl email createdAt } }`));
    expect(expectData(result).user).toEqual({
      imageUrl: `${PUBLIC_URL}/pictures/default.jpg`,
      email: null,
      createdAt: ada.createdAt.toISOString(),
    });
  });

  it('has no field that could reveal the password hash', async () => {
    const result = await t.graphql(graphql(`query NodesUserFields { __type(name: "User") { fields { name } } }`));
    const fields = expectData(result).__type?.fields?.map((field) => field.name) ?? [];
    expect(fields).toContain('username');
    expect(fields).not.toContain('passwordHash');
    expect(fields.some((name) => /password/i.test(name))).toBe(false);
    expect((await t.graphql(`{ user(username: "Ada") { passwordHash } }`)).errors?.[0]?.message).toMatch(
      /Cannot query field "passwordHash"/,
    );
  });
});
