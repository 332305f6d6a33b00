import DataLoader from 'dataloader';
import type { Sql } from '../../db/client.ts';
import type { Post, User } from '../../generated/prisma/client.ts';
import { countPostsByAuthor, selectPostsById } from './post.sql.ts';

/** `users` learns the authors of the posts loaded by id (they come in the same statement). */
export function createPostLoaders(sql: Sql, users: { prime(user: User): void }) {
  return {
    /** Posts by id, for post(id) and node(id): one statement for all of a request's, with their authors. */
    postById: new DataLoader<number, Post | null>(async (ids) => {
      const found = await selectPostsById(sql, ids);
      return ids.map((id) => {
        const row = found.get(id);
        if (!row) return null;
        users.prime(row[1]);
        return row[0];
      });
    }),
    /** Number of posts per author (users.post_count), for every author asked for in one statement. */
    postCountByAuthor: new DataLoader<number, number>(async (authorIds) => {
      const counts = await countPostsByAuthor(sql, authorIds);
      return authorIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}
