import type { Sql } from '../../db/client.ts';
import { postColumns, userColumns } from '../../db/rows.ts';
import { bool, float8, Fragment, int, limit, type Param, param, read, row, sql, text, where } from '../../db/sql.ts';
import type { Post, User } from '../../generated/prisma/client.ts';
import { ASC, DESC, hasWord, noWordToSearch } from './post.sql.ts';

// The SQL of a search, whose cost is bounded whatever the query matches: it ranks only the newest matches.

/** How many of the newest matches a search ranks and pages through; older ones are not returned. */
export const SEARCH_CANDIDATES = 1000;
/** How many of the newest posts are read to tell a common query from a rare one. */
const SEARCH_SAMPLE = 1000;
/** The most posts a common query walks, newest first, to find its candidates. */
export const SEARCH_WINDOW = 100_000;

/** The three bounds above; tests pass small ones to reach every branch with a few posts. */
export interface SearchLimits {
  candidates: number;
  sample: number;
  window: number;
}

const LIMITS: SearchLimits = { candidates: SEARCH_CANDIDATES, sample: SEARCH_SAMPLE, window: SEARCH_WINDOW };

/** A constant of the code written into the text, so PostgreSQL plans the statement for it (see limit() in sql.ts). */
function literal(value: number): Fragment<never> {
  if (!Number.isSafeInteger(value) || value < 1) throw new RangeError(`Not a search limit: ${value}`);
  return new Fragment([String(value)], []);
}

/**
 * The positive words of a tsquery from searchQuery(), all required: `'a' & !'b' & ('c' <-> 'd':*)` gives
 * `'a' & 'c' & 'd':*`, what the GIN index reads for it. Its quoted words hold only letters, digits and marks.
 */
const positiveWords = (search: string) =>
  search
    .split(' & ')
    .filter((term) => !term.startsWith('!'))
    .join(' & ')
    .replace(/[()]/g, '')
    .replaceAll(' <-> ', ' & ');

const NEWEST = sql`ORDER BY date_posted DESC, id DESC`;

/**
 * `matches`: the newest candidates + 1 posts matching the query (the one more says there are more), each with its
 * date and tsvector, and `sample`, whose `common` says how they were found. A query is common when the newest
 * posts of the sample predict enough matches within the window: the feed index is then walked, newest first, and
 * the walk stops at the candidates it needs, or at the window's end. A rare one reads its few matches from the GIN
 * index and sorts them (OFFSET 0 keeps PostgreSQL from walking the feed index for them instead). The sample tests the positive words only, so a common word excluded or put in a phrase that
 * never matches ("lorem -ipsum", "ipsum lorem") still walks instead of making the index read every post. Either
 * branch is skipped by a one-time filter, so the statement's one (generic) plan serves both.
 */
function matchesOf(query: Param, limits: SearchLimits): Fragment<never> {
  // A subquery, so PostgreSQL plans without looking at the words: the same plan, of the same cost, for every query
  // (a common word's own estimate would cost the GIN branch as reading every post, and so turn on JIT compilation).
  const q = sql`(SELECT to_tsquery('english', ${query}))`;
  const more = literal(limits.candidates + 1);
  const common = sql`count(*) * ${literal(limits.window)} >= ${literal(limits.candidates * limits.sample)}`;
  return sql`WITH sample AS MATERIALIZED (
    SELECT ${common} AS common FROM (SELECT search FROM posts ${NEWEST} LIMIT ${literal(limits.sample)}) s
     WHERE s.search @@ (SELECT to_tsquery('english', ${positiveWords(String(query.value))})) AND ${hasWord(query)}
  ), walked AS MATERIALIZED (
    SELECT w.id, w.date_posted, w.search
      FROM (SELECT id, date_posted, search FROM posts ${NEWEST} LIMIT ${literal(limits.window)}) w
     WHERE (SELECT common FROM sample) AND w.search @@ ${q} LIMIT ${more}
  ), found AS MATERIALIZED (
    SELECT g.id, g.date_posted, g.search FROM (SELECT id, date_posted, search FROM posts WHERE search @@ ${q} OFFSET 0) g
     WHERE NOT (SELECT common FROM sample) AND ${hasWord(query)} ORDER BY g.date_posted DESC, g.id DESC LIMIT ${more}
  ), matches AS MATERIALIZED (SELECT * FROM walked UNION ALL SELECT * FROM found)`;
}

/**
 * How many candidates there are (at most SEARCH_CANDIDATES), and whether more posts may match: more were found,
 * or a common query's walk ended at the window with older posts left unread.
 */
function countsOf(limits: SearchLimits) {
  const found = sql`(SELECT count(*) FROM matches)`;
  const beyondWindow = sql`(SELECT common FROM sample) AND (SELECT posts FROM post_totals WHERE id) > ${literal(limits.window)}`;
  return [
    int(sql`least(${found}, ${literal(limits.candidates)})::int`),
    bool(sql`(${found} > ${literal(limits.candidates)} OR ${beyondWindow})`),
  ] as const;
}

/** Where a reader stopped in a ranked list: the post's rank for the query, then its id. */
export interface SearchPosition {
  rank: number;
  id: number;
}

export interface SearchPageQuery {
  /** A tsquery built by searchQuery(). */
  search: string;
  after?: SearchPosition;
  before?: SearchPosition;
  limit: number;
  /** Lowest rank first (a `last` page is read backwards, then reversed by the caller). */
  inverted: boolean;
}

/** Markers PostgreSQL puts around matches in an excerpt: control characters, which posts cannot contain. */
export const HIGHLIGHT_START = '\u0001';
export const HIGHLIGHT_END = '\u0002';

const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, ShortWord=3`;

/** The statement selectSearchPage sends (the tests and the benchmark EXPLAIN it). */
export function searchPageStatement(query: SearchPageQuery, limits = LIMITS) {
  const conditions: Fragment<never>[] = [];
  if (query.after) conditions.push(sql`(rank, id) < (${query.after.rank}::float8, ${query.after.id}::int)`);
  if (query.before) conditions.push(sql`(rank, id) > (${query.before.rank}::float8, ${query.before.id}::int)`);
  const order = query.inverted ? ASC : DESC;
  const q = param(query.search);
  const [total, capped] = countsOf(limits);
  const hit = row(
    total,
    capped,
    postColumns.orNull('p'),
    userColumns.orNull('u'),
    float8('m.rank'),
    text(sql`ts_headline('english', p.content, to_tsquery('english', ${q}), ${HEADLINE_OPTIONS})`),
    bool(hasWord(q)),
  );
  // ts_rank's 1: divided by 1 + log(length), so long posts do not swamp short ones. The page is joined to a row of
  // counts, so a page without matches still says how many there are, and whether the query had a word to search.
  return sql`${matchesOf(q, limits)}, ranked AS MATERIALIZED (
    SELECT c.id, ts_rank(c.search, to_tsquery('english', ${q}), 1)::float8 AS rank
      FROM (SELECT id, search FROM matches ${NEWEST} LIMIT ${literal(limits.candidates)}) c
  ) SELECT ${hit} FROM (SELECT 1) counts LEFT JOIN (
      (SELECT id, rank FROM ranked${where(conditions)} ORDER BY rank ${order}, id ${order} ${limit(query.limit)}) m
      JOIN posts p ON p.id = m.id JOIN users u ON u.id = p.author_id
    ) ON true ORDER BY m.rank ${order}, m.id ${order}`;
}

/** A match: the post, its author, its rank, and its excerpt with the matches marked. */
type SearchHit = [Post, User, number, string];

export interface SearchResults {
  hits: SearchHit[];
  /** How many candidates there are, and whether more posts may match (countsOf). */
  total: number;
  capped: boolean;
}

/**
 * One page of search results with their authors, excerpts and counts, best first (rank, then id), in one
 * statement; only the page's rows get an excerpt.
 */
export async function selectSearchPage(db: Sql, query: SearchPageQuery, limits = LIMITS): Promise<SearchResults> {
  const rows = await read(db, 'post-search', searchPageStatement(query, limits));
  const hits: SearchHit[] = [];
  for (const [, , post, author, rank, excerpt] of rows) if (post && author) hits.push([post, author, rank, excerpt]);
  const [total, capped, , , , , searchable] = rows[0]!; // the row of counts is always there
  if (!searchable) throw noWordToSearch();
  return { hits, total, capped };
}
