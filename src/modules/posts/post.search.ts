import { badUserInput } from '../../graphql/errors.ts';

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

/**
 * The refusal of text without a word to search for. searchQuery sees exclusion-only text; only PostgreSQL knows
 * its stop words, so the SQL (post.sql.ts) refuses the rest: "the", "the -zzz", "\"the a\"", "the*".
 */
export function noWordToSearch(argument = 'query') {
  return badUserInput(`Argument "${argument}" must contain a word to search for.`);
}

/** Where a reader stopped in a ranked list: the post's rank for the query, then its id. */
export interface SearchPosition {
  rank: number;
  id: number;
}

const PREFIX = 'search:';

export function encodeSearchCursor({ rank, id }: SearchPosition): string {
  return Buffer.from(`${PREFIX}${rank}:${id}`).toString('base64url');
}

export function decodeSearchCursor(cursor: string, argument: 'after' | 'before'): SearchPosition {
  const text = cursor.length <= 80 ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = new RegExp(`^${PREFIX}(\\d+(?:\\.\\d+)?(?:e-\\d+)?):([1-9]\\d{0,9})$`).exec(text);
  const position = match && { rank: Number(match[1]), id: Number(match[2]) };
  if (!position || !Number.isFinite(position.rank) || position.id > 2_147_483_647) {
    throw badUserInput(
      `Argument "${argument}" must be a cursor from a page of search results (an edge's cursor, startCursor or endCursor).`,
    );
  }
  return position;
}

/** Markers PostgreSQL puts around matches in an excerpt: control characters, which posts cannot contain. */
export const HIGHLIGHT_START = '\u0001';
export const HIGHLIGHT_END = '\u0002';

export interface ExcerptPart {
  text: string;
  highlighted: boolean;
}

/** An excerpt marked by ts_headline, as parts a client renders without parsing any markup. */
export function excerptParts(marked: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  for (const [i, piece] of marked.split(HIGHLIGHT_START).entries()) {
    const [inside, after] = i === 0 ? [undefined, piece] : piece.split(HIGHLIGHT_END, 2);
    if (inside) parts.push({ text: inside, highlighted: true });
    if (after) parts.push({ text: after, highlighted: false });
  }
  return parts;
}
