import type pg from 'pg';

/** invalid_sql_statement_name: the unnamed statement a Bind refers to is gone. */
const UNNAMED_STATEMENT_GONE = '26000';

/**
 * PGlite serves every connection from one backend (db/embedded.ts), and pglite-socket passes their messages
 * through one at a time: now and then another connection's query replaces or drops the unnamed statement
 * between this one's Parse and Bind ("unnamed prepared statement does not exist"). Nothing ran then, so the
 * query is sent again, once. On PostgreSQL the error does not happen.
 */
export function retryUnnamedStatementRaces(pool: pg.Pool): void {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const result = query(...args);
      if (!(result instanceof Promise)) return result; // callback and cursor forms are left as they are
      return result.catch((error: { code?: string }) => {
        if (error?.code !== UNNAMED_STATEMENT_GONE) throw error;
        return query(...args);
      });
    };
  });
}
