import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('has defaults that run the embedded database on port 4000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 4000,
      host: 'localhost',
      publicUrl: 'http://localhost:4000',
      databaseUrl: undefined,
      dataDir: path.resolve('data'),
      logLevel: 'info',
      migrateOnStart: true,
      seedOnStart: true,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('does not seed a real PostgreSQL unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@db/x' }).seedOnStart).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@db/x', SEED_ON_START: 'true' }).seedOnStart).toBe(true);
  });

  it('strips a trailing slash from PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://api.example.com/' }).publicUrl).toBe('https://api.example.com');
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
  ])('refuses %o with a message naming the setting', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never shows a database password in its messages', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://me:s3cret@' })).toThrow(/^(?!.*s3cret)/);
  });
});
