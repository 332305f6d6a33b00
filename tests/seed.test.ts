import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoBlog } from '../src/db/seed.ts';
import bcrypt from 'bcryptjs';
import { connectPrisma } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { createServerDatabase } from './helpers/database.ts';
import { startTestApp, type TestApp, type QueryData } from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('loads the demo blog once, however often it runs', async () => {
  expect(await seedDemoBlog(t.prisma)).toEqual({ users: 3, posts: 25 });
  expect(await seedDemoBlog(t.prisma)).toEqual({ users: 0, posts: 0 });
  expect(await t.prisma.user.count()).toBe(3);
  expect(await t.prisma.post.count()).toBe(25);
  const user = await t.prisma.user.findUniqueOrThrow({ where: { username: 'CoreyMS' } });
  expect(await bcrypt.compare(DEMO_PASSWORD, user.passwordHash)).toBe(true);
});

it('loads it once when instances start together on an empty PostgreSQL database', async () => {
  const database = await createServerDatabase('flaskblog_seed');
  await migrate({ url: database.url });
  const instances = [1, 2, 3].map(() => connectPrisma({ url: database.url, poolSize: 2 }));
  try {
    const results = await Promise.all(instances.map((instance) => seedDemoBlog(instance.prisma)));
    expect(results.map((result) => result.users).sort()).toEqual([0, 0, 3]);
    expect(await instances[0]!.prisma.post.count()).toBe(25);
  } finally {
    await Promise.all(instances.map((instance) => instance.disconnect()));
    await database.drop();
  }
});

it('shows the seeded posts through the API, newest first', async () => {
  const result = await t.graphql(
    `{ posts(first: 25) { totalCount edges { node { title datePosted author { username } } } } }`,
  );
  const dates = result.data.posts.edges.map((edge: QueryData) => edge.node.datePosted);
  expect(result.data.posts.totalCount).toBe(25);
  expect(dates).toEqual([...dates].sort().reverse());
  expect(new Set(result.data.posts.edges.map((edge: QueryData) => edge.node.author.username))).toEqual(
    new Set(['CoreyMS', 'TestUser', 'AdaL']),
  );
});
