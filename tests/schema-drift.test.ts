import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { migrate } from '../src/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from './helpers/database.ts';
import { expectedSchema, type SchemaShape } from './helpers/expected-schema.ts';

const LEDGER = '_prisma_migrations';
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await migrate({ url: db.url, schema: db.schema });
});
afterAll(() => db.close());

/** What the migrated database actually holds, in the same shape as expectedSchema(). */
async function introspect(): Promise<SchemaShape> {
  const columns = await db.sql(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default,
            a.attgenerated = 's' AS generated
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> $1 AND a.attnum > 0 AND NOT a.attisdropped`,
    [LEDGER],
  );
  const indexes = await db.sql(
    `SELECT i.relname AS name, t.relname AS table, ix.indisunique AS unique, ix.indisprimary AS primary, am.amname AS method,
            array(SELECT a.attname || CASE WHEN ix.indoption[k.i] & 1 = 1 THEN ' DESC' ELSE '' END
                    FROM generate_subscripts(ix.indkey, 1) AS k(i)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ix.indkey[k.i]
                   ORDER BY k.i)::text[] AS columns
       FROM pg_index ix
       JOIN pg_class i ON i.oid = ix.indexrelid
       JOIN pg_class t ON t.oid = ix.indrelid
       JOIN pg_am am ON am.oid = i.relam
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND t.relname <> $1`,
    [LEDGER],
  );
  const foreignKeys = await db.sql(
    `SELECT con.conname AS name, cl.relname AS table, ref.relname AS references,
            array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, o)
                    JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.o)::text[] AS columns,
            array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, o)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.o)::text[] AS "referencedColumns",
            con.confdeltype AS on_delete, con.confupdtype AS on_update
       FROM pg_constraint con
       JOIN pg_class cl ON cl.oid = con.conrelid
       JOIN pg_class ref ON ref.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE con.contype = 'f' AND n.nspname = current_schema()`,
  );
  const action: Record<string, string> = {
    a: 'NO ACTION',
    r: 'RESTRICT',
    c: 'CASCADE',
    n: 'SET NULL',
    d: 'SET DEFAULT',
  };
  return {
    columns: Object.fromEntries(
      columns.map((c) => [
        `${c.table}.${c.column}`,
        { type: c.type, nullable: c.nullable, default: c.default, generated: c.generated },
      ]),
    ),
    indexes: Object.fromEntries(
      indexes.map((i) => [
        i.name,
        { table: i.table, unique: i.unique, primary: i.primary, method: i.method, columns: i.columns },
      ]),
    ),
    foreignKeys: Object.fromEntries(
      foreignKeys.map((f) => [
        f.name,
        {
          table: f.table,
          columns: f.columns,
          references: f.references,
          referencedColumns: f.referencedColumns,
          onDelete: action[f.on_delete],
          onUpdate: action[f.on_update],
        },
      ]),
    ),
  };
}

it('the migrated database has exactly the tables, columns, types, indexes and foreign keys of schema.prisma', async () => {
  const expected = expectedSchema(path.resolve(import.meta.dirname, '../prisma/schema.prisma'));
  expect(Object.keys(expected.columns).length).toBeGreaterThan(5); // the comparison below is not vacuous
  expect(await introspect()).toEqual(expected);
});

it('enforces the email limits the model documents: unique ignoring case, at most 120 characters', async () => {
  const insert = (email: string, username: string) =>
    db.sql(`INSERT INTO users (username, email, password_hash, updated_at) VALUES ($1, $2, 'x', now())`, [
      username,
      email,
    ]);
  await insert('Ada@Example.com', 'ada');
  await expect(insert('ada@example.COM', 'ada2')).rejects.toThrow(/users_email_key/);
  await expect(insert(`${'a'.repeat(109)}@example.com`, 'long')).rejects.toThrow(/users_email_length/);
});
