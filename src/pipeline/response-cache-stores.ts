import type { ExecutionResult } from 'graphql';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { EVERYTHING } from './response-cache-tags.ts';

/**
 * Where cached answers are kept: by key, each for its time to live. Entries are never deleted one by one: the
 * tag versions in their keys retire them (see DataVersion).
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
 * Versions of tags (src/pipeline/response-cache-tags.ts): a write, once it has committed and before it is
 * answered, bumps the tags of what it changed. An answer's key carries the versions of the tags it read, so an
 * answer cached before a write is never served after it; with Redis they are shared, so no instance serves one.
 *
 * A bump gives a tag a value it never had (one sequence for all tags), and a tag not bumped for `retainMs` may be
 * forgotten (it reads 0 again): every answer stored under its earlier values, or under 0 before its first bump,
 * has expired by then, as long as `retainMs` is over an answer's TTL plus the longest execution.
 */
export interface DataVersion {
  /** The versions of these tags, in order (0 for a tag never bumped, or forgotten). */
  current(tags: string[]): Promise<number[]>;
  bump(tags: string[]): Promise<void>;
}

/** How long a tag is kept after its last bump: twice the longest TTL, and five minutes for slow executions. */
const retainFor = (answerTtlMs: number) => 2 * answerTtlMs + 5 * 60_000;
const LONGEST_TTL_MS = 86_400_000; // RESPONSE_CACHE_TTL_MS's maximum

export function memoryDataVersion(answerTtlMs = LONGEST_TTL_MS): DataVersion {
  const retainMs = retainFor(answerTtlMs);
  let sequence = 0;
  // In order of last bump (a bumped tag is moved to the end), so the forgettable ones are at the front.
  const tags = new Map<string, { version: number; bumpedAt: number }>();
  return {
    current: async (names) => names.map((name) => tags.get(name)?.version ?? 0),
    bump: async (names) => {
      const now = performance.now(); // monotonic, as lru-cache's TTLs are: a clock set forward forgets nothing
      for (const [name, { bumpedAt }] of tags) {
        if (now - bumpedAt <= retainMs) break;
        tags.delete(name);
      }
      for (const name of names) {
        tags.delete(name);
        tags.set(name, { version: ++sequence, bumpedAt: now });
      }
    },
  };
}

// Each tag set to the next value of one sequence, so a tag that expired and is bumped again never reuses a value.
const BUMP = `local v = redis.call('INCR', KEYS[1])
for i = 2, #KEYS do redis.call('SET', KEYS[i], v, 'PX', ARGV[1]) end
return v`;

/** Owed tags beyond this many are owed as `*` alone (it retires every answer), so an outage grows nothing. */
const MAX_OWED = 256;

/**
 * The versions in Redis: one MGET per lookup, one script per bump. A bump that cannot reach Redis (the write has
 * committed all the same) is owed: it is made before this instance reads versions again, and as soon as Redis is
 * back, so no instance goes on serving answers from before the write once Redis is reachable.
 */
export function redisDataVersion(
  redis: Redis,
  { answerTtlMs = LONGEST_TTL_MS, prefix = 'flaskblog:tag:' }: { answerTtlMs?: number; prefix?: string } = {},
): DataVersion {
  const retainMs = retainFor(answerTtlMs);
  const owed = new Map<string, number>(); // tag → the bump that last owed it; bumps not known to have reached Redis
  let bumps = 0;
  const settle = async () => {
    if (!owed.size) return;
    const covering = bumps;
    const names = [...owed.keys()];
    await redis.eval(BUMP, names.length + 1, `${prefix}sequence`, ...names.map((name) => prefix + name), retainMs);
    for (const [name, bump] of owed) if (bump <= covering) owed.delete(name);
  };
  redis.on('ready', () => void settle().catch(() => {}));
  return {
    current: async (names) => {
      await settle();
      const values = await redis.mget(names.map((name) => prefix + name));
      return values.map((value) => Number(value ?? 0));
    },
    bump: async (names) => {
      bumps++;
      for (const name of names) owed.set(name, bumps);
      if (owed.size > MAX_OWED) {
        owed.clear();
        owed.set(EVERYTHING, bumps);
      }
      await settle();
    },
  };
}
