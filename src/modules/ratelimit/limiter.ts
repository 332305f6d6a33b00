import { createHash } from 'node:crypto';
import { once } from 'node:events';
import pg from 'pg';
import { failFastRedis } from '../../redis.ts';
import {
  type IRateLimiterStoreOptions,
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { rateLimited } from '../../graphql/errors.ts';

/**
 * At most `limit` attempts under `key` in a window of `windowMs` (whole seconds) that opens with the first
 * attempt. Keys hold client values (emails), so long ones are hashed to keep every store's rows small.
 */
export interface Budget {
  key: string;
  limit: number;
  windowMs: number;
}

/** Budgets enforced by rate-limiter-flexible, with the same rules in memory, Redis or PostgreSQL. */
export interface RateLimiter {
  /** Takes one attempt from every budget, atomically in the store; RATE_LIMITED (longest wait) if any was spent. */
  consume(budgets: Budget[]): Promise<void>;
  /** Gives one attempt back to every budget: it was reserved for a check that turned out not to count. */
  refund(budgets: Budget[]): Promise<void>;
  close(): Promise<void>;
}

type StoreFactory = (options: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract;

const storeKey = (key: string) =>
  key.length <= 64 ? key : `sha256:${createHash('sha256').update(key).digest('base64url')}`;

/** One rate-limiter-flexible instance per (limit, window) pair, created on first use. */
function limiterOver(factory: StoreFactory, close: () => Promise<void> = async () => {}): RateLimiter {
  const limiters = new Map<string, RateLimiterAbstract>();
  const limiterFor = ({ limit, windowMs }: Budget) => {
    const id = `${limit}x${windowMs}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = factory({
        keyPrefix: `flaskblog:rl:${id}`,
        points: limit,
        duration: Math.max(1, Math.round(windowMs / 1000)),
      });
      limiters.set(id, limiter);
    }
    return limiter;
  };
  return {
    async consume(budgets) {
      const outcomes = await Promise.allSettled(
        budgets.map((budget) => limiterFor(budget).consume(storeKey(budget.key))),
      );
      const refusals: RateLimiterRes[] = [];
      for (const outcome of outcomes) {
        if (outcome.status === 'fulfilled') continue;
        if (!(outcome.reason instanceof RateLimiterRes)) throw outcome.reason; // the store failed
        refusals.push(outcome.reason);
      }
      if (refusals.length) throw rateLimited(Math.max(...refusals.map((refusal) => refusal.msBeforeNext)));
    },
    async refund(budgets) {
      await Promise.all(budgets.map((budget) => limiterFor(budget).reward(storeKey(budget.key))));
    },
    close,
  };
}

/**
 * One process's budgets. Every key is dropped when its window ends (a timer per key), so a flood of distinct
 * keys costs memory only for one window.
 */
export function memoryRateLimiter(): RateLimiter {
  return limiterOver((options) => new RateLimiterMemory(options));
}

/** Budgets shared by every instance that uses the same Redis; this instance's memory covers a Redis outage. */
export async function redisRateLimiter(url: string, prefix = ''): Promise<RateLimiter> {
  // While Redis is away each call fails at once and the insurance limiter (this process's memory) answers.
  const client = failFastRedis(url);
  // Budgets are shared from the first request when Redis is there; start-up goes on (in memory) when it is not.
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    once(client, 'ready').catch(() => {}),
    new Promise((resolve) => (timer = setTimeout(resolve, 2000))),
  ]);
  clearTimeout(timer);
  return limiterOver(
    (options) => new RateLimiterRedis({ ...shared(options, prefix), storeClient: client }),
    async () => void (await client.quit().catch(() => client.disconnect())),
  );
}

/**
 * Budgets shared through PostgreSQL (several instances, no Redis): one atomic upsert per budget on the
 * rate_limits table that the migrations create.
 */
export function postgresRateLimiter(url: string, schema?: string): RateLimiter {
  const pool = new pg.Pool({
    connectionString: url,
    max: 4,
    options: schema ? `-c search_path=${schema},public` : undefined,
  });
  return limiterOver(
    (options) =>
      new RateLimiterPostgres({
        ...shared(options),
        storeClient: pool,
        storeType: 'pool',
        tableName: 'rate_limits',
        tableCreated: true,
        schemaName: schema,
      }),
    () => pool.end(),
  );
}

function shared(
  options: { keyPrefix: string; points: number; duration: number },
  prefix = '',
): IRateLimiterStoreOptions {
  return {
    ...options,
    keyPrefix: `${prefix}${options.keyPrefix}`,
    storeClient: undefined,
    insuranceLimiter: new RateLimiterMemory(options),
  };
}
