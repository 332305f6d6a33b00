import DataLoader from 'dataloader';
import type { Sql } from '../../db/client.ts';
import type { Post } from '../../generated/prisma/client.ts';
import { countPostsByAuthor } from './post.sql.ts';

/** A first page read ahead together with its user (user.lookahead.ts), found by `pageKey`. */
export interface PrefetchedPage {
  limit: number;
  posts: Post[];
  total?: number;
}

export function createPostLoaders(sql: Sql) {
  return {
    prefetchedPages: new Map<string, PrefetchedPage>(),
    /** Number of posts per author, for every author on the page in one GROUP BY. */
    postCountByAuthor: new DataLoader<number, number>(async (authorIds) => {
      const counts = await countPostsByAuthor(sql, authorIds);
      return authorIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}
