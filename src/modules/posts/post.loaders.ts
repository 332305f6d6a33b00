import DataLoader from 'dataloader';
import type { PrismaClient } from '../../generated/prisma/client.ts';

export function createPostLoaders(prisma: PrismaClient) {
  return {
    /** Number of posts per author, for every author on the page in one GROUP BY. */
    postCountByAuthor: new DataLoader<number, number>(async (authorIds) => {
      const groups = await prisma.post.groupBy({
        by: ['authorId'],
        where: { authorId: { in: [...authorIds] } },
        _count: { _all: true },
      });
      const counts = new Map(groups.map((group) => [group.authorId, group._count._all]));
      return authorIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}
