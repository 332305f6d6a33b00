import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/db/migrate.ts';
import { int, read, render, row, sql, text } from '../src/db/sql.ts';
import { searchPageStatement } from '../src/modules/posts/post.search.sql.ts';
import { searchQuery } from '../src/modules/posts/post.search.ts';
import { createTestDatabase, POSTGRES_SERVER_URL, type TestDatabase } from './helpers/database.ts';
import { createUser } from './helpers/factories.ts';
import { expectData, startTestApp, type TestApp } from './helpers/test-app.ts';
import { graphql } from './generated/gql.ts';

// On a PostgreSQL server in every pass: PGlite prepares no named statements (src/db/client.ts).
let database: TestDatabase;
let t: TestApp;
beforeAll(async () => {
  database = await createTestDatabase(POSTGRES_SERVER_URL);
  await migrate({ url: database.url, schema: database.schema });
  // One connection, so every read below is prepared on the session whose plan cache is read afterwards.
  t = await startTestApp({ database: { ...database, poolSize: 1 } });
  // Enough posts that a plan matters to PostgreSQL: over a few dozen rows any plan is cheap, and it keeps the
  // generic one whatever the statement.
  for (let i = 0; i < 3; i++) await createUser(t.prisma, { username: `writer${i}` });
  await database.sql(
    `INSERT INTO posts (title, content, author_id, date_posted, updated_at)
     SELECT 'Post ' || n, 'Content of post ' || n, (SELECT min(id) FROM users) + n % 3,
            now() - n * interval '1 minute', now()
       FROM generate_series(1, 30000) n`,
  );
  await database.sql('ANALYZE');
}, 60_000);
afterAll(async () => {
  await t?.close();
  await database?.close();
});

describe('the hot reads as prepared statements', () => {
  it('are planned once and then reuse their generic plan, page after page', async () => {
    const first = await t.graphql(graphql(`query SqlPlansPosts { posts(first: 4) { pageInfo { endCursor } } }`));
    const reads = [
      `{ posts(first: 20) { edges { node { title author { username } } } } }`,
      `{ posts(first: 3, after: "${expectData(first).posts.pageInfo.endCursor}") { edges { node { title } } } }`,
      `{ user(username: "writer1") { posts(first: 10) { totalCount edges { node { title } } } } }`,
      `{ user(username: "writer2") { posts(last: 4) { edges { node { title } } } } }`,
      `{ searchPosts(query: "content") { edges { node { title } } } }`,
    ];
    // PostgreSQL plans a prepared statement afresh for its first five executions, then decides whether its
    // generic plan will do; ten are enough to see which way it went.
    for (let i = 0; i < 10; i++) {
      for (const query of reads) expect((await t.graphql(query)).errors).toBeUndefined();
    }
    const plans = await read(
      t.sql,
      'prepared-statements',
      sql`SELECT ${row(text('name'), int('generic_plans::int'), int('custom_plans::int'))} FROM pg_prepared_statements WHERE name NOT LIKE 'prepared-statements-%'`,
    );
    const names = plans.map(([name]) => name);
    expect(names).toEqual(
      expect.arrayContaining([expect.stringMatching(/^post-page-/), expect.stringMatching(/^user-with-first-page/)]),
    );
    expect(names.filter((name) => name.startsWith('post-search-'))).not.toHaveLength(0);
    // A statement planned at every execution (a LIMIT passed as a parameter did that) would show ten custom plans.
    for (const [name, generic, custom] of plans) {
      expect(custom, name).toBeLessThanOrEqual(5);
      if (generic + custom >= 10) expect(generic, name).toBeGreaterThan(0);
    }
  });
});

describe('a search', () => {
  /** The plan of each CTE of the search statement, as executed (EXPLAIN ANALYZE text, without timings). */
  async function plans(query: string) {
    const statement = render(searchPageStatement({ search: searchQuery(query), limit: 21, inverted: false }));
    const plan = await t.prisma.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN (ANALYZE, TIMING OFF) ${statement.text}`,
      ...statement.values,
    );
    const text = plan.map((line) => line['QUERY PLAN']).join('\n');
    const cte = (name: string) => new RegExp(`CTE ${name}\n([\\s\\S]*?)(?=\n {2}CTE |$)`).exec(text)?.[1] ?? '';
    return { walked: cte('walked'), found: cte('found'), text };
  }

  it('walks the newest posts for a common word, stops at the candidates it needs, and reads no index of words', async () => {
    const { walked, found, text } = await plans('content'); // in every post
    expect(walked, text).toMatch(/^ {4}-> {2}Limit .*\(actual rows=1001 loops=1\)/); // the candidates and one more
    expect(found, text).toMatch(/One-Time Filter/);
    expect(found, text).toMatch(/Scan on posts .*\(never executed\)/);
  });

  it('reads a rare word through its own branch, and never walks', async () => {
    const { walked, found, text } = await plans('12345'); // in one post
    expect(walked, text).toMatch(/Scan using posts_feed_idx .*\(never executed\)/);
    expect(found, text).toMatch(/Scan on posts .*\(actual rows=1 loops=1\)/);
  });
});
