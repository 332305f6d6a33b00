import type { Sql } from '../../db/client.ts';
import { postColumns, userColumns } from '../../db/rows.ts';
import { limit, read, row, sql } from '../../db/sql.ts';
import type { Post, User } from '../../generated/prisma/client.ts';

const user = userColumns.as('u');

/** Users by id, in one statement. */
export async function selectUsersById(db: Sql, ids: readonly number[]): Promise<Map<number, User>> {
  const users = await read(db, 'users-by-id', sql`SELECT ${user} FROM users u WHERE u.id = ANY(${ids}::int[])`);
  return new Map(users.map((found) => [found.id, found]));
}

/** The user with exactly this username (case-sensitive), or null. */
export async function selectUserByUsername(db: Sql, username: string): Promise<User | null> {
  const [found] = await read(db, 'user-by-username', sql`SELECT ${user} FROM users u WHERE u.username = ${username}`);
  return found ?? null;
}

export interface UserWithFirstPage {
  /** With their post count (users.post_count). */
  user: User;
  /** The user's newest posts, at most `limit`. */
  posts: Post[];
}

/** The user (with their post count, users.post_count) and one of their posts (null when they have none). */
const userWithPost = row(userColumns.as('u'), postColumns.orNull('p'));

/**
 * A user by name (with their post count) and the first page of their posts in one statement: what a user's
 * page needs, when the query asks for it (see user.page.ts).
 */
export async function selectUserWithFirstPage(
  db: Sql,
  username: string,
  rows: number,
): Promise<UserWithFirstPage | null> {
  const found = await read(
    db,
    'user-with-first-page',
    sql`SELECT ${userWithPost} FROM users u LEFT JOIN LATERAL (SELECT * FROM posts WHERE author_id = u.id ORDER BY date_posted DESC, id DESC ${limit(rows)}) p ON true WHERE u.username = ${username} ORDER BY p.date_posted DESC, p.id DESC`,
  );
  const [first] = found;
  if (!first) return null;
  const posts: Post[] = [];
  for (const [, post] of found) if (post) posts.push(post);
  return { user: first[0], posts };
}
