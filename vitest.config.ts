import { defineConfig } from 'vitest/config';

// Every test file gets its own database: a copy of one migrated in-memory PGlite, or with TEST_DATABASE_URL a
// fresh schema on that PostgreSQL server (tests/helpers/database.ts).
//
// `npm test` runs every file once, on PGlite. CI then runs the `db` project again on PostgreSQL
// (`TEST_DATABASE_URL=... npm test -- --project db`): the files whose behaviour depends on the database.
// Every other file behaves the same on both, or already uses a PostgreSQL server in every pass
// (sql-plans, job-queue, ratelimit-stores, seed, response-cache, durable-mail, multi-instance, npm-scripts,
// database-outage's private cluster).

/** Files whose result can differ between PGlite and PostgreSQL, each with why. */
const DATABASE_DEPENDENT = {
  'tests/migrations.test.ts': 'migrations and their advisory lock on an empty database (a schema on a server)',
  'tests/schema-drift.test.ts': 'the migrated schema as the database reports it, against the Prisma schema',
  'tests/sql-reads.test.ts': 'named prepared statements on a server, unnamed on PGlite, across replaced connections',
  'tests/sql-count.test.ts': "the plans PostgreSQL picks for the reads (EXPLAIN), not only the app's statements",
  'tests/search.test.ts': 'full-text search: the tsvector column, its GIN index and the plan that uses it',
  'tests/pagination.test.ts': 'keyset pages through the hand-written SQL: ordering and ties as the database sorts',
  'tests/posts-consistency.test.ts':
    'pages read while posts are written: concurrent only on a server (PGlite is one backend)',
  'tests/posts.test.ts': 'two simultaneous creates with one idempotency key, racing on its unique index',
  'tests/register.test.ts': 'simultaneous registrations racing on unique constraints (citext) in separate backends',
  'tests/reset.test.ts': 'two simultaneous uses of one token (row locks), and the job queue retrying mail',
  'tests/account.test.ts': 'simultaneous picture uploads, and a write that fails inside the database',
  'tests/post-counts.test.ts':
    "counters kept by the database's triggers, under concurrent creates in separate backends",
  'tests/mail.test.ts': "the job queue (graphile-worker) on the test's database, or on a server's database",
} as const;

/** Files that spawn real processes (servers, builds, npm, a private PostgreSQL or Redis). */
const PROCESSES = [
  'tests/build.test.ts',
  'tests/database-outage.test.ts',
  'tests/durable-mail.test.ts',
  'tests/lifecycle.test.ts',
  'tests/multi-instance.test.ts',
  'tests/npm-scripts.test.ts',
  'tests/process.test.ts',
  'tests/redis-outage.test.ts',
  'tests/tracing-otlp.test.ts',
];

export default defineConfig({
  // graphql 16 ships CJS and ESM builds; Node loads the CJS one for our dependencies, so our own code must too,
  // or the schema would mix two copies of graphql.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Generous: on a busy 2-core machine starting an app or a process can take many seconds; no result depends on speed.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: { NODE_ENV: 'test' },
    projects: [
      { extends: true, test: { name: 'process', include: PROCESSES } },
      { extends: true, test: { name: 'db', include: Object.keys(DATABASE_DEPENDENT) } },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**', ...PROCESSES, ...Object.keys(DATABASE_DEPENDENT)],
        },
      },
    ],
  },
});
