import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { resolveJwtSecret } from '../src/modules/auth/secret.ts';

describe('configuration', () => {
  it('has defaults that run the embedded database on port 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      server: {
        nodeEnv: 'development',
        port: 4000,
        host: 'localhost',
        publicUrl: 'http://localhost:4000',
        dataDir: path.resolve('data'),
      },
      database: { url: undefined, migrateOnStart: true, seedOnStart: true },
      log: { level: 'info' },
    });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.server)).toBe(true);
  });

  it('does not seed a real PostgreSQL unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@db/x' }).database.seedOnStart).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@db/x', SEED_ON_START: 'true' }).database.seedOnStart).toBe(true);
  });

  it('does not seed in production unless asked, even on the embedded database', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), MAIL_TRANSPORT: 'outbox' };
    expect(loadConfig(production).database.seedOnStart).toBe(false);
    expect(loadConfig({ ...production, SEED_ON_START: 'true' }).database.seedOnStart).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development' }).database.seedOnStart).toBe(true); // the quick start's demo blog
  });

  it('runs in production with a JWT secret, introspection and GraphiQL off', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), POSTMARK_SERVER_TOKEN: 'server-token' };
    const config = loadConfig(production);
    expect(config).toMatchObject({
      server: { nodeEnv: 'production' },
      accounts: { jwtSecret: 'x'.repeat(32), bcryptCost: 12 },
      protection: { introspection: false, graphiql: false },
    });
    expect(config.mail.transport).toBe('postmark');
    expect(loadConfig({ ...production, GRAPHIQL: 'on' }).protection.graphiql).toBe(true);
  });

  it('refuses to start in production without a mail transport, unless the outbox is chosen explicitly', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
    expect(() => loadConfig(production)).toThrow(/^Production needs a mail transport: set POSTMARK_SERVER_TOKEN/);
    expect(loadConfig({ ...production, MAIL_TRANSPORT: 'outbox' }).mail.transport).toBe('outbox');
    expect(loadConfig({}).mail.transport).toBe('outbox'); // development
    expect(() => loadConfig({ MAIL_TRANSPORT: 'postmark' })).toThrow(
      /^MAIL_TRANSPORT=postmark needs POSTMARK_SERVER_TOKEN/,
    );
  });

  it('has the documented protection defaults', () => {
    expect(loadConfig({})).toMatchObject({
      stores: { rateLimits: 'memory' },
      accounts: { loginMaxFailures: 5 },
      protection: {
        trustProxy: 0,
        mutationsPerMinute: 60,
        maxDepth: 8,
        maxComplexity: 2500,
        introspection: true,
        corsOrigins: [],
      },
    });
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://localhost:3000' }).protection.corsOrigins).toEqual([
      'https://a.example',
      'http://localhost:3000',
    ]);
  });

  it('mails from the original sender and links resets to PUBLIC_URL unless told otherwise', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://api.example.com' })).toMatchObject({
      mail: { from: 'noreply@demo.com', postmarkServerToken: undefined },
      accounts: { resetUrl: 'https://api.example.com/reset-password?token=', resetTokenTtlMinutes: 30 },
    });
    expect(loadConfig({ MAIL_FROM: 'Flask Blog <blog@example.com>' }).mail.from).toBe('Flask Blog <blog@example.com>');
  });

  it('strips a trailing slash from PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://api.example.com/' }).server.publicUrl).toBe('https://api.example.com');
  });

  it.each([
    [{ PORT: 'abc' }, /^PORT must be a whole number/],
    [{ PORT: '70000' }, /^PORT must be a whole number from 0 to 65535/],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL must start with postgres/],
    [{ DATABASE_URL: 'not a url' }, /^DATABASE_URL must be a URL/],
    [{ PUBLIC_URL: 'ftp://x' }, /^PUBLIC_URL must start with http/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL must be one of/],
    [{ NODE_ENV: 'staging' }, /^NODE_ENV must be one of/],
    [{ MIGRATE_ON_START: 'maybe' }, /^MIGRATE_ON_START must be true or false/],
    [{ DATABASE_POOL_SIZE: '0' }, /^DATABASE_POOL_SIZE must be a whole number/],
    [{ NODE_ENV: 'production' }, /^JWT_SECRET is required in production/],
    [{ JWT_SECRET: 'too-short' }, /^JWT_SECRET must be at least 32 characters/],
    [{ BCRYPT_COST: '3' }, /^BCRYPT_COST must be a whole number from 4 to 15/],
    [{ PICTURE_MAX_BYTES: '-1' }, /^PICTURE_MAX_BYTES must be a whole number/],
    [{ MAIL_FROM: 'not an address' }, /^MAIL_FROM must be an email address/],
    [{ RESET_URL: 'javascript:alert(1)' }, /^RESET_URL must start with http/],
    [{ RESET_TOKEN_TTL_MINUTES: '0' }, /^RESET_TOKEN_TTL_MINUTES must be a whole number from 1/],
    [{ RATE_LIMIT_STORE: 'memcached' }, /^RATE_LIMIT_STORE must be one of memory, redis, postgres/],
    [{ RATE_LIMIT_STORE: 'postgres' }, /^RATE_LIMIT_STORE=postgres needs DATABASE_URL/],
    [{ MAIL_TRANSPORT: 'pigeon' }, /^MAIL_TRANSPORT must be one of postmark, outbox/],
    [
      { DATABASE_STATEMENT_TIMEOUT_MS: '30000' },
      /^DATABASE_STATEMENT_TIMEOUT_MS must be shorter than REQUEST_TIMEOUT_MS/,
    ],
    [{ REDIS_URL: 'http://x' }, /^REDIS_URL must start with redis/],
    [{ CORS_ORIGINS: 'https://ok.example, not an origin' }, /^CORS_ORIGINS must list origins/],
    [{ GRAPHQL_MAX_DEPTH: '0' }, /^GRAPHQL_MAX_DEPTH must be a whole number/],
    [{ BCRYPT_WORKERS: 'many' }, /^BCRYPT_WORKERS must be a whole number from 0 to 64/],
  ])('refuses %o with a message naming the setting', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never shows a database password in its messages', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://me:s3cret@' })).toThrow(/^(?!.*s3cret)/);
  });
});

describe('the development JWT secret', () => {
  it('is generated once, kept private under DATA_DIR, and reused', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-'));
    const first = resolveJwtSecret({ jwtSecret: undefined, dataDir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(path.join(dataDir, 'jwt-secret')).mode & 0o777).toBe(0o600);
    expect(resolveJwtSecret({ jwtSecret: undefined, dataDir })).toBe(first);
    expect(resolveJwtSecret({ jwtSecret: 'y'.repeat(40), dataDir })).toBe('y'.repeat(40));
    fs.rmSync(dataDir, { recursive: true });
  });
});

describe('shared state for several instances', () => {
  it('counts rate limits in PostgreSQL by default in production on a database server, in memory otherwise', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), MAIL_TRANSPORT: 'outbox' };
    expect(loadConfig({ ...production, DATABASE_URL: 'postgresql://db/blog' }).stores.rateLimits).toBe('postgres');
    expect(
      loadConfig({ ...production, DATABASE_URL: 'postgresql://db/blog', RATE_LIMIT_STORE: 'redis' }).stores.rateLimits,
    ).toBe('redis');
    expect(loadConfig({ ...production }).stores.rateLimits).toBe('memory'); // the embedded database: one process
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/blog' }).stores.rateLimits).toBe('memory');
    expect(() => loadConfig({ NODE_ENV: 'production', MAIL_TRANSPORT: 'outbox' })).toThrow(/JWT_SECRET is required/);
  });
});

describe('log format', () => {
  it('is JSON in production and wherever stdout is not a terminal, and pretty when asked', () => {
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), MAIL_TRANSPORT: 'outbox' }).log.format,
    ).toBe('json');
    expect(loadConfig({}).log.format).toBe(process.stdout.isTTY ? 'pretty' : 'json');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }).log.format).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT must be one of json, pretty/);
  });
});

describe('traces', () => {
  it('are off unless an OTLP endpoint is set, and follow the OpenTelemetry variables when it is', () => {
    expect(loadConfig({}).tracing).toBeUndefined();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing).toEqual({
      url: 'http://collector:4318/v1/traces',
      serviceName: 'flaskblog-graphql',
    });
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://otel.example/traces', OTEL_SERVICE_NAME: 'blog' })
        .tracing,
    ).toEqual({
      url: 'https://otel.example/traces',
      serviceName: 'blog',
    });
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });
});
