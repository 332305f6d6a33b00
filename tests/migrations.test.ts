import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrate, readMigrations } from '../src/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';

const opened: TestDatabase[] = [];
async function freshDatabase() {
  const db = await createTestDatabase();
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close()));
});

/** A copy of the migrations folder the test may edit. */
function copyOfMigrations(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
  fs.cpSync(MIGRATIONS_DIR, dir, { recursive: true });
  return dir;
}

const ledger = (db: TestDatabase) =>
  db.sql<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
    'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
  );

describe('the migration runner', () => {
  it('applies every migration to an empty database and records it as Prisma does', async () => {
    const db = await freshDatabase();
    const applied = await migrate({ url: db.url, schema: db.schema });
    const local = readMigrations();
    expect(applied).toEqual(local.map((migration) => migration.name));
    const rows = await ledger(db);
    expect(rows).toHaveLength(local.length);
    for (const [index, row] of rows.entries()) {
      const file = fs.readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(file).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.migration_name).toBe(local[index]!.name);
    }
    expect(await db.sql(`SELECT count(*)::int AS n FROM users`)).toEqual([{ n: 0 }]);
  });

  it('is idempotent: a second run applies nothing and changes nothing', async () => {
    const db = await freshDatabase();
    await migrate({ url: db.url, schema: db.schema });
    const before = await ledger(db);
    expect(await migrate({ url: db.url, schema: db.schema })).toEqual([]);
    expect(await ledger(db)).toEqual(before);
  });

  it('lets servers that start at the same moment apply each migration exactly once', async () => {
    const db = await freshDatabase();
    const runs = await Promise.all([1, 2, 3].map(() => migrate({ url: db.url, schema: db.schema })));
    expect(runs.flat().sort()).toEqual(readMigrations().map((migration) => migration.name));
    expect(await ledger(db)).toHaveLength(readMigrations().length);
  });

  it('applies a new migration on top of applied ones', async () => {
    const db = await freshDatabase();
    const dir = copyOfMigrations();
    await migrate({ url: db.url, schema: db.schema, dir });
    fs.mkdirSync(path.join(dir, '99990101000000_add_bio'));
    fs.writeFileSync(
      path.join(dir, '99990101000000_add_bio', 'migration.sql'),
      'ALTER TABLE "users" ADD COLUMN "bio" TEXT;\n',
    );
    expect(await migrate({ url: db.url, schema: db.schema, dir })).toEqual(['99990101000000_add_bio']);
    expect(await db.sql(`SELECT bio FROM users`)).toEqual([]);
  });

  it('refuses to run when an applied migration file was changed, and says which', async () => {
    const db = await freshDatabase();
    const dir = copyOfMigrations();
    await migrate({ url: db.url, schema: db.schema, dir });
    const [first] = readMigrations(dir);
    fs.appendFileSync(path.join(dir, first!.name, 'migration.sql'), '\n-- edited later\n');
    await expect(migrate({ url: db.url, schema: db.schema, dir })).rejects.toThrow(
      `Migration ${first!.name} was modified after it was applied`,
    );
  });

  it('rolls a failing migration back completely and records nothing', async () => {
    const db = await freshDatabase();
    const dir = copyOfMigrations();
    await migrate({ url: db.url, schema: db.schema, dir });
    fs.mkdirSync(path.join(dir, '99990101000000_broken'));
    fs.writeFileSync(
      path.join(dir, '99990101000000_broken', 'migration.sql'),
      'CREATE TABLE "half_done" (id int);\nALTER TABLE "no_such_table" ADD COLUMN x int;\n',
    );
    await expect(migrate({ url: db.url, schema: db.schema, dir })).rejects.toThrow(
      /Migration 99990101000000_broken failed: relation "no_such_table" does not exist/,
    );
    expect(await db.sql(`SELECT to_regclass('half_done') AS t`)).toEqual([{ t: null }]);
    expect((await ledger(db)).map((row) => row.migration_name)).not.toContain('99990101000000_broken');
  });
});
