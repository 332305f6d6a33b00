import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import type { RateLimiter } from './limiter.ts';

// A sorted set per key holds the attempt times; old ones are trimmed on every call. Atomic in Redis.
const SCRIPT = `
local key, now, window, limit, record = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if count < limit then
  if record == '1' then
    redis.call('ZADD', key, now, ARGV[5])
    redis.call('PEXPIRE', key, window)
  end
  return {1, 0}
end
local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
return {0, tonumber(oldest[2]) + window - now}
`;

/** Rate limits shared by every server instance that uses the same Redis. */
export async function redisRateLimiter(url: string, prefix = 'flaskblog:ratelimit:'): Promise<RateLimiter> {
  const client = createClient({ url });
  await client.connect();
  const decide = async (key: string, limit: number, windowMs: number, now: Date, record: boolean) => {
    const time = now.getTime();
    const member = `${time}:${randomBytes(6).toString('hex')}`;
    const [allowed, retryAfterMs] = (await client.eval(SCRIPT, {
      keys: [prefix + key],
      arguments: [String(time), String(windowMs), String(limit), record ? '1' : '0', member],
    })) as [number, number];
    return { allowed: allowed === 1, retryAfterMs: Math.max(0, retryAfterMs) };
  };
  return {
    hit: (key, limit, windowMs, now) => decide(key, limit, windowMs, now, true),
    peek: (key, limit, windowMs, now) => decide(key, limit, windowMs, now, false),
    close: async () => void (await client.quit()),
  };
}
