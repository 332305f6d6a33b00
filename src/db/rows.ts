import type { Post, User } from '../generated/prisma/client.ts';

// Column lists for the hot reads, and the functions that turn their rows (arrays, in this order) into the
// objects Prisma would return. tests/sql-reads.test.ts checks both against Prisma's own reads.

export const USER_COLUMNS = 'u.id, u.username, u.email, u.image_file, u.password_hash, u.created_at, u.updated_at';
export type UserRow = [id: number, username: string, email: string, imageFile: string, passwordHash: string, createdAt: Date, updatedAt: Date];

export function toUser(row: UserRow, offset = 0): User {
  return {
    id: row[offset] as number,
    username: row[offset + 1] as string,
    email: row[offset + 2] as string,
    imageFile: row[offset + 3] as string,
    passwordHash: row[offset + 4] as string,
    createdAt: row[offset + 5] as Date,
    updatedAt: row[offset + 6] as Date,
  };
}

export const POST_COLUMNS = 'p.id, p.title, p.content, p.date_posted, p.updated_at, p.author_id';
export type PostRow = [id: number, title: string, content: string, datePosted: Date, updatedAt: Date, authorId: number];

export function toPost(row: PostRow | unknown[]): Post {
  return {
    id: row[0] as number,
    title: row[1] as string,
    content: row[2] as string,
    datePosted: row[3] as Date,
    updatedAt: row[4] as Date,
    authorId: row[5] as number,
  };
}

/**
 * timestamptz as PostgreSQL writes it ("2024-01-01 10:00:00.123+00"), read without pg's general-purpose date
 * parser: the same instant, a fraction of the work.
 */
export function parseTimestamptz(text: string): Date {
  const iso = text.replace(' ', 'T');
  return new Date(/[+-]\d\d$/.test(iso) ? `${iso}:00` : iso);
}
