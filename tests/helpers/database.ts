import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded.ts';

export interface TestDatabase {
  url: string;
  /** The schema this database lives in on a shared PostgreSQL server; undefined on PGlite. */
  schema: string | undefined;
  /** Connections the Prisma pool may hold: PGlite serves one backend. */
  poolSize: number;
  /** Runs SQL outside Prisma (introspection, fixtures), in this database's schema. */
  sql<T extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** The PostgreSQL server for tests that need a real one whatever the pass (CI starts it). */
export const POSTGRES_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

/**
 * An empty database of its own: an in-memory PGlite, or a new schema on TEST_DATABASE_URL (or on `serverUrl`,
 * for tests that need a server in every pass).
 */
export async function createTestDatabase(serverUrl = process.env.TEST_DATABASE_URL): Promise<TestDatabase> {
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, schema: undefined, poolSize: 1, sql: querier(embedded.url), close: embedded.stop };
  }
  const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const sql = querier(serverUrl, schema);
  await sql(`CREATE SCHEMA "${schema}"`);
  return {
    url: serverUrl,
    schema,
    poolSize: 4,
    sql,
    close: async () => void (await sql(`DROP SCHEMA "${schema}" CASCADE`)),
  };
}

function querier(url: string, schema?: string) {
  return async <T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]> => {
    const client = new pg.Client({
      connectionString: url,
      options: schema ? `-c search_path=${schema},public` : undefined,
    });
    await client.connect();
    try {
      return (await client.query<T>(text, values)).rows;
    } finally {
      await client.end();
    }
  };
}

/**
 * A whole database of its own on the PostgreSQL server (for tests whose server processes need a DATABASE_URL);
 * `drop()` removes it, connections and all.
 */
export async function createServerDatabase(prefix: string) {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = querier(POSTGRES_SERVER_URL);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    sql: querier(url.toString()),
    drop: async () => void (await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}
