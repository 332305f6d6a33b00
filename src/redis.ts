import { Redis, type RedisOptions } from 'ioredis';

/**
 * A Redis client for what Redis accelerates here (the response cache, rate limits, publishing live events):
 * while Redis is away a command fails at once (no offline queue), and within 0.5 s when it does not answer, so
 * callers fall back instead of waiting. ioredis reconnects by itself; each caller logs the failures it sees.
 */
export function failFastRedis(url: string, options: RedisOptions = {}): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 500,
    ...options,
  });
  client.on('error', () => {});
  return client;
}
