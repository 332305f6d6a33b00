import pg from 'pg';

/**
 * On PostgreSQL, test files run in schemas of their own; the citext type they share must exist in public
 * before the first of them migrates, or two files would race to create it.
 */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('Tests run on embedded PostgreSQL (PGlite). Set TEST_DATABASE_URL to run them on a server.');
    return;
  }
  console.log(`Tests run on PostgreSQL at ${url.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@')}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public');
  } finally {
    await client.end();
  }
}
