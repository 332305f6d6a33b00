import type { Sql } from '../../db/client.ts';
import { toUser, USER_COLUMNS, type UserRow } from '../../db/rows.ts';
import type { User } from '../../generated/prisma/client.ts';

/** Users by id, in one statement. */
export async function selectUsersById(sql: Sql, ids: readonly number[]): Promise<Map<number, User>> {
  const rows = await sql<UserRow>({ name: 'users-by-id', text: `SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ANY($1::int[])`, values: [ids] });
  return new Map(rows.map((row) => [row[0], toUser(row)]));
}

/** The user with exactly this username (case-sensitive), or null. */
export async function selectUserByUsername(sql: Sql, username: string): Promise<User | null> {
  const rows = await sql<UserRow>({ name: 'user-by-username', text: `SELECT ${USER_COLUMNS} FROM users u WHERE u.username = $1`, values: [username] });
  return rows[0] ? toUser(rows[0]) : null;
}
