import type { Post, PrismaClient, User } from '../../src/generated/prisma/client.ts';

let sequence = 0;

export function createUser(prisma: PrismaClient, overrides: Partial<User> = {}): Promise<User> {
  sequence++;
  return prisma.user.create({
    data: {
      username: `user${sequence}`,
      email: `user${sequence}@example.com`,
      passwordHash: '$2b$04$notarealhashnotarealhashnotarealhashnotarealhashnotar',
      ...overrides,
    },
  });
}

/**
 * Creates `count` posts by `author`, one minute apart, the first at `start`; returned newest first,
 * the order every feed uses.
 */
export async function createPosts(
  prisma: PrismaClient,
  author: User,
  count: number,
  start = new Date('2024-01-01T00:00:00Z'),
): Promise<Post[]> {
  const posts: Post[] = [];
  for (let i = 0; i < count; i++) {
    posts.push(
      await prisma.post.create({
        data: {
          title: `${author.username} post ${i + 1}`,
          content: `Content of post ${i + 1}`,
          authorId: author.id,
          datePosted: new Date(start.getTime() + i * 60_000),
        },
      }),
    );
  }
  return posts.reverse();
}

export function globalId(typename: 'User' | 'Post', id: number): string {
  return Buffer.from(`${typename}:${id}`).toString('base64');
}
