import path from 'node:path';
import type { AppDependencies, Protection } from './app.ts';
import { type JobQueue, type JobQueueOptions, jobQueue } from './jobs/queue.ts';
import { RESET_MAIL_TASK, resetMailTask } from './modules/auth/reset.service.ts';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Settings } from './graphql/context.ts';
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
import { type Mailer, outboxMailer, postmarkMailer } from './modules/mail/mailer.ts';
import { PICTURES_PATH } from './modules/pictures/pictures.route.ts';
import { type PostEvents, postEvents } from './modules/posts/post.events.ts';
import { s3PictureStorage } from './modules/pictures/s3-storage.ts';
import { localPictureStorage, type PictureStorage } from './modules/pictures/storage.ts';
import {
  memoryRateLimiter,
  postgresRateLimiter,
  type RateLimiter,
  redisRateLimiter,
} from './modules/ratelimit/limiter.ts';

/** What a caller (the tests, the benchmark) puts in place of what the configuration would choose. */
export interface Overrides {
  settings?: Partial<Settings>;
  protection?: Partial<Protection>;
  mailer?: Mailer;
  limiter?: RateLimiter;
  pictures?: PictureStorage;
  /** The job queue, made for the tasks the app's jobs need. */
  jobs?: (tasks: JobQueueOptions['tasks']) => JobQueue;
  events?: PostEvents;
  responseCache?: ResponseCacheOptions;
  metrics?: { enabled: boolean; token?: string };
  tracing?: boolean;
  /** The clock. */
  now?: () => Date;
}

/**
 * The composition root: turns the configuration into the app's settings and ports, the one place that chooses
 * implementations. The server (main.ts), the tests (tests/helpers/test-app.ts) and the benchmark all build the
 * app through it; a port given in `overrides` is used instead, and the configured one is never made.
 */
export async function appDependencies(
  config: Config,
  logger: Logger,
  database: Database,
  overrides: Overrides = {},
): Promise<AppDependencies> {
  const settings = { ...settingsFrom(config), ...overrides.settings };
  const mailer = overrides.mailer ?? mailerFor(config, logger);
  const tasks = { [RESET_MAIL_TASK]: resetMailTask({ prisma: database.prisma, settings, mailer, log: logger }) };
  return {
    prisma: database.prisma,
    sql: database.sql,
    logger,
    settings,
    protection: { ...protectionFrom(config), ...overrides.protection },
    pictures: overrides.pictures ?? picturesFor(config),
    mailer,
    limiter: overrides.limiter ?? (await rateLimiterFor(config)),
    jobs: overrides.jobs?.(tasks) ?? jobQueue({ url: database.url, logger, tasks }),
    events:
      overrides.events ??
      (config.stores.events === 'redis'
        ? postEvents({ url: config.redis.url, prefix: config.redis.keyPrefix }, logger)
        : postEvents()),
    responseCache: overrides.responseCache ?? responseCacheFor(config),
    metrics: { ...(overrides.metrics ?? config.metrics), pool: database.poolStats },
    tracing: overrides.tracing ?? config.tracing !== undefined,
    now: overrides.now,
  };
}

export function settingsFrom(config: Config): Settings {
  const { jwtSecret, bcryptWorkers: _, ...accounts } = config.accounts;
  return {
    ...accounts,
    jwtSecret: resolveJwtSecret({ jwtSecret, dataDir: config.server.dataDir }),
    publicUrl: config.server.publicUrl,
    picturesUrl: config.pictures.publicUrl ?? `${config.server.publicUrl}${PICTURES_PATH}`,
    pictureMaxBytes: config.pictures.maxBytes,
    pictureMaxPixels: config.pictures.maxPixels,
  };
}

export function protectionFrom(config: Config): Protection {
  return { ...config.protection, allowLocalhostOrigins: config.server.nodeEnv === 'development' };
}

function mailerFor({ mail, server }: Config, logger: Logger): Mailer {
  return mail.transport === 'postmark'
    ? postmarkMailer({ serverToken: mail.postmarkServerToken!, apiUrl: mail.postmarkApiUrl, from: mail.from })
    : outboxMailer({ dir: path.join(server.dataDir, 'outbox'), from: mail.from, log: logger });
}

function picturesFor(config: Config): PictureStorage {
  return config.s3 ? s3PictureStorage(config.s3) : localPictureStorage(path.join(config.server.dataDir, 'pictures'));
}

async function rateLimiterFor(config: Config): Promise<RateLimiter> {
  if (config.stores.rateLimits === 'redis') return redisRateLimiter(config.redis.url);
  if (config.stores.rateLimits === 'postgres') return postgresRateLimiter(config.database.url!);
  return memoryRateLimiter();
}

function responseCacheFor(config: Config): ResponseCacheOptions | undefined {
  const ttlMs = config.stores.responseCacheTtlMs;
  if (config.stores.responseCache === 'off') return undefined;
  if (config.stores.responseCache === 'memory') {
    return { store: memoryAnswerStore(), version: memoryDataVersion(ttlMs), ttlMs };
  }
  // A cache that fails is a miss (src/pipeline/response-cache.ts).
  const redis = failFastRedis(config.redis.url, { keyPrefix: config.redis.keyPrefix });
  return {
    store: redisAnswerStore(redis),
    version: redisDataVersion(redis, { answerTtlMs: ttlMs, prefix: 'tag:' }),
    ttlMs,
    healthy: () => redis.status === 'ready',
    close: async () => void (await redis.quit().catch(() => redis.disconnect())),
  };
}
