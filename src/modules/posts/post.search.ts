import type { Post } from '../../generated/prisma/client.ts';
import { checkPageSizes, connection, cursorCodec, type Page, type PageArgs } from '../../graphql/connection.ts';
import type { Context } from '../../graphql/context.ts';
import { badUserInput } from '../../graphql/errors.ts';
import {
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  type SearchPosition,
  type SearchResults,
  selectSearchPage,
} from './post.search.sql.ts';
import { noWordToSearch } from './post.sql.ts';

// Full-text search: what a reader types as a tsquery, and its pages of ranked results (the SQL: post.search.sql.ts).

/** The statement of a page, and the page (the benchmark and tests/sql-reads.test.ts read them from here). */
export { searchPageStatement, selectSearchPage } from './post.search.sql.ts';

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

export interface SearchPage extends Page<SearchEdge> {
  /** Whether more posts match than totalCount says (see countsOf in post.search.sql.ts). */
  totalCountIsCapped: () => Promise<boolean>;
}

/**
 * One page of posts matching `query`, best match first (by rank, then id), among the newest SEARCH_CANDIDATES
 * matches: one statement for the page, its authors, excerpts and counts. Cursors are positions in that order, so
 * paging on never repeats or skips a candidate (a post written meanwhile may join them and push the oldest out).
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
  let results: SearchResults | undefined;
  const page = await connection(
    args,
    async (limit, inverted) => {
      results = await selectSearchPage(deps.sql, { search, after, before, limit, inverted });
      for (const [, author] of results.hits) deps.loaders.userById.prime(author);
      return results.hits;
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
  const { total, capped } = results!; // read with the page
  return {
    ...page,
    totalCount: async () => total,
    totalCountIsCapped: async () => capped,
  };
}
