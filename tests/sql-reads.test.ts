import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPrisma } from '../src/db/client.ts';
import { countPostsByAuthor, selectPostPage } from '../src/modules/posts/post.queries.ts';
import { selectUsersById } from '../src/modules/users/user.queries.ts';
import { createPosts, createUser } from './helpers/factories.ts';
import { startTestApp, type TestApp } from './helpers/test-app.ts';

// The hot reads are hand-written SQL on Prisma's pool: they must return exactly what Prisma would.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  for (let i = 0; i < 3; i++) await createPosts(t.prisma, await createUser(t.prisma, { imageFile: `p${i}.png` }), 4);
  // Same timestamp, different ids, and a fractional millisecond part.
  const author = await t.prisma.user.findFirstOrThrow();
  for (let i = 0; i < 2; i++)
    await t.prisma.post.create({
      data: { title: `tie ${i}`, content: 'x', authorId: author.id, datePosted: new Date('2024-06-01T12:00:00.123Z') },
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
    ];
    for (const { query, expected } of cases) {
      const rows = await selectPostPage(t.sql, query);
      expect(rows.map(({ post, author }) => ({ ...post, author }))).toEqual(expected);
    }
  });

  it('users by id and post counts by author', async () => {
    const users = await t.prisma.user.findMany();
    const byId = await selectUsersById(
      t.sql,
      users.map((user) => user.id),
    );
    expect(users.map((user) => byId.get(user.id))).toEqual(users);
    const counts = await countPostsByAuthor(t.sql, [...users.map((user) => user.id), 999]);
    for (const user of users)
      expect(counts.get(user.id)).toBe(await t.prisma.post.count({ where: { authorId: user.id } }));
    expect(counts.has(999)).toBe(false);
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
