import os from 'node:os';
import path from 'node:path';
import { boolean, ConfigError, emailSetting, type Env, integer, list, oneOf, read, url } from './config-readers.ts';

export { ConfigError };

/** Every setting the server reads. This module is the only reader of process.env. */
export interface Config {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /** Absolute base URL clients reach us at; used for picture URLs. */
  publicUrl: string;
  /** PostgreSQL connection string; undefined runs the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Connections in the PostgreSQL pool (the embedded database always uses one). */
  databasePoolSize: number;
  /** Longest wait for a database connection from the pool or a new one. */
  databaseConnectTimeoutMs: number;
  /** Longest a statement may run (PostgreSQL cancels it; the client gives up a second later). */
  databaseStatementTimeoutMs: number;
  /** Folder for the embedded database, uploads and the dev outbox. */
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** JSON lines (production, pipes), or lines for a person (development at a terminal). */
  logFormat: 'json' | 'pretty';
  /** Apply pending migrations when the server starts. */
  migrateOnStart: boolean;
  /**
   * Load the demo blog into an empty database on start: by default only into the embedded one, never in
   * production (where its accounts get random passwords when asked for).
   */
  seedOnStart: boolean;
  /** How long graceful shutdown waits for in-flight requests before closing anyway. */
  shutdownTimeoutMs: number;
  /** After SIGTERM, how long the server keeps serving (readiness already 503) so a load balancer can take it out. */
  shutdownGraceMs: number;
  /** HS256 key for login tokens; required in production, else generated once and kept under dataDir. */
  jwtSecret: string | undefined;
  /** bcrypt cost factor for new password hashes. */
  bcryptCost: number;
  /** Worker threads that compute bcrypt off the event loop; 0 computes it in-line. */
  bcryptWorkers: number;
  /** Largest profile picture upload accepted, in bytes. */
  pictureMaxBytes: number;
  /** Largest profile picture accepted, in pixels (width × height): stops decompression bombs. */
  pictureMaxPixels: number;
  /** Where uploaded pictures live: DATA_DIR/pictures, or an S3-compatible bucket shared by every instance. */
  pictureStorage: 'local' | 's3';
  /** The bucket and how to reach it, when pictureStorage is s3. */
  s3: S3Settings | undefined;
  /** Base URL pictures are linked from (a CDN or the bucket's public URL); unset: PUBLIC_URL/pictures/. */
  picturesPublicUrl: string | undefined;
  /** Postmark server token; without one, mail goes to the development outbox under dataDir. */
  postmarkServerToken: string | undefined;
  /** Postmark's API base URL (tests point it at a local fake). */
  postmarkApiUrl: string;
  /** How reset mail leaves: Postmark, or .eml files in DATA_DIR/outbox (development; explicit in production). */
  mailTransport: 'postmark' | 'outbox';
  /** Sender of every email. */
  mailFrom: string;
  /** The front-end page that completes a reset; the token is appended to it. */
  resetUrl: string;
  /** How long a password reset link works. */
  resetTokenTtlMinutes: number;
  /** Where rate-limit counts live: this process's memory, or Redis or PostgreSQL shared by every instance. */
  rateLimitStore: 'memory' | 'redis' | 'postgres';
  redisUrl: string;
  /** Prefix of this deployment's Redis keys and channels, so several deployments can share one Redis. */
  redisKeyPrefix: string;
  /** Anonymous reads answered from a cache: off, this process's memory, or Redis shared by every instance. */
  responseCache: 'off' | 'memory' | 'redis';
  responseCacheTtlMs: number;
  /** Where live post changes travel: this process only, or Redis pub/sub to every instance. */
  eventBus: 'memory' | 'redis';
  /** Open subscriptions allowed per client address (SSE and WebSocket together). */
  maxSubscriptionsPerClient: number;
  /** max-age of anonymous GET answers, for browsers and CDNs. */
  httpCacheMaxAgeSeconds: number;
  /** Proxies in front of us that append to X-Forwarded-For; 0 trusts only the socket's address. */
  trustProxy: number;
  /** Failed logins allowed per account and client IP in 15 minutes. */
  loginMaxFailures: number;
  /** Mutations allowed per client IP per minute. */
  mutationsPerMinute: number;
  /** Largest non-upload request body. */
  maxBodyBytes: number;
  /** A request still unanswered after this long is cut off. */
  requestTimeoutMs: number;
  graphqlMaxDepth: number;
  graphqlMaxAliases: number;
  graphqlMaxTokens: number;
  graphqlMaxDirectives: number;
  /** Cost limit: every field costs 1, multiplied by `first`/`last` (default 5) below a connection. */
  graphqlMaxComplexity: number;
  /** Schema introspection (and field suggestions in error messages). */
  introspection: boolean;
  graphiql: boolean;
  /** Origins whose browser scripts may call the API (CORS), besides our own. */
  corsOrigins: string[];
  /** Documents by hash: off, allow (known, registered and plain documents) or only (the client manifest alone). */
  trustedDocuments: 'off' | 'allow' | 'only';
  /** Prometheus metrics at /metrics (off in production unless enabled). */
  metrics: boolean;
  /** When set, /metrics needs `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  /** OpenTelemetry traces over OTLP/HTTP, from the standard OTEL_* variables; undefined: none. */
  tracing: { url: string; serviceName: string } | undefined;
}

export interface S3Settings {
  bucket: string;
  region: string;
  /** An S3-compatible service's URL (MinIO, R2, ...); unset: AWS. */
  endpoint: string | undefined;
  /** Path-style addressing (`endpoint/bucket/key`), which most S3-compatible services need. */
  forcePathStyle: boolean;
  /** Unset: the AWS SDK's default chain (environment, instance role, ...). */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
}

function s3Settings(env: Env): S3Settings {
  const bucket = read(env, 'S3_BUCKET');
  if (!bucket) throw new ConfigError('PICTURE_STORAGE=s3 needs S3_BUCKET');
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new ConfigError(`S3_BUCKET must be a bucket name (got "${bucket}")`);
  const accessKeyId = read(env, 'S3_ACCESS_KEY_ID');
  const secretAccessKey = read(env, 'S3_SECRET_ACCESS_KEY');
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new ConfigError(
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the AWS default chain',
    );
  }
  const endpoint = url(env, 'S3_ENDPOINT', ['http:', 'https:']);
  return {
    bucket,
    region: read(env, 'S3_REGION') ?? 'us-east-1',
    endpoint,
    forcePathStyle: boolean(env, 'S3_FORCE_PATH_STYLE', endpoint !== undefined),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
  };
}

function origins(env: Env, name: string): string[] {
  return (list(env, name) ?? []).map((origin) => {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigError(`${name} must list origins such as https://app.example.com (got "${origin}")`);
    }
    return origin;
  });
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

/**
 * For the few choices made while the schema is built at import time, before any configuration is loaded
 * (plugin strictness). Everything else goes through loadConfig().
 */
export function isProduction(env: Env = process.env): boolean {
  return env.NODE_ENV === 'production';
}

/** Reads and validates the configuration; throws ConfigError naming the first bad setting. */
export function loadConfig(env: Env = process.env): Readonly<Config> {
  const nodeEnv = oneOf(env, 'NODE_ENV', NODE_ENVS, 'development');
  const port = integer(env, 'PORT', 4000, 0, 65535);
  const host = read(env, 'HOST') ?? 'localhost';
  const publicUrl = url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://${host}:${port}`;
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const jwtSecret = read(env, 'JWT_SECRET');
  if (jwtSecret !== undefined && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters long (use a random string)');
  }
  if (jwtSecret === undefined && nodeEnv === 'production') {
    throw new ConfigError('JWT_SECRET is required in production (at least 32 random characters)');
  }
  const requestTimeoutMs = integer(env, 'REQUEST_TIMEOUT_MS', 9000, 1000, 600_000);
  const databaseStatementTimeoutMs = integer(env, 'DATABASE_STATEMENT_TIMEOUT_MS', 5000, 100, 600_000);
  if (databaseStatementTimeoutMs >= requestTimeoutMs) {
    throw new ConfigError(
      'DATABASE_STATEMENT_TIMEOUT_MS must be shorter than REQUEST_TIMEOUT_MS, so a statement ends before its request does',
    );
  }
  // A production server on a database server may well be one of several instances: budgets shared by default.
  const sharedByDefault = nodeEnv === 'production' && databaseUrl !== undefined;
  const rateLimitStore = oneOf(
    env,
    'RATE_LIMIT_STORE',
    ['memory', 'redis', 'postgres'] as const,
    sharedByDefault ? 'postgres' : 'memory',
  );
  if (rateLimitStore === 'postgres' && databaseUrl === undefined) {
    throw new ConfigError('RATE_LIMIT_STORE=postgres needs DATABASE_URL (the embedded database serves one process)');
  }
  const postmarkServerToken = read(env, 'POSTMARK_SERVER_TOKEN');
  const mailTransport = oneOf(
    env,
    'MAIL_TRANSPORT',
    ['postmark', 'outbox'] as const,
    postmarkServerToken ? 'postmark' : 'outbox',
  );
  if (mailTransport === 'postmark' && !postmarkServerToken) {
    throw new ConfigError('MAIL_TRANSPORT=postmark needs POSTMARK_SERVER_TOKEN');
  }
  // A production server that silently wrote reset mail to a folder would lock users out without a word.
  if (nodeEnv === 'production' && mailTransport === 'outbox' && read(env, 'MAIL_TRANSPORT') !== 'outbox') {
    throw new ConfigError(
      'Production needs a mail transport: set POSTMARK_SERVER_TOKEN, or MAIL_TRANSPORT=outbox to keep mail in DATA_DIR/outbox',
    );
  }
  const pictureStorage = oneOf(env, 'PICTURE_STORAGE', ['local', 's3'] as const, 'local');
  return Object.freeze({
    nodeEnv,
    port,
    host,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    databaseUrl,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 1000),
    databaseConnectTimeoutMs: integer(env, 'DATABASE_CONNECT_TIMEOUT_MS', 5000, 100, 600_000),
    databaseStatementTimeoutMs,
    dataDir: path.resolve(read(env, 'DATA_DIR') ?? './data'),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    logFormat: oneOf(
      env,
      'LOG_FORMAT',
      ['json', 'pretty'] as const,
      nodeEnv === 'development' && process.stdout.isTTY ? 'pretty' : 'json',
    ),
    migrateOnStart: boolean(env, 'MIGRATE_ON_START', true),
    // Demo accounts on a public server are accounts anyone can look up: production seeds only when asked.
    seedOnStart: boolean(env, 'SEED_ON_START', databaseUrl === undefined && nodeEnv !== 'production'),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    shutdownGraceMs: integer(env, 'SHUTDOWN_GRACE_MS', nodeEnv === 'production' ? 5000 : 0, 0, 600_000),
    jwtSecret,
    bcryptCost: integer(env, 'BCRYPT_COST', 12, 4, 15),
    bcryptWorkers: integer(env, 'BCRYPT_WORKERS', Math.max(1, os.availableParallelism() - 1), 0, 64),
    pictureMaxBytes: integer(env, 'PICTURE_MAX_BYTES', 2 * 1024 * 1024, 1024, 50 * 1024 * 1024),
    pictureMaxPixels: integer(env, 'PICTURE_MAX_PIXELS', 25_000_000, 15_625, 268_402_689),
    pictureStorage,
    s3: pictureStorage === 's3' ? s3Settings(env) : undefined,
    picturesPublicUrl: url(env, 'PICTURES_PUBLIC_URL', ['http:', 'https:'])?.replace(/\/*$/, '/'),
    postmarkServerToken,
    mailTransport,
    postmarkApiUrl: url(env, 'POSTMARK_API_URL', ['http:', 'https:']) ?? 'https://api.postmarkapp.com',
    mailFrom: emailSetting(env, 'MAIL_FROM', 'noreply@demo.com'),
    resetUrl: url(env, 'RESET_URL', ['http:', 'https:']) ?? `${publicUrl.replace(/\/+$/, '')}/reset-password?token=`,
    resetTokenTtlMinutes: integer(env, 'RESET_TOKEN_TTL_MINUTES', 30, 1, 24 * 60),
    rateLimitStore,
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']) ?? 'redis://127.0.0.1:6379',
    redisKeyPrefix: read(env, 'REDIS_KEY_PREFIX') ?? 'flaskblog:',
    responseCache: oneOf(env, 'RESPONSE_CACHE', ['off', 'memory', 'redis'] as const, 'memory'),
    responseCacheTtlMs: integer(env, 'RESPONSE_CACHE_TTL_MS', 60_000, 1000, 86_400_000),
    eventBus: oneOf(env, 'EVENT_BUS', ['memory', 'redis'] as const, 'memory'),
    maxSubscriptionsPerClient: integer(env, 'MAX_SUBSCRIPTIONS_PER_CLIENT', 20, 1, 100_000),
    httpCacheMaxAgeSeconds: integer(env, 'HTTP_CACHE_MAX_AGE', 5, 0, 86_400),
    trustProxy: integer(env, 'TRUST_PROXY', 0, 0, 10),
    loginMaxFailures: integer(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
    mutationsPerMinute: integer(env, 'MUTATIONS_PER_MINUTE', 60, 1, 100_000),
    maxBodyBytes: integer(env, 'MAX_BODY_BYTES', 100 * 1024, 1024, 50 * 1024 * 1024),
    requestTimeoutMs,
    graphqlMaxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 8, 1, 100),
    graphqlMaxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 10, 0, 1000),
    graphqlMaxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', 1000, 10, 100_000),
    graphqlMaxDirectives: integer(env, 'GRAPHQL_MAX_DIRECTIVES', 10, 0, 1000),
    graphqlMaxComplexity: integer(env, 'GRAPHQL_MAX_COMPLEXITY', 2500, 10, 10_000_000),
    introspection: boolean(env, 'GRAPHQL_INTROSPECTION', nodeEnv !== 'production'),
    graphiql: boolean(env, 'GRAPHIQL', nodeEnv !== 'production'),
    corsOrigins: origins(env, 'CORS_ORIGINS'),
    trustedDocuments: oneOf(env, 'TRUSTED_DOCUMENTS', ['off', 'allow', 'only'] as const, 'allow'),
    metrics: boolean(env, 'METRICS', nodeEnv !== 'production'),
    metricsToken: read(env, 'METRICS_TOKEN'),
    tracing: tracingFrom(env),
  });
}

/** The OpenTelemetry convention: a traces URL, or a base URL that traces go under (at /v1/traces). */
function tracingFrom(env: Env): Config['tracing'] {
  const tracesUrl = url(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', ['http:', 'https:']);
  const baseUrl = url(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:']);
  if (!tracesUrl && !baseUrl) return undefined;
  return {
    url: tracesUrl ?? `${baseUrl!.replace(/\/+$/, '')}/v1/traces`,
    serviceName: read(env, 'OTEL_SERVICE_NAME') ?? 'flaskblog-graphql',
  };
}
