import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrate } from '../src/db/migrate.ts';
import { createTestDatabase } from './helpers/database.ts';
import { signUp } from './helpers/accounts.ts';
import { createPosts, createUser } from './helpers/factories.ts';
import { graphql } from './generated/gql.ts';
import { expectData, expectTypename, startTestApp, type TestApp } from './helpers/test-app.ts';

// The feed's totalCount, a user's postCount and a user page's totalCount read counters that triggers on posts
// keep (users.post_count and post_totals' one row; the post_counts migration). They must stay exact whatever
// writes the posts: the API, account deletion's cascade, raw SQL behind the API's back, concurrent creates.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ protection: { mutationsPerMinute: 100_000 } });
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const COUNTS = graphql(`
  query PostCounts($username: String!) {
    posts(first: 1) {
      totalCount
    }
    user(username: $username) {
      postCount
      posts(first: 1) {
        totalCount
      }
    }
  }
`);
const CREATE = graphql(`
  mutation PostCountsCreate($input: CreatePostInput!) {
    createPost(input: $input) {
      __typename
      ... on CreatePostSuccess {
        post {
          id
          author {
            postCount
          }
        }
      }
    }
  }
`);
const DELETE = graphql(`
  mutation PostCountsDelete($id: ID!) {
    deletePost(id: $id) {
      __typename
      ... on DeletePostSuccess {
        deletedPostId
      }
    }
  }
`);
const DELETE_ACCOUNT = graphql(`
  mutation PostCountsDeleteAccount($password: String!) {
    deleteAccount(password: $password) {
      __typename
    }
  }
`);

/** What the API answers, next to what count(*) finds, for the feed and one user. */
async function counts(username: string) {
  const data = expectData(await t.graphql(COUNTS, { username }));
  const [actual] = await t.db.sql<{ all: number; theirs: number }>(
    `SELECT (SELECT count(*)::int FROM posts) AS all,
            (SELECT count(*)::int FROM posts p JOIN users u ON u.id = p.author_id WHERE u.username = $1) AS theirs`,
    [username],
  );
  return {
    api: { feed: data.posts.totalCount, user: data.user?.postCount, userPage: data.user?.posts.totalCount },
    actual: {
      feed: actual!.all,
      user: data.user ? actual!.theirs : undefined,
      userPage: data.user ? actual!.theirs : undefined,
    },
  };
}

async function expectExact(username: string, feed: number, user: number | undefined) {
  const found = await counts(username);
  expect(found.api).toEqual(found.actual);
  expect(found.api).toEqual({ feed, user, userPage: user });
}

async function create(token: string, title: string) {
  const result = expectData(await t.graphql(CREATE, { input: { title, content: 'Counted.' } }, { token }));
  return expectTypename(result.createPost, 'CreatePostSuccess').post;
}

describe('post counts', () => {
  it('follow creates and deletes through the API, and a mutation reads its own write', async () => {
    const ada = await signUp(t, { username: 'Ada' });
    await createPosts(t.prisma, await createUser(t.prisma), 3);
    await expectExact('Ada', 3, 0);
    const first = await create(ada.token, 'One');
    expect(first.author.postCount).toBe(1); // the viewer was read before the insert; the count after it
    const second = await create(ada.token, 'Two');
    expect(second.author.postCount).toBe(2);
    await expectExact('Ada', 5, 2);
    expectData(await t.graphql(DELETE, { id: first.id }, { token: ada.token }));
    await expectExact('Ada', 4, 1);
  });

  it("drop by an account's posts when it is deleted (the cascade)", async () => {
    const ada = await signUp(t, { username: 'Ada', password: 'correct horse battery' });
    for (const title of ['One', 'Two', 'Three']) await create(ada.token, title);
    const bob = await createUser(t.prisma, { username: 'Bob' });
    await createPosts(t.prisma, bob, 2);
    await expectExact('Ada', 5, 3);
    const deleted = expectData(
      await t.graphql(DELETE_ACCOUNT, { password: 'correct horse battery' }, { token: ada.token }),
    );
    expect(deleted.deleteAccount.__typename).toBe('DeleteAccountSuccess');
    await expectExact('Ada', 2, undefined);
    await expectExact('Bob', 2, 2);
  });

  it("stay exact when SQL writes posts behind the API's back: bulk inserts, moves, deletes, truncation", async () => {
    const [ada, bob] = [
      await createUser(t.prisma, { username: 'Ada' }),
      await createUser(t.prisma, { username: 'Bob' }),
    ];
    await t.db.sql(
      `INSERT INTO posts (title, content, author_id, updated_at)
       SELECT 'bulk ' || i, 'x', CASE WHEN i % 3 = 0 THEN $1::int ELSE $2::int END, now() FROM generate_series(1, 30) i`,
      [ada.id, bob.id],
    );
    await expectExact('Ada', 30, 10);
    await expectExact('Bob', 30, 20);
    await t.db.sql(`UPDATE posts SET author_id = $1 WHERE author_id = $2 AND title LIKE 'bulk 1%'`, [ada.id, bob.id]);
    await expectExact('Ada', 30, 18); // bulk 1 and 10..19 but 12, 15, 18: eight moved from Bob
    await expectExact('Bob', 30, 12);
    await t.db.sql(`DELETE FROM posts WHERE author_id = $1`, [bob.id]);
    await expectExact('Ada', 18, 18);
    await expectExact('Bob', 18, 0);
    await t.db.sql(`TRUNCATE posts`);
    await expectExact('Ada', 0, 0);
  });

  it('add up under concurrent creates: 20 at once, 20 more', async () => {
    const writers = await Promise.all(['Ada', 'Bob'].map((username) => signUp(t, { username })));
    await create(writers[0]!.token, 'Before');
    await expectExact('Ada', 1, 1);
    await Promise.all(Array.from({ length: 20 }, (_, i) => create(writers[i % 2]!.token, `Concurrent ${i}`)));
    await expectExact('Ada', 21, 11);
    await expectExact('Bob', 21, 10);
  });

  it("the feed's totalCount reads post_totals' one row, not the posts", async () => {
    await createPosts(t.prisma, await createUser(t.prisma), 3);
    const statements = await t.statementsDuring(() => t.graphql(COUNTS, { username: 'nobody' }));
    const total = statements.filter((sql) => /post_totals/.test(sql));
    expect(total).toHaveLength(1);
    const plan = (await t.db.sql<{ 'QUERY PLAN': string }>(`EXPLAIN ${total[0]}`)).map((row) => row['QUERY PLAN']);
    expect(plan.join('\n')).toMatch(/ on post_totals\b/);
    expect(plan.join('\n')).not.toMatch(/ on posts\b/); // no Seq Scan, Index Only Scan or any scan of posts
  });

  it('are backfilled by the migration from the posts written before it', async () => {
    const db = await createTestDatabase();
    const before = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    try {
      fs.cpSync(MIGRATIONS_DIR, before, { recursive: true });
      fs.rmSync(path.join(before, '20261204000000_post_counts'), { recursive: true });
      await migrate({ url: db.url, schema: db.schema, dir: before });
      await db.sql(
        `INSERT INTO users (username, email, password_hash, updated_at)
         SELECT 'u' || g, 'u' || g || '@example.com', 'x', now() FROM generate_series(1, 3) g`,
      );
      await db.sql(
        `INSERT INTO posts (title, content, author_id, updated_at)
         SELECT 'old ' || g, 'x', (SELECT id FROM users WHERE username = 'u' || (1 + g % 2)), now()
           FROM generate_series(1, 7) g`,
      );
      expect(await migrate({ url: db.url, schema: db.schema })).toEqual(['20261204000000_post_counts']);
      expect(await db.sql(`SELECT username, post_count FROM users ORDER BY username`)).toEqual([
        { username: 'u1', post_count: 3 },
        { username: 'u2', post_count: 4 },
        { username: 'u3', post_count: 0 },
      ]);
      expect(await db.sql(`SELECT posts FROM post_totals`)).toEqual([{ posts: 7 }]);
    } finally {
      await db.close();
      fs.rmSync(before, { recursive: true, force: true });
    }
  });
});
