import { rowLimit, type Sql } from '../../db/client.ts';
import { POST_COLUMNS, type PostRow, toPost, toUser, USER_COLUMNS, type UserRow } from '../../db/rows.ts';
import type { Post, User } from '../../generated/prisma/client.ts';

/** Users by id, in one statement. */
export async function selectUsersById(sql: Sql, ids: readonly number[]): Promise<Map<number, User>> {
  const rows = await sql<UserRow>({
    name: 'users-by-id',
    text: `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ANY($1::int[])`,
    values: [ids],
  });
  return new Map(rows.map((row) => [row[0], toUser(row)]));
}

/** The user with exactly this username (case-sensitive), or null. */
export async function selectUserByUsername(sql: Sql, username: string): Promise<User | null> {
  const rows = await sql<UserRow>({
    name: 'user-by-username',
    text: `SELECT ${USER_COLUMNS} FROM users u WHERE u.username = $1`,
    values: [username],
  });
  return rows[0] ? toUser(rows[0]) : null;
}

export interface UserWithFirstPage {
  user: User;
  /** The user's newest posts, at most `limit`. */
  posts: Post[];
  /** How many posts the user has, when asked for. */
  total?: number;
}

/**
 * A user by name with the first page of their posts (and their count) in one statement: what a user's page
 * needs, when the query asks for it (see user.schema.ts).
 */
export async function selectUserWithFirstPage(
  sql: Sql,
  username: string,
  limit: number,
  withTotal: boolean,
): Promise<UserWithFirstPage | null> {
  // The count is a lateral join on the user, so it runs once; in the select list it would run for every row.
  const total = withTotal
    ? 'SELECT count(*)::int AS total FROM posts c WHERE c.author_id = u.id'
    : 'SELECT NULL::int AS total';
  const rows = await sql<[...UserRow, number | null, ...PostRow]>({
    name: `user-with-first-page${withTotal ? '-total' : ''}-${limit}`,
    text:
      `SELECT ${USER_COLUMNS}, t.total, ${POST_COLUMNS} FROM users u CROSS JOIN LATERAL (${total}) t ` +
      `LEFT JOIN LATERAL (SELECT * FROM posts WHERE author_id = u.id ORDER BY date_posted DESC, id DESC ${rowLimit(limit)}) p ON true ` +
      'WHERE u.username = $1 ORDER BY p.date_posted DESC, p.id DESC',
    values: [username],
  });
  if (!rows.length) return null;
  const posts = rows.filter((row) => row[8] !== null).map((row) => toPost(row.slice(8)));
  return { user: toUser(rows[0]! as unknown as UserRow), posts, total: rows[0]![7] ?? undefined };
}
