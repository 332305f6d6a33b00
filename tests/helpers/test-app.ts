import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { type App, createApp } from '../../src/app.ts';
import { connectPrisma, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export const PUBLIC_URL = 'http://blog.test';

export interface GraphQLResponse<T = any> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestApp extends Database {
  app: App;
  db: TestDatabase;
  /** The folder uploaded pictures are served from. */
  picturesDir: string;
  /** Lines the server logged, parsed. */
  logs: Record<string, any>[];
  /** POSTs a GraphQL operation through Yoga's fetch handler, as a client would over HTTP. */
  graphql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** Runs fn and returns the SQL statements Prisma sent meanwhile. */
  statementsDuring(fn: () => Promise<unknown>): Promise<string[]>;
  /** Empties every table (between tests of one file). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** A migrated database of the test file's own and the app over it. */
export async function startTestApp(): Promise<TestApp> {
  const db = await createTestDatabase();
  await migrate({ url: db.url, schema: db.schema });
  const database = connectPrisma({ url: db.url, poolSize: db.poolSize, schema: db.schema });
  const logs: Record<string, any>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const picturesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pictures-'));
  const app = createApp({ prisma: database.prisma, logger, publicUrl: PUBLIC_URL, picturesDir });

  return {
    ...database,
    app,
    db,
    picturesDir,
    logs,
    async graphql(query, variables) {
      const response = await app.fetch('http://blog.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    async statementsDuring(fn) {
      const statements: string[] = [];
      const stop = database.onQuery((sql) => statements.push(sql));
      try {
        await fn();
      } finally {
        stop();
      }
      return statements;
    },
    async reset() {
      await database.prisma.$executeRawUnsafe('TRUNCATE users, posts RESTART IDENTITY CASCADE');
    },
    async close() {
      await app.dispose();
      await database.disconnect();
      await db.close();
      fs.rmSync(picturesDir, { recursive: true, force: true });
    },
  };
}
