import { builder } from '../../graphql/builder.ts';
import { EXCERPT_COST, pageCost, SEARCH_COST } from '../../graphql/cost.ts';
import { pageSearch, SEARCH_MAX_LENGTH, type SearchEdge } from './post.search.ts';
import { SEARCH_CANDIDATES, SEARCH_WINDOW } from './post.search.sql.ts';
import { PostNode } from './post.schema.ts';

const ExcerptPart = builder.objectRef<SearchEdge['excerpt'][number]>('ExcerptPart').implement({
  description: 'A piece of an excerpt; the pieces in order make the excerpt.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'Plain text (not HTML): escape it when rendering.' }),
    highlighted: t.exposeBoolean('highlighted', { description: 'Whether this piece matches the search.' }),
  }),
});

const CANDIDATES = SEARCH_CANDIDATES.toLocaleString('en-US');
const WINDOW = SEARCH_WINDOW.toLocaleString('en-US');

builder.queryFields((t) => ({
  searchPosts: t.connection(
    {
      type: PostNode,
      description:
        'Posts matching `query`, best match first: full-text search over titles (weighted higher) and contents, in ' +
        `English. Write words (all must occur; "running" finds "run"), "quoted phrases", \`prefix*\` and \`-excluded\` words; at most ${SEARCH_MAX_LENGTH} characters. ` +
        `Ranks the newest ${CANDIDATES} matches; older matches beyond them are not returned — narrow the query (more words, a phrase) to reach them. ` +
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
          description:
            `How many results there are to page through (not just this page): the matches, exact up to ${CANDIDATES}. ` +
            `When \`totalCountIsCapped\` is true, more posts match than this; show it as "${CANDIDATES}+".`,
          resolve: (page) => page.totalCount(),
        }),
        totalCountIsCapped: t.boolean({
          description:
            `True when more posts match than \`totalCount\` says: over ${CANDIDATES} match, or the query's words are so ` +
            `common that only the newest ${WINDOW} posts were searched. The older matches are not returned; narrow the query to reach them. ` +
            'False: `totalCount` is exact.',
          resolve: (page) => page.totalCountIsCapped(),
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
