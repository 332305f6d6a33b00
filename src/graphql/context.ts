import type { PrismaClient } from '../generated/prisma/client.ts';
import type { Logger } from '../logger.ts';
import { createPostLoaders } from '../modules/posts/post.loaders.ts';
import { createUserLoaders } from '../modules/users/user.loaders.ts';

/** What every resolver sees. Built afresh for each request, so loaders never share a cache across users. */
export interface Context {
  readonly prisma: PrismaClient;
  readonly requestId: string;
  readonly log: Logger;
  /** The signed-in user's id; accounts arrive with the auth module, until then always null. */
  readonly viewerId: number | null;
  /** Base URL for links we hand out (profile pictures). */
  readonly publicUrl: string;
  readonly loaders: ReturnType<typeof createLoaders>;
}

export function createLoaders(prisma: PrismaClient) {
  return { ...createUserLoaders(prisma), ...createPostLoaders(prisma) };
}
