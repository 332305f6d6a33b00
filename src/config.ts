import path from 'node:path';

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
  /** Folder for the embedded database, uploads and the dev outbox. */
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Apply pending migrations when the server starts. */
  migrateOnStart: boolean;
  /** Load the demo blog into an empty embedded database on first start. */
  seedOnStart: boolean;
  /** How long graceful shutdown waits for in-flight requests before closing anyway. */
  shutdownTimeoutMs: number;
  /** HS256 key for login tokens; required in production, else generated once and kept under dataDir. */
  jwtSecret: string | undefined;
  /** bcrypt cost factor for new password hashes. */
  bcryptCost: number;
  /** Largest profile picture upload accepted, in bytes. */
  pictureMaxBytes: number;
  /** Largest profile picture accepted, in pixels (width × height): stops decompression bombs. */
  pictureMaxPixels: number;
  /** Postmark server token; without one, mail goes to the development outbox under dataDir. */
  postmarkServerToken: string | undefined;
  /** Postmark's API base URL (tests point it at a local fake). */
  postmarkApiUrl: string;
  /** Sender of every email. */
  mailFrom: string;
  /** The front-end page that completes a reset; the token is appended to it. */
  resetUrl: string;
  /** How long a password reset link works. */
  resetTokenTtlMinutes: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;

function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === '' ? undefined : value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const value = read(env, name) ?? fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = read(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

function url(env: Env, name: string, protocols: string[]): string | undefined {
  const raw = read(env, name);
  if (raw === undefined) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL (got "${redact(raw)}")`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

function emailSetting(env: Env, name: string, fallback: string): string {
  const value = read(env, name) ?? fallback;
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$|^[^<>]*<[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+>$/.test(value)) {
    throw new ConfigError(`${name} must be an email address, optionally with a name: "Blog <noreply@example.com>"`);
  }
  return value;
}

/** Hides the password of a connection string in messages. */
function redact(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}

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
  return Object.freeze({
    nodeEnv,
    port,
    host,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    databaseUrl,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 1000),
    dataDir: path.resolve(read(env, 'DATA_DIR') ?? './data'),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, nodeEnv === 'test' ? 'silent' : 'info'),
    migrateOnStart: boolean(env, 'MIGRATE_ON_START', true),
    seedOnStart: boolean(env, 'SEED_ON_START', databaseUrl === undefined),
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    jwtSecret,
    bcryptCost: integer(env, 'BCRYPT_COST', 12, 4, 15),
    pictureMaxBytes: integer(env, 'PICTURE_MAX_BYTES', 2 * 1024 * 1024, 1024, 50 * 1024 * 1024),
    pictureMaxPixels: integer(env, 'PICTURE_MAX_PIXELS', 25_000_000, 15_625, 268_402_689),
    postmarkServerToken: read(env, 'POSTMARK_SERVER_TOKEN'),
    postmarkApiUrl: url(env, 'POSTMARK_API_URL', ['http:', 'https:']) ?? 'https://api.postmarkapp.com',
    mailFrom: emailSetting(env, 'MAIL_FROM', 'noreply@demo.com'),
    resetUrl: url(env, 'RESET_URL', ['http:', 'https:']) ?? `${publicUrl.replace(/\/+$/, '')}/reset-password?token=`,
    resetTokenTtlMinutes: integer(env, 'RESET_TOKEN_TTL_MINUTES', 30, 1, 24 * 60),
  });
}
