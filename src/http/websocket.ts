import type { IncomingMessage, Server } from 'node:http';
import { parse } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { App } from '../app.ts';
import { schema } from '../graphql/schema.ts';
import { operationResults, RequestErrors } from './operation-stream.ts';
import { rateLimitKey } from '../modules/ratelimit/rate-limit-key.ts';
import { clientAddress } from './client-address.ts';

export interface WebSocketLimits {
  /** Proxies whose X-Forwarded-For we believe (as for HTTP). */
  trustProxy: number;
  /** Open sockets per client address; more are refused with 429 at the upgrade. */
  maxConnectionsPerClient: number;
  /** Operations running at once on one socket; more are answered RATE_LIMITED. */
  maxOperationsPerSocket: number;
  /** A socket that has not sent `connection_init` by then is closed (4408). */
  connectionInitTimeoutMs: number;
}

const DEFAULT_WEBSOCKET_LIMITS: Omit<WebSocketLimits, 'trustProxy'> = {
  maxConnectionsPerClient: 20,
  maxOperationsPerSocket: 25,
  connectionInitTimeoutMs: 10_000,
};

/** How long clients get to answer the close frame at shutdown. */
const CLOSE_WAIT_MS = 1000;

/** Headers of the upgrade request that every operation carries, besides the token from the connection params. */
const FORWARDED = ['user-agent', 'x-forwarded-for']; // no x-request-id: each operation gets its own

/** graphql-ws picks `execute` for a query document; the operation itself is the one the client sent. */
const PLACEHOLDER = parse('{ __typename }');

/**
 * GraphQL over WebSocket (the graphql-ws protocol) at the GraphQL endpoint. Each operation is sent to the app as
 * an HTTP request of its own (POST, `Accept: text/event-stream`), so it passes the very pipeline HTTP requests
 * pass: trusted documents, limits, cost, the response cache, masking, rate limits, metrics and the access log.
 * The token comes as `connectionParams.authorization`, since browsers cannot set headers on a WebSocket.
 */
export function attachGraphQLWebSocket(
  server: Server,
  app: App,
  { trustProxy, ...limits }: Pick<WebSocketLimits, 'trustProxy'> & Partial<WebSocketLimits>,
): { close(): Promise<void> } {
  const { maxConnectionsPerClient, maxOperationsPerSocket, connectionInitTimeoutMs } = {
    ...DEFAULT_WEBSOCKET_LIMITS,
    ...limits,
  };
  const forwarded = (upgrade: IncomingMessage) => {
    const headers = new Headers();
    for (const name of FORWARDED) {
      const value = upgrade.headers[name];
      if (typeof value === 'string') headers.set(name, value);
    }
    return headers;
  };
  // Counted as budgets are: an IPv6 client by its /64.
  const addressOf = (upgrade: IncomingMessage) =>
    rateLimitKey(
      clientAddress(
        new Request('http://websocket/', { headers: forwarded(upgrade) }),
        upgrade.socket.remoteAddress,
        trustProxy,
      ),
    );

  const sockets = new Map<string, number>();
  const wsServer = new WebSocketServer({
    server,
    path: app.graphqlEndpoint,
    maxPayload: 100 * 1024,
    verifyClient: ({ req }, accept) => {
      const open = sockets.get(addressOf(req)) ?? 0;
      if (open >= maxConnectionsPerClient) accept(false, 429, 'Too many WebSocket connections from this client');
      else accept(true);
    },
  });
  wsServer.on('connection', (socket, upgrade) => {
    const address = addressOf(upgrade);
    sockets.set(address, (sockets.get(address) ?? 0) + 1);
    socket.once('close', () => {
      const left = (sockets.get(address) ?? 1) - 1;
      if (left > 0) sockets.set(address, left);
      else sockets.delete(address);
    });
  });

  const running = new WeakMap<object, number>(); // operations running on a socket
  type Operation = { upgrade: IncomingMessage; socket: object; authorization: unknown; params: { query?: unknown } };
  const disposable = useServer<Record<string, unknown>>(
    {
      connectionInitWaitTimeout: connectionInitTimeoutMs,
      onSubscribe: (ctx, _id, params) => {
        const operation: Operation = {
          upgrade: ctx.extra.request,
          socket: ctx.extra.socket,
          authorization: ctx.connectionParams?.authorization,
          params,
        };
        return { schema, document: PLACEHOLDER, rootValue: operation, contextValue: {} };
      },
      execute: async (args) => {
        const { upgrade, socket, authorization, params } = args.rootValue as Operation;
        const count = running.get(socket) ?? 0;
        if (count >= maxOperationsPerSocket) {
          // Thrown from the first result: a throw from execute itself would close the socket.
          return released(
            () => Promise.reject(tooManyOperations(maxOperationsPerSocket)),
            () => {},
          );
        }
        const headers = forwarded(upgrade);
        headers.set('content-type', 'application/json');
        headers.set('accept', 'text/event-stream');
        if (typeof authorization === 'string') {
          try {
            headers.set('authorization', authorization);
          } catch {
            return released(
              () => Promise.reject(unreadableToken()),
              () => {},
            ); // not a header value at all
          }
        }
        running.set(socket, count + 1);
        // The app does not stop for a request's signal, so the operation is ended by cancelling its answer's
        // body: at once if a read is pending, else as soon as the answer exists. Its place on the socket is
        // given back only then, so subscribing and completing at once cannot run more than the cap.
        const abort = new AbortController();
        let answer: Promise<Response> | undefined;
        return released(
          async () => {
            const request = new Request(`http://websocket${app.graphqlEndpoint}`, {
              method: 'POST',
              headers,
              body: JSON.stringify(withoutEmptyQuery(params)),
            });
            answer = Promise.resolve(app.fetch(request, { req: upgrade }));
            return operationResults(await answer, abort.signal);
          },
          () => {
            abort.abort();
            const ended = answer ? answer.then((response) => response.body?.cancel()) : Promise.resolve();
            void ended
              .catch(() => {}) // a body already being read was cancelled through the signal
              .finally(() => running.set(socket, (running.get(socket) ?? 1) - 1));
          },
        );
      },
      // Results and errors arrive as the HTTP pipeline shaped them (a code on each, nothing echoed).
      onNext: (_ctx, _id, _payload, _args, result) => result,
      onError: (_ctx, _id, _payload, errors) => {
        const refused = errors[0]?.originalError;
        if (refused instanceof RequestErrors) return refused.errors;
        // Not the app's answer (it shapes its own): never echo what failed here.
        return errors.map(() => ({ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }));
      },
    },
    wsServer,
  );
  return {
    async close() {
      const closed = [...wsServer.clients].map((client) => new Promise((resolve) => client.once('close', resolve)));
      for (const client of wsServer.clients) client.close(1001, 'Going away');
      // ws waits 30 s for a client to answer the close frame: one that does not is cut after a short wait.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(closed), new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))]);
      clearTimeout(timer);
      for (const client of wsServer.clients) client.terminate();
      await disposable.dispose(); // closes the server once no client is left
    },
  };
}

/** graphql-ws requires a `query` string: a client that sends only a document's hash sends `""`. */
function withoutEmptyQuery(params: { query?: unknown }) {
  if (params.query !== '') return params;
  const { query: _empty, ...rest } = params;
  return rest;
}

function unreadableToken() {
  return new RequestErrors([
    {
      message: 'The authorization connection parameter is not a valid token.',
      extensions: { code: 'UNAUTHENTICATED' },
    },
  ]);
}

function tooManyOperations(max: number) {
  const message = `Too many operations on this connection (at most ${max}): complete one first.`;
  return new RequestErrors([{ message, extensions: { code: 'RATE_LIMITED' } }]);
}

/**
 * The results of `start()`, as an async generator that calls `release` exactly once: when the results end, fail,
 * or the client completes the operation (also before the first result, when graphql-ws calls `return`).
 */
function released<T>(start: () => Promise<AsyncGenerator<T>>, release: () => void): AsyncGenerator<T> {
  let done = false;
  const finish = () => {
    if (!done) {
      done = true;
      release();
    }
  };
  let results: Promise<AsyncGenerator<T>> | undefined;
  const started = () => (results ??= start());
  const generator: AsyncGenerator<T> = {
    [Symbol.asyncIterator]: () => generator,
    async next() {
      try {
        const step = await (await started()).next();
        if (step.done) finish();
        return step;
      } catch (error) {
        finish();
        throw error;
      }
    },
    async return(value) {
      finish(); // cancels a pending read: awaiting the results' own return() would wait for their next event
      return { done: true, value };
    },
    async throw(error) {
      finish();
      throw error;
    },
  };
  return generator;
}
