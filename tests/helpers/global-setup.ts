import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Tarballs of PGlite data directories that each test file's embedded database starts as a copy of. */
    pglite: { empty: string; migrated: string } | undefined;
  }
}

/**
 * Runs before the files of each project. On PGlite, dumps the data directory of a new database and of the same
 * one migrated, so a test file's database is a copy of one of them: PGlite's initdb costs seconds for each
 * database, a copy under one. On PostgreSQL, test files run in schemas of their own; the citext type they share
 * must exist in public before the first of them migrates, or two files would race to create it.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    // Each project loads this module anew: the dumps are made once for all of them.
    const shared = globalThis as { pgliteDumps?: Promise<{ empty: string; migrated: string }> };
    shared.pgliteDumps ??= dumpPGlite();
    project.provide('pglite', await shared.pgliteDumps);
    return;
  }
  project.provide('pglite', undefined);
  console.log(`Tests run on PostgreSQL at ${url.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@')}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public');
  } finally {
    await client.end();
  }
}

async function dumpPGlite() {
  console.log('Tests run on embedded PostgreSQL (PGlite). Set TEST_DATABASE_URL to run them on a server.');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pglite-dumps-'));
  process.once('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
  const db = await PGlite.create({ extensions: { citext } });
  const dump = async (name: string) => {
    const file = path.join(folder, `${name}.tar`);
    // Uncompressed: loading it is then a copy, not a gunzip.
    fs.writeFileSync(file, Buffer.from(await (await db.dumpDataDir('none')).arrayBuffer()));
    return file;
  };
  try {
    const empty = await dump('empty');
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
    await server.start();
    try {
      await migrate({ url: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable` });
    } finally {
      await server.stop();
    }
    return { empty, migrated: await dump('migrated') };
  } finally {
    await db.close();
  }
}
