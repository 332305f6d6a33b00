import type { Post } from '../../generated/prisma/client.ts';
import { checkPageSizes, connection, type Page, type PageArgs } from '../../graphql/connection.ts';
import type { Context } from '../../graphql/context.ts';
import type { FirstPage } from '../users/user.page.ts';
import { postCursor } from './post.cursor.ts';
import { countPosts, selectPostPage } from './post.sql.ts';
import { searchQuery } from './post.search.ts';

type PageDeps = Pick<Context, 'sql' | 'loaders'>;

export type PostPage = Page<PostEdge>;

/**
 * One page of posts, newest first, by keyset pagination over (datePosted, id): one statement per page for the
 * posts and their authors (who then cost nothing more), and cursors stay valid when posts are added or deleted.
 * A page already read with its user (`prefetched`) costs nothing.
 */
export async function pagePosts(
  deps: PageDeps,
  { authorId, query }: { authorId?: number; query?: string | null },
  args: PageArgs,
  prefetched?: FirstPage,
): Promise<PostPage> {
  checkPageSizes(args);
  const filter = { authorId, search: query == null ? undefined : searchQuery(query) };
  const after = args.after ? postCursor.decode(args.after, 'after') : undefined;
  const before = args.before ? postCursor.decode(args.before, 'before') : undefined;
  const page = await connection(
    args,
    async (limit, inverted) => {
      if (prefetched) return prefetched.posts; // the same rows: user.page.ts checked the arguments
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
    return postCursor.encode(this.node);
  }
}
