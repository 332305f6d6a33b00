export interface RateDecision {
  allowed: boolean;
  /** When refused: how long until the oldest counted attempt leaves the window. */
  retryAfterMs: number;
}

/**
 * Counts attempts per key in a sliding window. In memory for one process (below), or in Redis shared by
 * every instance (redis.ts): both keep the same rules.
 */
export interface RateLimiter {
  /** Records an attempt, unless the key already had `limit` attempts within `windowMs`. */
  hit(key: string, limit: number, windowMs: number, now: Date): Promise<RateDecision>;
  /** Tells whether an attempt would be allowed, recording nothing (e.g. before checking a password). */
  peek(key: string, limit: number, windowMs: number, now: Date): Promise<RateDecision>;
  close?(): Promise<void>;
}

export function memoryRateLimiter(): RateLimiter {
  const attempts = new Map<string, number[]>();
  const decide = (key: string, limit: number, windowMs: number, now: Date, record: boolean): RateDecision => {
    const time = now.getTime();
    const recent = (attempts.get(key) ?? []).filter((at) => at > time - windowMs);
    const allowed = recent.length < limit;
    if (allowed && record) recent.push(time);
    if (recent.length) attempts.set(key, recent);
    else attempts.delete(key);
    return { allowed, retryAfterMs: allowed ? 0 : recent[0]! + windowMs - time };
  };
  return {
    hit: async (key, limit, windowMs, now) => decide(key, limit, windowMs, now, true),
    peek: async (key, limit, windowMs, now) => decide(key, limit, windowMs, now, false),
  };
}
