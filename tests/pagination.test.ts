import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPosts, createUser, globalId } from './helpers/factories.ts';
import { expectData, startTestApp, type TestApp } from './helpers/test-app.ts';
import { graphql } from './generated/gql.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const FEED = graphql(`query PaginationFeed($first: Int, $after: String, $last: Int, $before: String) {
  posts(first: $first, after: $after, last: $last, before: $before) {
    totalCount
    edges { cursor node { id title } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`);

async function feed(variables: Record<string, unknown> = {}) {
  const result = await t.graphql(FEED, variables);
  expect(result.errors).toBeUndefined();
  return expectData(result).posts;
}

const titles = (page: { edges: { node: { title: string } }[] }) => page.edges.map((edge) => edge.node.title);

describe('the posts feed', () => {
  it('is an empty page when there are no posts', async () => {
    const page = await feed();
    expect(page).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
    });
  });

  it('gives 5 posts by default, newest first, as the original did', async () => {
    const author = await createUser(t.prisma);
    const posts = await createPosts(t.prisma, author, 7);
    const page = await feed();
    expect(titles(page)).toEqual(posts.slice(0, 5).map((post) => post.title));
    expect(page.totalCount).toBe(7);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('walks an exact multiple of the page size without an empty last page', async () => {
    const author = await createUser(t.prisma);
    const posts = await createPosts(t.prisma, author, 10);
    const first = await feed({ first: 5 });
    const second = await feed({ first: 5, after: first.pageInfo.endCursor });
    expect(titles(first)).toEqual(posts.slice(0, 5).map((post) => post.title));
    expect(titles(second)).toEqual(posts.slice(5).map((post) => post.title));
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('pages backwards with last/before', async () => {
    const author = await createUser(t.prisma);
    const posts = await createPosts(t.prisma, author, 8);
    const all = await feed({ first: 8 });
    const before = all.edges[6]!.cursor;
    const page = await feed({ last: 3, before });
    expect(titles(page)).toEqual(posts.slice(3, 6).map((post) => post.title));
    expect(page.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    const start = await feed({ last: 3, before: page.pageInfo.startCursor });
    expect(titles(start)).toEqual(posts.slice(0, 3).map((post) => post.title));
    expect(start.pageInfo.hasPreviousPage).toBe(false);
  });

  it('returns no edges for first: 0 and allows 100', async () => {
    const author = await createUser(t.prisma);
    await createPosts(t.prisma, author, 3);
    expect((await feed({ first: 0 })).edges).toEqual([]);
    expect((await feed({ first: 100 })).edges).toHaveLength(3);
  });

  it('breaks ties between posts with the same timestamp by id, so none is skipped or repeated', async () => {
    const author = await createUser(t.prisma);
    const at = new Date('2024-05-05T05:05:05Z');
    for (let i = 0; i < 7; i++) {
      await t.prisma.post.create({ data: { title: `tie ${i}`, content: 'x', authorId: author.id, datePosted: at } });
    }
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await feed({ first: 2, after });
      seen.push(...titles(page));
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
    } while (after);
    expect(seen).toEqual(['tie 6', 'tie 5', 'tie 4', 'tie 3', 'tie 2', 'tie 1', 'tie 0']);
  });

  it('keeps a cursor valid after its post is deleted and new posts arrive', async () => {
    const author = await createUser(t.prisma);
    const posts = await createPosts(t.prisma, author, 6);
    const first = await feed({ first: 3 });
    await t.prisma.post.delete({ where: { id: posts[2]!.id } });
    await createPosts(t.prisma, author, 2, new Date('2030-01-01T00:00:00Z'));
    const next = await feed({ first: 3, after: first.pageInfo.endCursor });
    expect(titles(next)).toEqual(posts.slice(3).map((post) => post.title));
  });
});

describe('connection arguments', () => {
  it.each([
    [{ first: 101 }, 'Argument "first" must be between 0 and 100.'],
    [{ first: -1 }, 'Argument "first" must be between 0 and 100.'],
    [{ last: 1000 }, 'Argument "last" must be between 0 and 100.'],
  ])('refuses %o as BAD_USER_INPUT', async (variables, message) => {
    const result = await t.graphql(FEED, variables);
    expect(result.errors).toEqual([expect.objectContaining({ message, extensions: { code: 'BAD_USER_INPUT' } })]);
  });

  it.each([
    'garbage',
    Buffer.from('post:abc:1').toString('base64url'),
    Buffer.from('post:1700000000000:0').toString('base64url'),
    Buffer.from(`user:1`).toString('base64url'),
    'x'.repeat(10_000),
    '',
  ])('refuses the cursor %j as BAD_USER_INPUT', async (cursor) => {
    for (const variables of [{ after: cursor }, { before: cursor, last: 2 }]) {
      const result = await t.graphql(FEED, variables);
      if (cursor === '') {
        expect(result.errors).toBeUndefined(); // an empty cursor means "from the start"
        continue;
      }
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toMatch(/^Argument "(after|before)" must be a cursor/);
    }
  });
});

describe("a user's posts", () => {
  it('lists only that author, newest first, with counts', async () => {
    const [ada, bob] = [await createUser(t.prisma), await createUser(t.prisma)];
    const adasPosts = await createPosts(t.prisma, ada, 4);
    await createPosts(t.prisma, bob, 3);
    const result = await t.graphql(
      graphql(`query PaginationUser($username: String!) { user(username: $username) {
        id postCount posts(first: 3) { totalCount edges { node { title author { username } } } pageInfo { hasNextPage } }
      } }`),
      { username: ada.username },
    );
    expect(result.errors).toBeUndefined();
    const user = expectData(result).user!;
    expect(user.id).toBe(globalId('User', ada.id));
    expect(user.postCount).toBe(4);
    expect(user.posts.totalCount).toBe(4);
    expect(user.posts.pageInfo.hasNextPage).toBe(true);
    expect(user.posts.edges.map((edge) => edge.node)).toEqual(
      adasPosts.slice(0, 3).map((post) => ({ title: post.title, author: { username: ada.username } })),
    );
  });
});
