import { defineConfig } from 'vitest/config';

// Every test file gets its own database: a fresh in-memory PGlite, or with TEST_DATABASE_URL a fresh
// schema on that PostgreSQL server (tests/helpers/database.ts).
export default defineConfig({
  // graphql 16 ships CJS and ESM builds; Node loads the CJS one for our dependencies, so our own code must too,
  // or the schema would mix two copies of graphql.
  resolve: { alias: { graphql: 'graphql/index.js' } },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/browser/**', 'node_modules/**'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Generous: on a busy 2-core machine starting an app or a process can take many seconds; no result depends on speed.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    env: { NODE_ENV: 'test' },
  },
});
