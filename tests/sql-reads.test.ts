import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPrisma } from '../src/db/client.ts';
import { findViewer } from '../src/modules/auth/sessions.ts';
import { searchQuery, selectSearchPage } from '../src/modules/posts/post.search.ts';
import { countPosts, countPostsByAuthor, selectPostPage, selectPostsById } from '../src/modules/posts/post.sql.ts';
import { selectUserByUsername, selectUsersById, selectUserWithFirstPage } from '../src/modules/users/user.sql.ts';
import { createPosts, createUser } from './helpers/factories.ts';
import { startTestApp, type TestApp } from './helpers/test-app.ts';

// The hot reads are typed SQL on Prisma's pool: they must return exactly what Prisma would.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  for (let i = 0; i < 3; i++) await createPosts(t.prisma, await createUser(t.prisma, { imageFile: `p${i}.png` }), 4);
  // Same timestamp, different ids, and a fractional millisecond part.
  // The first user by id: the triggers that count posts rewrite users' rows, so their order on disk changes.
  const author = await t.prisma.user.findFirstOrThrow({ orderBy: { id: 'asc' } });
  for (let i = 0; i < 2; i++)
    await t.prisma.post.create({
      data: {
        title: `tie ${i}`,
        content: 'x',
        authorId: author.id,
        datePosted: new Date('2024-06-01T12:00:00.123Z'),
        idempotencyKey: `key-${i}`,
      },
    });
});
afterAll(() => t.close());

const NEWEST = [{ datePosted: 'desc' as const }, { id: 'desc' as const }];

describe('typed SQL reads match Prisma', () => {
  it('a page of posts with their authors, forwards and backwards, from a position, for one author', async () => {
    const all = await t.prisma.post.findMany({ orderBy: NEWEST, include: { author: true } });
    const middle = all[5]!;
    const cases = [
      { query: { limit: 50, inverted: false }, expected: all },
      { query: { limit: 3, inverted: false, after: middle }, expected: all.slice(6, 9) },
      { query: { limit: 3, inverted: true, before: middle }, expected: all.slice(2, 5).reverse() },
      {
        query: { limit: 50, inverted: false, authorId: middle.authorId },
        expected: all.filter((post) => post.authorId === middle.authorId),
      },
      { query: { limit: 50, inverted: false, search: searchQuery('tie') }, expected: all.slice(0, 2) },
    ];
    for (const { query, expected } of cases) {
      const rows = await selectPostPage(t.sql, query);
      expect(rows.map(([post, author]) => ({ ...post, author }))).toEqual(expected);
    }
  });

  it('posts with their authors by id, none for an id without a post', async () => {
    const post = await t.prisma.post.findFirstOrThrow({
      where: { idempotencyKey: 'key-1' },
      include: { author: true },
    });
    const { author, ...fields } = post;
    const found = await selectPostsById(t.sql, [post.id, 999_999]);
    expect([...found]).toEqual([[post.id, [fields, author]]]);
  });

  it('users by id and by name, and post counts by author and in all', async () => {
    const users = await t.prisma.user.findMany({ orderBy: { id: 'asc' } });
    const byId = await selectUsersById(
      t.sql,
      users.map((user) => user.id),
    );
    expect(users.map((user) => byId.get(user.id))).toEqual(users);
    expect(await selectUserByUsername(t.sql, users[1]!.username)).toEqual(users[1]);
    expect(await selectUserByUsername(t.sql, 'nobody')).toBeNull();
    const counts = await countPostsByAuthor(t.sql, [...users.map((user) => user.id), 999]);
    for (const user of users)
      expect(counts.get(user.id)).toBe(await t.prisma.post.count({ where: { authorId: user.id } }));
    expect(counts.has(999)).toBe(false);
    expect(await countPosts(t.sql, {})).toBe(await t.prisma.post.count());
    expect(await countPosts(t.sql, { authorId: users[0]!.id, search: searchQuery('tie') })).toBe(2);
  });

  it('a user with the first page of their posts and its count, or none, or without posts', async () => {
    const user = await t.prisma.user.findFirstOrThrow({ include: { posts: { orderBy: NEWEST } } });
    const { posts, ...fields } = user;
    const page = await selectUserWithFirstPage(t.sql, user.username, 3);
    expect(page).toEqual({ user: fields, posts: posts.slice(0, 3) });
    expect(page!.user.postCount).toBe(posts.length); // the count comes with the user
    expect(await selectUserWithFirstPage(t.sql, user.username, 2)).toEqual({ user: fields, posts: posts.slice(0, 2) });
    const lonely = await createUser(t.prisma);
    const lonelyPage = await selectUserWithFirstPage(t.sql, lonely.username, 3);
    expect(lonelyPage).toEqual({ user: lonely, posts: [] });
    expect(lonelyPage!.user.postCount).toBe(0);
    expect(await selectUserWithFirstPage(t.sql, 'nobody', 3)).toBeNull();
  });

  it('a page of search results: the posts, their authors, ranks and excerpts', async () => {
    const { hits } = await selectSearchPage(t.sql, { search: searchQuery('tie'), limit: 5, inverted: false });
    const expected = await t.prisma.post.findMany({
      where: { title: { startsWith: 'tie' } },
      include: { author: true },
    });
    expect(hits.map(([post, author]) => ({ ...post, author }))).toEqual(expect.arrayContaining(expected));
    expect(hits).toHaveLength(2);
    for (const [, , rank, excerpt] of hits) {
      expect(rank).toBeGreaterThan(0);
      expect(excerpt).toBe('x');
    }
  });

  it('the viewer of an open session, and nobody for an unknown one', async () => {
    const user = await t.prisma.user.findFirstOrThrow();
    const session = await t.prisma.session.create({
      data: { userId: user.id, expiresAt: new Date(Date.now() + 60_000), lastUsedAt: new Date(0) },
    });
    expect(await findViewer(t.sql, user.id, session.id, new Date())).toEqual(user);
    expect(await findViewer(t.sql, user.id + 1, session.id, new Date())).toBeNull();
    const touched = await t.prisma.session.findUniqueOrThrow({ where: { id: session.id } });
    expect(touched.lastUsedAt.getTime()).toBeGreaterThan(0); // its use is recorded by the same statement
  });
});

it('still reads after the pool replaces its connection (PGlite keeps one backend for every connection)', async () => {
  const pool = () =>
    connectPrisma({ url: t.db.url, poolSize: 1, schema: t.db.schema, embedded: t.db.schema === undefined });
  const [before, after] = [pool(), pool()];
  try {
    expect(await selectPostPage(before.sql, { limit: 2, inverted: false })).toHaveLength(2);
    await before.disconnect();
    expect(await selectPostPage(after.sql, { limit: 2, inverted: false })).toHaveLength(2);
  } finally {
    await after.disconnect();
  }
});
