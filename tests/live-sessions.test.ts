import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signUp } from './helpers/accounts.ts';
import { CREATE_POST } from './helpers/posts.ts';
import { graphql } from './generated/gql.ts';
import { textOf } from './helpers/graphql.ts';
import { expectData, type GraphQLResponse, type ResultOf, startTestApp, type TestApp } from './helpers/test-app.ts';
import { until } from './helpers/wait.ts';

const CHANGES = graphql(`subscription LiveSessionsChanges { postChanged { post { title author { email } } } }`);
const LOGOUT = graphql(`mutation LiveSessionsLogout { logout { __typename } }`);

/** Subscribes over WebSocket with a token and records what arrives, and whether the stream ended. */
function subscribe(url: string, token: string) {
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const seen = { results: [] as GraphQLResponse<ResultOf<typeof CHANGES>>[], ended: false };
  client.subscribe(
    { query: textOf(CHANGES) },
    {
      next: (result) => void seen.results.push(result as GraphQLResponse<ResultOf<typeof CHANGES>>),
      error: (error) => void seen.results.push({ errors: error as GraphQLResponse['errors'] }),
      complete: () => {
        seen.ended = true;
      },
    },
  );
  return { seen, close: () => client.dispose() };
}

describe('a live subscription opened with a session', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp();
    url = await t.listen();
  });
  afterAll(() => t.close());
  beforeEach(() => t.reset());

  it('ends with UNAUTHENTICATED once its session has been logged out, while another session goes on', async () => {
    const ada = await signUp(t, { email: 'ada@example.com' });
    const other = await t.graphql(
      graphql(
        `mutation LiveSessionsLogin($input: LoginInput!) { login(input: $input) { ... on LoginSuccess { token } } }`,
      ),
      { input: { email: ada.email, password: ada.password } },
    );
    const leaving = subscribe(url, ada.token);
    const staying = subscribe(url, expectData(other).login.token);
    await until(() => t.liveSubscribers() === 2, 'both subscriptions to open');
    await t.graphql(CREATE_POST, { input: { title: 'Before', content: 'x' } }, { token: ada.token });
    await until(() => leaving.seen.results.length === 1 && staying.seen.results.length === 1, 'the first post');
    expect(expectData(leaving.seen.results[0]!).postChanged.post?.author.email).toBe('ada@example.com');

    await t.graphql(LOGOUT, {}, { token: ada.token });
    t.clock.advance(10_000); // past the time a stream trusts its session without reading it again
    await t.graphql(CREATE_POST, { input: { title: 'After', content: 'x' } }, { token: expectData(other).login.token });
    await until(() => leaving.seen.ended && staying.seen.results.length === 2, 'the stream to end');
    expect(leaving.seen.results).toHaveLength(2);
    expect(leaving.seen.results[1]?.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(leaving.seen.results[1])).not.toContain('After');
    expect(expectData(staying.seen.results[1]!).postChanged.post).toEqual({
      title: 'After',
      author: { email: 'ada@example.com' },
    });
    expect(staying.seen.ended).toBe(false);
    await Promise.all([leaving.close(), staying.close()]);
  });
});
