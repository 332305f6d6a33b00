import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../src/db/migrate.ts';
import { schema } from '../src/graphql/schema.ts';
import { PUBLIC_WRITES } from '../src/pipeline/response-cache-operations.ts';
import type { ResponseCacheOptions } from '../src/pipeline/response-cache.ts';
import {
  memoryAnswerStore,
  memoryDataVersion,
  redisAnswerStore,
  redisDataVersion,
} from '../src/pipeline/response-cache-stores.ts';
import { signUp } from './helpers/accounts.ts';
import { createTestDatabase, POSTGRES_SERVER_URL, type TestDatabase } from './helpers/database.ts';
import { graphql } from './generated/gql.ts';
import { type Document, textOf } from './helpers/graphql.ts';
import { expectData, expectTypename, type GraphQLResponse, startTestApp, type TestApp } from './helpers/test-app.ts';

const FEED = graphql(
  `query ResponseCacheFeed($first: Int) { posts(first: $first) { totalCount edges { node { id title author { username email } } } } }`,
);
const CREATE = graphql(
  `mutation ResponseCacheCreate($input: CreatePostInput!) { createPost(input: $input) { __typename ... on CreatePostSuccess { post { id } } } }`,
);

const memoryCache = (): ResponseCacheOptions => ({
  store: memoryAnswerStore(),
  version: memoryDataVersion(),
  ttlMs: 60_000,
});

let t: TestApp;
const cache = memoryCache();
beforeAll(async () => {
  t = await startTestApp({ responseCache: cache, protection: { mutationsPerMinute: 100_000 } });
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.reset();
  await cache.version.bump(['*']); // reset() emptied the tables behind the API's back
});

/** The answer and how many SQL statements it cost. */
async function read<TResult, TVariables>(
  app: TestApp,
  query: Document<TResult, TVariables>,
  variables?: TVariables,
  token?: string,
) {
  // The variables pass through as the caller typed them against the document.
  const send = app.graphql as <R, V>(
    document: Document<R, V>,
    variables: V | undefined,
    options: { token?: string },
  ) => Promise<GraphQLResponse<R>>;
  let result: GraphQLResponse<TResult> | undefined;
  const statements = await app.statementsDuring(async () => {
    result = await send(query, variables, token ? { token } : {});
  });
  return { result: result!, statements: statements.length };
}

describe('the response cache', () => {
  it('answers a repeated anonymous read without SQL, keyed by its variables', async () => {
    const ada = await signUp(t, { username: 'Ada' });
    for (let i = 0; i < 3; i++)
      await t.graphql(CREATE, { input: { title: `Post ${i}`, content: 'x' } }, { token: ada.token });
    const first = await read(t, FEED, { first: 2 });
    expect(first.statements).toBeGreaterThan(0);
    const again = await read(t, FEED, { first: 2 });
    expect(again).toEqual({ result: first.result, statements: 0 });
    const other = await read(t, FEED, { first: 3 }); // same text, other variables: its own answer
    expect(expectData(other.result).posts.edges).toHaveLength(3);
    expect(other.statements).toBeGreaterThan(0);
  });

  it('runs a retired answer once for every request that asks for it at the same moment, and each gets it', async () => {
    const ada = await signUp(t, { username: 'Ada' });
    await t.graphql(CREATE, { input: { title: 'First', content: 'x' } }, { token: ada.token });
    await read(t, FEED, { first: 5 }); // known, and cached
    await t.graphql(CREATE, { input: { title: 'Second', content: 'x' } }, { token: ada.token }); // retires it
    const once = async (count: number) => {
      let answers: GraphQLResponse<unknown>[] = [];
      const statements = await t.statementsDuring(async () => {
        answers = await Promise.all(Array.from({ length: count }, () => t.graphql(FEED, { first: 5 })));
      });
      return { answers, statements: statements.length };
    };
    const alone = await once(1); // what one run of it costs (it was stored: the crowd below reads a new version)
    await t.graphql(CREATE, { input: { title: 'Third', content: 'x' } }, { token: ada.token });
    const crowd = await once(8);
    expect(crowd.statements).toBe(alone.statements);
    for (const answer of crowd.answers)
      expect(
        expectData(answer as GraphQLResponse<{ posts: { edges: { node: { title: string } }[] } }>).posts.edges.map(
          (edge) => edge.node.title,
        ),
      ).toEqual(['Third', 'Second', 'First']);
  });

  it('sends a hit byte for byte as the answer it was cached from, each entry its own', async () => {
    const ada = await signUp(t, { username: 'Ada' });
    for (let i = 0; i < 3; i++)
      await t.graphql(CREATE, { input: { title: `Post ${i}`, content: 'x' } }, { token: ada.token });
    const body = async (first: number) => {
      const response = await t.app.fetch('http://blog.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: textOf(FEED), variables: { first } }),
      });
      return response.text();
    };
    const [one, two] = [await body(1), await body(2)];
    expect(one).not.toBe(two);
    for (let i = 0; i < 3; i++) expect([await body(2), await body(1)]).toEqual([two, one]);
  });

  it('never caches an answer with errors: a bad request first, then a good one', async () => {
    const bad = await t.graphql(FEED, { first: 101 });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.graphql(FEED, { first: 101 })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.graphql(FEED, { first: 100 })).errors).toBeUndefined();
  });

  it('never caches signed-in requests, and never shows an owner-only field to anyone else', async () => {
    const ada = await signUp(t, { username: 'Ada', email: 'ada@demo.com' });
    await t.graphql(CREATE, { input: { title: 'Mine', content: 'x' } }, { token: ada.token });
    const anonymous = await read(t, FEED);
    expect(expectData(anonymous.result).posts.edges[0]?.node.author.email).toBeNull();
    const owner = await read(t, FEED, {}, ada.token);
    expect(expectData(owner.result).posts.edges[0]?.node.author.email).toBe('ada@demo.com');
    expect(owner.statements).toBeGreaterThan(0);
    expect((await read(t, FEED, {}, ada.token)).statements).toBeGreaterThan(0);
    expect(expectData((await read(t, FEED)).result).posts.edges[0]?.node.author.email).toBeNull();
  });

  it('serves no stale read after any acknowledged write', async () => {
    const ada = await signUp(t, { username: 'Ada' });
    const feed = async () => expectData(await t.graphql(FEED)).posts;
    const totalOnly = async () =>
      expectData(await t.graphql(graphql(`query ResponseCachePosts { posts { totalCount } }`))).posts.totalCount;
    const userPage = async (username: string) =>
      expectData(
        await t.graphql(graphql(`query ResponseCacheUser($u: String!) { user(username: $u) { username } }`), {
          u: username,
        }),
      ).user;

    expect((await feed()).edges).toEqual([]); // cached while empty
    expect(await totalOnly()).toBe(0);
    expect(await userPage('Bob')).toBeNull();
    const created = await t.graphql(CREATE, { input: { title: 'First', content: 'x' } }, { token: ada.token });
    const id = expectTypename(expectData(created).createPost, 'CreatePostSuccess').post.id;
    expect((await feed()).edges.map((edge) => edge.node.title)).toEqual(['First']);
    expect(await totalOnly()).toBe(1);

    await t.graphql(
      graphql(
        `mutation ResponseCacheUpdatePost($id: ID!) { updatePost(id: $id, input: { title: "Edited" }) { __typename } }`,
      ),
      { id },
      { token: ada.token },
    );
    expect((await feed()).edges[0]?.node.title).toBe('Edited');
    await t.graphql(
      graphql(`mutation ResponseCacheUpdateAccount { updateAccount(input: { username: "Ada2" }) { __typename } }`),
      {},
      { token: ada.token },
    );
    expect((await feed()).edges[0]?.node.author.username).toBe('Ada2');
    await t.graphql(
      graphql(`mutation ResponseCacheDeletePost($id: ID!) { deletePost(id: $id) { __typename } }`),
      { id },
      { token: ada.token },
    );
    expect((await feed()).edges).toEqual([]);
    expect(await totalOnly()).toBe(0);
    await signUp(t, { username: 'Bob' });
    expect(await userPage('Bob')).toEqual({ username: 'Bob' });

    // A write selected through a fragment on Mutation counts as well.
    expect((await feed()).edges).toEqual([]); // cached again
    await t.graphql(
      graphql(
        `mutation ResponseCacheWriteThroughFragment { ...Write } fragment Write on Mutation { createPost(input: { title: "Through a fragment", content: "x" }) { __typename } }`,
      ),
      {},
      { token: ada.token },
    );
    expect((await feed()).edges.map((edge) => edge.node.title)).toEqual(['Through a fragment']);
  });

  it('is not emptied by writes that did not happen: refused, failed or anonymous', async () => {
    const ada = await signUp(t, { username: 'Ada' });
    await read(t, FEED);
    expect((await read(t, FEED)).statements).toBe(0);
    const anonymous = await t.graphql(
      graphql(`mutation ResponseCacheDeletePost2 { deletePost(id: "UG9zdDox") { __typename } }`),
    );
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const invalid = await t.graphql(CREATE, { input: { title: '', content: 'x' } }, { token: ada.token });
    expect(expectData(invalid).createPost).toEqual({ __typename: 'ValidationError' }); // a ValidationError: only its __typename is selected
    const failed = await t.graphql(
      graphql(
        `mutation ResponseCacheCreatePost($input: CreatePostInput!) { w: createPost(input: $input) { __typename } }`,
      ),
      { input: { title: ' ', content: '' } },
      { token: ada.token },
    );
    expect(failed.data).toEqual({ w: { __typename: 'ValidationError' } }); // nothing of ours added to the answer
    expect((await read(t, FEED)).statements).toBe(0);
    await t.graphql(CREATE, { input: { title: 'Real', content: 'x' } }, { token: ada.token });
    expect(expectData((await read(t, FEED)).result).posts.edges).toHaveLength(1);
  });

  it('knows, for every mutation, whether it changes what anonymous readers see', () => {
    const privateOnly = [
      'login',
      'logout',
      'logoutAll',
      'revokeSession',
      'requestReset',
      'resetPassword',
      'changePassword',
    ];
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    expect(mutations.filter((name) => !PUBLIC_WRITES.has(name) && !privateOnly.includes(name))).toEqual([]);
  });
});

describe('HTTP caching of GET requests', () => {
  const get = (query: string, headers: Record<string, string> = {}) =>
    t.app.fetch(`http://blog.test/graphql?${new URLSearchParams({ query })}`, {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1', ...headers },
    });

  it('answers with an ETag and a short public lifetime, and 304 to a current If-None-Match without running', async () => {
    const ada = await signUp(t, { username: 'Ada' });
    const query = '{ posts { edges { node { title } } } }';
    const first = await get(query);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=5, stale-while-revalidate=30');
    expect(first.headers.get('vary')).toMatch(/Authorization/);
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();

    let conditional!: Response;
    const statements = await t.statementsDuring(async () => {
      conditional = await get(query, { 'if-none-match': etag });
    });
    expect(conditional.status).toBe(304);
    expect(statements).toEqual([]);

    await t.graphql(CREATE, { input: { title: 'New', content: 'x' } }, { token: ada.token });
    const changed = await get(query, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    const body = (await changed.json()) as GraphQLResponse;
    expect(body.data?.posts).toEqual({ edges: [{ node: { title: 'New' } }] });
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('never confirms an old body with 304 when a key comes back with newer data (versions that read 0 again)', async () => {
    // A tag forgotten, or a Redis emptied, reads 0 again: the same key then holds whatever is stored next, while a
    // browser or CDN may still revalidate with the ETag it got long before.
    let forgotten = false;
    const versions = memoryDataVersion();
    const answers = memoryAnswerStore();
    const stored = new Set<string>();
    const expired = new Set<string>();
    const forgetful: ResponseCacheOptions = {
      ttlMs: 60_000,
      store: {
        get: (key) => (expired.has(key) ? Promise.resolve(undefined) : answers.get(key)),
        set: (key, answer, ttlMs) => {
          stored.add(key);
          expired.delete(key);
          return answers.set(key, answer, ttlMs);
        },
      },
      version: {
        current: async (tags) => (forgotten ? tags.map(() => 0) : versions.current(tags)),
        bump: (tags) => versions.bump(tags),
      },
    };
    const other = await startTestApp({ responseCache: forgetful, database: t.db });
    try {
      const ada = await signUp(other, { username: 'Ada' });
      const query = '{ posts { edges { node { title } } } }';
      const fetchGet = (headers: Record<string, string> = {}) =>
        other.app.fetch(`http://blog.test/graphql?${new URLSearchParams({ query })}`, {
          headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1', ...headers },
        });
      const empty = await fetchGet(); // stored under versions 0
      const oldEtag = empty.headers.get('etag')!;
      expect(oldEtag).toBeTruthy();
      await other.graphql(CREATE, { input: { title: 'New', content: 'x' } }, { token: ada.token });
      // Later: every answer stored so far has expired, and the versions read 0, so the key is the old one again.
      for (const key of stored) expired.add(key);
      forgotten = true;
      const fresh = await fetchGet(); // runs, and stores the newer answer under the old key
      expect(((await fresh.json()) as GraphQLResponse).data?.posts).toEqual({ edges: [{ node: { title: 'New' } }] });
      const revalidated = await fetchGet({ 'if-none-match': oldEtag });
      expect(revalidated.status).toBe(200);
      expect(((await revalidated.json()) as GraphQLResponse).data?.posts).toEqual({
        edges: [{ node: { title: 'New' } }],
      });
      expect(revalidated.headers.get('etag')).not.toBe(oldEtag);
    } finally {
      await other.close();
    }
  });

  it('marks signed-in and POST answers as never to be stored', async () => {
    const ada = await signUp(t, { username: 'Ada' });
    expect((await get('{ me { id } }', { authorization: `Bearer ${ada.token}` })).headers.get('cache-control')).toBe(
      'no-store',
    );
    const post = await t.app.fetch('http://blog.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ posts { totalCount } }' }),
    });
    expect(post.headers.get('cache-control')).toBe('no-store');
  });
});

describe('two instances sharing one database and one Redis cache', () => {
  let database: TestDatabase;
  let apps: TestApp[] = [];
  const redis: Redis[] = [];
  beforeAll(async () => {
    database = await createTestDatabase(POSTGRES_SERVER_URL);
    await migrate({ url: database.url, schema: database.schema });
    const prefix = `test:${randomBytes(4).toString('hex')}:`;
    apps = await Promise.all(
      [0, 1].map(() => {
        const client = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { keyPrefix: prefix });
        redis.push(client);
        return startTestApp({
          database,
          responseCache: { store: redisAnswerStore(client), version: redisDataVersion(client), ttlMs: 60_000 },
        });
      }),
    );
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await Promise.all(redis.map((client) => client.quit()));
    await database.close();
  });

  it('a write through A is seen by the next read through B', async () => {
    const [a, b] = apps as [TestApp, TestApp];
    const ada = await signUp(a, { username: 'Ada' });
    expect(expectData((await read(b, FEED)).result).posts.edges).toEqual([]);
    expect((await read(b, FEED)).statements).toBe(0); // cached on B
    await a.graphql(CREATE, { input: { title: 'Through A', content: 'x' } }, { token: ada.token });
    expect(expectData((await read(b, FEED)).result).posts.edges.map((edge) => edge.node.title)).toEqual(['Through A']);
  });

  it("a write through A retires on B only the answers it changes, and B's own writes retire A's", async () => {
    const [a, b] = apps as [TestApp, TestApp];
    const page = graphql(`query ResponseCacheUserPage($u: String!) { user(username: $u) { posts { totalCount } } }`);
    const bob = await signUp(b, { username: 'Bob' });
    const carol = await signUp(a, { username: 'Carol' });
    for (const app of [a, b]) {
      await read(app, page, { u: 'Bob' });
      expect((await read(app, page, { u: 'Bob' })).statements).toBe(0);
    }
    await a.graphql(CREATE, { input: { title: "Carol's", content: 'x' } }, { token: carol.token });
    expect((await read(b, page, { u: 'Bob' })).statements).toBe(0); // Carol's post changes nothing of Bob's
    await b.graphql(CREATE, { input: { title: "Bob's", content: 'x' } }, { token: bob.token });
    expect(expectData((await read(a, page, { u: 'Bob' })).result).user?.posts.totalCount).toBe(1);
  });
});
