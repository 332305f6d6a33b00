import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SqlStatement } from '../src/db/client.ts';
import { postColumns, userColumns } from '../src/db/rows.ts';
import { float8, int, intOrNull, limit, param, read, render, row, sql, text, where } from '../src/db/sql.ts';
import type { Post, User } from '../src/generated/prisma/client.ts';

// The typed layer itself, on a runner that answers fixed rows (the reads against a database: sql-reads.test.ts).
function runner(rows: unknown[][] = []) {
  const sent: SqlStatement[] = [];
  const db = async (statement: SqlStatement) => {
    sent.push(statement);
    return rows;
  };
  return { db, sent };
}

const USER_ROW = [7, 'ada', 'ada@example.com', 'a.png', 'hash', 1_700_000_000_000, 1_700_000_000_500, 12];
const POST_ROW = [3, 'Title', 'Content', 1_700_000_001_000, 1_700_000_002_000, 7, null];

describe('the sql tag', () => {
  it('numbers parameters in order, reuses a param, and splices fragments', () => {
    const at = param(new Date(0));
    const inner = sql`b = ${2} AND c < ${at}`;
    expect(render(sql`SELECT 1 WHERE a = ${1} AND ${inner} AND d > ${at} AND e = ${'x'}`)).toEqual({
      text: 'SELECT 1 WHERE a = $1 AND b = $2 AND c < $3 AND d > $3 AND e = $4',
      values: [1, 2, new Date(0), 'x'],
    });
  });

  it('writes WHERE with AND between conditions, or nothing', () => {
    expect(render(sql`SELECT 1${where([])}`).text).toBe('SELECT 1');
    expect(render(sql`SELECT 1${where([sql`a = ${1}`, sql`b = ${2}`])}`).text).toBe('SELECT 1 WHERE a = $1 AND b = $2');
  });

  it('writes LIMIT into the text, and only a small non-negative integer', () => {
    expect(render(sql`SELECT 1 ${limit(21)}`)).toEqual({ text: 'SELECT 1 LIMIT 21', values: [] });
    for (const bad of [-1, 1.5, Number.NaN, 1001]) expect(() => limit(bad)).toThrow(RangeError);
  });
});

describe('selections', () => {
  it('give the select list of a join, and decode its rows to typed values with no index arithmetic', async () => {
    const pageRow = row(postColumns.as('p'), userColumns.as('u'), float8('m.rank'));
    const { db, sent } = runner([[...POST_ROW, ...USER_ROW, 0.5]]);
    const rows = await read(db, 'page', sql`SELECT ${pageRow} FROM posts p JOIN users u ON u.id = p.author_id`);
    expectTypeOf(rows).toEqualTypeOf<[Post, User, number][]>();
    expect(sent[0]!.text).toBe(
      "SELECT p.id, p.title, p.content, round(date_part('epoch', p.date_posted) * 1000), round(date_part('epoch', p.updated_at) * 1000), p.author_id, p.idempotency_key, " +
        "u.id, u.username, u.email, u.image_file, u.password_hash, round(date_part('epoch', u.created_at) * 1000), round(date_part('epoch', u.updated_at) * 1000), u.post_count, m.rank FROM posts p JOIN users u ON u.id = p.author_id",
    );
    expect(rows).toEqual([
      [
        {
          id: 3,
          title: 'Title',
          content: 'Content',
          datePosted: new Date(1_700_000_001_000),
          updatedAt: new Date(1_700_000_002_000),
          authorId: 7,
          idempotencyKey: null,
        },
        {
          id: 7,
          username: 'ada',
          email: 'ada@example.com',
          imageFile: 'a.png',
          passwordHash: 'hash',
          createdAt: new Date(1_700_000_000_000),
          updatedAt: new Date(1_700_000_000_500),
          postCount: 12,
        },
        0.5,
      ],
    ]);
  });

  it('decode the missing side of an outer join to null, and a single column to its value', async () => {
    const userWithPost = row(userColumns.as('u'), intOrNull('t.total'), postColumns.orNull('p'));
    const { db } = runner([[...USER_ROW, null, ...POST_ROW.map(() => null)]]);
    const [found] = await read(db, 'user', sql`SELECT ${userWithPost} FROM users u`);
    expectTypeOf(found!).toEqualTypeOf<[User, number | null, Post | null]>();
    expect(found![1]).toBeNull();
    expect(found![2]).toBeNull();
    const counts = await read(runner([[4]]).db, 'count', sql`SELECT ${int('count(*)::int')} FROM posts`);
    expectTypeOf(counts).toEqualTypeOf<number[]>();
    expect(counts).toEqual([4]);
  });

  it('carry their parameters, numbered where the select list is', () => {
    const headline = text(sql`ts_headline(p.content, ${'opts'})`);
    expect(render(sql`SELECT ${headline} FROM posts p WHERE p.id = ${5}`)).toEqual({
      text: 'SELECT ts_headline(p.content, $1) FROM posts p WHERE p.id = $2',
      values: ['opts', 5],
    });
  });

  it('are one per statement', async () => {
    const user = userColumns.as('u');
    await expect(read(runner().db, 'two', sql`SELECT ${user}, ${user} FROM users u`)).rejects.toThrow(
      /one select list/,
    );
  });
});

describe('statement names', () => {
  it('are the label and a hash of the text: the same for the same text, another for another', async () => {
    const { db, sent } = runner();
    const count = int('count(*)::int');
    for (const id of [1, 2]) await read(db, 'post-count', sql`SELECT ${count} FROM posts WHERE author_id = ${id}`);
    await read(db, 'post-count', sql`SELECT ${count} FROM posts`);
    const [first, second, third] = sent.map((statement) => statement.name);
    expect(first).toMatch(/^post-count-[\w-]{12}$/);
    expect(second).toBe(first);
    expect(third).not.toBe(first);
    expect(sent.map((statement) => statement.label)).toEqual(['post-count', 'post-count', 'post-count']);
  });
});
