import { randomBytes } from 'node:crypto';
import net from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/db/migrate.ts';
import {
  memoryRateLimiter,
  postgresRateLimiter,
  type RateLimiter,
  redisRateLimiter,
} from '../src/modules/ratelimit/limiter.ts';
import { LOGIN, signUp } from './helpers/accounts.ts';
import { createTestDatabase, POSTGRES_SERVER_URL, type TestDatabase } from './helpers/database.ts';
import { expectData, startTestApp, type TestApp } from './helpers/test-app.ts';

// The same budgets through the same code (rate-limiter-flexible) in every store: this process's memory, Redis,
// and PostgreSQL. Redis and PostgreSQL are real servers; CI starts them, and without them this file fails.
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function reachable(url: string, defaultPort: number): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port || defaultPort), hostname, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

let pgDatabase: TestDatabase;
const opened: RateLimiter[] = [];
const stores: Record<string, () => Promise<RateLimiter>> = {
  memory: async () => memoryRateLimiter(),
  redis: () => redisRateLimiter(REDIS_URL, `test:${randomBytes(4).toString('hex')}:`),
  postgres: async () => postgresRateLimiter(pgDatabase.url, pgDatabase.schema),
};
/** Two limiters over one store, as two server instances would have. */
const sharedPair: Record<string, () => Promise<[RateLimiter, RateLimiter]>> = {
  redis: async () => {
    const prefix = `test:${randomBytes(4).toString('hex')}:`;
    return [await redisRateLimiter(REDIS_URL, prefix), await redisRateLimiter(REDIS_URL, prefix)];
  },
  postgres: async () => [
    postgresRateLimiter(pgDatabase.url, pgDatabase.schema),
    postgresRateLimiter(pgDatabase.url, pgDatabase.schema),
  ],
};
async function open(store: () => Promise<RateLimiter>) {
  const limiter = await store();
  opened.push(limiter);
  return limiter;
}

beforeAll(async () => {
  for (const [name, url, port] of [
    ['Redis', REDIS_URL, 6379],
    ['PostgreSQL', POSTGRES_SERVER_URL, 5432],
  ] as const) {
    if (!(await reachable(url, port)))
      throw new Error(`${name} must be running at ${url} for the shared rate-limit tests (.ci/run starts it)`);
  }
  pgDatabase = await createTestDatabase(POSTGRES_SERVER_URL);
  await migrate({ url: pgDatabase.url, schema: pgDatabase.schema });
});
afterAll(async () => {
  await Promise.all(opened.map((limiter) => limiter.close()));
  await pgDatabase?.close();
});

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'allowed',
    (error) => error.extensions?.code ?? String(error),
  );

describe.each(Object.keys(stores))('the %s store', (name) => {
  it('allows the limit, refuses the next with the wait, and opens again when the window ends', async () => {
    const limiter = await open(stores[name]!);
    const budget = { key: `k:${randomBytes(4).toString('hex')}`, limit: 3, windowMs: 1000 };
    for (let i = 0; i < 3; i++) expect(await codeOf(limiter.consume([budget]))).toBe('allowed');
    const refused = await limiter.consume([budget]).catch((error) => error);
    expect(refused.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await codeOf(limiter.consume([budget]))).toBe('allowed');
  });

  it('counts concurrent attempts exactly, and a refund gives one back', async () => {
    const limiter = await open(stores[name]!);
    const budget = { key: `k:${randomBytes(4).toString('hex')}`, limit: 5, windowMs: 60_000 };
    const codes = await Promise.all(Array.from({ length: 20 }, () => codeOf(limiter.consume([budget]))));
    expect(codes.filter((code) => code === 'allowed')).toHaveLength(5);
    const pair = { key: `k:${randomBytes(4).toString('hex')}`, limit: 2, windowMs: 60_000 };
    await limiter.consume([pair]);
    await limiter.consume([pair]);
    await limiter.refund([pair]);
    expect(await codeOf(limiter.consume([pair]))).toBe('allowed');
    expect(await codeOf(limiter.consume([pair]))).toBe('RATE_LIMITED');
  });

  it('takes from every budget at once and refuses when any is spent', async () => {
    const limiter = await open(stores[name]!);
    const narrow = { key: `n:${randomBytes(4).toString('hex')}`, limit: 1, windowMs: 60_000 };
    const wide = { key: `w:${randomBytes(4).toString('hex')}`, limit: 10, windowMs: 60_000 };
    expect(await codeOf(limiter.consume([narrow, wide]))).toBe('allowed');
    expect(await codeOf(limiter.consume([narrow, wide]))).toBe('RATE_LIMITED');
    expect(await codeOf(limiter.consume([{ ...narrow, key: `${narrow.key}:other` }, wide]))).toBe('allowed');
  });

  it('keeps long keys (client-chosen emails) within the store limits', async () => {
    const limiter = await open(stores[name]!);
    const budget = { key: `register:email:${'x'.repeat(5000)}@demo.com`, limit: 1, windowMs: 60_000 };
    expect(await codeOf(limiter.consume([budget]))).toBe('allowed');
    expect(await codeOf(limiter.consume([budget]))).toBe('RATE_LIMITED');
  });
});

describe('the memory store stays bounded', () => {
  it('forgets 100,000 distinct keys once their window has passed', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      gc();
      return process.memoryUsage().heapUsed;
    };
    const limiter = memoryRateLimiter();
    const baseline = heap();
    for (let i = 0; i < 100_000; i += 1000) {
      await Promise.all(
        Array.from({ length: 1000 }, (_, j) =>
          limiter.consume([{ key: `register:email:${i + j}@spray.example`, limit: 5, windowMs: 1000 }]),
        ),
      );
    }
    const full = heap();
    expect(full - baseline).toBeGreaterThan(5 * 1024 * 1024); // the keys are really held meanwhile
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(heap() - baseline).toBeLessThan((full - baseline) / 10);
  });
});

describe.each(Object.keys(sharedPair))('two server instances sharing %s', (name) => {
  let apps: TestApp[] = [];
  beforeAll(async () => {
    const limiters = await sharedPair[name]!();
    opened.push(...limiters);
    apps = await Promise.all(limiters.map((limiter) => startTestApp({ limiter })));
    // Each instance has its own database here; the account exists in both, the budget is one.
    for (const app of apps) await signUp(app, { email: 'ada@demo.com', password: 'the right one' });
  });
  afterAll(() => Promise.all(apps.map((app) => app.close())));

  it('enforce one login budget between them', async () => {
    const [a, b] = apps as [TestApp, TestApp];
    const attempt = async (app: TestApp, password: string) => {
      const result = await app.graphql(LOGIN, { input: { email: 'ada@demo.com', password } }, { ip: '198.51.100.1' });
      return result.errors?.[0]?.extensions?.code ?? expectData(result).login.__typename;
    };
    for (const app of [a, b, a, b, a]) expect(await attempt(app, 'wrong password')).toBe('LoginFailedError');
    expect(await attempt(b, 'the right one')).toBe('RATE_LIMITED');
    expect(await attempt(a, 'the right one')).toBe('RATE_LIMITED');
  });
});
