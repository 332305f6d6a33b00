import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createServerDatabase } from './helpers/database.ts';
import { type ServerProcess, startNpmScript, untilReady } from './helpers/server-process.ts';
import { until } from './helpers/wait.ts';

// `npm start` and `npm run start:cluster` as platforms run them (`CMD npm start` too): SIGTERM goes to npm, which
// passes it to its script's shell, and the server must be what gets it. Each run builds first (its pre-script).
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const servers: ServerProcess[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const { child } of servers.splice(0)) {
    try {
      process.kill(-child.pid!, 'SIGKILL'); // the group: npm and any server it left behind
    } catch {}
  }
});
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

async function start(script: string, env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaskblog-npm-'));
  folders.push(dataDir);
  const server = await startNpmScript(script, dataDir, env);
  servers.push(server);
  return server;
}

const health = (port: number) =>
  fetch(`http://127.0.0.1:${port}/health`).then(
    (response) => response.status,
    () => 'no answer',
  );

describe('npm scripts', { timeout: 180_000 }, () => {
  it('npm start: SIGTERM to npm reaches the server, which drains, frees the port and exits 0', async () => {
    const server = await start('start', { SHUTDOWN_GRACE_MS: '0', BCRYPT_WORKERS: '1' });
    await untilReady(server);
    expect(await health(server.port)).toBe(200);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('Stopped cleanly');
    expect(await health(server.port)).toBe('no answer');
  });

  it('npm run start:cluster: SIGTERM to npm drains every worker, then exits 0', async () => {
    const database = await createServerDatabase('flaskblog_cluster');
    try {
      const server = await start('start:cluster', {
        DATABASE_URL: database.url,
        REDIS_URL,
        REDIS_KEY_PREFIX: `test:${randomBytes(4).toString('hex')}:`,
        WEB_CONCURRENCY: '2',
        SHUTDOWN_GRACE_MS: '0',
        BCRYPT_WORKERS: '1',
      });
      await until(
        () => server.output().match(/is ready at/g)?.length === 2 || server.child.exitCode !== null,
        'two workers',
        {
          timeoutMs: 120_000,
        },
      );
      expect(server.child.exitCode).toBe(null);
      expect(await health(server.port)).toBe(200);

      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
      expect(server.output().match(/Stopped cleanly/g)).toHaveLength(2);
      expect(await health(server.port)).toBe('no answer');
    } finally {
      await database.drop();
    }
  });

  it.each([
    [{ EVENT_BUS: 'memory', REDIS_URL }, 'Cluster mode needs a shared event bus: set REDIS_URL and EVENT_BUS=redis.'],
    [{}, 'Cluster mode needs a shared event bus: set REDIS_URL and EVENT_BUS=redis.'],
    [
      { REDIS_URL, RESPONSE_CACHE: 'memory' },
      'Cluster mode needs a shared response cache: set RESPONSE_CACHE to redis or off.',
    ],
  ])('npm run start:cluster refuses per-process stores (%o) with one line naming the setting', async (env, line) => {
    // Refused before any connection is made: the database need not exist.
    const server = await start('start:cluster', {
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/unused',
      ...env,
    });
    expect(await server.exited).not.toBe(0);
    expect(server.output().split('\n')).toContain(line);
    expect(server.output()).not.toMatch(/is ready at/);
  });
});
