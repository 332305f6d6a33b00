import type { Sql } from '../../db/client.ts';
import { POST_COLUMNS, type PostRow, toPost, toUser, USER_COLUMNS, type UserRow } from '../../db/rows.ts';
import type { Post, User } from '../../generated/prisma/client.ts';
import type { PostPosition } from './post.cursor.ts';

export interface PageQuery {
  /** Only this author's posts; every post when absent. */
  authorId?: number;
  after?: PostPosition;
  before?: PostPosition;
  limit: number;
  /** Oldest first (a `last` page is read backwards, then reversed by the caller). */
  inverted: boolean;
}

/**
 * One page of posts with their authors: a single statement, served by the feed indexes. A position is written
 * as `date <= d AND (date < d OR id < i)` rather than a bare OR, so PostgreSQL starts the index scan at the
 * position instead of filtering the whole table. The text depends only on which filters are present, so each
 * of its few shapes is a named statement that PostgreSQL plans once per connection.
 */
export async function selectPostPage(sql: Sql, query: PageQuery): Promise<{ post: Post; author: User }[]> {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const where: string[] = [];
  if (query.authorId !== undefined) where.push(`p.author_id = ${param(query.authorId)}`);
  if (query.after) {
    const [date, id] = [param(query.after.datePosted), param(query.after.id)];
    where.push(`p.date_posted <= ${date} AND (p.date_posted < ${date} OR p.id < ${id})`);
  }
  if (query.before) {
    const [date, id] = [param(query.before.datePosted), param(query.before.id)];
    where.push(`p.date_posted >= ${date} AND (p.date_posted > ${date} OR p.id > ${id})`);
  }
  const order = query.inverted ? 'ASC' : 'DESC';
  const text =
    `SELECT ${POST_COLUMNS}, ${USER_COLUMNS} FROM posts p JOIN users u ON u.id = p.author_id` +
    (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY p.date_posted ${order}, p.id ${order} LIMIT ${param(query.limit)}`;
  const shape = `${query.authorId !== undefined ? 'a' : ''}${query.after ? 'f' : ''}${query.before ? 'b' : ''}`;
  const rows = await sql<[...PostRow, ...UserRow]>({ name: `post-page-${shape || 'all'}-${order}`, text, values });
  return rows.map((row) => ({ post: toPost(row), author: toUser(row as unknown as UserRow, 7) }));
}

/** How many posts each author has written, in one grouped statement. */
export async function countPostsByAuthor(sql: Sql, authorIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await sql<[number, number]>({
    name: 'post-count-by-author',
    text: 'SELECT author_id, count(*)::int FROM posts WHERE author_id = ANY($1::int[]) GROUP BY author_id',
    values: [authorIds],
  });
  return new Map(rows);
}

/** How many posts there are, or how many one author has. */
export async function countPosts(sql: Sql, filter: { authorId?: number }): Promise<number> {
  const rows =
    filter.authorId === undefined
      ? await sql<[number]>({ name: 'post-count-all', text: 'SELECT count(*)::int FROM posts', values: [] })
      : await sql<[number]>({ name: 'post-count-author', text: 'SELECT count(*)::int FROM posts WHERE author_id = $1', values: [filter.authorId] });
  return rows[0]![0];
}
