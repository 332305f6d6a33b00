import type { Post, User } from '../generated/prisma/client.ts';
import { int, table, text, textOrNull, timestamp } from './sql.ts';

// The tables the hot reads select, as column specs (sql.ts): each gives the select list and decodes it to the
// object Prisma would return. tests/sql-reads.test.ts checks them against Prisma's own reads.

export const userColumns = table<User>({
  id: int('id'),
  username: text('username'),
  email: text('email'),
  imageFile: text('image_file'),
  passwordHash: text('password_hash'),
  createdAt: timestamp('created_at'),
  updatedAt: timestamp('updated_at'),
  postCount: int('post_count'),
});

export const postColumns = table<Post>({
  id: int('id'),
  title: text('title'),
  content: text('content'),
  datePosted: timestamp('date_posted'),
  updatedAt: timestamp('updated_at'),
  authorId: int('author_id'),
  idempotencyKey: textOrNull('idempotency_key'),
});
