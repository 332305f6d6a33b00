import { type PageInfoShape, resolveCursorConnection } from '@pothos/plugin-relay';
import type { Post, Prisma, PrismaClient } from '../../generated/prisma/client.ts';
import { badUserInput } from '../../graphql/errors.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../graphql/page-size.ts';
import { decodePostCursor, encodePostCursor, type PostPosition } from './post.cursor.ts';


export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface PostPage {
  edges: { cursor: string; node: Post }[];
  pageInfo: PageInfoShape;
  /** A function, so the count query runs only when a client selects `totalCount`. */
  totalCount: () => Promise<number>;
}

const NEWEST_FIRST = [{ datePosted: 'desc' }, { id: 'desc' }] satisfies Prisma.PostOrderByWithRelationInput[];
const OLDEST_FIRST = [{ datePosted: 'asc' }, { id: 'asc' }] satisfies Prisma.PostOrderByWithRelationInput[];

/**
 * Posts after `position` in newest-first order; works even when that post has since been deleted. Written as
 * `datePosted <= d AND (datePosted < d OR id < i)` rather than a bare OR, so PostgreSQL can start the index
 * scan at the position instead of filtering the whole table (a page 50,000 posts deep was 3× slower).
 */
function olderThan({ datePosted, id }: PostPosition): Prisma.PostWhereInput {
  return { datePosted: { lte: datePosted }, OR: [{ datePosted: { lt: datePosted } }, { id: { lt: id } }] };
}

function newerThan({ datePosted, id }: PostPosition): Prisma.PostWhereInput {
  return { datePosted: { gte: datePosted }, OR: [{ datePosted: { gt: datePosted } }, { id: { gt: id } }] };
}

function checkPageSize(name: 'first' | 'last', value: number | null | undefined) {
  if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
    throw badUserInput(`Argument "${name}" must be between 0 and ${MAX_PAGE_SIZE}.`);
  }
}

/**
 * One page of posts, newest first, by keyset pagination over (datePosted, id): one query per page,
 * served by the feed indexes, and cursors stay valid when posts are added or deleted.
 */
export async function pagePosts(prisma: PrismaClient, where: Prisma.PostWhereInput, args: PageArgs): Promise<PostPage> {
  checkPageSize('first', args.first);
  checkPageSize('last', args.last);
  const after = args.after ? decodePostCursor(args.after, 'after') : undefined;
  const before = args.before ? decodePostCursor(args.before, 'before') : undefined;
  const page = await resolveCursorConnection<Promise<Post[]>>(
    { args, defaultSize: DEFAULT_PAGE_SIZE, maxSize: MAX_PAGE_SIZE, toCursor: encodePostCursor },
    async ({ limit, inverted }): Promise<Post[]> =>
      prisma.post.findMany({
        where: { AND: [where, after ? olderThan(after) : {}, before ? newerThan(before) : {}] },
        orderBy: inverted ? OLDEST_FIRST : NEWEST_FIRST,
        take: limit,
      }),
  );
  const edges = page.edges as PostPage['edges'];
  return {
    edges,
    // Relay: the cursors of the first and last edge, null when the page is empty.
    pageInfo: { ...page.pageInfo!, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: () => prisma.post.count({ where }),
  };
}
