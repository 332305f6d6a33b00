import DataLoader from 'dataloader';
import type { Sql } from '../../db/client.ts';
import type { User } from '../../generated/prisma/client.ts';
import { selectUsersById } from './user.sql.ts';

/**
 * Users by id for one request: pages put their authors in (they come with the page's statement), anything else
 * is batched into one `WHERE id = ANY(...)`. A user already known is returned as is, not through a promise: a
 * feed page's twenty authors then cost no microtask each.
 */
class UserLoader {
  private readonly known = new Map<number, User>();
  private readonly batch: DataLoader<number, User | null>;

  constructor(sql: Sql) {
    this.batch = new DataLoader(async (ids) => {
      const users = await selectUsersById(sql, ids);
      return ids.map((id) => users.get(id) ?? null);
    });
  }

  load(id: number): User | Promise<User | null> {
    return this.known.get(id) ?? this.batch.load(id);
  }

  /** Remembers a user read with something else; one already known is kept (the first read wins, as in DataLoader). */
  prime(user: User): void {
    if (!this.known.has(user.id)) this.known.set(user.id, user);
  }

  /** Replaces what is known of a user (a subscription reads each event afresh). */
  refresh(user: User): void {
    this.known.set(user.id, user);
  }
}

export function createUserLoaders(sql: Sql) {
  return { userById: new UserLoader(sql) };
}
