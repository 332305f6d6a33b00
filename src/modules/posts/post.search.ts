import type { Sql } from '../../db/client.ts';
import { postColumns, userColumns } from '../../db/rows.ts';
import { float8, limit, param, read, row, sql, text, where } from '../../db/sql.ts';
import type { Post, User } from '../../generated/prisma/client.ts';
import { checkPageSizes, connection, cursorCodec, type Page, type PageArgs } from '../../graphql/connection.ts';
import type { Context } from '../../graphql/context.ts';
import { badUserInput } from '../../graphql/errors.ts';
import { ASC, checkSearchable, countPosts, DESC, hasWord, noWordToSearch } from './post.sql.ts';

// Full-text search: what a reader types as a tsquery, its SQL, and its pages of ranked results.

/** The longest search text accepted, and the most words and phrases in it. */
export const SEARCH_MAX_LENGTH = 200;
const SEARCH_MAX_TERMS = 16;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Turns what a reader types into a PostgreSQL tsquery, built only from quoted words, so no input can make it
 * malformed: `"exact phrase"` (words in that order), `prefix*` (words starting so), `-word` or `-"a phrase"` (posts without
 * it);
 * everything else is words that must all occur. Words are matched after English stemming ("running" finds
 * "run"). Empty, punctuation-only, exclusion-only and over-long text is BAD_USER_INPUT here; text left with
 * only stop words or exclusions once PostgreSQL has parsed it ("the -zzz") is refused by the SQL (noWordToSearch).
 */
export function searchQuery(text: string, argument = 'query'): string {
  if (text.length > SEARCH_MAX_LENGTH)
    throw badUserInput(`Argument "${argument}" must be at most ${SEARCH_MAX_LENGTH} characters.`);
  const terms: string[] = [];
  let positive = 0;
  for (const [, minus, phrase, bare] of text.matchAll(/(-?)"([^"]*)"?|(\S+)/g)) {
    const excluded = minus === '-' || (bare?.startsWith('-') ?? false);
    const words = (phrase ?? bare!).match(WORD) ?? [];
    if (!words.length) continue;
    const prefix = bare?.endsWith('*') ?? false;
    const quoted = words.map((word, i) => `'${word.toLowerCase()}'${prefix && i === words.length - 1 ? ':*' : ''}`);
    const term = quoted.length > 1 ? `(${quoted.join(' <-> ')})` : quoted[0]!;
    terms.push(excluded ? `!${term}` : term);
    if (!excluded) positive++;
  }
  if (!positive) throw noWordToSearch(argument);
  if (terms.length > SEARCH_MAX_TERMS)
    throw badUserInput(`Argument "${argument}" may hold at most ${SEARCH_MAX_TERMS} words and phrases.`);
  return terms.join(' & ');
}

/** Where a reader stopped in a ranked list: the post's rank for the query, then its id. */
interface SearchPosition {
  rank: number;
  id: number;
}

const searchCursor = cursorCodec<SearchPosition>({
  prefix: 'search',
  maxLength: 80,
  key: '\\d+(?:\\.\\d+)?(?:e-\\d+)?',
  write: ({ rank }) => rank,
  read: (key, id) => {
    const rank = Number(key);
    return Number.isFinite(rank) ? { rank, id } : undefined;
  },
  of: 'a page of search results',
});

interface SearchPageQuery {
  /** A tsquery built by searchQuery(). */
  search: string;
  after?: SearchPosition;
  before?: SearchPosition;
  limit: number;
  /** Lowest rank first (a `last` page is read backwards, then reversed by the caller). */
  inverted: boolean;
}

/** Markers PostgreSQL puts around matches in an excerpt: control characters, which posts cannot contain. */
const HIGHLIGHT_START = '\u0001';
const HIGHLIGHT_END = '\u0002';

const RANK = sql`ts_rank(p.search, q, 1)::float8`; // 1: divided by 1 + log(length), so long posts do not swamp short ones
const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, ShortWord=3`;

/** A match: the post, its author, its rank, and a short piece of the content with the matches marked. */
const searchHit = row(
  postColumns.as('p'),
  userColumns.as('u'),
  float8('m.rank'),
  text(sql`ts_headline('english', p.content, m.q, ${HEADLINE_OPTIONS})`),
);

/** The statement selectSearchPage sends (the benchmark EXPLAINs it). */
export function searchPageStatement(query: SearchPageQuery) {
  const search = param(query.search);
  const conditions = [sql`p.search @@ q`, hasWord(search)];
  if (query.after) conditions.push(sql`(${RANK}, p.id) < (${query.after.rank}::float8, ${query.after.id}::int)`);
  if (query.before) conditions.push(sql`(${RANK}, p.id) > (${query.before.rank}::float8, ${query.before.id}::int)`);
  const order = query.inverted ? ASC : DESC;
  return sql`SELECT ${searchHit} FROM (SELECT p.id, ${RANK} AS rank, q FROM posts p, to_tsquery('english', ${search}) q${where(conditions)} ORDER BY rank ${order}, p.id ${order} ${limit(query.limit)}) m JOIN posts p ON p.id = m.id JOIN users u ON u.id = p.author_id ORDER BY m.rank ${order}, m.id ${order}`;
}

/**
 * One page of search results with their authors and excerpts, best first (rank, then id), in one statement:
 * the GIN index finds the matches, the page is cut by rank, and only the page's rows get an excerpt.
 */
export async function selectSearchPage(db: Sql, query: SearchPageQuery): Promise<[Post, User, number, string][]> {
  const rows = await read(db, 'post-search', searchPageStatement(query));
  if (!rows.length) await checkSearchable(db, query.search);
  return rows;
}

interface ExcerptPart {
  text: string;
  highlighted: boolean;
}

/** An excerpt marked by ts_headline, as parts a client renders without parsing any markup. */
function excerptParts(marked: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  for (const [i, piece] of marked.split(HIGHLIGHT_START).entries()) {
    const [inside, after] = i === 0 ? [undefined, piece] : piece.split(HIGHLIGHT_END, 2);
    if (inside) parts.push({ text: inside, highlighted: true });
    if (after) parts.push({ text: after, highlighted: false });
  }
  return parts;
}

export interface SearchEdge {
  cursor: string;
  node: Post;
  rank: number;
  excerpt: ExcerptPart[];
}

export type SearchPage = Page<SearchEdge>;

/**
 * One page of posts matching `query`, best match first (by rank, then id): one statement for the page, its
 * authors and excerpts. Cursors are positions in that order, so paging on never repeats or skips a match.
 */
export async function pageSearch(
  deps: Pick<Context, 'sql' | 'loaders'>,
  query: string,
  args: PageArgs,
): Promise<SearchPage> {
  checkPageSizes(args);
  const search = searchQuery(query);
  const after = args.after ? searchCursor.decode(args.after, 'after') : undefined;
  const before = args.before ? searchCursor.decode(args.before, 'before') : undefined;
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
        return searchCursor.encode({ rank, id: post.id });
      },
    }),
  );
  return {
    ...page,
    totalCount: () => countPosts(deps.sql, { search }),
  };
}
