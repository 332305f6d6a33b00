import { rateLimited } from '../../graphql/errors.ts';
import type { RateLimiter } from './limiter.ts';

/** A rate limit: at most `limit` attempts under `key` in `windowMs`. */
export type Budget = [key: string, limit: number, windowMs: number];

/**
 * Checks every budget, recording an attempt in each (`record`) or only looking (`peek`); throws RATE_LIMITED,
 * with the longest wait, when any of them is spent.
 */
export async function enforceBudgets(
  limiter: RateLimiter,
  budgets: Budget[],
  now: Date,
  mode: 'record' | 'peek',
): Promise<void> {
  const decisions = await Promise.all(
    budgets.map(([key, limit, windowMs]) =>
      mode === 'record' ? limiter.hit(key, limit, windowMs, now) : limiter.peek(key, limit, windowMs, now),
    ),
  );
  const refused = decisions.filter((decision) => !decision.allowed);
  if (refused.length) throw rateLimited(Math.max(...refused.map((decision) => decision.retryAfterMs)));
}
