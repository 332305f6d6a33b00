import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { type Document, type GraphQLResponse, textOf, type UntypedData } from './graphql.ts';

/** Every way a client can send an operation. */
export const TRANSPORTS = ['POST', 'GET', 'SSE', 'WebSocket'] as const;
export type Transport = (typeof TRANSPORTS)[number];

export interface Operation<T = unknown> {
  /** A typed document, or text (a document the test sends as it is). */
  query?: string | Document<T, never>;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
  token?: string;
}

/** Sends one operation over a transport of a listening server and returns its first result. */
export async function send<T = UntypedData>(
  transport: Transport,
  url: string,
  operation: Operation<T>,
): Promise<GraphQLResponse<T>> {
  const { token, query, ...rest } = operation;
  const params = { ...rest, ...(query === undefined ? {} : { query: textOf(query) }) };
  const authorization: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (transport === 'WebSocket') return overWebSocket(url, params, token);
  if (transport === 'GET') {
    const search = new URLSearchParams();
    if (params.query) search.set('query', params.query);
    if (params.variables) search.set('variables', JSON.stringify(params.variables));
    if (params.extensions) search.set('extensions', JSON.stringify(params.extensions));
    const response = await fetch(`${url}?${search}`, {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1', ...authorization },
    });
    return response.json();
  }
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: transport === 'SSE' ? 'text/event-stream' : 'application/json',
      ...authorization,
    },
    body: JSON.stringify(params),
  });
  if (transport === 'POST') return response.json();
  return firstEvent(response);
}

/** The first `next` event of a Server-Sent Events answer (or the JSON a request error is answered with). */
async function firstEvent<T>(response: Response): Promise<GraphQLResponse<T>> {
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) return response.json();
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`The stream ended without a result: ${text}`);
      text += decoder.decode(value, { stream: true });
      const event = /event: next\ndata: (.*)\n\n/.exec(text);
      if (event) return JSON.parse(event[1]!);
    }
  } finally {
    await reader.cancel();
  }
}

/** One graphql-ws connection per operation: its first `next`, or its `error` as `{ errors }`. */
async function overWebSocket<T>(
  url: string,
  params: { query?: string; variables?: Record<string, unknown>; extensions?: Record<string, unknown> },
  token?: string,
): Promise<GraphQLResponse<T>> {
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
  });
  try {
    return await new Promise<GraphQLResponse<T>>((resolve, reject) => {
      const dispose = client.subscribe({ query: '', ...params } as { query: string }, {
        next: (result) => {
          dispose();
          resolve(result as GraphQLResponse<T>);
        },
        error: (error) =>
          Array.isArray(error) ? resolve({ errors: error }) : reject(new Error(`The socket failed: ${String(error)}`)),
        complete: () => reject(new Error('Completed without a result')),
      });
    });
  } finally {
    await client.dispose();
  }
}

/** The codes of a result's errors, or OK: what must be the same on every transport. */
export const outcomeOf = (result: GraphQLResponse<unknown>) =>
  result.errors?.length ? result.errors.map((error) => error.extensions?.code).join(',') : 'OK';
