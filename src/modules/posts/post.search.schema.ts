import { builder } from '../../graphql/builder.ts';
import { EXCERPT_COST, pageCost, SEARCH_COST } from '../../graphql/cost.ts';
import { pageSearch, SEARCH_MAX_LENGTH, type SearchEdge } from './post.search.ts';
import { PostNode } from './post.schema.ts';

const ExcerptPart = builder.objectRef<SearchEdge['excerpt'][number]>('ExcerptPart').implement({
  description: 'A piece of an excerpt; the pieces in order make the excerpt.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'Plain text (not HTML): escape it when rendering.' }),
    highlighted: t.exposeBoolean('highlighted', { description: 'Whether this piece matches the search.' }),
  }),
});

builder.queryFields((t) => ({
  searchPosts: t.connection(
    {
      type: PostNode,
      description:
        'Posts matching `query`, best match first: full-text search over titles (weighted higher) and contents, in ' +
        `English. Write words (all must occur; "running" finds "run"), "quoted phrases", \`prefix*\` and \`-excluded\` words; at most ${SEARCH_MAX_LENGTH} characters. ` +
        'Text without a word to search for is BAD_USER_INPUT. `first`/`last` take 0 to 100 (default 5).',
      args: { query: t.arg.string({ required: true, description: 'What to search for.' }) },
      complexity: (args) => pageCost(args, SEARCH_COST),
      resolve: (_root, { query, ...args }, context) => pageSearch(context, query, args),
    },
    {
      name: 'PostSearchConnection',
      description: 'A page of search results, best match first.',
      fields: (t) => ({
        totalCount: t.int({
          description: 'How many posts match (not just this page). Costs one extra query.',
          resolve: (page) => page.totalCount(),
        }),
      }),
    },
    {
      name: 'PostSearchEdge',
      description: 'A matching post with how well it matches and where.',
      fields: (t) => ({
        rank: t.float({
          description: 'How well the post matches: higher is better.',
          resolve: (edge) => edge.rank,
        }),
        excerpt: t.field({
          type: [ExcerptPart],
          description: 'Up to 30 words of the content around the best matches, the matching words highlighted.',
          complexity: { field: EXCERPT_COST, multiplier: 1 },
          resolve: (edge) => edge.excerpt,
        }),
      }),
    },
  ),
}));
