/**
 * PostgreSQL advisory lock keys for the start-up steps that instances sharing a database must take in turn
 * (several may start at once): each key in one place, so no two steps can pick the same.
 */
export const ADVISORY_LOCKS = {
  /** The key `prisma migrate deploy` locks, so our runner and Prisma's exclude each other. */
  migrations: 72707369,
  jobQueueSchema: 72707370,
  demoBlog: 72707371,
} as const;

/**
 * Runs `work` while `connection` holds the lock `key` (a session lock: other connections asking for it wait),
 * and lets it go however `work` ends.
 */
export async function holdingLock<T>(
  connection: { query(text: string, values: unknown[]): Promise<unknown> },
  key: number,
  work: () => Promise<T>,
): Promise<T> {
  await connection.query('SELECT pg_advisory_lock($1)', [key]);
  try {
    return await work();
  } finally {
    await connection.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => {});
  }
}
