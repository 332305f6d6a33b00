import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { startEmbeddedPostgres } from '../../src/db/embedded.ts';
import { migrate } from '../../src/db/migrate.ts';

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
  if (!serverUrl) return embeddedCopy('empty');
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

/**
 * A database of its own with every migration applied: on PGlite a copy of the one global-setup.ts migrated, on a
 * server a new schema, migrated (as fast there as a copy from a template database, measured).
 */
export async function createMigratedDatabase(): Promise<TestDatabase> {
  if (!process.env.TEST_DATABASE_URL) return embeddedCopy('migrated');
  const db = await createTestDatabase();
  await migrate({ url: db.url, schema: db.schema });
  return db;
}

/** An in-memory PGlite started from a data directory global-setup.ts dumped (initdb done, migrated or not). */
async function embeddedCopy(dump: 'empty' | 'migrated'): Promise<TestDatabase> {
  const dumps = inject('pglite');
  if (!dumps) throw new Error('tests/helpers/global-setup.ts made no PGlite dumps: run the tests with vitest');
  const embedded = await startEmbeddedPostgres(undefined, new Blob([fs.readFileSync(dumps[dump])]));
  return { url: embedded.url, schema: undefined, poolSize: 1, sql: querier(embedded.url), close: embedded.stop };
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
