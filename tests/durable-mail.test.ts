import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createServerDatabase } from './helpers/database.ts';
import { startFakePostmark } from './helpers/fake-postmark.ts';
import { type ServerProcess, startServerProcess, untilReady } from './helpers/server-process.ts';
import { until } from './helpers/wait.ts';

// A reset mail acknowledged by an instance that then dies is delivered by another: real processes on one
// PostgreSQL database (made for this test), a fake Postmark, and SIGKILL.
let database: Awaited<ReturnType<typeof createServerDatabase>>;
const inDatabase = (sql: string) => database.sql(sql);

let postmark: Awaited<ReturnType<typeof startFakePostmark>>;
const servers: ServerProcess[] = [];
const folders: string[] = [];
beforeAll(async () => {
  database = await createServerDatabase('flaskblog_durable');
  postmark = await startFakePostmark();
});
afterEach(() => {
  for (const server of servers.splice(0)) if (server.child.exitCode === null) server.child.kill('SIGKILL');
});
afterAll(async () => {
  await postmark?.close();
  await database?.drop();
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

async function start() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaskblog-durable-'));
  folders.push(dataDir);
  const server = await startServerProcess(dataDir, {
    DATABASE_URL: database.url,
    POSTMARK_SERVER_TOKEN: 'test-token',
    POSTMARK_API_URL: postmark.url,
    BCRYPT_COST: '4',
  });
  servers.push(server);
  await untilReady(server);
  return server;
}

async function graphql(server: ServerProcess, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const register = (server: ServerProcess, username: string, email: string) =>
  graphql(server, 'mutation ($i: RegisterInput!) { register(input: $i) { __typename } }', {
    i: { username, email, password: 'password one', confirmPassword: 'password one' },
  });
const requestReset = (server: ServerProcess, email: string) =>
  graphql(server, 'mutation ($e: String!) { requestReset(email: $e) { __typename } }', { e: email });

it('delivers, once, a reset mail whose instance died after acknowledging it', { timeout: 180_000 }, async () => {
  const a = await start();
  const email = 'ada@demo.com';
  await register(a, 'Ada', email);
  postmark.failWith(500, { ErrorCode: 500, Message: 'Postmark is down' });
  const answer = await requestReset(a, email);
  expect(answer.data.requestReset.__typename).toBe('RequestResetSuccess'); // acknowledged

  // A tried once and failed; the job waits for its retry. Then A dies without a chance to clean up.
  await until(
    async () =>
      (await inDatabase('SELECT attempts, locked_at FROM graphile_worker.jobs')).some(
        (job) => job.attempts === 1 && job.locked_at === null,
      ),
    'the failed first attempt',
  );
  a.child.kill('SIGKILL');
  await a.exited;
  postmark.succeed();

  const delivered = () => postmark.requests.filter((request) => request.body?.To === email).length;
  const before = delivered(); // A's failed attempt
  await start();
  await until(() => delivered() > before, 'the mail, sent by the other instance');
  await until(
    async () => (await inDatabase('SELECT count(*)::int AS n FROM graphile_worker.jobs'))[0]!.n === 0,
    'the job to be done',
  );
  await new Promise((resolve) => setTimeout(resolve, 3000)); // nothing else arrives
  expect(delivered()).toBe(before + 1);
  expect(postmark.requests.at(-1)!.body.TextBody).toMatch(/reset-password\?token=[\w-]{43}/);
});

it('sends, within minutes, a reset mail whose instance was killed while its send hung', {
  timeout: 240_000,
}, async () => {
  const a = await start();
  const email = 'bea@demo.com';
  await register(a, 'Bea', email);
  postmark.hang(); // Postmark takes the request and never answers
  const to = (n: number) => postmark.requests.filter((request) => request.body?.To === email).length >= n;
  expect((await requestReset(a, email)).data.requestReset.__typename).toBe('RequestResetSuccess');
  await until(() => to(1), 'the send that hangs');
  a.child.kill('SIGKILL'); // the job is still locked by A's worker
  await a.exited;
  const killedAt = Date.now();
  postmark.succeed();

  const b = await start();
  await until(() => to(2), 'the mail, sent by the other instance', { timeoutMs: 120_000 });
  const waitedMs = Date.now() - killedAt;
  console.info(`A dead instance's reset mail was sent ${Math.round(waitedMs / 1000)} s after the kill`);
  expect(waitedMs).toBeLessThan(120_000); // graphile-worker alone frees the lock after 4 hours
  expect(b.output()).toMatch(/Released jobs of an instance that stopped renewing/);
  expect(postmark.requests.at(-1)!.body.TextBody).toMatch(/reset-password\?token=[\w-]{43}/);
  await until(
    async () => (await inDatabase('SELECT count(*)::int AS n FROM graphile_worker.jobs'))[0]!.n === 0,
    'the job to be done',
  );
});
