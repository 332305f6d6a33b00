import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import bcrypt from 'bcryptjs';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { ADVISORY_LOCKS } from './locks.ts';

interface DemoBlog {
  users: { username: string; email: string }[];
  posts: { author: string; title: string; content: string }[];
}

/** Every demo account logs in with this password in development (README: Quick start). */
export const DEMO_PASSWORD = 'password';

export interface SeedOptions {
  /**
   * Give each new demo account a random password that is never shown (production): a known password on a
   * public server is an open account. Without it, they all get DEMO_PASSWORD.
   */
  randomPasswords?: boolean;
}

/**
 * What production logs instead of the random passwords: logs are kept and read more widely than the database,
 * and a password in them would be an open account.
 */
export const RANDOM_DEMO_PASSWORDS =
  'Loaded the demo blog with a random password for each demo account (production; never logged): to use one, ' +
  'set its email (users table) to an address you receive, then request a password reset';

const DEMO_BLOG_FILE = path.resolve(import.meta.dirname, '../../prisma/demo-blog.json');
const FIRST_POST_AT = Date.UTC(2018, 3, 20, 9, 0, 0);
const HOURS_BETWEEN_POSTS = 19;

/**
 * Loads the demo blog: a few users and 25 posts a day or so apart. Idempotent: users are matched by
 * username and posts by author and title, so a second run adds nothing.
 */
export async function seedDemoBlog(
  prisma: PrismaClient,
  { randomPasswords = false }: SeedOptions = {},
): Promise<{ users: number; posts: number }> {
  const demo = JSON.parse(fs.readFileSync(DEMO_BLOG_FILE, 'utf8')) as DemoBlog;
  const hashes = await Promise.all(
    demo.users.map(() => bcrypt.hash(randomPasswords ? randomBytes(24).toString('base64url') : DEMO_PASSWORD, 10)),
  );
  return prisma.$transaction(async (tx) => {
    // Instances started together on an empty database would each insert the same users (and one would fail on
    // the unique username): the first seeds, the others wait here, then find everything present.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADVISORY_LOCKS.demoBlog})`;
    const ids = new Map<string, number>();
    let users = 0;
    for (const [index, { username, email }] of demo.users.entries()) {
      const existing = await tx.user.findUnique({ where: { username }, select: { id: true } });
      const passwordHash = hashes[index]!;
      const user =
        existing ?? (await tx.user.create({ data: { username, email, passwordHash }, select: { id: true } }));
      if (!existing) users++;
      ids.set(username, user.id);
    }
    const present = await tx.post.findMany({
      where: { authorId: { in: [...ids.values()] } },
      select: { authorId: true, title: true },
    });
    const seen = new Set(present.map((post) => `${post.authorId}\n${post.title}`));
    const missing = demo.posts
      .map((post, index) => ({
        title: post.title,
        content: post.content,
        authorId: ids.get(post.author)!,
        datePosted: new Date(FIRST_POST_AT + index * HOURS_BETWEEN_POSTS * 3_600_000),
      }))
      .filter((post) => !seen.has(`${post.authorId}\n${post.title}`));
    const { count } = await tx.post.createMany({ data: missing });
    return { users, posts: count };
  });
}
