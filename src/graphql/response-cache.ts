import { type Cache, createInMemoryCache, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import { defaultBuildResponseCacheKey } from '@envelop/response-cache';
import { createRedisCache } from '@envelop/response-cache-redis';
import { getOperationAST, Kind } from 'graphql';
import type { Redis } from 'ioredis';
import type { Plugin } from 'graphql-yoga';

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
export const PUBLIC_WRITES = new Set(['createPost', 'updatePost', 'deletePost', 'updateAccount', 'register', 'deleteAccount']);

const anonymous = (request: Request) => !request.headers.has('authorization');

/**
 * Anonymous reads answered from a cache (@graphql-yoga/plugin-response-cache, in memory or Redis), with an ETag;
 * a request with `If-None-Match` of a current answer gets 304 without running anything. Signed-in requests are
 * never cached. The key is the data version with the document, operation name and variables.
 */
export function responseCachePlugins({ cache, version, ttlMs }: ResponseCacheOptions): Plugin[] {
  const versionOf = (key: string) => Number(key.slice(0, key.indexOf(':')));
  const versioned: Cache = {
    ...cache,
    // An entry from before the latest write is never answered, even if it has not expired yet.
    get: async (key) => ((await version.current()) === versionOf(key) ? cache.get(key) : null),
    set: (key, result, entities, ttl) => cache.set(key, result, entities, ttl),
    invalidate: (entities) => cache.invalidate(entities),
  };
  const bumpAfterPublicWrites: Plugin = {
    onExecute({ args }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      const fields = operation.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []));
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
      buildResponseCacheKey: async (params) => `${await version.current()}:${await defaultBuildResponseCacheKey(params)}`,
    }),
    bumpAfterPublicWrites,
  ];
}

/**
 * Cache-Control for browsers and CDNs: anonymous GET answers are public for a short while (and may be served
 * stale while revalidating); everything else is never stored. Vary keeps signed-in requests off public copies.
 */
export function useHttpCaching(maxAgeSeconds: number): Plugin {
  return {
    onResponse({ request, response }) {
      const cacheable = request.method === 'GET' && anonymous(request) && (response.status === 200 || response.status === 304);
      if (!new URL(request.url).pathname.endsWith('/graphql')) return; // pictures set their own
      response.headers.set(
        'cache-control',
        cacheable && maxAgeSeconds > 0 ? `public, max-age=${maxAgeSeconds}, stale-while-revalidate=${maxAgeSeconds * 6}` : 'no-store',
      );
      response.headers.append('vary', 'Authorization');
    },
  };
}
