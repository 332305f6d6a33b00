import DataLoader from 'dataloader';
import type { PrismaClient, User } from '../../generated/prisma/client.ts';

export function createUserLoaders(prisma: PrismaClient) {
  return {
    /** Batches every author lookup of a request into one `WHERE id IN (...)`. */
    userById: new DataLoader<number, User | null>(async (ids) => {
      const users = await prisma.user.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(users.map((user) => [user.id, user]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
