import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { ADVISORY_LOCKS, holdingLock } from './locks.ts';

/** The folder that holds one sub-folder per migration, as `prisma migrate` lays it out. */
export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  /** SHA-256 of migration.sql in hex, as Prisma records it. */
  checksum: string;
}

export interface MigrateOptions {
  url: string;
  dir?: string;
  /** A schema to migrate instead of public (tests). */
  schema?: string;
  log?: (message: string) => void;
}

class MigrationError extends Error {
  override name = 'MigrationError';
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: sha256(sql) };
    });
}

/**
 * Applies every pending migration, each in its own transaction, and records it in Prisma's
 * `_prisma_migrations` ledger. Idempotent; refuses to run when an applied migration's file changed.
 * Returns the names it applied.
 */
export async function migrate({
  url,
  dir = MIGRATIONS_DIR,
  schema,
  log = () => {},
}: MigrateOptions): Promise<string[]> {
  const migrations = readMigrations(dir);
  const client = new pg.Client({
    connectionString: url,
    options: schema ? `-c search_path=${schema},public` : undefined,
  });
  await client.connect();
  try {
    return await holdingLock(client, ADVISORY_LOCKS.migrations, async () => {
      await client.query(CREATE_LEDGER);
      await checkLedger(client, migrations, dir, log);
      const applied: string[] = [];
      for (const migration of migrations) {
        if (await apply(client, migration)) {
          log(`Applied migration ${migration.name}`);
          applied.push(migration.name);
        }
      }
      return applied;
    });
  } finally {
    await client.end();
  }
}

async function checkLedger(client: pg.Client, migrations: Migration[], dir: string, log: (message: string) => void) {
  const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
  );
  const byName = new Map(migrations.map((migration) => [migration.name, migration]));
  for (const row of rows) {
    const local = byName.get(row.migration_name);
    if (!row.finished_at) {
      throw new MigrationError(
        `Migration ${row.migration_name} started but did not finish. Repair the database by hand, ` +
          'then mark it rolled back (prisma migrate resolve --rolled-back) before migrating again.',
      );
    }
    if (!local) {
      log(`Migration ${row.migration_name} is applied to the database but missing from ${dir}`);
    } else if (!sameChecksum(local, row.checksum)) {
      throw new MigrationError(
        `Migration ${row.migration_name} was modified after it was applied (checksum ${row.checksum} ` +
          `in the database, ${local.checksum} on disk). Restore the file and add a new migration instead.`,
      );
    }
  }
}

/** Applies one migration unless it is already in the ledger; the check and the change share a transaction. */
async function apply(client: pg.Client, migration: Migration): Promise<boolean> {
  await client.query('BEGIN');
  try {
    const done = await client.query(
      'SELECT 1 FROM "_prisma_migrations" WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL',
      [migration.name],
    );
    if (done.rowCount) {
      await client.query('COMMIT');
      return false;
    }
    const startedAt = new Date();
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, now(), 1)`,
      [randomUUID(), migration.checksum, migration.name, startedAt],
    );
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** A checkout that turned LF into CRLF (Windows) has not changed the migration. */
function sameChecksum(migration: Migration, recorded: string): boolean {
  return recorded === migration.checksum || recorded === sha256(migration.sql.replace(/\r\n/g, '\n'));
}
