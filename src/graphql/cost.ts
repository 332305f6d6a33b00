import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-size.ts';

/**
 * What the reads that hold a database connection longest add to the cost (beside 1 a field), so that one request
 * cannot run many of them at once through aliases: with the default limit of 2500, at most two searches, and
 * four or so pages of 100 posts.
 * - a page: 4 for each row it may read, whatever is selected below it (`posts(first: 100) { __typename }` reads
 *   100 rows too);
 * - a search (searchPosts, or User.posts with `query`): 1000, for ranking its candidates (searchPosts: the newest 1,000 matches; User.posts:
 *   every match of one author);
 * - an excerpt: 5 for each (ts_headline parses the post's whole content again).
 */
const PAGE_ROW_COST = 4;
export const SEARCH_COST = 1000;
export const EXCERPT_COST = 5;

/** The cost of a connection field: its rows and `extra`, and what is selected below it once for each row. */
export function pageCost(args: { first?: number | null; last?: number | null }, extra = 0) {
  const size = args.first ?? args.last;
  // Sizes past the maximum are refused by the resolver with a clearer message than a cost error.
  const rows = typeof size === 'number' ? Math.min(Math.max(size, 0), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;
  return { field: 1 + extra + PAGE_ROW_COST * rows, multiplier: rows };
}
