import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import type { Database } from '../src/db/client.ts';
import { appDependencies } from '../src/dependencies.ts';
import { createLogger } from '../src/logger.ts';
import { BENCH_PASSWORD } from './data.ts';

/** SQL statements one request of each workload costs, counted from Prisma's query log by an in-process twin. */
export async function countStatements(
  db: Database,
  env: Record<string, string>,
  bodies: Record<string, () => unknown>,
) {
  const config = loadConfig({ ...env, DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'bench-twin-')) });
  const app = createApp(await appDependencies(config, createLogger({ level: 'silent' }), db));
  const post = (body: unknown, token?: string) =>
    app.fetch('http://bench/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const login = await post({
    query: 'mutation ($i: LoginInput!) { login(input: $i) { ... on LoginSuccess { token } } }',
    variables: { i: { email: 'bench1@bench.test', password: BENCH_PASSWORD } },
  });
  const token: string = (await login.json()).data.login.token;
  const counts: Record<string, number> = {};
  for (const [name, body] of Object.entries(bodies)) {
    let count = 0;
    const stop = db.onQuery(() => count++);
    await (await post(body(), name === 'createPost' ? token : undefined)).text();
    stop();
    counts[name] = count;
  }
  await app.dispose();
  return counts;
}
