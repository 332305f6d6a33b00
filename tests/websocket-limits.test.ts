import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signUp } from './helpers/accounts.ts';
import { CREATE_POST } from './helpers/posts.ts';
import { startTestApp, type TestApp } from './helpers/test-app.ts';
import { until } from './helpers/wait.ts';

const CHANGES = 'subscription { postChanged { kind } }';

/** Opens a raw graphql-ws socket: its status code if the upgrade is refused, else the open socket. */
function open(url: string): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', reject);
  });
}

/** Closes a socket and resolves with its close code once the server has closed it too. */
const closed = (socket: WebSocket, close = true) =>
  new Promise<number>((resolve) => {
    socket.once('close', resolve);
    if (close) socket.close();
  });

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('WebSocket limits', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp({
      websocket: { maxConnectionsPerClient: 3, maxOperationsPerSocket: 2, connectionInitTimeoutMs: 300 },
      protection: { maxSubscriptionsPerClient: 10 },
    });
    url = await t.listen();
  });
  afterAll(() => t.close());

  it('refuses a client more sockets than its share with 429, and accepts one again once a socket closes', async () => {
    const sockets = (await Promise.all([open(url), open(url), open(url)])) as WebSocket[];
    expect(sockets.every((socket) => socket instanceof WebSocket)).toBe(true);
    expect(await open(url)).toBe(429);
    await closed(sockets[0]!);
    await until(async () => {
      const again = await open(url);
      if (typeof again === 'number') return false;
      sockets[0] = again;
      return true;
    }, 'a socket accepted once another closed');
    await Promise.all(sockets.map((socket) => closed(socket)));
  });

  it('closes a socket that never sends connection_init (4408)', async () => {
    let socket: WebSocket | undefined;
    await until(async () => {
      const opened = await open(url); // the sockets of the test before may not all have closed on the server yet
      if (typeof opened !== 'number') socket = opened;
      return socket !== undefined;
    }, 'a free place for a socket');
    expect(await closed(socket!, false)).toBe(4408);
  });

  it('answers RATE_LIMITED to more operations at once than a socket may run, and runs one once another ends', async () => {
    const client = createClient({ url: url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    const errors: unknown[] = [];
    const events: unknown[] = [];
    const subscribe = () =>
      client.subscribe(
        { query: CHANGES },
        { next: (event) => events.push(event), error: (error) => errors.push(error), complete: () => {} },
      );
    const first = subscribe();
    subscribe();
    subscribe();
    await until(() => errors.length === 1, 'the third operation refused');
    expect(errors[0]).toMatchObject([{ extensions: { code: 'RATE_LIMITED' } }]);
    first();
    const ada = await signUp(t);
    await until(async () => {
      // Once the first has ended on the server, a new one runs: it and the second both see the next post.
      const late = subscribe();
      const before = events.length;
      await pause(200);
      await t.graphql(CREATE_POST, { input: { title: 'Seen', content: 'x' } }, { token: ada.token });
      await pause(200);
      late();
      return events.length >= before + 2;
    }, 'a new operation once one ended');
    await client.dispose();
  });

  it("frees a subscription's place in the per-client cap as soon as the client completes it", async () => {
    const capped = await startTestApp({ protection: { maxSubscriptionsPerClient: 2 } });
    const cappedUrl = await capped.listen();
    const client = createClient({ url: cappedUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, retryAttempts: 0 });
    const errors: unknown[] = [];
    const subscribe = () =>
      client.subscribe(
        { query: CHANGES },
        { next: () => {}, error: (error) => errors.push(error), complete: () => {} },
      );
    // Completed at once, before the app has answered: nothing may stay held (five times the cap).
    for (let i = 0; i < 10; i++) subscribe()();
    const first = subscribe();
    subscribe(); // the app's cap of two subscriptions per client (counted by the app, not the socket)
    await pause(300);
    first();
    // No event arrives meanwhile: the place must be freed without one.
    await until(async () => {
      const before = errors.length;
      const next = subscribe();
      await pause(300);
      if (errors.length > before) return false;
      next();
      return true;
    }, 'a place freed by completing a subscription');
    await client.dispose();
    await capped.close();
  });
});
