import DataLoader from 'dataloader';
import type { Sql } from '../../db/client.ts';
import type { User } from '../../generated/prisma/client.ts';
import { selectUsersById } from './user.queries.ts';

export function createUserLoaders(sql: Sql) {
  return {
    /** Batches every author lookup of a request into one `WHERE id = ANY(...)`; pages prime it with their authors. */
    userById: new DataLoader<number, User | null>(async (ids) => {
      const users = await selectUsersById(sql, ids);
      return ids.map((id) => users.get(id) ?? null);
    }),
  };
}
