import { createHash } from 'node:crypto';
import { type Cache, createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { createRedisCache } from '@envelop/response-cache-redis';
import {
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  getOperationAST,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Redis } from 'ioredis';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

/**
 * A number that every write visible to anonymous readers increases, once it has committed and before it is
 * answered. Cache keys carry it, so an answer cached before a write is never served after it; with Redis it
 * is shared, so no instance serves one either.
 */
export interface DataVersion {
  current(): Promise<number>;
  bump(): Promise<void>;
}

export function memoryDataVersion(): DataVersion {
  let version = 0;
  return { current: async () => version, bump: async () => void version++ };
}

export function redisDataVersion(redis: Redis, key = 'flaskblog:data-version'): DataVersion {
  return {
    current: async () => Number((await redis.get(key)) ?? 0),
    bump: async () => void (await redis.incr(key)),
  };
}

export interface ResponseCacheOptions {
  cache: Cache;
  version: DataVersion;
  ttlMs: number;
  close?(): Promise<void>;
}

export function memoryResponseCache(): Cache {
  return createInMemoryCache({ max: 1000 });
}

export function redisResponseCache(redis: Redis): Cache {
  return createRedisCache({ redis });
}

/** Mutations whose success changes what anonymous readers see; any other mutation leaves the cache alone. */
export const PUBLIC_WRITES = new Set([
  'createPost',
  'updatePost',
  'deletePost',
  'updateAccount',
  'register',
  'deleteAccount',
]);

const anonymous = (request: Request) => !request.headers.has('authorization');

/**
 * Anonymous reads answered from a cache (@graphql-yoga/plugin-response-cache, in memory or Redis), with an ETag;
 * a request with `If-None-Match` of a current answer gets 304 without running anything. Signed-in requests are
 * never cached. The key is the data version with the document, operation name and variables.
 */
export function responseCachePlugins({ cache, version, ttlMs }: ResponseCacheOptions): Plugin[] {
  const versionOf = (key: string) => Number(key.slice(0, key.indexOf(':')));
  // An entry from before the latest write is never answered, even if it has not expired yet.
  const versioned: Cache = {
    ...cache,
    get: async (key) => ((await version.current()) === versionOf(key) ? cache.get(key) : null),
  };
  const bumpAfterPublicWrites: Plugin = {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      const fields = rootFields(operation.selectionSet, fragmentsOf(args.document));
      if (!fields.some((field) => PUBLIC_WRITES.has(field))) return;
      return { onExecuteDone: () => version.bump() };
    },
  };
  return [
    useResponseCache({
      cache: versioned,
      ttl: ttlMs,
      session: () => null,
      enabled: anonymous,
      invalidateViaMutation: false, // the data version does it, for every write at once
      buildResponseCacheKey: async ({ documentString, operationName, variableValues }) =>
        `${await version.current()}:${hashOf([documentString, operationName ?? null, variableValues ?? null])}`,
    }),
    bumpAfterPublicWrites,
    reuseCachedBodies,
  ];
}

/**
 * SHA-256 of what a cached answer depends on besides the data version (also its ETag, so no client text is
 * echoed). Node's hash, synchronous: the default key's WebCrypto digest cost an eighth of a cache hit's CPU.
 */
const hashOf = (parts: unknown[]) => createHash('sha256').update(JSON.stringify(parts)).digest('base64url');

const SERVED_FROM_CACHE = Symbol.for('servedFromResponseCache');
const bodies = new WeakMap<object, string>();

/**
 * A hit from the in-memory cache hands out the same `data` object every time: its JSON is written once and then
 * reused (keyed by that object, so nothing else can answer for it). Redis hits are parsed afresh and miss here.
 */
const reuseCachedBodies: Plugin = {
  onResultProcess({ result }) {
    if (Array.isArray(result) || isAsyncIterable(result) || !(SERVED_FROM_CACHE in result)) return;
    (result as { stringify?: (result: ExecutionResult) => string }).stringify = stringifyCachedAnswer;
  },
};

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

/**
 * Cache-Control for browsers and CDNs: anonymous GET answers are public for a short while (and may be served
 * stale while revalidating); everything else is never stored. Vary keeps signed-in requests off public copies.
 */
export function useHttpCaching(maxAgeSeconds: number): Plugin {
  return {
    onResponse({ request, response }) {
      const cacheable =
        request.method === 'GET' && anonymous(request) && (response.status === 200 || response.status === 304);
      if (!new URL(request.url).pathname.endsWith('/graphql')) return; // pictures set their own
      response.headers.set(
        'cache-control',
        cacheable && maxAgeSeconds > 0
          ? `public, max-age=${maxAgeSeconds}, stale-while-revalidate=${maxAgeSeconds * 6}`
          : 'no-store',
      );
      response.headers.append('vary', 'Authorization');
    },
  };
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return new Map(fragments.map((fragment) => [fragment.name.value, fragment]));
}

/** The root fields an operation selects, also through inline fragments and fragment spreads. */
function rootFields(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, fragments, seen);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return [];
    seen.add(fragment.name.value);
    return rootFields(fragment.selectionSet, fragments, seen);
  });
}
