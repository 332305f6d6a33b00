import DataLoader from 'dataloader';
import type { Sql } from '../../db/client.ts';
import { countPostsByAuthor } from './post.queries.ts';

export function createPostLoaders(sql: Sql) {
  return {
    /** Number of posts per author, for every author on the page in one GROUP BY. */
    postCountByAuthor: new DataLoader<number, number>(async (authorIds) => {
      const counts = await countPostsByAuthor(sql, authorIds);
      return authorIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}
