import os from 'node:os';
import path from 'node:path';
import {
  boolean,
  ConfigError,
  email,
  type Env,
  group,
  integer,
  list,
  oneOf,
  optional,
  optionalGroup,
  type Parser,
  read,
  reshaped,
  resolveGroups,
  setting,
  text,
  url,
  type ValueOf,
} from './config-readers.ts';

export { ConfigError };

const web = url('http:', 'https:');
const withoutTrailingSlash = (value: string) => value.replace(/\/+$/, '');

const jwtSecret: Parser<string> = (raw) => {
  if (raw.length < 32) throw new ConfigError('JWT_SECRET must be at least 32 characters long (use a random string)');
  return raw;
};
const bucketName: Parser<string> = (raw) => {
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(raw)) {
    throw new ConfigError(`S3_BUCKET must be a bucket name (got "${raw}")`);
  }
  return raw;
};
const origin: Parser<string> = (raw, name) => {
  if (!/^https?:\/\/[^/\s]+$/.test(raw)) {
    throw new ConfigError(`${name} must list origins such as https://app.example.com (got "${raw}")`);
  }
  return raw;
};

// The settings other defaults are worked out from.
const NODE_ENV = setting({
  env: 'NODE_ENV',
  parse: oneOf('development', 'production', 'test'),
  default: 'development',
  doc: '`development`, `production` or `test`.',
});
const PORT = setting({ env: 'PORT', parse: integer(0, 65535), default: '4000', doc: 'HTTP port.' });
const HOST = setting({
  env: 'HOST',
  parse: text,
  default: 'localhost',
  doc: 'Interface to listen on (`0.0.0.0` in a container).',
});
const PUBLIC_URL = setting({
  env: 'PUBLIC_URL',
  parse: reshaped(web, withoutTrailingSlash),
  default: (value) => `http://${value(HOST)}:${value(PORT)}`,
  defaultDoc: '`http://HOST:PORT`',
  example: 'https://api.example.com',
  doc: 'The absolute URL clients reach us at; picture URLs are built from it.',
});
const DATABASE_URL = optional({
  env: 'DATABASE_URL',
  parse: url('postgres:', 'postgresql:'),
  example: 'postgresql://postgres@127.0.0.1:5432/flaskblog',
  doc: 'PostgreSQL connection string. Unset: the embedded PGlite database under `DATA_DIR`.',
});
const POSTMARK_SERVER_TOKEN = optional({
  env: 'POSTMARK_SERVER_TOKEN',
  parse: text,
  doc: 'Send mail with Postmark. Unset: mail goes to the development outbox, `DATA_DIR/outbox` (in production only with `MAIL_TRANSPORT=outbox`).',
});
const PICTURE_STORAGE = setting({
  env: 'PICTURE_STORAGE',
  parse: oneOf('local', 's3'),
  default: 'local',
  doc: '`local` (`DATA_DIR/pictures`) or `s3` (a bucket every instance shares).',
});
const S3_ENDPOINT = optional({
  env: 'S3_ENDPOINT',
  parse: web,
  defaultDoc: 'AWS',
  example: 'http://127.0.0.1:9000',
  doc: "An S3-compatible service's URL (MinIO, R2, ...).",
});
const inProduction = (value: ValueOf) => value(NODE_ENV) === 'production';
const offInProduction = {
  default: (value: ValueOf) => !inProduction(value),
  defaultDoc: '`true`, `false` in production',
};

/**
 * Every setting the server reads, by group: the groups are the configuration's shape (`config.database.url`),
 * and scripts/config-docs.ts writes docs/configuration.md and .env.example from them. This module is the only
 * reader of process.env.
 */
const GROUPS = {
  server: group('Server', {
    nodeEnv: NODE_ENV,
    port: PORT,
    host: HOST,
    publicUrl: PUBLIC_URL,
    dataDir: setting({
      env: 'DATA_DIR',
      parse: reshaped(text, (folder) => path.resolve(folder)),
      default: './data',
      doc: 'Embedded database (`data/pglite`), uploads and the development mail outbox.',
    }),
    shutdownTimeoutMs: setting({
      env: 'SHUTDOWN_TIMEOUT_MS',
      parse: integer(0, 600_000),
      default: '10000',
      doc: 'How long SIGTERM/SIGINT waits for in-flight requests before closing them.',
    }),
    shutdownGraceMs: setting({
      env: 'SHUTDOWN_GRACE_MS',
      parse: integer(0, 600_000),
      default: (value) => (inProduction(value) ? 5000 : 0),
      defaultDoc: '`5000` in production, else `0`',
      example: '5000',
      doc: 'After SIGTERM, how long the server keeps serving (readiness already 503) so a load balancer can take it out.',
    }),
  }),
  log: group('Logging', {
    level: setting({
      env: 'LOG_LEVEL',
      parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
      default: (value) => (value(NODE_ENV) === 'test' ? 'silent' : 'info'),
      defaultDoc: '`info` (`silent` in tests)',
      example: 'info',
      doc: 'pino level: `fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`.',
    }),
    format: setting({
      env: 'LOG_FORMAT',
      parse: oneOf('json', 'pretty'),
      default: (value) => (value(NODE_ENV) === 'development' && process.stdout.isTTY ? 'pretty' : 'json'),
      defaultDoc: '`pretty` in development at a terminal, else `json`',
      example: 'json',
      doc: '`json` lines (for log collectors) or `pretty` coloured lines (pino-pretty) for a person.',
    }),
  }),
  database: group('Database', {
    url: DATABASE_URL,
    poolSize: setting({
      env: 'DATABASE_POOL_SIZE',
      parse: integer(1, 1000),
      default: '10',
      doc: 'PostgreSQL pool size (the embedded database always uses one connection).',
    }),
    connectTimeoutMs: setting({
      env: 'DATABASE_CONNECT_TIMEOUT_MS',
      parse: integer(100, 600_000),
      default: '5000',
      doc: 'Longest wait for a database connection, from the pool or a new one.',
    }),
    statementTimeoutMs: setting({
      env: 'DATABASE_STATEMENT_TIMEOUT_MS',
      parse: integer(100, 600_000),
      default: '5000',
      doc: 'Longest a statement may run (`statement_timeout` on PostgreSQL; the client gives up a second later). Must be shorter than `REQUEST_TIMEOUT_MS`.',
    }),
    migrateOnStart: setting({
      env: 'MIGRATE_ON_START',
      parse: boolean,
      default: 'true',
      doc: 'Apply pending migrations at start-up (`npm run db:migrate` does it by hand).',
    }),
    // Demo accounts on a public server are accounts anyone can look up: production seeds only when asked.
    seedOnStart: setting({
      env: 'SEED_ON_START',
      parse: boolean,
      default: (value) => value(DATABASE_URL) === undefined && !inProduction(value),
      defaultDoc: '`true` with the embedded database outside production; `false` with `DATABASE_URL` or in production',
      example: 'true',
      doc: "Load the demo blog into an empty database. In production (only when set to `true`) each demo account gets a random password, never logged; the start-up log says so and how to get in (set the account's email to one you receive, then request a reset).",
    }),
  }),
  accounts: group('Accounts and passwords', {
    jwtSecret: optional({
      env: 'JWT_SECRET',
      parse: jwtSecret,
      defaultDoc: 'generated',
      doc: 'Key that signs login tokens, at least 32 characters. **Required in production**; in development one is generated on first start and kept in `DATA_DIR/jwt-secret`. Changing it logs everyone out.',
    }),
    bcryptCost: setting({
      env: 'BCRYPT_COST',
      parse: integer(4, 15),
      default: '12',
      doc: 'bcrypt cost for new password hashes (4 to 15).',
    }),
    bcryptWorkers: setting({
      env: 'BCRYPT_WORKERS',
      parse: integer(0, 64),
      default: () => Math.max(1, os.availableParallelism() - 1),
      defaultDoc: 'cores − 1 (at least 1)',
      example: '1',
      doc: 'Worker threads that compute bcrypt off the event loop; `0` computes it in-line.',
    }),
    loginMaxFailures: setting({
      env: 'LOGIN_MAX_FAILURES',
      parse: integer(1, 1000),
      default: '5',
      doc: 'Failed logins allowed per account and client IP in 15 minutes.',
    }),
    resetUrl: setting({
      env: 'RESET_URL',
      parse: web,
      default: (value) => `${value(PUBLIC_URL)}/reset-password?token=`,
      defaultDoc: '`PUBLIC_URL/reset-password?token=`',
      example: 'https://blog.example.com/reset-password?token=',
      doc: 'The front-end page that completes a reset; the token is appended.',
    }),
    resetTokenTtlMinutes: setting({
      env: 'RESET_TOKEN_TTL_MINUTES',
      parse: integer(1, 24 * 60),
      default: '30',
      doc: 'How long a reset link works.',
    }),
  }),
  mail: group('Mail', {
    postmarkServerToken: POSTMARK_SERVER_TOKEN,
    transport: setting({
      env: 'MAIL_TRANSPORT',
      parse: oneOf('postmark', 'outbox'),
      default: (value) => (value(POSTMARK_SERVER_TOKEN) ? 'postmark' : 'outbox'),
      defaultDoc: '`postmark` with a token, else `outbox`',
      example: 'postmark',
      doc: '`postmark` or `outbox`. Production without a Postmark token refuses to start unless this says `outbox`.',
    }),
    postmarkApiUrl: setting({
      env: 'POSTMARK_API_URL',
      parse: web,
      default: 'https://api.postmarkapp.com',
      doc: "Postmark's API endpoint (tests point it at a local fake).",
    }),
    from: setting({
      env: 'MAIL_FROM',
      parse: email,
      default: 'noreply@demo.com',
      doc: 'Sender of every email, e.g. `Flask Blog <noreply@example.com>`.',
    }),
  }),
  pictures: group('Profile pictures', {
    maxBytes: setting({
      env: 'PICTURE_MAX_BYTES',
      parse: integer(1024, 50 * 1024 * 1024),
      default: '2097152',
      doc: 'Largest profile picture upload (2 MB).',
    }),
    maxPixels: setting({
      env: 'PICTURE_MAX_PIXELS',
      parse: integer(15_625, 268_402_689),
      default: '25000000',
      doc: 'Largest profile picture in pixels (width × height): stops decompression bombs.',
    }),
    storage: PICTURE_STORAGE,
    publicUrl: optional({
      env: 'PICTURES_PUBLIC_URL',
      parse: reshaped(web, (base) => base.replace(/\/*$/, '/')),
      defaultDoc: '`PUBLIC_URL/pictures/`',
      example: 'https://cdn.example.com/pictures/',
      doc: "Where `imageUrl` links uploaded pictures (a CDN, or the bucket's public URL).",
    }),
  }),
  s3: optionalGroup(
    group(
      'Pictures in S3 (`PICTURE_STORAGE=s3`)',
      {
        bucket: optional({ env: 'S3_BUCKET', parse: bucketName, doc: 'The bucket (required).' }),
        region: setting({ env: 'S3_REGION', parse: text, default: 'us-east-1', doc: "The bucket's region." }),
        endpoint: S3_ENDPOINT,
        forcePathStyle: setting({
          env: 'S3_FORCE_PATH_STYLE',
          parse: boolean,
          default: (value) => value(S3_ENDPOINT) !== undefined,
          defaultDoc: '`true` with an endpoint',
          example: 'true',
          doc: 'Path-style addressing (`endpoint/bucket/key`), which most S3-compatible services need.',
        }),
        accessKeyId: optional({
          env: 'S3_ACCESS_KEY_ID',
          parse: text,
          doc: "Both or neither; unset uses the AWS SDK's default chain (environment, instance role).",
        }),
        secretAccessKey: optional({ env: 'S3_SECRET_ACCESS_KEY', parse: text, doc: 'Goes with `S3_ACCESS_KEY_ID`.' }),
      },
      { shape: s3Settings, about: 'Read only when `PICTURE_STORAGE=s3`.' },
    ),
    (value) => value(PICTURE_STORAGE) === 's3',
  ),
  stores: group('Where state lives: this process, or shared by every instance', {
    rateLimits: setting({
      env: 'RATE_LIMIT_STORE',
      parse: oneOf('memory', 'redis', 'postgres'),
      // A production server on a database server may well be one of several instances: budgets shared by default.
      default: (value) => (inProduction(value) && value(DATABASE_URL) !== undefined ? 'postgres' : 'memory'),
      defaultDoc: '`postgres` in production with `DATABASE_URL`, else `memory`',
      example: 'memory',
      doc: '`memory` (one process), `redis` or `postgres` (shared by every instance; `postgres` needs `DATABASE_URL`). `npm run start:cluster` refuses `memory`.',
    }),
    responseCache: setting({
      env: 'RESPONSE_CACHE',
      parse: oneOf('off', 'memory', 'redis'),
      default: 'memory',
      doc: 'Anonymous reads from a cache: `off`, `memory` (one process) or `redis` (shared).',
    }),
    responseCacheTtlMs: setting({
      env: 'RESPONSE_CACHE_TTL_MS',
      parse: integer(1000, 86_400_000),
      default: '60000',
      doc: 'Longest a cached answer is kept (writes through the API invalidate at once).',
    }),
    events: setting({
      env: 'EVENT_BUS',
      parse: oneOf('memory', 'redis'),
      default: 'memory',
      doc: 'Live post changes: `memory` (one process) or `redis` (every instance, through `REDIS_URL`).',
    }),
  }),
  redis: group('Redis', {
    url: setting({
      env: 'REDIS_URL',
      parse: url('redis:', 'rediss:'),
      default: 'redis://127.0.0.1:6379',
      doc: 'Redis for `RATE_LIMIT_STORE=redis`, `RESPONSE_CACHE=redis` and `EVENT_BUS=redis`.',
    }),
    keyPrefix: setting({
      env: 'REDIS_KEY_PREFIX',
      parse: text,
      default: 'flaskblog:',
      doc: "Prefix of this deployment's Redis keys (response cache) and channels (events), so deployments can share a Redis.",
    }),
  }),
  protection: group('Limits and protection', {
    maxDepth: setting({
      env: 'GRAPHQL_MAX_DEPTH',
      parse: integer(1, 100),
      default: '8',
      doc: 'Deepest operation, in levels (introspection excepted); deeper is `GRAPHQL_VALIDATION_FAILED`.',
    }),
    maxAliases: setting({
      env: 'GRAPHQL_MAX_ALIASES',
      parse: integer(0, 1000),
      default: '10',
      doc: 'Aliases an operation may use (then `GRAPHQL_VALIDATION_FAILED`).',
    }),
    maxTokens: setting({
      env: 'GRAPHQL_MAX_TOKENS',
      parse: integer(10, 100_000),
      default: '1000',
      doc: 'Tokens a document may have (then `GRAPHQL_PARSE_FAILED`).',
    }),
    maxDirectives: setting({
      env: 'GRAPHQL_MAX_DIRECTIVES',
      parse: integer(0, 1000),
      default: '10',
      doc: 'Directives an operation may use (then `GRAPHQL_VALIDATION_FAILED`).',
    }),
    maxComplexity: setting({
      env: 'GRAPHQL_MAX_COMPLEXITY',
      parse: integer(10, 10_000_000),
      default: '2500',
      doc: 'Operation cost limit: every field costs 1, multiplied by `first`/`last` (default 5) below a connection (then `QUERY_TOO_COMPLEX`).',
    }),
    introspection: setting({
      env: 'GRAPHQL_INTROSPECTION',
      parse: boolean,
      ...offInProduction,
      example: 'true',
      doc: 'Schema introspection and field suggestions.',
    }),
    graphiql: setting({
      env: 'GRAPHIQL',
      parse: boolean,
      ...offInProduction,
      example: 'true',
      doc: 'GraphiQL at `GET /graphql`.',
    }),
    corsOrigins: setting({
      env: 'CORS_ORIGINS',
      parse: list(origin),
      default: () => [],
      defaultDoc: 'none',
      example: 'https://app.example.com',
      doc: 'Extra origins allowed to call from browsers, comma-separated (our own `PUBLIC_URL` is always allowed).',
    }),
    trustedDocuments: setting({
      env: 'TRUSTED_DOCUMENTS',
      parse: oneOf('off', 'allow', 'only'),
      default: 'allow',
      doc: '`allow` (known hashes, automatic persisted queries and text), `only` (the client manifest alone) or `off`.',
    }),
    maxBodyBytes: setting({
      env: 'MAX_BODY_BYTES',
      parse: integer(1024, 50 * 1024 * 1024),
      default: '102400',
      doc: 'Largest JSON request body (then 413 `PAYLOAD_TOO_LARGE`); uploads may be 2 × `PICTURE_MAX_BYTES` + 64 KB.',
    }),
    requestTimeoutMs: setting({
      env: 'REQUEST_TIMEOUT_MS',
      parse: integer(1000, 600_000),
      default: '9000',
      doc: 'Longest a request may take to arrive, and an operation to run, all of it: the session lookup, waiting for a pool connection, the rate limiter and execution (then `REQUEST_TIMEOUT`, 503). Must exceed `DATABASE_STATEMENT_TIMEOUT_MS`. Raise it if clients upload pictures over slow links.',
    }),
    trustProxy: setting({
      env: 'TRUST_PROXY',
      parse: integer(0, 10),
      default: '0',
      doc: 'How many proxies in front of us append to `X-Forwarded-For`; 0 uses the socket address.',
    }),
    mutationsPerMinute: setting({
      env: 'MUTATIONS_PER_MINUTE',
      parse: integer(1, 100_000),
      default: '60',
      doc: 'Mutations per client IP per minute.',
    }),
    maxSubscriptionsPerClient: setting({
      env: 'MAX_SUBSCRIPTIONS_PER_CLIENT',
      parse: integer(1, 100_000),
      default: '20',
      doc: 'Open subscriptions per client address on one instance (SSE and WebSocket together).',
    }),
    httpCacheMaxAgeSeconds: setting({
      env: 'HTTP_CACHE_MAX_AGE',
      parse: integer(0, 86_400),
      default: '5',
      doc: '`max-age` of anonymous `GET` answers for browsers and CDNs; `0`: `no-store`.',
    }),
  }),
  metrics: group('Metrics', {
    enabled: setting({
      env: 'METRICS',
      parse: boolean,
      ...offInProduction,
      example: 'true',
      doc: 'Prometheus metrics at `/metrics`.',
    }),
    token: optional({
      env: 'METRICS_TOKEN',
      parse: text,
      doc: 'When set, `/metrics` answers only `Authorization: Bearer <token>` (401 otherwise).',
    }),
  }),
  tracing: group(
    'Traces (OpenTelemetry)',
    {
      endpoint: optional({
        env: 'OTEL_EXPORTER_OTLP_ENDPOINT',
        parse: web,
        example: 'http://127.0.0.1:4318',
        doc: 'OpenTelemetry traces over OTLP/HTTP to `<endpoint>/v1/traces`.',
      }),
      tracesEndpoint: optional({
        env: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
        parse: web,
        doc: 'The traces URL itself, instead of the above.',
      }),
      serviceName: setting({
        env: 'OTEL_SERVICE_NAME',
        parse: text,
        default: 'flaskblog-graphql',
        doc: 'The service name on every span.',
      }),
    },
    {
      shape: tracingFrom,
      about:
        'Off unless an endpoint is set. The rest of the standard `OTEL_EXPORTER_OTLP_*` variables (headers, for one) are read by the exporter.',
    },
  ),
};

/** Settings read elsewhere than the server's configuration, documented with it. */
export const OTHER_VARIABLES: { env: string; doc: string; example?: string }[] = [
  { env: 'WEB_CONCURRENCY', doc: '`npm run start:cluster`: server processes to run (default: one per core).' },
  {
    env: 'TEST_DATABASE_URL',
    doc: 'Tests only: run the suite on this PostgreSQL server instead of PGlite.',
    example: 'postgresql://postgres@127.0.0.1:5432/test',
  },
];

export { GROUPS as SETTINGS };

/** Every setting the server reads, by group, validated and frozen. */
export type Config = ReturnType<typeof resolveGroups<typeof GROUPS>>;

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

function s3Settings(s3: {
  bucket: string | undefined;
  region: string;
  endpoint: string | undefined;
  forcePathStyle: boolean;
  accessKeyId: string | undefined;
  secretAccessKey: string | undefined;
}): S3Settings {
  const { bucket, accessKeyId, secretAccessKey, ...where } = s3;
  if (!bucket) throw new ConfigError('PICTURE_STORAGE=s3 needs S3_BUCKET');
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) {
    throw new ConfigError(
      'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together: set both, or neither to use the AWS default chain',
    );
  }
  const credentials = accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined;
  return { bucket, ...where, credentials };
}

/** The OpenTelemetry convention: a traces URL, or a base URL that traces go under (at /v1/traces). */
function tracingFrom(otel: {
  endpoint: string | undefined;
  tracesEndpoint: string | undefined;
  serviceName: string;
}): { url: string; serviceName: string } | undefined {
  if (!otel.tracesEndpoint && !otel.endpoint) return undefined;
  return {
    url: otel.tracesEndpoint ?? `${withoutTrailingSlash(otel.endpoint!)}/v1/traces`,
    serviceName: otel.serviceName,
  };
}

/** What the settings must satisfy together, checked in this order once each is read: [broken when, message]. */
const RULES: [(config: Config, isSet: (name: string) => boolean) => boolean, string][] = [
  [
    (config) => config.accounts.jwtSecret === undefined && config.server.nodeEnv === 'production',
    'JWT_SECRET is required in production (at least 32 random characters)',
  ],
  [
    (config) => config.database.statementTimeoutMs >= config.protection.requestTimeoutMs,
    'DATABASE_STATEMENT_TIMEOUT_MS must be shorter than REQUEST_TIMEOUT_MS, so a statement ends before its request does',
  ],
  [
    (config) => config.stores.rateLimits === 'postgres' && config.database.url === undefined,
    'RATE_LIMIT_STORE=postgres needs DATABASE_URL (the embedded database serves one process)',
  ],
  [
    (config) => config.mail.transport === 'postmark' && !config.mail.postmarkServerToken,
    'MAIL_TRANSPORT=postmark needs POSTMARK_SERVER_TOKEN',
  ],
  // A production server that silently wrote reset mail to a folder would lock users out without a word.
  [
    (config, isSet) =>
      config.server.nodeEnv === 'production' && config.mail.transport === 'outbox' && !isSet('MAIL_TRANSPORT'),
    'Production needs a mail transport: set POSTMARK_SERVER_TOKEN, or MAIL_TRANSPORT=outbox to keep mail in DATA_DIR/outbox',
  ],
];

/**
 * For the few choices made while the schema is built at import time, before any configuration is loaded
 * (plugin strictness). Everything else goes through loadConfig().
 */
export function isProduction(env: Env = process.env): boolean {
  return env.NODE_ENV === 'production';
}

/** Reads and validates the configuration; throws ConfigError naming the first bad setting. */
export function loadConfig(env: Env = process.env): Config {
  const config = resolveGroups(GROUPS, env);
  for (const [broken, message] of RULES) {
    if (broken(config, (name) => read(env, name) !== undefined)) throw new ConfigError(message);
  }
  return config;
}
