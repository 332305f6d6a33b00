import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadBenchData, POSTS, type Sizes, USERS } from './data.ts';

export interface BenchDatabase {
  /** Where the bench process itself reads and writes while preparing. */
  url: string;
  embedded: boolean;
  /** What the server under test is started with to find the same data. */
  serverEnv: Record<string, string>;
  /** Lets go of the data so the server can open it (PGlite has one owner). */
  release(): Promise<void>;
  loadSeconds: number;
}

/**
 * A dedicated database with the bench data: `name` (`flaskblog_bench` by default), recreated on the PostgreSQL
 * server at `adminUrl`, or without one an embedded PGlite folder of its own.
 */
export async function prepareBenchDatabase(
  adminUrl: string | undefined,
  bcryptCost: number,
  { name = 'flaskblog_bench', sizes = { users: USERS, posts: POSTS } }: { name?: string; sizes?: Sizes } = {},
): Promise<BenchDatabase> {
  let url: string;
  let serverEnv: Record<string, string>;
  let release = async () => {};
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a plain database name: ${name}`);
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const bench = new URL(adminUrl);
    bench.pathname = `/${name}`;
    url = bench.toString();
    serverEnv = { DATABASE_URL: url };
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaskblog-bench-'));
    const embedded = await startEmbeddedPostgres(path.join(dataDir, 'pglite'));
    url = embedded.url;
    serverEnv = { DATA_DIR: dataDir };
    release = embedded.stop;
  }
  await migrate({ url });
  const started = Date.now();
  await loadBenchData(url, bcryptCost, sizes);
  return { url, embedded: !adminUrl, serverEnv, release, loadSeconds: (Date.now() - started) / 1000 };
}
