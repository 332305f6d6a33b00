import type { Post } from '../../generated/prisma/client.ts';
import { builder } from '../../graphql/builder.ts';
import { pageCost, SEARCH_COST } from '../../graphql/cost.ts';
import { prefetchedFirstPage } from '../users/user.page.ts';
import { UserNode } from '../users/user.schema.ts';
import { type PostPage, pagePosts } from './post.pagination.ts';

export const PostNode = builder.prismaObject('Post', {
  description: 'A blog post.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'At most 100 characters.' }),
    content: t.exposeString('content', { description: 'Plain text; line breaks are meaningful.' }),
    datePosted: t.expose('datePosted', { type: 'DateTime', description: 'When it was posted; never changes.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it was last changed.' }),
    author: t.field({
      type: UserNode,
      description: 'Who wrote it. Authors of a whole page are fetched in one batched query.',
      resolve: (post, _args, context) => {
        const author = context.loaders.userById.load(post.authorId);
        return author instanceof Promise ? author.then((found) => found ?? noAuthor(post)) : author;
      },
    }),
  }),
});

// One loading path: post(id), node(id) and nodes(ids) read posts as pages do, by SQL with their authors, batched
// by the request's loader; node(id) of a deleted post is null, not an error.
builder.nodeRef(PostNode, {
  id: { resolve: (post: Post) => post.id, parse: Number },
  loadMany: (ids, context) => ids.map((id) => context.loaders.postById.load(id)),
});

const PostConnection = builder.connectionObject<typeof PostNode, PostPage>(
  {
    type: PostNode,
    name: 'PostConnection',
    description: 'A page of posts, newest first.',
    fields: (t) => ({
      totalCount: t.int({
        description: 'How many posts the whole list holds (not just this page). Costs one extra query.',
        resolve: (page) => page.totalCount(),
      }),
    }),
  },
  { name: 'PostEdge' },
);

const pageDescription = `newest first (by datePosted, then id). \`first\`/\`last\` take 0 to 100 (default 5); cursors stay valid when posts are added or deleted.`;

builder.queryFields((t) => ({
  posts: t.connection(
    {
      type: PostNode,
      description: `All posts, ${pageDescription}`,
      complexity: (args) => pageCost(args),
      resolve: (_root, args, context) => pagePosts(context, {}, args),
    },
    PostConnection,
  ),
  post: t.field({
    type: PostNode,
    nullable: true,
    description: 'The post with this ID, or null if there is none.',
    args: { id: t.arg.globalID({ required: true, for: PostNode, description: 'The global ID of a post.' }) },
    resolve: (_root, { id }, context) => context.loaders.postById.load(Number(id.id)),
  }),
}));

builder.prismaObjectFields('User', (t) => ({
  posts: t.connection(
    {
      type: PostNode,
      description: `This user's posts, ${pageDescription}`,
      args: {
        query: t.arg.string({
          description: `Only posts matching this search text (as in \`searchPosts\`), still newest first.`,
        }),
      },
      complexity: (args) => pageCost(args, args.query == null ? 0 : SEARCH_COST),
      resolve: (user, args, context) =>
        pagePosts(context, { authorId: user.id, query: args.query }, args, prefetchedFirstPage(user, args)),
    },
    PostConnection,
  ),
  postCount: t.int({
    description: 'How many posts this user has written.',
    // users.post_count, read with the user. A mutation's users may have been read before its write (the viewer
    // is), so a mutation reads the count afresh, after the write, one look-up for all of them.
    resolve: (user, _args, context, info) =>
      info.operation.operation !== 'mutation' && typeof user.postCount === 'number'
        ? user.postCount
        : context.loaders.postCountByAuthor.load(user.id),
  }),
}));

function noAuthor(post: { id: number }): never {
  throw new Error(`Post ${post.id} has no author`); // the foreign key forbids it
}
