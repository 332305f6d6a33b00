import type { Post, User } from '../generated/prisma/client.ts';

// Column lists for the hot reads, and the functions that turn their rows (arrays, in this order) into the
// objects Prisma would return. tests/sql-reads.test.ts checks both against Prisma's own reads.

/**
 * A timestamp as milliseconds since 1970 (a float8, which pg reads with parseFloat): cheaper than parsing text.
 * date_part is float8 arithmetic, where extract() computes in numeric: a third of the feed statement's cost.
 * Rounded, it is exact for millisecond timestamps (checked against extract() on a million of them).
 */
const epochMs = (column: string) => `round(date_part('epoch', ${column}) * 1000)`;

export const USER_COLUMNS = `u.id, u.username, u.email, u.image_file, u.password_hash, ${epochMs('u.created_at')}, ${epochMs('u.updated_at')}`;
export type UserRow = [
  id: number,
  username: string,
  email: string,
  imageFile: string,
  passwordHash: string,
  createdAt: number,
  updatedAt: number,
];

export function toUser(row: UserRow, offset = 0): User {
  return {
    id: row[offset] as number,
    username: row[offset + 1] as string,
    email: row[offset + 2] as string,
    imageFile: row[offset + 3] as string,
    passwordHash: row[offset + 4] as string,
    createdAt: new Date(row[offset + 5] as number),
    updatedAt: new Date(row[offset + 6] as number),
  };
}

export const POST_COLUMNS = `p.id, p.title, p.content, ${epochMs('p.date_posted')}, ${epochMs('p.updated_at')}, p.author_id, p.idempotency_key`;
export type PostRow = [
  id: number,
  title: string,
  content: string,
  datePosted: number,
  updatedAt: number,
  authorId: number,
  idempotencyKey: string | null,
];

export function toPost(row: PostRow | unknown[]): Post {
  return {
    id: row[0] as number,
    title: row[1] as string,
    content: row[2] as string,
    datePosted: new Date(row[3] as number),
    updatedAt: new Date(row[4] as number),
    authorId: row[5] as number,
    idempotencyKey: row[6] as string | null,
  };
}

/** A row of POST_COLUMNS followed by USER_COLUMNS: the post and its author. */
export function toPostWithAuthor(row: unknown[]): { post: Post; author: User } {
  return { post: toPost(row), author: toUser(row as unknown as UserRow, 7) };
}
