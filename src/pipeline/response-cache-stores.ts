import type { ExecutionResult } from 'graphql';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';

/**
 * Where cached answers are kept: by key, each for its time to live. Entries are never invalidated one by one:
 * the data version in every key retires them all at once (see DataVersion).
 */
export interface AnswerStore {
  get(key: string): Promise<ExecutionResult | undefined>;
  /** Keeps the answer unless its JSON is over the store's limit for one entry. */
  set(key: string, answer: ExecutionResult, ttlMs: number): Promise<void>;
}

/** Bounds of a store, in bytes of JSON (the answer's text length, which is what it costs in memory or Redis). */
export interface StoreLimits {
  /** All entries together (the in-memory store; Redis is bounded by its own maxmemory). */
  maxBytes: number;
  /** One answer: a larger one is answered but not kept. */
  maxEntryBytes: number;
}

const DEFAULT_STORE_LIMITS: StoreLimits = { maxBytes: 64 * 1024 * 1024, maxEntryBytes: 256 * 1024 };

export function memoryAnswerStore(limits: StoreLimits = DEFAULT_STORE_LIMITS): AnswerStore {
  const entries = new LRUCache<string, ExecutionResult>({ maxSize: limits.maxBytes });
  return {
    get: async (key) => entries.get(key),
    set: async (key, answer, ttlMs) => {
      const size = JSON.stringify(answer).length;
      if (size <= limits.maxEntryBytes) entries.set(key, answer, { ttl: ttlMs, size });
    },
  };
}

/** Each answer is one Redis string with an expiry, so nothing in Redis outlives its time to live. */
export function redisAnswerStore(redis: Redis, limits: StoreLimits = DEFAULT_STORE_LIMITS): AnswerStore {
  return {
    get: async (key) => {
      const text = await redis.get(`answer:${key}`);
      return text === null ? undefined : (JSON.parse(text) as ExecutionResult);
    },
    set: async (key, answer, ttlMs) => {
      const text = JSON.stringify(answer);
      if (text.length <= limits.maxEntryBytes) await redis.set(`answer:${key}`, text, 'PX', ttlMs);
    },
  };
}

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

/**
 * The version in Redis. A bump that cannot reach Redis (the write has committed all the same) is owed: it is
 * made before this instance reads the version again, and as soon as Redis is back, so no instance goes on
 * serving answers from before the write once Redis is reachable.
 */
export function redisDataVersion(redis: Redis, key = 'flaskblog:data-version'): DataVersion {
  let owed = 0; // bumps not yet known to have reached Redis; one INCR that arrives covers them all
  const settle = async () => {
    const covering = owed;
    if (!covering) return;
    await redis.incr(key);
    owed = Math.max(0, owed - covering);
  };
  redis.on('ready', () => void settle().catch(() => {}));
  return {
    current: async () => {
      await settle();
      return Number((await redis.get(key)) ?? 0);
    },
    bump: async () => {
      owed++;
      await settle();
    },
  };
}
