/** Counts attempts per key in a sliding window. In memory for one process; a shared store can replace it. */
export interface RateLimiter {
  /** Records one attempt; `allowed` is false once the key has had `limit` attempts within `windowMs`. */
  hit(key: string, limit: number, windowMs: number, now: Date): Promise<{ allowed: boolean; retryAfterMs: number }>;
}

export function memoryRateLimiter(): RateLimiter {
  const attempts = new Map<string, number[]>();
  return {
    async hit(key, limit, windowMs, now) {
      const time = now.getTime();
      const recent = (attempts.get(key) ?? []).filter((at) => at > time - windowMs);
      const allowed = recent.length < limit;
      if (allowed) recent.push(time);
      attempts.set(key, recent);
      if (attempts.size > 100_000) {
        for (const [stale, times] of attempts) if (!times.some((at) => at > time - windowMs)) attempts.delete(stale);
      }
      return { allowed, retryAfterMs: allowed ? 0 : recent[0]! + windowMs - time };
    },
  };
}
