import type { Sql } from '../db/client.ts';
import type { PrismaClient, User } from '../generated/prisma/client.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Logger } from '../logger.ts';
import type { Mailer } from '../modules/mail/mailer.ts';
import type { PictureStorage } from '../modules/pictures/storage.ts';
import type { PostEvents } from '../modules/posts/post.events.ts';
import type { CacheChanges } from '../pipeline/response-cache-tags.ts';
import { createPostLoaders } from '../modules/posts/post.loaders.ts';
import type { RateLimiter } from '../modules/ratelimit/limiter.ts';
import { createUserLoaders } from '../modules/users/user.loaders.ts';

/** Settings the services need, taken from the configuration once. */
export interface Settings {
  publicUrl: string;
  /** Base URL of uploaded pictures (ends with /): ours (PUBLIC_URL/pictures/), or a CDN's or bucket's. */
  picturesUrl: string;
  jwtSecret: string;
  bcryptCost: number;
  pictureMaxBytes: number;
  pictureMaxPixels: number;
  /** The reset page link; the token is appended. */
  resetUrl: string;
  resetTokenTtlMinutes: number;
  /** Failed logins allowed per account and client IP in 15 minutes. */
  loginMaxFailures: number;
}

/** What every resolver sees. Built afresh for each request, so loaders never share a cache across users. */
export interface Context {
  readonly prisma: PrismaClient;
  /** The hot reads (pages, authors, counts) as typed SQL on Prisma's own pool. */
  readonly sql: Sql;
  readonly requestId: string;
  readonly log: Logger;
  /** The signed-in user, or null: anonymous, or a token that is expired, forged or revoked. */
  readonly viewer: User | null;
  /** The session the request's token belongs to (logout revokes it). */
  readonly sessionId: string | null;
  readonly settings: Settings;
  readonly pictures: PictureStorage;
  readonly mailer: Mailer;
  readonly limiter: RateLimiter;
  /** Work that must outlive the request and the process (reset mail), in PostgreSQL. */
  readonly jobs: JobQueue;
  /** Live post changes: published after a write commits, delivered to subscriptions. */
  readonly events: PostEvents;
  /** The caller's address, from the socket. */
  readonly clientIp: string;
  /** The caller's User-Agent (printable, at most 255 characters), kept with the sessions it opens. */
  readonly userAgent: string | null;
  /** The clock; tests set it to check expiry without sleeping. */
  readonly now: () => Date;
  readonly loaders: ReturnType<typeof createLoaders>;
  /** What this request's writes changed, recorded once each has committed: the response cache retires it. */
  readonly changed: CacheChanges;
}

export function createLoaders(sql: Sql) {
  const users = createUserLoaders(sql);
  return { ...users, ...createPostLoaders(sql, users.userById) };
}
