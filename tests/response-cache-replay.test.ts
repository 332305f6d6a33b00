import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ResponseCacheOptions } from '../src/pipeline/response-cache.ts';
import {
  type AnswerStore,
  memoryAnswerStore,
  memoryDataVersion,
  redisAnswerStore,
  redisDataVersion,
} from '../src/pipeline/response-cache-stores.ts';
import { LOGIN, signUp } from './helpers/accounts.ts';
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

const ME = graphql(`query ResponseCacheReplayMe { me { username } }`);
const LOGOUT = graphql(`mutation ResponseCacheReplayLogout { logout { __typename } }`);
const REQUEST_RESET = graphql(
  `mutation ResponseCacheReplayRequestReset($email: String!) { requestReset(email: $email) { __typename } }`,
);
const FEED = graphql(`query ResponseCacheReplayFeed { posts(first: 2) { edges { node { title } } } }`);

/** The store the app uses, with every key it was asked to keep. */
function recording(store: AnswerStore) {
  const stored: string[] = [];
  return {
    stored,
    store: {
      get: (key: string) => store.get(key),
      set: (key: string, answer: Parameters<AnswerStore['set']>[1], ttlMs: number) => {
        stored.push(JSON.stringify(answer));
        return store.set(key, answer, ttlMs);
      },
    } satisfies AnswerStore,
  };
}

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
  keyPrefix: `test:${randomBytes(4).toString('hex')}:`,
});
const stores: Record<string, () => ResponseCacheOptions> = {
  memory: () => ({ store: memoryAnswerStore(), version: memoryDataVersion(), ttlMs: 60_000 }),
  redis: () => ({ store: redisAnswerStore(redis), version: redisDataVersion(redis), ttlMs: 60_000 }),
};
afterAll(() => redis.quit());

describe.each(Object.keys(stores))('with the response cache in %s, mutations always run', (kind) => {
  let t: TestApp;
  let stored: string[];
  const options = stores[kind]!();
  beforeAll(async () => {
    const recorder = recording(options.store);
    stored = recorder.stored;
    t = await startTestApp({ responseCache: { ...options, store: recorder.store } });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.reset();
    await options.version.bump(['*']); // reset() emptied the tables behind the API's back
    stored.length = 0;
  });

  const login = async (email: string, password: string) =>
    expectData(await t.graphql(LOGIN, { input: { email, password } })).login;
  const loggedIn = async (email: string, password: string) =>
    expectTypename(await login(email, password), 'LoginSuccess');

  it('gives identical logins distinct sessions, and a user who logged out can log in again', async () => {
    const ada = await signUp(t, { email: 'ada@example.com' });
    const first = await loggedIn(ada.email, ada.password);
    const second = await loggedIn(ada.email, ada.password);
    expect(first.token).not.toBe(second.token);
    expect(expectData(await t.graphql(LOGOUT, {}, { token: second.token })).logout.__typename).toBe('LogoutSuccess');
    const third = await loggedIn(ada.email, ada.password);
    expect(third.token).not.toBe(second.token);
    expect(expectData(await t.graphql(ME, {}, { token: third.token })).me).toEqual({ username: ada.username });
  });

  it('sends a mail for each password reset asked for', async () => {
    const ada = await signUp(t);
    for (let i = 0; i < 2; i++) {
      const result = await t.graphql(REQUEST_RESET, { email: ada.email }, { ip: `192.0.2.${10 + i}` });
      expect(expectData(result).requestReset.__typename).toBe('RequestResetSuccess');
      // One at a time: on the embedded database the job queue and the app share one backend (pglite-socket
      // interleaves their unnamed statements when they overlap).
      await t.settle();
    }
    expect(t.sent.filter((mail) => mail.to === ada.email)).toHaveLength(2);
  });

  it('keeps no mutation answer and no answer about the viewer, while it keeps the feed', async () => {
    const ada = await signUp(t, { email: 'ada@example.com' });
    await login(ada.email, ada.password);
    await login(ada.email, 'a wrong password');
    await t.graphql(ME); // anonymous: me is null, still not kept
    await t.graphql(FEED);
    expect(stored).toEqual([JSON.stringify({ data: { posts: { edges: [] } } })]);
    if (kind === 'redis') {
      const keys = await redis.keys(`${redis.options.keyPrefix}answer:*`);
      const values = await Promise.all(keys.map((key) => redis.get(key.slice(redis.options.keyPrefix!.length))));
      expect(values.filter((value) => value?.includes('login') || value?.includes('token'))).toEqual([]);
      // Nothing is kept without an expiry.
      const expiries = await Promise.all(keys.map((key) => redis.pttl(key.slice(redis.options.keyPrefix!.length))));
      expect(expiries.length).toBeGreaterThan(0);
      expect(expiries.filter((ms) => ms <= 0 || ms > 60_000)).toEqual([]);
    }
  });

  it('never answers a mutation 304 or with an ETag, even given the ETag of a stored query', async () => {
    const ada = await signUp(t, { email: 'ada@example.com' });
    const get = (headers: Record<string, string> = {}) =>
      t.app.fetch(`http://blog.test/graphql?${new URLSearchParams({ query: textOf(FEED) })}`, {
        headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1', ...headers },
      });
    await get();
    const etag = (await get()).headers.get('etag')!;
    expect(etag).toBeTruthy();
    expect((await get({ 'if-none-match': etag })).status).toBe(304);
    for (let i = 0; i < 2; i++) {
      const response = await t.app.fetch('http://blog.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'if-none-match': etag },
        body: JSON.stringify({
          query: textOf(LOGIN),
          variables: { input: { email: ada.email, password: ada.password } },
        }),
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBeNull();
      const body = (await response.json()) as GraphQLResponse<ResultOf<typeof LOGIN>>;
      expect(expectData(body).login.__typename).toBe('LoginSuccess');
    }
  });
});

describe('a store bounded in bytes', () => {
  let t: TestApp;
  beforeAll(async () => {
    const store = memoryAnswerStore({ maxBytes: 20_000, maxEntryBytes: 4_000 });
    t = await startTestApp({ responseCache: { store, version: memoryDataVersion(), ttlMs: 60_000 } });
    const ada = await signUp(t);
    for (let i = 0; i < 5; i++) {
      await t.graphql(
        graphql(
          `mutation ResponseCacheReplayCreatePost($input: CreatePostInput!) { createPost(input: $input) { __typename } }`,
        ),
        { input: { title: `Post ${i}`, content: 'x'.repeat(1_000) } },
        { token: ada.token },
      );
    }
  });
  afterAll(() => t.close());

  const statementsOf = (query: string, variables: Record<string, unknown> = {}) =>
    t.statementsDuring(() => t.graphql(query, variables)).then((statements) => statements.length);

  it('answers an answer over its limit for one entry without keeping it, then keeps a small one', async () => {
    const large = '{ posts(first: 5) { edges { node { content } } } }'; // about 5 KB of JSON
    expect(await statementsOf(large)).toBeGreaterThan(0);
    expect(await statementsOf(large)).toBeGreaterThan(0);
    const small = '{ posts(first: 5) { edges { node { title } } } }';
    expect(await statementsOf(small)).toBeGreaterThan(0);
    expect(await statementsOf(small)).toBe(0);
  });

  it('keeps no answer sent with variables its operation does not declare (each would be another entry)', async () => {
    const query = '{ posts(first: 1) { edges { node { id } } } }'; // text: the junk variables do not fit it
    for (let i = 0; i < 3; i++) expect(await statementsOf(query, { [`junk${i}`]: 'x' })).toBeGreaterThan(0);
    expect(await statementsOf(query, { junk0: 'x' })).toBeGreaterThan(0);
    expect(await statementsOf(query)).toBeGreaterThan(0);
    expect(await statementsOf(query)).toBe(0);
  });

  it('evicts the least recently used answers once the whole store is full', async () => {
    const page = (n: number) =>
      statementsOf('query ($n: Int) { posts(first: $n) { edges { node { id content } } } }', { n });
    for (const n of [1, 2, 3]) await page(n);
    expect(await page(3)).toBe(0);
    for (let i = 0; i < 10; i++) await t.graphql(`{ filler${i}: posts(first: 3) { edges { node { id content } } } }`);
    // Ten more answers of about 3 KB each cannot all fit in 20 KB: the oldest went.
    expect(await page(1)).toBeGreaterThan(0);
    expect(await page(1)).toBe(0);
  });
});
