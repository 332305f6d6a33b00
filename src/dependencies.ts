import path from 'node:path';
import type { AppDependencies, Protection } from './app.ts';
import { jobQueue } from './jobs/queue.ts';
import { RESET_MAIL_TASK, resetMailTask } from './modules/auth/reset.service.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Logger } from './logger.ts';
import type { ResponseCacheOptions } from './pipeline/response-cache.ts';
import {
  memoryAnswerStore,
  memoryDataVersion,
  redisAnswerStore,
  redisDataVersion,
} from './pipeline/response-cache-stores.ts';
import { failFastRedis } from './redis.ts';
import { resolveJwtSecret } from './modules/auth/secret.ts';
import { outboxMailer, postmarkMailer } from './modules/mail/mailer.ts';
import { PICTURES_PATH } from './modules/pictures/pictures.route.ts';
import { postEvents } from './modules/posts/post.events.ts';
import { s3PictureStorage } from './modules/pictures/s3-storage.ts';
import { localPictureStorage } from './modules/pictures/storage.ts';
import {
  memoryRateLimiter,
  postgresRateLimiter,
  type RateLimiter,
  redisRateLimiter,
} from './modules/ratelimit/limiter.ts';

/** Turns the configuration into the app's settings and ports: the one place that chooses implementations. */
export async function appDependencies(config: Config, logger: Logger, database: Database): Promise<AppDependencies> {
  const settings = {
    publicUrl: config.publicUrl,
    picturesUrl: config.picturesPublicUrl ?? `${config.publicUrl}${PICTURES_PATH}`,
    jwtSecret: resolveJwtSecret(config),
    bcryptCost: config.bcryptCost,
    pictureMaxBytes: config.pictureMaxBytes,
    pictureMaxPixels: config.pictureMaxPixels,
    resetUrl: config.resetUrl,
    resetTokenTtlMinutes: config.resetTokenTtlMinutes,
    loginMaxFailures: config.loginMaxFailures,
  };
  const mailer =
    config.mailTransport === 'postmark'
      ? postmarkMailer({
          serverToken: config.postmarkServerToken!,
          apiUrl: config.postmarkApiUrl,
          from: config.mailFrom,
        })
      : outboxMailer({ dir: path.join(config.dataDir, 'outbox'), from: config.mailFrom, log: logger });
  return {
    prisma: database.prisma,
    sql: database.sql,
    logger,
    settings,
    protection: protectionFrom(config),
    pictures: config.s3 ? s3PictureStorage(config.s3) : localPictureStorage(path.join(config.dataDir, 'pictures')),
    mailer,
    limiter: await rateLimiterFor(config),
    jobs: jobQueue({
      url: database.url,
      logger,
      tasks: { [RESET_MAIL_TASK]: resetMailTask({ prisma: database.prisma, settings, mailer, log: logger }) },
    }),
    events:
      config.eventBus === 'redis'
        ? postEvents({ url: config.redisUrl, prefix: config.redisKeyPrefix }, logger)
        : postEvents(),
    responseCache: responseCacheFor(config),
    metrics: { enabled: config.metrics, token: config.metricsToken, pool: database.poolStats },
    tracing: config.tracing !== undefined,
  };
}

export function protectionFrom(config: Config): Protection {
  return {
    graphiql: config.graphiql,
    introspection: config.introspection,
    corsOrigins: config.corsOrigins,
    allowLocalhostOrigins: config.nodeEnv === 'development',
    maxBodyBytes: config.maxBodyBytes,
    trustProxy: config.trustProxy,
    mutationsPerMinute: config.mutationsPerMinute,
    httpCacheMaxAgeSeconds: config.httpCacheMaxAgeSeconds,
    requestTimeoutMs: config.requestTimeoutMs,
    maxSubscriptionsPerClient: config.maxSubscriptionsPerClient,
    trustedDocuments: config.trustedDocuments,
    maxDepth: config.graphqlMaxDepth,
    maxAliases: config.graphqlMaxAliases,
    maxTokens: config.graphqlMaxTokens,
    maxDirectives: config.graphqlMaxDirectives,
    maxComplexity: config.graphqlMaxComplexity,
  };
}

async function rateLimiterFor(config: Config): Promise<RateLimiter> {
  if (config.rateLimitStore === 'redis') return redisRateLimiter(config.redisUrl);
  if (config.rateLimitStore === 'postgres') return postgresRateLimiter(config.databaseUrl!);
  return memoryRateLimiter();
}

function responseCacheFor(config: Config): ResponseCacheOptions | undefined {
  if (config.responseCache === 'off') return undefined;
  if (config.responseCache === 'memory') {
    return { store: memoryAnswerStore(), version: memoryDataVersion(), ttlMs: config.responseCacheTtlMs };
  }
  // A cache that fails is a miss (src/pipeline/response-cache.ts).
  const redis = failFastRedis(config.redisUrl, { keyPrefix: config.redisKeyPrefix });
  return {
    store: redisAnswerStore(redis),
    version: redisDataVersion(redis, 'data-version'),
    ttlMs: config.responseCacheTtlMs,
    healthy: () => redis.status === 'ready',
    close: async () => void (await redis.quit().catch(() => redis.disconnect())),
  };
}
