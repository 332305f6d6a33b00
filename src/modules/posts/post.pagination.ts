import { parseCursorConnectionArgs } from '@pothos/core';
import type { PageInfoShape } from '@pothos/plugin-relay';
import type { Post } from '../../generated/prisma/client.ts';
import type { Context } from '../../graphql/context.ts';
import { badUserInput } from '../../graphql/errors.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../graphql/page-size.ts';
import { decodePostCursor, encodePostCursor } from './post.cursor.ts';
import type { PrefetchedPage } from './post.loaders.ts';
import { countPosts, selectPostPage, selectSearchPage } from './post.sql.ts';
import { decodeSearchCursor, encodeSearchCursor, type ExcerptPart, excerptParts, searchQuery } from './post.search.ts';

type PageDeps = Pick<Context, 'sql' | 'loaders'>;

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

function checkPageSizes(args: PageArgs) {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw badUserInput(`Argument "${name}" must be between 0 and ${MAX_PAGE_SIZE}.`);
    }
  }
}

/**
 * A Relay page over rows that `read` fetches (one more than the page, to know whether another follows): Pothos
 * reads the arguments (size, direction, the neighbouring pages), `edgeOf` makes the edges. pageInfo's cursors
 * are read from the first and last edge when selected, null on an empty page.
 */
async function connection<Row, Edge extends { cursor: string }>(
  args: PageArgs,
  read: (limit: number, inverted: boolean) => Promise<Row[]>,
  edgeOf: (row: Row) => Edge,
): Promise<{ edges: Edge[]; pageInfo: PageInfoShape }> {
  const { limit, inverted, expectedSize, hasPreviousPage, hasNextPage } = parseCursorConnectionArgs({
    args,
    defaultSize: DEFAULT_PAGE_SIZE,
    maxSize: MAX_PAGE_SIZE,
  });
  const rows = await read(limit, inverted);
  const trimmed = rows.slice(0, expectedSize);
  if (inverted) trimmed.reverse();
  const edges = trimmed.map(edgeOf);
  const pageInfo = {
    hasPreviousPage: hasPreviousPage(rows.length),
    hasNextPage: hasNextPage(rows.length),
    get startCursor() {
      return edges[0]?.cursor ?? null;
    },
    get endCursor() {
      return edges.at(-1)?.cursor ?? null;
    },
  };
  return { edges, pageInfo };
}

/**
 * One page of posts, newest first, by keyset pagination over (datePosted, id): one statement per page for the
 * posts and their authors (who then cost nothing more), and cursors stay valid when posts are added or deleted.
 * A page already read with its user (`prefetched`) costs nothing.
 */
export async function pagePosts(
  deps: PageDeps,
  { authorId, query }: { authorId?: number; query?: string | null },
  args: PageArgs,
  prefetched?: PrefetchedPage,
): Promise<PostPage> {
  checkPageSizes(args);
  const filter = { authorId, search: query == null ? undefined : searchQuery(query) };
  const after = args.after ? decodePostCursor(args.after, 'after') : undefined;
  const before = args.before ? decodePostCursor(args.before, 'before') : undefined;
  const page = await connection(
    args,
    async (limit, inverted) => {
      if (prefetched && prefetched.limit === limit && !inverted && !after && !before) return prefetched.posts;
      const rows = await selectPostPage(deps.sql, { ...filter, after, before, limit, inverted });
      const posts: Post[] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const [post, author] = rows[i]!;
        deps.loaders.userById.prime(author);
        posts[i] = post;
      }
      return posts;
    },
    (post) => new PostEdge(post),
  );
  return { ...page, totalCount: async () => prefetched?.total ?? countPosts(deps.sql, filter) };
}

/** An edge whose cursor is encoded only when a client selects it (most reads never do). */
class PostEdge {
  constructor(readonly node: Post) {}
  get cursor(): string {
    return encodePostCursor(this.node);
  }
}

export interface SearchEdge {
  cursor: string;
  node: Post;
  rank: number;
  excerpt: ExcerptPart[];
}

export interface SearchPage extends Omit<PostPage, 'edges'> {
  edges: SearchEdge[];
}

/**
 * One page of posts matching `query`, best match first (by rank, then id): one statement for the page, its
 * authors and excerpts. Cursors are positions in that order, so paging on never repeats or skips a match.
 */
export async function pageSearch(deps: PageDeps, query: string, args: PageArgs): Promise<SearchPage> {
  checkPageSizes(args);
  const search = searchQuery(query);
  const after = args.after ? decodeSearchCursor(args.after, 'after') : undefined;
  const before = args.before ? decodeSearchCursor(args.before, 'before') : undefined;
  const page = await connection(
    args,
    async (limit, inverted) => {
      const rows = await selectSearchPage(deps.sql, { search, after, before, limit, inverted });
      for (const [, author] of rows) deps.loaders.userById.prime(author);
      return rows;
    },
    ([post, , rank, excerpt]): SearchEdge => ({
      node: post,
      rank,
      excerpt: excerptParts(excerpt),
      get cursor() {
        return encodeSearchCursor({ rank, id: post.id });
      },
    }),
  );
  return {
    ...page,
    totalCount: () => countPosts(deps.sql, { search }),
  };
}
