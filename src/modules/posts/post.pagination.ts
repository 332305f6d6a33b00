import { parseCursorConnectionArgs } from '@pothos/core';
import { type PageInfoShape, resolveCursorConnection } from '@pothos/plugin-relay';
import type { Post } from '../../generated/prisma/client.ts';
import type { Context } from '../../graphql/context.ts';
import { badUserInput } from '../../graphql/errors.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../graphql/page-size.ts';
import { decodePostCursor, encodePostCursor } from './post.cursor.ts';
import type { PrefetchedPage } from './post.loaders.ts';
import { countPosts, selectPostPage, selectSearchPage } from './post.queries.ts';
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

/** Relay: the cursors of the first and last edge, null when the page is empty. */
function pageInfoOf(pageInfo: PageInfoShape | undefined, edges: { cursor: string }[]): PageInfoShape {
  return { ...pageInfo!, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null };
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
  // Pothos' connection arguments (sizes, direction, whether pages come before and after), with edges of our own:
  // their cursors are encoded only when selected (most reads never ask for them).
  const { limit, inverted, expectedSize, hasPreviousPage, hasNextPage } = parseCursorConnectionArgs({
    args,
    defaultSize: DEFAULT_PAGE_SIZE,
    maxSize: MAX_PAGE_SIZE,
  });
  let posts: Post[];
  if (prefetched && prefetched.limit === limit && !inverted && !after && !before) posts = prefetched.posts;
  else {
    const rows = await selectPostPage(deps.sql, { ...filter, after, before, limit, inverted });
    for (const { author } of rows) deps.loaders.userById.prime(author);
    posts = rows.map((row) => row.post);
  }
  const trimmed = posts.slice(0, expectedSize);
  if (inverted) trimmed.reverse();
  const edges = trimmed.map((post) => new PostEdge(post));
  return {
    edges,
    pageInfo: lazyPageInfo(hasPreviousPage(posts.length), hasNextPage(posts.length), edges),
    totalCount: async () => prefetched?.total ?? countPosts(deps.sql, filter),
  };
}

class PostEdge {
  constructor(readonly node: Post) {}
  get cursor(): string {
    return encodePostCursor(this.node);
  }
}

function lazyPageInfo(hasPreviousPage: boolean, hasNextPage: boolean, edges: PostEdge[]): PageInfoShape {
  return {
    hasPreviousPage,
    hasNextPage,
    get startCursor() {
      return edges[0]?.cursor ?? null;
    },
    get endCursor() {
      return edges.at(-1)?.cursor ?? null;
    },
  };
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
  const hits = new Map<Post, { rank: number; excerpt: string }>();
  const page = await resolveCursorConnection<Promise<Post[]>>(
    {
      args,
      defaultSize: DEFAULT_PAGE_SIZE,
      maxSize: MAX_PAGE_SIZE,
      toCursor: (post) => encodeSearchCursor({ rank: hits.get(post)!.rank, id: post.id }),
    },
    async ({ limit, inverted }): Promise<Post[]> => {
      const rows = await selectSearchPage(deps.sql, { search, after, before, limit, inverted });
      for (const { post, author, rank, excerpt } of rows) {
        deps.loaders.userById.prime(author);
        hits.set(post, { rank, excerpt });
      }
      return rows.map((row) => row.post);
    },
  );
  const edges = (page.edges as PostPage['edges']).map(({ cursor, node }) => {
    const hit = hits.get(node)!;
    return { cursor, node, rank: hit.rank, excerpt: excerptParts(hit.excerpt) };
  });
  return {
    edges,
    pageInfo: pageInfoOf(page.pageInfo, edges),
    totalCount: () => countPosts(deps.sql, { search }),
  };
}
