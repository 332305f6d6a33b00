import { createHash } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { type DocumentNode, type ExecutionResult, getOperationAST, type GraphQLSchema, printSchema } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../logger.ts';
import { isPublicWrite, takeWriteTypenames, withWriteTypenames } from './response-cache-operations.ts';
import type { AnswerStore, DataVersion } from './response-cache-stores.ts';
import { type CacheChanges, EVERYTHING, type TagPlan, tagPlan } from './response-cache-tags.ts';

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

interface Sent {
  query: string | null;
  operationName: string | null;
  variables: Record<string, unknown>;
}

/**
 * Anonymous queries answered from a store (in memory or Redis). Only a query that succeeded is stored, and only
 * when it reads nothing of the viewer: mutations and subscriptions always run, so nothing a write answers (a
 * token, a reset) is ever replayed. The key hashes the schema, the document, operation name and variables, and
 * the versions of the answer's tags (response-cache-tags.ts), read before it runs; a GET answer carries the hash
 * of its body as its ETag, and a GET whose `If-None-Match` names the stored answer's gets 304. The store failing (Redis down) is
 * a miss: the request runs and its answer is not kept.
 */
export function responseCachePlugins(options: ResponseCacheOptions, logger: Logger): Plugin[] {
  const { store, version, ttlMs, healthy = () => true } = options;
  // An anonymous request's context → what it sent, and the key its lookup used (with the plan it came from).
  const sent = new WeakMap<object, Sent>();
  const looked = new WeakMap<object, { key: string; plan: TagPlan }>();
  // The plans of documents executed before, by text, so a lookup needs no parsing. A plan holds parts of its
  // document's syntax tree, so they are bounded in number as well as in bytes of text.
  const plans = new LRUCache<string, { plan: TagPlan; schema: string }>({
    max: 1000,
    maxSize: 1024 * 1024,
    sizeCalculation: (_plan, text) => text.length,
  });
  const etags = new WeakMap<Request, string>(); // GET answers that a client may revalidate
  const computing = singleFlight();
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
  const keyOf = async (schema: string, request: Sent, tags: string[]) => {
    const versions = await version.current(tags);
    // Hashed: a key of bounded length, which holds no client text.
    return hashOf([schema, request.query, request.operationName, request.variables, tags, versions]);
  };

  const lookUp: Plugin = {
    onParams({ params, request, context, setResult }) {
      if (!anonymous(request) || !usable()) return; // a store that is away costs a request nothing
      const variables = (params.variables ?? {}) as Record<string, unknown>;
      const asked: Sent = { query: params.query ?? null, operationName: params.operationName ?? null, variables };
      sent.set(context, asked);
      const known = plans.get(textKey(asked));
      const tags = known?.plan(variables);
      if (!known || !tags) return; // not run before (or not cacheable): the lookup waits for the parsed document
      return keyOf(known.schema, asked, tags)
        .then(async (key) => {
          looked.set(context, { key, plan: known.plan });
          const hit = (await store.get(key)) ?? (await computing.follow(key, request));
          recovered();
          if (!hit) return;
          setResult({ ...hit, [SERVED_FROM_CACHE]: true } as ExecutionResult);
          if (request.method === 'GET') etags.set(request, etagOf(hit.data));
        })
        .catch(failed('a lookup'));
    },
    onExecute({ args }) {
      const context = args.contextValue as object;
      const asked = sent.get(context);
      const plan = asked && tagPlan(args.document, asked.operationName);
      const tags = plan?.(asked!.variables);
      if (!asked || !plan || !tags) return;
      const schema = schemaHash(args.schema);
      plans.set(textKey(asked), { plan, schema });
      const { request } = args.contextValue as { request: Request };
      const storing = (key: string) => ({
        onExecuteDone({ result }: { result: ExecutionResult | AsyncIterable<ExecutionResult> }) {
          if (isAsyncIterable(result) || result.errors?.length || !result.data) return computing.release(request);
          computing.release(request, { data: result.data });
          if (request.method === 'GET') etags.set(request, etagOf(result.data));
          void store.set(key, { data: result.data }, ttlMs).catch(failed('storing an answer')); // not awaited
        },
      });
      const lookup = looked.get(context);
      if (lookup?.plan === plan) return storing(lookup.key);
      // First run of this document: its tags' versions are read now, still before it runs.
      return keyOf(schema, asked, tags).then(storing, (error: unknown) => void failed('reading tag versions')(error));
    },
    onResultProcess({ request, result, setResultProcessor }) {
      if (Array.isArray(result) || isAsyncIterable(result) || !(SERVED_FROM_CACHE in result)) return;
      const etag = etags.get(request);
      if (etag && matches(request.headers.get('if-none-match'), etag)) {
        setResultProcessor(
          (_result, fetchAPI) => new fetchAPI.Response(null, { status: 304, headers: { etag: `"${etag}"` } }),
          'application/json',
        );
        return;
      }
      (result as { stringify?: (result: ExecutionResult) => string }).stringify = stringifyCachedAnswer;
    },
    onResponse({ request, response }) {
      computing.release(request); // one that never ran (refused, failed) frees those waiting for it
      const etag = etags.get(request);
      if (etag && response.status === 200) response.headers.set('etag', `"${etag}"`);
    },
  };

  // A write bumps the tags its resolvers recorded once it committed (CacheChanges). The safety net: a public write
  // that succeeded but recorded nothing bumps `*`. Refused, failed or anonymous attempts bump nothing, so they
  // cannot empty every instance's cache. Success is read from the result's type, asked for under a key of ours.
  const bumpAfterWrites: Plugin = {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      const publicWrite = isPublicWrite(args.document, args.operationName);
      // envelop passes these very args (spread) to the executor once every onExecute hook has run.
      if (publicWrite) (args as { document: DocumentNode }).document = withWriteTypenames(args.document);
      const { changed } = args.contextValue as { changed?: CacheChanges };
      return {
        onExecuteDone: ({ result }) => {
          const succeeded = !isAsyncIterable(result) && publicWrite && takeWriteTypenames(result.data);
          const tags = [...(changed?.tags ?? [])];
          if (succeeded && !changed?.recorded) tags.push(EVERYTHING);
          if (!tags.length) return;
          // The write has committed: a cache that cannot be told must not make it look failed.
          return version.bump(tags).catch(failed('bumping tag versions'));
        },
      };
    },
  };
  return [lookUp, bumpAfterWrites];
}

/** How long a miss waits for the same answer being computed by another request before it runs on its own. */
const FOLLOW_MS = 2000;

/**
 * Misses of one key while it is being computed: the first request runs, the others wait for its answer. Right
 * after a write retires the feed, every connection asking for it would otherwise run it at once. The same key is
 * the same versions, so the answer is as fresh for each of them. One entry per key being computed, freed when its
 * request has an answer (or none: the others then run themselves).
 */
function singleFlight() {
  const running = new Map<string, Promise<ExecutionResult | undefined>>();
  const leaders = new WeakMap<Request, (answer?: ExecutionResult) => void>();
  return {
    /** The answer another request is computing for this key; or undefined, and this request computes it. */
    async follow(key: string, request: Request): Promise<ExecutionResult | undefined> {
      const computed = running.get(key);
      if (computed) return Promise.race([computed, delay(FOLLOW_MS, undefined, { ref: false })]);
      let finish!: (answer?: ExecutionResult) => void;
      const answer = new Promise<ExecutionResult | undefined>((resolve) => {
        finish = resolve;
      });
      running.set(key, answer);
      leaders.set(request, (result) => {
        if (running.get(key) === answer) running.delete(key);
        leaders.delete(request);
        finish(result);
      });
      return undefined;
    },
    release(request: Request, answer?: ExecutionResult): void {
      leaders.get(request)?.(answer);
    },
  };
}

/** `If-None-Match`: `*` or a list of entity tags, weak or strong. */
function matches(header: string | null, key: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === `"${key}"`;
  });
}

/** Unambiguous (the name's length first) and unhashed: the plans' map compares the text itself. */
const textKey = ({ query, operationName }: Sent) =>
  `${operationName === null ? -1 : operationName.length}:${operationName ?? ''}${query ?? ''}`;

const schemaHashes = new WeakMap<GraphQLSchema, string>();
/** In every key, so answers of an earlier deploy (introspection above all) are not replayed from Redis. */
function schemaHash(schema: GraphQLSchema): string {
  let hash = schemaHashes.get(schema);
  if (hash === undefined) {
    hash = hashOf([printSchema(schema)]);
    schemaHashes.set(schema, hash);
  }
  return hash;
}

/** SHA-256 of what a cached answer depends on. Node's hash, synchronous: WebCrypto's async digest cost an eighth of a cache hit's CPU. */
const hashOf = (parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('base64url');

const bodies = new WeakMap<object, string>();
const bodyEtags = new WeakMap<object, string>();

/**
 * A GET answer's ETag: the hash of its body, so a 304 only ever confirms what the client holds. (The key would
 * not do: a tag forgotten or a Redis emptied reads 0 again, and a key can then come back with newer data under
 * it, which a browser's or CDN's `If-None-Match`, kept longer than any answer here, would wrongly confirm.)
 */
function etagOf(data: ExecutionResult['data']): string {
  if (!data) return hashOf([null]);
  let etag = bodyEtags.get(data);
  if (etag === undefined) {
    etag = createHash('sha256').update(bodyOf(data)).digest('base64url');
    bodyEtags.set(data, etag);
  }
  return etag;
}

function bodyOf(data: NonNullable<ExecutionResult['data']>): string {
  let body = bodies.get(data);
  if (body === undefined) {
    body = JSON.stringify({ data });
    bodies.set(data, body);
  }
  return body;
}

/**
 * A hit from the in-memory store hands out the same `data` object every time: its JSON is written once and then
 * reused (keyed by that object, so nothing else can answer for it). Redis hits are parsed afresh and miss here.
 */
function stringifyCachedAnswer(result: ExecutionResult): string {
  const { data } = result;
  const plain = data && !result.errors && (!result.extensions || Object.keys(result.extensions).length === 0);
  return plain ? bodyOf(data) : JSON.stringify(result);
}
