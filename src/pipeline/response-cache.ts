import { createHash } from 'node:crypto';
import type { DocumentNode, ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.ts';
import {
  isCacheableQuery,
  isPublicWrite,
  takeWriteTypenames,
  withWriteTypenames,
} from './response-cache-operations.ts';
import type { AnswerStore, DataVersion } from './response-cache-stores.ts';

export interface ResponseCacheOptions {
  store: AnswerStore;
  version: DataVersion;
  ttlMs: number;
  /** False while the store cannot be reached (every request then runs): /ready reports it. */
  healthy?(): boolean;
  close?(): Promise<void>;
}

const anonymous = (request: Request) => !request.headers.has('authorization');

const SERVED_FROM_CACHE = Symbol.for('servedFromResponseCache');

/**
 * Anonymous queries answered from a store (in memory or Redis). Only a query that succeeded is stored, and only
 * when it reads nothing of the viewer: mutations and subscriptions always run, so nothing a write answers (a
 * token, a reset) is ever replayed. The key is the data version with the document, operation name and variables;
 * a GET answer carries it as its ETag, and a GET whose `If-None-Match` names a stored answer gets 304. The store
 * failing (Redis down) is a miss: the request runs and its answer is not kept.
 */
export function responseCachePlugins(options: ResponseCacheOptions, logger: Logger): Plugin[] {
  const { store, version, ttlMs, healthy = () => true } = options;
  // An anonymous request's context → the key of its answer, and the variable names it was sent with.
  const keys = new WeakMap<object, { key: string; variables: string[] }>();
  const etags = new WeakMap<Request, string>(); // GET answers that a client may revalidate
  // A store that fails (Redis away or frozen) is left alone for 5 s: requests then run uncached at no cost,
  // and the failure is logged once per outage, not once per request.
  let failing = false;
  let retryAt = 0;
  const failed = (what: string) => (error: unknown) => {
    if (!failing) logger.warn({ err: error }, `Response cache: ${what} failed; requests run uncached until it is back`);
    failing = true;
    retryAt = Date.now() + 5000;
  };
  const usable = () => healthy() && Date.now() >= retryAt;
  const recovered = () => {
    if (failing) logger.info('Response cache: reachable again');
    failing = false;
  };

  const lookUp: Plugin = {
    onParams({ params, request, context, setResult }) {
      if (!anonymous(request) || !usable()) return; // a store that is away costs a request nothing
      return version
        .current()
        .then(async (current) => {
          // The version is hashed in too: the key is also the ETag, which must not tell how often anyone writes.
          const key = hashOf([current, params.query ?? null, params.operationName ?? null, params.variables ?? null]);
          keys.set(context, { key, variables: Object.keys(params.variables ?? {}) });
          const hit = await store.get(key);
          recovered();
          if (!hit) return;
          setResult({ ...hit, [SERVED_FROM_CACHE]: true } as ExecutionResult);
          if (request.method === 'GET') etags.set(request, key);
        })
        .catch(failed('a lookup'));
    },
    onExecute({ args }) {
      const entry = keys.get(args.contextValue as object);
      if (!entry || !isCacheableQuery(args.document, args.operationName, entry.variables)) return;
      const { key } = entry;
      const { request } = args.contextValue as { request: Request };
      return {
        onExecuteDone({ result }) {
          if (isAsyncIterable(result) || result.errors?.length || !result.data) return;
          if (request.method === 'GET') etags.set(request, key);
          void store.set(key, { data: result.data }, ttlMs).catch(failed('storing an answer')); // not awaited
        },
      };
    },
    onResultProcess({ request, result, setResultProcessor }) {
      if (Array.isArray(result) || isAsyncIterable(result) || !(SERVED_FROM_CACHE in result)) return;
      const key = etags.get(request);
      if (key && matches(request.headers.get('if-none-match'), key)) {
        setResultProcessor(
          (_result, fetchAPI) => new fetchAPI.Response(null, { status: 304, headers: { etag: `"${key}"` } }),
          'application/json',
        );
        return;
      }
      (result as { stringify?: (result: ExecutionResult) => string }).stringify = stringifyCachedAnswer;
    },
    onResponse({ request, response }) {
      const key = etags.get(request);
      if (key && response.status === 200) response.headers.set('etag', `"${key}"`);
    },
  };

  // Only a public write that succeeded bumps the version: refused, failed or anonymous attempts must not be able
  // to empty every instance's cache. Success is read from the result's type, asked for under a key of our own.
  const bumpAfterPublicWrites: Plugin = {
    onExecute({ args }) {
      if (!isPublicWrite(args.document, args.operationName)) return;
      // envelop passes these very args (spread) to the executor once every onExecute hook has run.
      (args as { document: DocumentNode }).document = withWriteTypenames(args.document);
      return {
        onExecuteDone: ({ result }) => {
          if (isAsyncIterable(result) || !takeWriteTypenames(result.data)) return;
          // The write has committed: a cache that cannot be told must not make it look failed.
          return version.bump().catch(failed('bumping the data version'));
        },
      };
    },
  };
  return [lookUp, bumpAfterPublicWrites];
}

/** `If-None-Match`: `*` or a list of entity tags, weak or strong. */
function matches(header: string | null, key: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === `"${key}"`;
  });
}

/**
 * SHA-256 of what a cached answer depends on, the data version included (also its ETag, so no client text is
 * echoed). Node's hash, synchronous: WebCrypto's async digest cost an eighth of a cache hit's CPU.
 */
const hashOf = (parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('base64url');

const bodies = new WeakMap<object, string>();

/**
 * A hit from the in-memory store hands out the same `data` object every time: its JSON is written once and then
 * reused (keyed by that object, so nothing else can answer for it). Redis hits are parsed afresh and miss here.
 */
function stringifyCachedAnswer(result: ExecutionResult): string {
  const { data } = result;
  const plain = data && !result.errors && (!result.extensions || Object.keys(result.extensions).length === 0);
  if (!plain) return JSON.stringify(result);
  let body = bodies.get(data);
  if (body === undefined) {
    body = JSON.stringify({ data });
    bodies.set(data, body);
  }
  return body;
}
