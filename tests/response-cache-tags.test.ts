import { randomBytes } from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import { parse } from 'graphql';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../src/graphql/ids.ts';
import type { ResponseCacheOptions } from '../src/pipeline/response-cache.ts';
import {
  type DataVersion,
  memoryAnswerStore,
  memoryDataVersion,
  redisAnswerStore,
  redisDataVersion,
} from '../src/pipeline/response-cache-stores.ts';
import { MAX_TAGS, tagPlan } from '../src/pipeline/response-cache-tags.ts';
import { failFastRedis } from '../src/redis.ts';
import { signUp } from './helpers/accounts.ts';
import { graphql } from './generated/gql.ts';
import type { Document } from './helpers/graphql.ts';
import { expectData, expectTypename, type GraphQLResponse, startTestApp, type TestApp } from './helpers/test-app.ts';
import { until } from './helpers/wait.ts';

// Each write retires only the cached answers it can change (the tags in src/pipeline/response-cache-tags.ts):
// every answer it changes is fresh on the next read, and answers it cannot change are still served from cache.

const FEED = graphql(`query TagsFeed { posts(first: 20) { totalCount edges { node { title author { username } } } } }`);
const USER_PAGE = graphql(
  `query TagsUserPage($u: String!) { user(username: $u) { username postCount posts(first: 20) { totalCount edges { node { title } } } } }`,
);
const POST = graphql(`query TagsPost($id: ID!) { post(id: $id) { title author { username } } }`);
const NODE = graphql(
  `query TagsNode($id: ID!) { node(id: $id) { id ... on Post { title } ... on User { username postCount } } }`,
);
const NODE_NAME = graphql(`query TagsNodeName($id: ID!) { node(id: $id) { id ... on User { username } } }`);
const NODES = graphql(
  `query TagsNodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Post { title author { postCount } } } }`,
);
const SEARCH = graphql(
  `query TagsSearch($q: String!) { searchPosts(query: $q, first: 20) { totalCount edges { node { title } } } }`,
);
const CREATE = graphql(
  `mutation TagsCreate($title: String!) { createPost(input: { title: $title, content: "x" }) { __typename ... on CreatePostSuccess { post { id } } } }`,
);
const UPDATE_POST = graphql(
  `mutation TagsUpdatePost($id: ID!, $title: String!) { updatePost(id: $id, input: { title: $title }) { __typename } }`,
);
const DELETE_POST = graphql(`mutation TagsDeletePost($id: ID!) { deletePost(id: $id) { __typename } }`);
const RENAME = graphql(
  `mutation TagsRename($username: String!) { updateAccount(input: { username: $username }) { __typename } }`,
);
const CHANGE_EMAIL = graphql(
  `mutation TagsChangeEmail($email: String!, $password: String!) { updateAccount(input: { email: $email, currentPassword: $password }) { __typename } }`,
);
const DELETE_ACCOUNT = graphql(
  `mutation TagsDeleteAccount($password: String!) { deleteAccount(password: $password) { __typename } }`,
);

/** A DataVersion that remembers the tags of each bump. */
function spied(version: DataVersion) {
  const bumps: string[][] = [];
  const bump = (tags: string[]) => {
    bumps.push([...tags].sort());
    return version.bump(tags);
  };
  return { bumps, version: { ...version, bump } satisfies DataVersion };
}

/** Reads through an app: `read` returns the data and the SQL statements it cost, `cached` also checks a hit. */
function reader(app: TestApp) {
  const send = app.graphql as <R, V>(document: Document<R, V>, variables: V) => Promise<GraphQLResponse<R>>;
  const read = async <R, V>(document: Document<R, V>, variables: V) => {
    let result: GraphQLResponse<R> | undefined;
    const statements = await app.statementsDuring(async () => {
      result = await send(document, variables);
    });
    return { data: expectData(result!), statements: statements.length };
  };
  /** Read twice: the second is served from the cache (no SQL) with the same answer. */
  const cached = async <R, V>(document: Document<R, V>, variables: V) => {
    const first = await read(document, variables);
    expect(await read(document, variables)).toEqual({ data: first.data, statements: 0 });
    return first.data;
  };
  return { read, cached };
}

const postId = (n: number) => encodeGlobalId('Post', n);
const userId = (n: number) => encodeGlobalId('User', n);
const titles = (connection: { edges: { node: { title: string } }[] }) =>
  connection.edges.map((edge) => edge.node.title);

describe('tagged answers in memory', () => {
  let t: TestApp;
  const cache = spied(memoryDataVersion(60_000));
  const options: ResponseCacheOptions = { store: memoryAnswerStore(), version: cache.version, ttlMs: 60_000 };
  beforeAll(async () => {
    t = await startTestApp({ responseCache: options, protection: { mutationsPerMinute: 100_000 } });
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.reset();
    await options.version.bump(['*']); // reset() emptied the tables behind the API's back
    cache.bumps.length = 0;
  });

  it('after every public write, each cached answer it can change is fresh on the next read', async () => {
    const { read, cached } = reader(t);
    const ada = await signUp(t, { username: 'Ada' });
    const bob = await signUp(t, { username: 'Bob' });
    const create = async (token: string, title: string) =>
      expectTypename(expectData(await t.graphql(CREATE, { title }, { token })).createPost, 'CreatePostSuccess').post.id;
    const p1 = await create(ada.token, 'Apple pie');
    await create(bob.token, 'Banana bread');

    // createPost: the feed, the author's page and node, search, another post's author count, the new id's null.
    await cached(FEED, {});
    await cached(USER_PAGE, { u: 'Ada' });
    await cached(NODE, { id: ada.id });
    await cached(NODES, { ids: [p1] });
    await cached(SEARCH, { q: 'apple' });
    expect((await cached(POST, { id: postId(3) })).post).toBeNull();
    const p3 = await create(ada.token, 'Apple tart');
    expect(p3).toBe(postId(3));
    expect((await read(FEED, {})).data.posts.totalCount).toBe(3);
    expect((await read(USER_PAGE, { u: 'Ada' })).data.user).toMatchObject({ postCount: 2, posts: { totalCount: 2 } });
    expect((await read(NODE, { id: ada.id })).data.node).toMatchObject({ postCount: 2 });
    expect((await read(NODES, { ids: [p1] })).data.nodes).toEqual([
      { id: p1, title: 'Apple pie', author: { postCount: 2 } },
    ]);
    expect(titles((await read(SEARCH, { q: 'apple' })).data.searchPosts).sort()).toEqual(['Apple pie', 'Apple tart']);
    expect((await read(POST, { id: p3 })).data.post).toEqual({ title: 'Apple tart', author: { username: 'Ada' } });

    // updatePost: the post, its node, the feed, the author's page, search.
    await cached(POST, { id: p1 });
    await cached(NODE, { id: p1 });
    await cached(FEED, {});
    await cached(USER_PAGE, { u: 'Ada' });
    await cached(SEARCH, { q: 'apple' });
    await t.graphql(UPDATE_POST, { id: p1, title: 'Cherry pie' }, { token: ada.token });
    expect((await read(POST, { id: p1 })).data.post?.title).toBe('Cherry pie');
    expect((await read(NODE, { id: p1 })).data.node).toMatchObject({ title: 'Cherry pie' });
    expect(titles((await read(FEED, {})).data.posts)).toContain('Cherry pie');
    expect(titles((await read(USER_PAGE, { u: 'Ada' })).data.user!.posts)).toContain('Cherry pie');
    expect(titles((await read(SEARCH, { q: 'apple' })).data.searchPosts)).toEqual(['Apple tart']);

    // deletePost: the post, its node and list of nodes, the feed, the author's page.
    await cached(POST, { id: p1 });
    await cached(NODES, { ids: [p1] });
    await cached(FEED, {});
    await cached(USER_PAGE, { u: 'Ada' });
    await t.graphql(DELETE_POST, { id: p1 }, { token: ada.token });
    expect((await read(POST, { id: p1 })).data.post).toBeNull();
    expect((await read(NODES, { ids: [p1] })).data.nodes).toEqual([null]);
    expect((await read(FEED, {})).data.posts.totalCount).toBe(2);
    expect((await read(USER_PAGE, { u: 'Ada' })).data.user).toMatchObject({ postCount: 1, posts: { totalCount: 1 } });

    // register: a cached null for the username, and for the node of the next user id.
    expect((await cached(USER_PAGE, { u: 'Carol' })).user).toBeNull();
    expect((await cached(NODE, { id: userId(3) })).node).toBeNull();
    await signUp(t, { username: 'Carol' });
    expect((await read(USER_PAGE, { u: 'Carol' })).data.user).toMatchObject({ username: 'Carol', postCount: 0 });
    expect((await read(NODE, { id: userId(3) })).data.node).toMatchObject({ username: 'Carol' });

    // updateAccount: the author's name everywhere, and a cached null for the new name.
    await cached(FEED, {});
    await cached(POST, { id: p3 });
    expect((await cached(USER_PAGE, { u: 'Ada2' })).user).toBeNull();
    await t.graphql(RENAME, { username: 'Ada2' }, { token: ada.token });
    const authors = (await read(FEED, {})).data.posts.edges.map((edge) => edge.node.author.username);
    expect(authors.sort()).toEqual(['Ada2', 'Bob']);
    expect((await read(POST, { id: p3 })).data.post?.author.username).toBe('Ada2');
    expect((await read(USER_PAGE, { u: 'Ada2' })).data.user?.postCount).toBe(1);
    expect((await read(USER_PAGE, { u: 'Ada' })).data.user).toBeNull();

    // deleteAccount: the user's posts leave the feed, the page and the post.
    await cached(FEED, {});
    await cached(USER_PAGE, { u: 'Ada2' });
    await cached(POST, { id: p3 });
    await t.graphql(DELETE_ACCOUNT, { password: ada.password }, { token: ada.token });
    expect(titles((await read(FEED, {})).data.posts)).toEqual(['Banana bread']);
    expect((await read(USER_PAGE, { u: 'Ada2' })).data.user).toBeNull();
    expect((await read(POST, { id: p3 })).data.post).toBeNull();
  });

  it("keeps serving what a write cannot change: another user's page, another post, an unknown name", async () => {
    const { read, cached } = reader(t);
    const ada = await signUp(t, { username: 'Ada' });
    const bob = await signUp(t, { username: 'Bob' });
    const created = await t.graphql(CREATE, { title: "Bob's" }, { token: bob.token });
    const bobsPost = expectTypename(expectData(created).createPost, 'CreatePostSuccess').post.id;
    await cached(USER_PAGE, { u: 'Bob' });
    await cached(POST, { id: bobsPost });
    await cached(NODE_NAME, { id: bob.id });
    await cached(NODE, { id: bob.id });
    await cached(USER_PAGE, { u: 'Nobody' });
    await cached(FEED, {});

    const mine = await t.graphql(CREATE, { title: "Ada's" }, { token: ada.token });
    const adasPost = expectTypename(expectData(mine).createPost, 'CreatePostSuccess').post.id;
    await t.graphql(UPDATE_POST, { id: adasPost, title: "Ada's, edited" }, { token: ada.token });
    expect((await read(USER_PAGE, { u: 'Bob' })).statements).toBe(0);
    expect((await read(POST, { id: bobsPost })).statements).toBe(0);
    expect((await read(NODE_NAME, { id: bob.id })).statements).toBe(0);
    expect((await read(NODE, { id: bob.id })).statements).toBeGreaterThan(0); // postCount: any author's may change
    expect((await read(USER_PAGE, { u: 'Nobody' })).statements).toBe(0);
    expect((await read(FEED, {})).statements).toBeGreaterThan(0); // the feed does change
  });

  it('bumps the tags of what each write changed, and nothing for writes that failed or change nothing public', async () => {
    const ada = await signUp(t, { username: 'Ada' });
    expect(cache.bumps).toEqual([['user:1', 'username:Ada']]);
    cache.bumps.length = 0;
    await t.graphql(CREATE, { title: '' }, { token: ada.token }); // a ValidationError
    await t.graphql(DELETE_POST, { id: postId(1) }); // anonymous
    await t.graphql(DELETE_POST, { id: postId(99) }, { token: ada.token }); // NOT_FOUND
    expect(cache.bumps).toEqual([]);
    await t.graphql(CREATE, { title: 'One' }, { token: ada.token });
    await t.graphql(UPDATE_POST, { id: postId(1), title: 'Two' }, { token: ada.token });
    await t.graphql(DELETE_POST, { id: postId(1) }, { token: ada.token });
    await t.graphql(RENAME, { username: 'Ada2' }, { token: ada.token });
    const post = ['post:1', 'posts', 'user:1', 'username:Ada'];
    expect(cache.bumps).toEqual([post, post, post, ['*']]);
    // An update that changes nothing public (the same name again, or only the email) retires nothing.
    cache.bumps.length = 0;
    await t.graphql(RENAME, { username: 'Ada2' }, { token: ada.token });
    expect(
      expectData(
        await t.graphql(CHANGE_EMAIL, { email: 'ada2@example.com', password: ada.password }, { token: ada.token }),
      ).updateAccount.__typename,
    ).toBe('UpdateAccountSuccess');
    expect(cache.bumps).toEqual([]);
  });
});

describe('the tags of a query, read from its text and variables', () => {
  const tagsOf = (text: string, variables: Record<string, unknown> = {}) => tagPlan(parse(text), null)?.(variables);

  it('tags each root field it knows, and caches no other', () => {
    expect(tagsOf('{ posts { totalCount } __typename }')).toEqual(['*', 'posts']);
    expect(tagsOf(`{ post(id: "${postId(7)}") { title author { username } } }`)).toEqual(['*', 'post:7']);
    expect(tagsOf(`{ p: post(id: "${postId(7)}") { author { ...A } } } fragment A on User { postCount }`)).toEqual([
      '*',
      'post:7',
      'posts',
    ]);
    expect(tagsOf('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [postId(1), userId(2), 'junk'] })).toEqual(
      ['*', 'post:1', 'user:2'],
    );
    expect(tagsOf('query ($u: String! = "Ada") { user(username: $u) { posts { totalCount } } }')).toEqual([
      '*',
      'username:Ada',
    ]);
    expect(tagsOf('{ me { id } }')).toBeUndefined();
    expect(tagsOf('{ posts { totalCount } me { id } }')).toBeUndefined();
    expect(tagsOf('{ posts { totalCount } }', { undeclared: 1 })).toBeNull();
    expect(tagsOf('mutation { logout { __typename } }')).toBeUndefined();
  });

  it('keeps no answer that would read more tags than MAX_TAGS (each a key to read), and keeps a smaller one', () => {
    const nodes = 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }';
    const ids = (n: number) => Array.from({ length: n }, (_, i) => postId(i + 1));
    expect(tagsOf(nodes, { ids: ids(5_000) })).toBeNull();
    expect(tagsOf(nodes, { ids: ids(MAX_TAGS - 1) })).toHaveLength(MAX_TAGS);
  });

  it('bounds a username of any length before it becomes a tag', () => {
    const tags = tagsOf('query ($u: String!) { user(username: $u) { id } }', { u: 'x'.repeat(50_000) })!;
    expect(tags).toHaveLength(2);
    expect(Math.max(...tags.map((tag) => tag.length))).toBeLessThan(80);
  });
});

describe('tagged answers in Redis', () => {
  const prefix = `test:${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { keyPrefix: prefix });
  const plain = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'); // sees the keys as stored
  let t: TestApp;
  beforeAll(async () => {
    const version = redisDataVersion(redis, { answerTtlMs: 60_000 });
    t = await startTestApp({ responseCache: { store: redisAnswerStore(redis), version, ttlMs: 60_000 } });
  });
  afterAll(async () => {
    await t.close();
    const keys = await plain.keys(`${prefix}*`);
    if (keys.length) await plain.del(...keys);
    await Promise.all([redis.quit(), plain.quit()]);
  });

  it('keeps a huge username out of its keys: a bad request first, then a good one', async () => {
    const { read, cached } = reader(t);
    const huge = 'x'.repeat(50_000);
    expect((await cached(USER_PAGE, { u: huge })).user).toBeNull();
    await signUp(t, { username: 'Carol' }); // a bump: tag keys are written
    expect((await read(USER_PAGE, { u: 'Carol' })).data.user).toMatchObject({ username: 'Carol' });
    expect((await read(USER_PAGE, { u: 'Carol' })).statements).toBe(0);
    const keys = await plain.keys(`${prefix}*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.filter((key) => key.length > prefix.length + 64)).toEqual([]);
    const values = await plain.mget(keys);
    expect(values.filter((value) => value?.includes('xxxxxxxxxx'))).toEqual([]);
    const tagKeys = keys
      .filter((key) => key.startsWith(`${prefix}flaskblog:tag:`))
      .map((key) => key.slice(prefix.length));
    expect(tagKeys.sort()).toEqual(['flaskblog:tag:sequence', 'flaskblog:tag:user:1', 'flaskblog:tag:username:Carol']);
  });

  it('keeps each tag for twice the TTL at least, and its version outlives the client that bumped it', async () => {
    const ttl = await plain.pttl(`${prefix}flaskblog:tag:username:Carol`);
    expect(ttl).toBeGreaterThan(2 * 60_000);
    const other = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { keyPrefix: prefix });
    const versions = await redisDataVersion(other).current(['username:Carol', 'never-bumped']);
    expect(versions).toEqual([expect.any(Number), 0]);
    expect(versions[0]).toBeGreaterThan(0);
    await other.quit();
  });

  it('owes the bumps it could not make while Redis was unreachable, and makes them once it is back', async () => {
    // A proxy in front of the shared Redis: cutting it makes Redis unreachable while its data stays.
    const target = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const sockets = new Set<net.Socket>();
    let up = true;
    const proxy = net.createServer((socket) => {
      if (!up) return socket.destroy();
      const upstream = net.connect(Number(target.port || 6379), target.hostname);
      for (const end of [socket, upstream]) {
        sockets.add(end);
        end.on('error', () => {});
        end.on('close', () => sockets.delete(end));
      }
      socket.pipe(upstream).pipe(socket);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const client = failFastRedis(`redis://127.0.0.1:${(proxy.address() as AddressInfo).port}`, { keyPrefix: prefix });
    const behind = redisDataVersion(client);
    const observer = redisDataVersion(redis);
    await until(() => client.status === 'ready', 'the client to connect');
    const [before] = await observer.current(['posts']);

    up = false;
    for (const socket of sockets) socket.destroy();
    await until(() => client.status !== 'ready', 'the client to notice');
    await expect(behind.bump(['posts', 'username:Ada'])).rejects.toThrow();
    expect(await observer.current(['posts'])).toEqual([before]);

    up = true;
    await until(async () => (await observer.current(['posts']))[0] !== before, 'the owed bump to be made');
    const [posts, ada] = await observer.current(['posts', 'username:Ada']);
    expect(ada).toBe(posts); // both in the one bump that settled what was owed
    client.disconnect();
    await new Promise((resolve) => proxy.close(resolve));
  });
});
