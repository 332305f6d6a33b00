import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pgClient from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/db/migrate.ts';
import { signUp } from './helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { postgresBinaries, type PrivatePostgres, startPrivatePostgres } from './helpers/private-postgres.ts';
import { startServerProcess, untilReady } from './helpers/server-process.ts';
import { graphql } from './generated/gql.ts';
import { textOf } from './helpers/graphql.ts';
import {
  expectData,
  expectTypename,
  type GraphQLResponse,
  type ResultOf,
  startTestApp,
  type TestApp,
} from './helpers/test-app.ts';

// A database that stops answering (every PostgreSQL process of a private cluster stopped with SIGSTOP): requests
// must end with a coded error instead of hanging, readiness must say so, and a retried write must not double.
// Never skipped: without PostgreSQL's server binaries (Debian's postgresql package) this file fails, saying so.
const bin = postgresBinaries();

const CREATE = graphql(
  `mutation DatabaseOutageCreate($input: CreatePostInput!) { createPost(input: $input) { __typename ... on CreatePostSuccess { post { id } } } }`,
);
type Created = GraphQLResponse<ResultOf<typeof CREATE>>;

describe('a frozen database', { timeout: 180_000 }, () => {
  let pg: PrivatePostgres;
  let db: TestDatabase;
  let t: TestApp;
  let slow: TestApp; // database timeouts longer than its request deadline
  let token: string;
  beforeAll(async () => {
    if (!bin)
      throw new Error(
        'PostgreSQL server binaries (/usr/lib/postgresql/<version>/bin) are needed for the frozen-database tests',
      );
    pg = await startPrivatePostgres(bin);
    db = await createTestDatabase(pg.url);
    await migrate({ url: db.url, schema: db.schema });
    t = await startTestApp({
      database: db,
      databaseTimeouts: { connectMs: 1000, statementMs: 1000 },
      protection: { mutationsPerMinute: 100_000 },
    });
    slow = await startTestApp({
      database: db,
      databaseTimeouts: { connectMs: 20_000, statementMs: 20_000 },
      protection: { requestTimeoutMs: 1000 },
    });
    ({ token } = await signUp(t, { username: 'Ada' }));
  }, 120_000);
  afterAll(async () => {
    pg?.thaw();
    await t?.close();
    await slow?.close();
    await db?.close();
    pg?.stop();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    t.app.fetch('http://blog.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('answers SERVICE_UNAVAILABLE (503, Retry-After) and /ready 503 instead of hanging; a retried create with its key makes one post', async () => {
    const input = { title: 'Sent while frozen', content: 'x', idempotencyKey: 'retry-me-1' };
    pg.freeze();
    try {
      for (const [body, headers] of [
        [{ query: '{ posts { edges { node { title } } } }' }, {}],
        [{ query: textOf(CREATE), variables: { input } }, { authorization: `Bearer ${token}` }],
      ] as const) {
        const response = await post(body, headers);
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('5');
        const answer = await response.json();
        expect(answer.errors[0].extensions).toMatchObject({
          code: 'SERVICE_UNAVAILABLE',
          requestId: expect.any(String),
        });
      }
      expect((await t.app.fetch('http://blog.test/ready')).status).toBe(503);
    } finally {
      pg.thaw();
    }

    // The client retries with the same key until the database answers again: one post, however many tries.
    let created: ResultOf<typeof CREATE>['createPost'] | undefined;
    for (let attempt = 0; attempt < 30 && created?.__typename !== 'CreatePostSuccess'; attempt++) {
      const response = await post(
        { query: textOf(CREATE), variables: { input } },
        { authorization: `Bearer ${token}` },
      );
      created = ((await response.json()) as Created).data?.createPost;
      if (created?.__typename !== 'CreatePostSuccess') await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const first = expectTypename(created, 'CreatePostSuccess');
    const again = await post({ query: textOf(CREATE), variables: { input } }, { authorization: `Bearer ${token}` });
    const retried = expectTypename(expectData((await again.json()) as Created).createPost, 'CreatePostSuccess');
    expect(retried.post.id).toBe(first.post.id);
    expect(await t.prisma.post.count({ where: { idempotencyKey: 'retry-me-1' } })).toBe(1);
    expect((await t.app.fetch('http://blog.test/ready')).status).toBe(200);
  });

  it('answers every request during a freeze within its deadline: session lookups and pool waits included', async () => {
    // Production's database timeouts (5 s for a connection, 10 s per statement, 11 s on the client) and a 3 s
    // deadline. Before, the session lookup in the context was outside the deadline and took up to 11 s.
    const app = await startTestApp({
      database: db,
      databaseTimeouts: { connectMs: 5000, statementMs: 10_000 },
      protection: { requestTimeoutMs: 3000, mutationsPerMinute: 100_000 },
    });
    try {
      const { token: viewer } = await signUp(app, { username: 'Grace' });
      const call = async (body: unknown, token?: string) => {
        const started = Date.now();
        const response = await app.app.fetch('http://blog.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(body),
        });
        const answer = await response.json();
        return { ms: Date.now() - started, status: response.status, code: answer.errors?.[0]?.extensions?.code };
      };
      const feed = { query: '{ posts(first: 5) { edges { node { title } } } }' };
      const me = { query: '{ me { username } }' };
      const create = (n: number) => ({
        query: textOf(CREATE),
        variables: { input: { title: `Frozen ${n}`, content: 'x', idempotencyKey: `frozen-${n}` } },
      });
      // Every pooled connection open (and then frozen), so lookups wait on a statement or for a connection.
      await Promise.all(Array.from({ length: 8 }, () => call(me, viewer)));
      pg.freeze();
      let answers: Awaited<ReturnType<typeof call>>[];
      try {
        answers = await Promise.all([
          ...Array.from({ length: 6 }, () => call(me, viewer)),
          ...Array.from({ length: 6 }, () => call(feed, viewer)),
          ...Array.from({ length: 4 }, () => call(feed)),
          ...Array.from({ length: 4 }, (_, n) => call(create(n), viewer)),
        ]);
      } finally {
        pg.thaw();
      }
      for (const answer of answers) {
        expect(answer).toMatchObject({
          status: 503,
          code: expect.stringMatching(/^(SERVICE_UNAVAILABLE|REQUEST_TIMEOUT)$/),
        });
        expect(answer.ms).toBeLessThan(10_000);
      }
    } finally {
      await app.close();
    }
  });

  it('ends an operation at its deadline with REQUEST_TIMEOUT, even when its statement would wait longer', async () => {
    const feed = JSON.stringify({ query: '{ posts { edges { node { title } } } }' });
    const call = () =>
      slow.app.fetch('http://blog.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: feed,
      });
    expect((await call()).status).toBe(200); // a warm connection, which the freeze then holds
    pg.freeze();
    try {
      const response = await call();
      expect(response.status).toBe(503);
      expect((await response.json()).errors[0].extensions).toMatchObject({
        code: 'REQUEST_TIMEOUT',
        requestId: expect.any(String),
      });
    } finally {
      pg.thaw();
    }
  });
  it('a server process that gets SIGTERM while its database is frozen still runs every shutdown step, each bounded', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaskblog-frozen-'));
    const admin = new pgClient.Client({ connectionString: pg.url });
    await admin.connect();
    await admin.query('CREATE DATABASE shutdown_frozen');
    await admin.end();
    const server = await startServerProcess(dataDir, {
      DATABASE_URL: pg.url.replace(/\/postgres$/, '/shutdown_frozen'),
      SHUTDOWN_GRACE_MS: '0',
      SHUTDOWN_TIMEOUT_MS: '2000',
    });
    try {
      await untilReady(server);
      const feed = JSON.stringify({ query: '{ posts { totalCount } }' });
      const headers = { 'content-type': 'application/json' };
      await fetch(`http://127.0.0.1:${server.port}/graphql`, { method: 'POST', headers, body: feed });
      pg.freeze();
      const signalled = Date.now();
      server.child.kill('SIGTERM');
      const code = await server.exited;
      // Steps that wait on the database give up at their bounds; the hard-exit guard (at 30 s here) is not needed.
      expect(Date.now() - signalled).toBeLessThan(30_000);
      expect(server.output()).toContain('Stopped, but not every step finished');
      expect(code).toBe(1);
    } finally {
      pg.thaw();
      if (server.child.exitCode === null) server.child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
