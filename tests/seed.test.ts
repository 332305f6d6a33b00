import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { connectPrisma } from '../src/db/client.ts';
import { openDatabase } from '../src/db/database.ts';
import { migrate } from '../src/db/migrate.ts';
import { DEMO_PASSWORD, RANDOM_DEMO_PASSWORDS, seedDemoBlog } from '../src/db/seed.ts';
import { LOGIN } from './helpers/accounts.ts';
import { createServerDatabase } from './helpers/database.ts';
import { expectData, type LogLine, startTestApp, type TestApp } from './helpers/test-app.ts';
import { graphql } from './generated/gql.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const logIn = async (password: string) =>
  expectData(await t.graphql(LOGIN, { input: { email: 'coreyms@demo.com', password } })).login;

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
  await seedDemoBlog(t.prisma);
  const result = await t.graphql(
    graphql(
      `query SeedPosts { posts(first: 25) { totalCount edges { node { title datePosted author { username } } } } }`,
    ),
  );
  const dates = expectData(result).posts.edges.map((edge) => edge.node.datePosted);
  expect(expectData(result).posts.totalCount).toBe(25);
  expect(dates).toEqual([...dates].sort().reverse());
  expect(new Set(expectData(result).posts.edges.map((edge) => edge.node.author.username))).toEqual(
    new Set(['CoreyMS', 'TestUser', 'AdaL']),
  );
});

it('gives production demo accounts random passwords: the known one does not log in', async () => {
  expect(await seedDemoBlog(t.prisma, { randomPasswords: true })).toEqual({ users: 3, posts: 25 });
  expect((await logIn(DEMO_PASSWORD)).__typename).toBe('LoginFailedError');
  const hashes = (await t.prisma.user.findMany()).map((user) => user.passwordHash);
  expect(new Set(hashes).size).toBe(3); // one password each, not one shared
  for (const hash of hashes) expect(await bcrypt.compare(DEMO_PASSWORD, hash)).toBe(false);

  await t.reset();
  await seedDemoBlog(t.prisma); // development
  expect((await logIn(DEMO_PASSWORD)).__typename).toBe('LoginSuccess');
});

it('a production start on the embedded database seeds nothing unless asked, and then logs no password', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-production-'));
  const logs: LogLine[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const production = {
    NODE_ENV: 'production',
    JWT_SECRET: 'x'.repeat(32),
    MAIL_TRANSPORT: 'outbox',
    DATA_DIR: dataDir,
  };
  try {
    const plain = await openDatabase(loadConfig(production), logger);
    expect(await plain.prisma.user.count()).toBe(0);
    await plain.close();

    const seeded = await openDatabase(loadConfig({ ...production, SEED_ON_START: 'true' }), logger);
    try {
      const users = await seeded.prisma.user.findMany();
      expect(users).toHaveLength(3);
      for (const user of users) expect(await bcrypt.compare(DEMO_PASSWORD, user.passwordHash)).toBe(false);
    } finally {
      await seeded.close();
    }
    const notice = logs.filter((line) => line.msg === RANDOM_DEMO_PASSWORDS);
    expect(notice).toHaveLength(1);
    expect(notice[0]).toMatchObject({ level: 40, users: 3, posts: 25 });
    expect(Object.keys(notice[0]!).sort()).toEqual(['hostname', 'level', 'msg', 'pid', 'posts', 'time', 'users']);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
