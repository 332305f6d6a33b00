import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PrivateRedis, startPrivateRedis } from './helpers/private-redis.ts';
import { type ServerProcess, startServerProcess, untilReady } from './helpers/server-process.ts';
import { until } from './helpers/wait.ts';

// Redis is an accelerator (response cache, event bus, rate limits), not a dependency of reads and writes: with
// Redis killed for 20 s, a real server process keeps answering every read and write, live streams end cleanly,
// and once Redis is back new subscribers receive events again.
const REGISTER = `mutation ($input: RegisterInput!) { register(input: $input) { __typename } }`;
const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { ... on LoginSuccess { token } } }`;
const CREATE = `mutation ($input: CreatePostInput!) { createPost(input: $input) { __typename } }`;
const FEED = '{ posts(first: 100) { totalCount edges { node { title } } } }';
const CHANGES = 'subscription { postChanged { kind post { title } } }';

/** A live SSE subscription: the events it has received, and whether the server ended it. */
function subscribe(url: string) {
  const seen = { events: [] as { data?: unknown; errors?: { extensions?: { code?: string } }[] }[], ended: false };
  const abort = new AbortController();
  void (async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: CHANGES }),
      signal: abort.signal,
    });
    const decoder = new TextDecoder();
    let text = '';
    for await (const chunk of response.body!) {
      text += decoder.decode(chunk, { stream: true });
      for (let end = text.indexOf('\n\n'); end !== -1; end = text.indexOf('\n\n')) {
        const data = /^data: (.+)$/m.exec(text.slice(0, end));
        if (/^event: next$/m.test(text.slice(0, end)) && data) seen.events.push(JSON.parse(data[1]!));
        text = text.slice(end + 2);
      }
    }
    seen.ended = true;
  })().catch(() => {});
  return { seen, stop: () => abort.abort() };
}

describe('Redis killed for 20 s under a server with EVENT_BUS, RESPONSE_CACHE and RATE_LIMIT_STORE on Redis', {
  timeout: 240_000,
}, () => {
  let redis: PrivateRedis;
  let server: ServerProcess;
  let url: string;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'redis-outage-'));
  beforeAll(async () => {
    redis = await startPrivateRedis();
    server = await startServerProcess(dataDir, {
      EVENT_BUS: 'redis',
      RESPONSE_CACHE: 'redis',
      RATE_LIMIT_STORE: 'redis',
      REDIS_URL: redis.url,
      SEED_ON_START: 'false',
      MUTATIONS_PER_MINUTE: '10000',
    });
    await untilReady(server);
    url = `http://127.0.0.1:${server.port}/graphql`;
  }, 180_000);
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await redis?.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const post = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: await response.json() };
  };
  const ready = async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/ready`);
    return { status: response.status, body: await response.json() };
  };

  it('answers every read and write, ends live streams with SERVICE_UNAVAILABLE, and delivers again once Redis is back', async () => {
    const input = { username: 'Ada', email: 'ada@example.com', password: 'correct horse battery' };
    await post(REGISTER, { input: { ...input, confirmPassword: input.password } });
    const token = (await post(LOGIN, { input: { email: input.email, password: input.password } })).body.data.login
      .token;
    expect((await post(FEED)).body.data.posts.totalCount).toBe(0); // cached, in Redis
    await until(async () => (await ready()).body.status === 'ready', 'the event bus to be up');
    const before = subscribe(url);
    await new Promise((resolve) => setTimeout(resolve, 500));

    await redis.kill();
    await until(() => before.seen.ended, 'the open subscription to end');
    expect(before.seen.events.at(-1)?.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');

    const answers: { status: number; codes: string[] }[] = [];
    let created = 0;
    const record = ({ status, body }: { status: number; body: { errors?: { extensions?: { code?: string } }[] } }) =>
      answers.push({ status, codes: (body.errors ?? []).map((error) => error.extensions?.code ?? 'none') });
    for (const outageEnds = Date.now() + 20_000; Date.now() < outageEnds; ) {
      const write = await post(CREATE, { input: { title: `During ${created}`, content: 'x' } }, token);
      record(write);
      if (write.body.data?.createPost.__typename === 'CreatePostSuccess') created++;
      const read = await post(FEED);
      record(read);
      expect(read.body.data.posts.totalCount).toBe(created); // never a stale answer
      record(await post(LOGIN, { input: { email: input.email, password: 'a wrong password' } }));
    }
    const during = subscribe(url);
    await until(() => during.seen.ended, 'a subscription refused while Redis is away');
    expect(during.seen.events[0]?.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(await ready()).toMatchObject({ status: 200, body: { status: 'degraded' } });
    expect(answers.filter(({ status }) => status >= 500)).toEqual([]);
    expect(answers.filter(({ codes }) => codes.includes('INTERNAL_SERVER_ERROR'))).toEqual([]);
    expect(created).toBeGreaterThan(0);

    await redis.start();
    await until(async () => (await ready()).body.status === 'ready', 'the server to find Redis again');
    const after = subscribe(url);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await post(CREATE, { input: { title: 'After', content: 'x' } }, token);
    await until(() => after.seen.events.length === 1, 'an event after Redis is back');
    expect(after.seen.events[0]).toEqual({ data: { postChanged: { kind: 'CREATED', post: { title: 'After' } } } });
    expect((await post(FEED)).body.data.posts.totalCount).toBe(created + 1);
    after.stop();
    expect(server.output()).not.toMatch(/Unhandled|uncaught/i);
  });
});
