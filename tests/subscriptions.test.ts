import { randomBytes } from 'node:crypto';
import { Client, type CombinedError, fetchExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import WebSocket from 'ws';
import { PostChangedDocument } from '../client/generated/graphql.ts';
import { postEvents } from '../src/modules/posts/post.events.ts';
import { sharedExecutions } from '../src/pipeline/subscription-sharing.ts';
import { signUp } from './helpers/accounts.ts';
import { CREATE_POST, DELETE_POST, UPDATE_POST } from './helpers/posts.ts';
import { graphql } from './generated/gql.ts';
import { textOf } from './helpers/graphql.ts';
import {
  expectData,
  expectTypename,
  type ResultOf,
  startInstances,
  startTestApp,
  type TestApp,
  type VariablesOf,
} from './helpers/test-app.ts';
import { until } from './helpers/wait.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** A channel of this run's own: other test files (and runs) share the Redis server. */
const REDIS = { url: REDIS_URL, prefix: `test-${randomBytes(4).toString('hex')}:` };
const CHANGES = graphql(`subscription SubscriptionsChanges($author: ID) {
  postChanged(author: $author) { kind postId post { title author { username email } } }
}`);
type Change = ResultOf<typeof CHANGES>['postChanged'];

/** An urql client that sends subscriptions over Server-Sent Events (GraphQL over SSE, through fetch). */
function sseClient(url: string, token?: string) {
  return new Client({
    url,
    exchanges: [fetchExchange],
    fetchSubscriptions: true,
    fetchOptions: () => ({
      headers: { 'x-graphql-yoga-csrf': '1', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    }),
  });
}

/** Subscribes and collects every event; `stop` unsubscribes. */
function collect(client: Client, variables: VariablesOf<typeof CHANGES> = {}) {
  const events: Change[] = [];
  const errors: CombinedError[] = [];
  const { unsubscribe } = client
    .subscription(CHANGES, variables)
    .subscribe((result) => (result.error ? errors.push(result.error) : events.push(result.data!.postChanged)));
  return { events, errors, stop: unsubscribe };
}

/** Lets a just-opened subscription reach the server before the write it should see. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('one instance', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp({ protection: { mutationsPerMinute: 100_000, maxSubscriptionsPerClient: 3 } });
    url = await t.listen();
  });
  afterAll(() => t.close());
  beforeEach(() => t.reset());

  it('delivers created, updated and deleted posts over SSE through the same types and rules, and nothing after unsubscribing', async () => {
    const ada = await signUp(t, { username: 'Ada' });
    const feed = collect(sseClient(url));
    await until(() => t.liveSubscribers() === 1, 'the subscription to open');
    const created = await t.graphql(CREATE_POST, { input: { title: 'Live', content: 'x' } }, { token: ada.token });
    const id = expectTypename(expectData(created).createPost, 'CreatePostSuccess').post.id;
    await t.graphql(UPDATE_POST, { id, input: { title: 'Live, edited' } }, { token: ada.token });
    await t.graphql(DELETE_POST, { id }, { token: ada.token });
    await until(() => feed.events.length === 3, 'three events');
    expect(feed.events).toEqual([
      { kind: 'CREATED', postId: id, post: { title: 'Live', author: { username: 'Ada', email: null } } }, // email: owner only
      { kind: 'UPDATED', postId: id, post: { title: 'Live, edited', author: { username: 'Ada', email: null } } },
      { kind: 'DELETED', postId: id, post: null },
    ]);
    feed.stop();
    await settle();
    await t.graphql(CREATE_POST, { input: { title: 'After', content: 'x' } }, { token: ada.token });
    await settle();
    expect(feed.events).toHaveLength(3);
    expect(feed.errors).toEqual([]);
  });

  it("over WebSocket (graphql-ws), with the token in the connection params: one author's posts, their email to its owner", async () => {
    const ada = await signUp(t, { username: 'Ada', email: 'ada@demo.com' });
    const bob = await signUp(t, { username: 'Bob' });
    const client = createWsClient({
      url: url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${ada.token}` },
    });
    const events: unknown[] = [];
    const done = new Promise<void>((resolve, reject) => {
      client.subscribe(
        { query: textOf(CHANGES), variables: { author: ada.id } },
        { next: (result) => void events.push(result), error: reject, complete: resolve },
      );
    });
    await until(() => t.liveSubscribers() === 1, 'the subscription to open');
    await t.graphql(CREATE_POST, { input: { title: 'By Bob', content: 'x' } }, { token: bob.token });
    await t.graphql(CREATE_POST, { input: { title: 'By Ada', content: 'x' } }, { token: ada.token });
    await until(() => events.length === 1, 'an event');
    expect(events[0]).toEqual({
      data: {
        postChanged: {
          kind: 'CREATED',
          postId: expect.any(String),
          post: { title: 'By Ada', author: { username: 'Ada', email: 'ada@demo.com' } },
        },
      },
    });
    await client.dispose();
    await done.catch(() => {});
  });

  it('refuses what queries refuse: too deep, too costly, unknown fields, malformed IDs, and more than the per-client cap', async () => {
    /** The first answer to a subscription sent as text (most are refused on purpose). */
    type First = {
      errors?: readonly { message: string; extensions?: Record<string, unknown> }[];
      data?: unknown;
      completed?: boolean;
    };
    const first = async (query: string, variables: Record<string, unknown> = {}) => {
      const ws = createWsClient({ url: url.replace('http', 'ws'), webSocketImpl: WebSocket });
      try {
        return await new Promise<First>((resolve) => {
          ws.subscribe(
            { query, variables },
            {
              next: resolve,
              error: (error) => resolve({ errors: Array.isArray(error) ? error : [{ message: String(error) }] }),
              complete: () => resolve({ completed: true }),
            },
          );
        });
      } finally {
        await ws.dispose();
      }
    };
    const unknown = await first('subscription { postChanged { nope } }');
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'Cannot query field "nope" on type "PostChange".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const badId = await first(textOf(CHANGES), { author: 'not an id' });
    expect(badId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const deep = await first(
      'subscription { postChanged { post { author { posts { edges { node { author { posts { edges { node { title } } } } } } } } } } }',
    );
    expect(deep.errors?.[0]).toMatchObject({
      message: 'Query depth limit of 8 exceeded, found 11.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const pages = Array.from(
      { length: 6 },
      (_, i) => `p${i}: posts(first: 100) { edges { node { title content datePosted updatedAt } } }`,
    ).join(' ');
    const costly = await first(`subscription { postChanged { post { author { ${pages} } } } }`);
    expect(costly.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');

    const open = [collect(sseClient(url)), collect(sseClient(url)), collect(sseClient(url))]; // urql shares equal operations
    await settle();
    const fourth = collect(sseClient(url));
    await until(() => fourth.errors.length > 0, 'a refusal');
    expect(fourth.errors[0]?.graphQLErrors[0]?.extensions.code).toBe('RATE_LIMITED');
    open[0]!.stop();
    await settle();
    const again = collect(sseClient(url)); // a place was freed
    await settle();
    expect(again.errors).toEqual([]);
    for (const subscription of [...open, again]) subscription.stop();
  });

  it('keeps writers going while a subscriber reads nothing at all', async () => {
    const ada = await signUp(t);
    const stalled = new AbortController();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-graphql-yoga-csrf': '1' },
      body: JSON.stringify({ query: 'subscription { postChanged { post { content } } }' }),
      signal: stalled.signal,
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = collect(sseClient(url));
    await settle();
    const content = 'x'.repeat(40_000);
    for (let i = 0; i < 60; i++) {
      const result = await t.graphql(CREATE_POST, { input: { title: `Post ${i}`, content } }, { token: ada.token });
      expect(expectData(result).createPost.__typename).toBe('CreatePostSuccess');
    }
    await until(() => reader.events.length === 60, 'every event for the reading subscriber');
    reader.stop();
    stalled.abort();
  });
});

describe('an audience of twenty', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp({ protection: { maxSubscriptionsPerClient: 50 } });
    url = await t.listen();
  });
  afterAll(() => t.close());

  it('costs one read per event, not one per subscriber; each still sees only what it may', async () => {
    const ada = await signUp(t, { username: 'Ada', email: 'ada@demo.com' });
    const subscribers = async (count: number, token?: string) => {
      const client = createWsClient({
        url: url.replace('http', 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      });
      const events: (ResultOf<typeof CHANGES> | null | undefined)[] = [];
      for (let i = 0; i < count; i++) {
        client.subscribe(
          { query: textOf(CHANGES) },
          {
            next: (result) => void events.push(result.data as ResultOf<typeof CHANGES> | null | undefined),
            error: () => {},
            complete: () => {},
          },
        );
      }
      await settle();
      return { events, count, close: () => client.dispose() };
    };
    type Audience = { events: unknown[]; count: number }[];
    const write = async (audience: Audience) => {
      const expected = audience.reduce((sum, { events, count }) => sum + events.length + count, 0);
      await t.graphql(CREATE_POST, { input: { title: 'Live', content: 'x' } }, { token: ada.token });
      await until(() => audience.reduce((sum, { events }) => sum + events.length, 0) === expected, 'every delivery');
    };
    /** Statements of one write once every subscriber has received a first one (so each is open on the server). */
    const statementsOfAWrite = async (audience: Audience) => {
      await write(audience);
      return (await t.statementsDuring(() => write(audience))).length;
    };
    const one = await subscribers(1);
    const alone = await statementsOfAWrite([one]);
    const crowd = await subscribers(18);
    const owner = await subscribers(1, ada.token);
    expect(await statementsOfAWrite([one, crowd, owner])).toBe(alone);
    expect(crowd.events.at(-1)?.postChanged.post?.author.email).toBeNull();
    expect(owner.events.at(-1)?.postChanged.post?.author.email).toBe('ada@demo.com');
    await Promise.all([one, crowd, owner].map(({ close }) => close()));
  });

  it('leaks no listeners: more than ten subscribers over SSE and WebSocket print no MaxListenersExceededWarning', async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => void warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const grace = await signUp(t, { username: 'Grace' });
      const overSse = Array.from({ length: 12 }, () => collect(sseClient(url)));
      const client = createWsClient({ url: url.replace('http', 'ws'), webSocketImpl: WebSocket });
      let overWebSocket = 0;
      for (let i = 0; i < 12; i++) {
        client.subscribe(
          { query: textOf(CHANGES) },
          { next: () => void overWebSocket++, error: () => {}, complete: () => {} },
        );
      }
      await settle();
      await t.graphql(CREATE_POST, { input: { title: 'Crowded', content: 'x' } }, { token: grace.token });
      await until(() => overWebSocket >= 12 && overSse.every(({ events }) => events.length >= 1), 'every delivery');
      for (const { stop } of overSse) stop();
      await client.dispose();
      await settle();
      expect(warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});

describe('anonymous subscribers of one selection', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp({ protection: { maxSubscriptionsPerClient: 100 } });
    url = await t.listen();
  });
  afterAll(() => t.close());

  type Received = { data?: ResultOf<typeof CHANGES> | null; errors?: readonly { extensions?: unknown }[] };
  /** `count` subscriptions on one graphql-ws socket, each collecting what it receives. */
  const overWebSocket = async (
    count: number,
    { token, query = textOf(CHANGES), variables = {} }: { token?: string; query?: string; variables?: object } = {},
  ) => {
    const client = createWsClient({
      url: url.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    });
    const each = Array.from({ length: count }, () => {
      const received: Received[] = [];
      client.subscribe(
        { query, variables: variables as Record<string, unknown> },
        { next: (result) => void received.push(result as Received), error: () => {}, complete: () => {} },
      );
      return received;
    });
    await settle();
    return { each, close: () => client.dispose() };
  };
  /** Executions of a selection during one write, once every subscriber given has received it. */
  const executionsOfAWrite = async (token: string, title: string, ...audience: Received[][]) => {
    const before = sharedExecutions.count;
    const expected = audience.map((received) => received.length + 1);
    await t.graphql(CREATE_POST, { input: { title, content: 'x' } }, { token });
    await until(() => audience.every((received, i) => received.length === expected[i]), 'every delivery');
    return sharedExecutions.count - before;
  };

  it('execute an event once for all of them, over WebSocket and SSE, while the author alone sees their email', async () => {
    const ada = await signUp(t, { username: 'Ada', email: 'ada@demo.com' });
    const one = await overWebSocket(1);
    const alone = await executionsOfAWrite(ada.token, 'Warm-up', ...one.each);
    const crowd = await overWebSocket(20); // the same text as `one`, and as the author's below
    const overSse = Array.from({ length: 5 }, () => collect(sseClient(url)));
    await settle();
    const withSse = await executionsOfAWrite(ada.token, 'Crowd', ...one.each, ...crowd.each);
    await until(() => overSse.every(({ events }) => events.length === 1), 'every SSE delivery');
    // urql sends its own text (with __typename) and operation name: a second selection, executed once for five.
    expect(withSse).toBe(alone + 1);

    const author = await overWebSocket(1, { token: ada.token });
    const shared = await executionsOfAWrite(ada.token, 'Mixed', ...one.each, ...crowd.each, ...author.each);
    expect(shared).toBe(alone + 1); // the signed-in author executes alone
    const expected = (email: string | null) => ({
      data: {
        postChanged: {
          kind: 'CREATED',
          postId: expect.any(String),
          post: { title: 'Mixed', author: { username: 'Ada', email } },
        },
      },
    });
    for (const received of [...one.each, ...crowd.each]) expect(received.at(-1)).toEqual(expected(null));
    expect(author.each[0]!.at(-1)).toEqual(expected('ada@demo.com'));
    for (const { events, errors } of overSse) {
      expect(events.at(-1)).toMatchObject({ post: { title: 'Mixed', author: { username: 'Ada', email: null } } });
      expect(errors).toEqual([]);
    }
    for (const { stop } of overSse) stop();
    await Promise.all([one, crowd, author].map(({ close }) => close()));
  });

  it("keep apart subscribers of other variables and other selections: an author filter, and one selection's errors", async () => {
    const ada = await signUp(t, { username: 'Ada2' });
    const bob = await signUp(t, { username: 'Bob2' });
    const everyone = await overWebSocket(3);
    const adas = await overWebSocket(3, { variables: { author: ada.id } });
    const bobs = await overWebSocket(3, { variables: { author: bob.id } });
    const failing = await overWebSocket(3, {
      query: 'subscription { postChanged { post { title author { posts(first: -1) { edges { node { title } } } } } } }',
    });
    const byAda = await executionsOfAWrite(ada.token, 'By Ada', ...everyone.each, ...adas.each, ...failing.each);
    const byBob = await executionsOfAWrite(bob.token, 'By Bob', ...everyone.each, ...bobs.each, ...failing.each);
    expect(byAda).toBe(3); // everyone, Ada's filter, the failing selection: each once
    expect(byBob).toBe(3);
    const titles = (each: Received[][]) => each.map((received) => received.map((r) => r.data?.postChanged.post?.title));
    expect(titles(everyone.each)).toEqual(Array(3).fill(['By Ada', 'By Bob']));
    expect(titles(adas.each)).toEqual(Array(3).fill(['By Ada']));
    expect(titles(bobs.each)).toEqual(Array(3).fill(['By Bob']));
    for (const received of [...everyone.each, ...adas.each, ...bobs.each]) {
      expect(received.every((result) => result.errors === undefined)).toBe(true);
    }
    for (const received of failing.each) {
      expect(received).toHaveLength(2);
      for (const result of received) {
        expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
      }
    }
    await Promise.all([everyone, adas, bobs, failing].map(({ close }) => close()));
  });
});

describe('two instances over one database and Redis', () => {
  let instances: Awaited<ReturnType<typeof startInstances>>;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    instances = await startInstances(2, () => ({ events: postEvents(REDIS) }));
    [a, b] = instances.apps as [TestApp, TestApp];
  });
  afterAll(() => instances?.close());

  it('a subscriber on one instance sees, in order, the posts created through the other', async () => {
    const ada = await signUp(a, { username: `Ada${Date.now()}` });
    const titles: string[] = []; // the typed document from client/operations, as a front end would use it
    const feed = sseClient(await b.listen())
      .subscription(PostChangedDocument, { author: ada.id })
      .subscribe((result) => result.data?.postChanged.post && titles.push(result.data.postChanged.post.title));
    await settle();
    for (let i = 1; i <= 5; i++)
      await a.graphql(CREATE_POST, { input: { title: `Post ${i}`, content: 'x' } }, { token: ada.token });
    await until(() => titles.length === 5, 'five events');
    expect(titles).toEqual(['Post 1', 'Post 2', 'Post 3', 'Post 4', 'Post 5']);
    feed.unsubscribe();
  });
});

describe('the event bus', () => {
  it.each([
    ['memory', undefined],
    ['Redis', REDIS],
  ])(
    '%s: a subscriber that reads nothing keeps only the newest events, and publishing never waits or throws',
    async (_name, redis) => {
      const events = postEvents(redis);
      const other = redis ? postEvents(redis) : events; // across instances where Redis carries them
      try {
        const idle = events.subscribe()[Symbol.asyncIterator]();
        const first = idle.next(); // subscribes
        await settle();
        for (let i = 1; i <= 3000; i++) other.publish({ kind: 'CREATED', postId: i, authorId: 1 });
        const received: number[] = [(await first).value!.postId];
        await settle();
        for (;;) {
          const next = await Promise.race([idle.next(), settle().then(() => null)]);
          if (!next || next.done) break;
          received.push(next.value.postId);
        }
        expect(received.at(-1)).toBe(3000);
        expect(received.length).toBeLessThanOrEqual(300); // the buffer, not every event
        await idle.return?.();
      } finally {
        await events.close();
        if (other !== events) await other.close();
      }
    },
  );
});

describe('the Redis channel', () => {
  it('drops messages that are not a post change, and goes on delivering those that are', async () => {
    const events = postEvents(REDIS);
    const raw = new Redis(REDIS_URL);
    try {
      const subscriber = events.subscribe()[Symbol.asyncIterator]();
      const first = subscriber.next();
      await until(() => events.healthy(), 'the bus to be subscribed');
      for (const junk of [
        'not json',
        '{"kind":"CREATED"}',
        '{"kind":"HACKED","postId":1,"authorId":1}',
        'null',
        '[]',
      ]) {
        await raw.publish(`${REDIS.prefix}post-changed`, junk);
      }
      await raw.publish(`${REDIS.prefix}post-changed`, JSON.stringify({ kind: 'CREATED', postId: 7, authorId: 3 }));
      expect((await first).value).toEqual({ kind: 'CREATED', postId: 7, authorId: 3 });
      await subscriber.return?.();
    } finally {
      raw.disconnect();
      await events.close();
    }
  });
});
