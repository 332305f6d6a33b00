import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { SpanKind } from '@opentelemetry/api';
import { ATTR_DB_QUERY_TEXT, ATTR_DB_SYSTEM_NAME } from '@opentelemetry/semantic-conventions';
import { PrismaClient } from '../generated/prisma/client.ts';
import { inSpan, tracing } from '../tracing/tracing.ts';

export interface PrismaOptions {
  url: string;
  poolSize: number;
  /** A PostgreSQL schema other than public (tests isolate each file in one). */
  schema?: string;
  /** How long to wait for a connection, and for a statement (the server cancels it; the client gives up a second later). */
  timeouts?: { connectMs: number; statementMs: number };
  /**
   * The embedded database: it takes no statement_timeout setting at connection time (the client-side one still
   * holds), and its connections share one backend, so statements are not prepared by name.
   */
  embedded?: boolean;
}

/**
 * A statement for the hot reads: its text never varies for the same `name`, so PostgreSQL plans it once per
 * connection. Written with the typed layer (sql.ts), which derives the name from the text.
 */
export interface SqlStatement {
  name: string;
  text: string;
  values: unknown[];
  /** What it reads, for its span in traces (the name by default). */
  label?: string;
}

/** Runs a read and returns its rows as arrays (column order as selected): no per-row object is built by pg. */
export type Sql = (statement: SqlStatement) => Promise<unknown[][]>;

export interface Database {
  /** The connection string (the embedded database's too), for what needs connections of its own (the job queue). */
  url: string;
  /** Schema, migrations' types and every write. */
  prisma: PrismaClient;
  /** The hot reads (pages of posts, authors), on the same pool as Prisma. */
  sql: Sql;
  /** The pool's connections now (for metrics). */
  poolStats(): { total: number; idle: number; waiting: number };
  /** Calls the listener with the SQL of every statement sent (Prisma's and `sql`'s); returns its remover. */
  onQuery(listener: (sql: string) => void): () => void;
  disconnect(): Promise<void>;
}

export function connectPrisma({ url, poolSize, schema, timeouts, embedded }: PrismaOptions): Database {
  const settings = [
    ...(schema ? [`-c search_path=${schema},public`] : []),
    ...(timeouts && !embedded ? [`-c statement_timeout=${timeouts.statementMs}`] : []),
  ];
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    options: settings.length ? settings.join(' ') : undefined,
    connectionTimeoutMillis: timeouts?.connectMs,
    query_timeout: timeouts ? timeouts.statementMs + 1000 : undefined,
  });
  // A connection the server closes while idle (restart, failover) is dropped by the pool and replaced on next
  // use; without a listener, pg would make it an uncaught error that ends the process.
  pool.on('error', () => {});
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool, { schema }),
    log: [{ emit: 'event', level: 'query' }],
    // With a small pool (PGlite has one connection) a transaction may queue behind others for a while.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  const listeners = new Set<(sql: string) => void>();
  prisma.$on('query', (event) => {
    for (const listener of listeners) listener(event.query);
  });
  const sql: Sql = async ({ name, text, values, label }) => {
    for (const listener of listeners) listener(text);
    // PGlite serves every connection from one backend, so a statement prepared by a connection the pool has
    // since replaced would still exist there and clash with its name: the embedded database gets unnamed ones.
    const run = async () =>
      (await pool.query<unknown[]>({ name: embedded ? undefined : name, text, values, rowMode: 'array' })).rows;
    if (!tracing()) return run();
    return inSpan(
      label ?? name,
      { [ATTR_DB_SYSTEM_NAME]: 'postgresql', [ATTR_DB_QUERY_TEXT]: text },
      run,
      SpanKind.CLIENT,
    );
  };
  return {
    url,
    prisma,
    sql,
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    onQuery(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async disconnect() {
      await prisma.$disconnect();
      if (!pool.ended) await pool.end();
    },
  };
}
