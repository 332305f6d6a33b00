import { rowLimit, type Sql, type SqlStatement } from '../../db/client.ts';
import { POST_COLUMNS, type PostRow, toPostWithAuthor, USER_COLUMNS, type UserRow } from '../../db/rows.ts';
import type { Post, User } from '../../generated/prisma/client.ts';
import type { PostPosition } from './post.cursor.ts';
import { HIGHLIGHT_END, HIGHLIGHT_START, noWordToSearch, type SearchPosition } from './post.search.ts';

export interface PageQuery {
  /** Only this author's posts; every post when absent. */
  authorId?: number;
  /** Only posts matching this tsquery (see post.search.ts). */
  search?: string;
  after?: PostPosition;
  before?: PostPosition;
  limit: number;
  /** Oldest first (a `last` page is read backwards, then reversed by the caller). */
  inverted: boolean;
}

/**
 * Whether the tsquery in this parameter keeps a word to look for once PostgreSQL has parsed it: stop words are
 * dropped ("the", "the:*", a phrase of them), and what is left may be exclusions only ("the -zzz" is `!'zzz'`,
 * whose querytree is 'T'), which would match every post. Written without a column, so it is a one-time filter:
 * when false, the statement reads no table at all.
 */
const hasWord = (param: string) => `querytree(to_tsquery('english', ${param})) NOT IN ('', 'T')`;
const matches = (column: string, param: string) => `${column} @@ to_tsquery('english', ${param}) AND ${hasWord(param)}`;

/**
 * Called when a filtered read found nothing: tells "no match" from "nothing to search for" (BAD_USER_INPUT)
 * with a statement that reads no table, so a page with matches still costs one statement.
 */
async function checkSearchable(sql: Sql, search: string): Promise<void> {
  const rows = await sql<[boolean]>({ name: 'search-has-word', text: `SELECT ${hasWord('$1')}`, values: [search] });
  if (!rows[0]![0]) throw noWordToSearch();
}

/**
 * One page of posts with their authors: a single statement, served by the feed indexes. A position is written
 * as `date <= d AND (date < d OR id < i)` rather than a bare OR, so PostgreSQL starts the index scan at the
 * position instead of filtering the whole table. The text depends only on which filters are present, so each
 * of its few shapes is a named statement that PostgreSQL plans once per connection.
 */
export async function selectPostPage(sql: Sql, query: PageQuery): Promise<{ post: Post; author: User }[]> {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const where: string[] = [];
  if (query.authorId !== undefined) where.push(`p.author_id = ${param(query.authorId)}`);
  if (query.search !== undefined) where.push(matches('p.search', param(query.search)));
  if (query.after) {
    const [date, id] = [param(query.after.datePosted), param(query.after.id)];
    where.push(`p.date_posted <= ${date} AND (p.date_posted < ${date} OR p.id < ${id})`);
  }
  if (query.before) {
    const [date, id] = [param(query.before.datePosted), param(query.before.id)];
    where.push(`p.date_posted >= ${date} AND (p.date_posted > ${date} OR p.id > ${id})`);
  }
  const order = query.inverted ? 'ASC' : 'DESC';
  const text =
    `SELECT ${POST_COLUMNS}, ${USER_COLUMNS} FROM posts p JOIN users u ON u.id = p.author_id` +
    (where.length ? ` WHERE ${where.join(' AND ')}` : '') +
    ` ORDER BY p.date_posted ${order}, p.id ${order} ${rowLimit(query.limit)}`;
  const shape = `${query.authorId !== undefined ? 'a' : ''}${query.search !== undefined ? 's' : ''}${query.after ? 'f' : ''}${query.before ? 'b' : ''}`;
  const name = `post-page-${shape || 'all'}-${order}-${query.limit}`;
  const rows = await sql<[...PostRow, ...UserRow]>({ name, text, values });
  if (!rows.length && query.search !== undefined) await checkSearchable(sql, query.search);
  return rows.map(toPostWithAuthor);
}

/** One post with its author, or null: read afresh for each live event (post.subscriptions.ts). */
export async function selectPostWithAuthor(sql: Sql, id: number): Promise<{ post: Post; author: User } | null> {
  const rows = await sql<[...PostRow, ...UserRow]>({
    name: 'post-with-author',
    text: `SELECT ${POST_COLUMNS}, ${USER_COLUMNS} FROM posts p JOIN users u ON u.id = p.author_id WHERE p.id = $1`,
    values: [id],
  });
  return rows[0] ? toPostWithAuthor(rows[0]) : null;
}

/** How many posts each author has written, in one grouped statement. */
export async function countPostsByAuthor(sql: Sql, authorIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await sql<[number, number]>({
    name: 'post-count-by-author',
    text: 'SELECT author_id, count(*)::int FROM posts WHERE author_id = ANY($1::int[]) GROUP BY author_id',
    values: [authorIds],
  });
  return new Map(rows);
}

/** How many posts there are, or how many one author has, optionally only those matching a tsquery. */
export async function countPosts(sql: Sql, filter: { authorId?: number; search?: string }): Promise<number> {
  const values: unknown[] = [];
  const where: string[] = [];
  if (filter.authorId !== undefined) where.push(`author_id = $${values.push(filter.authorId)}`);
  if (filter.search !== undefined) where.push(matches('search', `$${values.push(filter.search)}`));
  const shape = `${filter.authorId !== undefined ? '-author' : ''}${filter.search !== undefined ? '-search' : ''}`;
  const text = `SELECT count(*)::int FROM posts${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
  const rows = await sql<[number]>({ name: `post-count${shape || '-all'}`, text, values });
  return rows[0]![0];
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

export interface SearchHit {
  post: Post;
  author: User;
  rank: number;
  /** A short piece of the content with the matches between HIGHLIGHT_START and HIGHLIGHT_END. */
  excerpt: string;
}

const RANK = 'ts_rank(p.search, q, 1)::float8'; // 1: divided by 1 + log(length), so long posts do not swamp short ones
const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=30, MinWords=12, ShortWord=3`;

/** The statement selectSearchPage sends (the benchmark EXPLAINs it). */
export function searchPageStatement(query: SearchPageQuery): SqlStatement {
  const values: unknown[] = [query.search, HEADLINE_OPTIONS];
  const param = (value: unknown) => `$${values.push(value)}`;
  const where = ['p.search @@ q', hasWord('$1')];
  if (query.after) where.push(`(${RANK}, p.id) < (${param(query.after.rank)}::float8, ${param(query.after.id)}::int)`);
  if (query.before)
    where.push(`(${RANK}, p.id) > (${param(query.before.rank)}::float8, ${param(query.before.id)}::int)`);
  const order = query.inverted ? 'ASC' : 'DESC';
  const text =
    `SELECT ${POST_COLUMNS}, ${USER_COLUMNS}, m.rank, ts_headline('english', p.content, m.q, $2) FROM (` +
    `SELECT p.id, ${RANK} AS rank, q FROM posts p, to_tsquery('english', $1) q WHERE ${where.join(' AND ')} ` +
    `ORDER BY rank ${order}, p.id ${order} ${rowLimit(query.limit)}` +
    `) m JOIN posts p ON p.id = m.id JOIN users u ON u.id = p.author_id ORDER BY m.rank ${order}, m.id ${order}`;
  const shape = `${query.after ? 'f' : ''}${query.before ? 'b' : ''}`;
  return { name: `post-search-${shape || 'all'}-${order}-${query.limit}`, text, values };
}

/**
 * One page of search results with their authors and excerpts, best first (rank, then id), in one statement:
 * the GIN index finds the matches, the page is cut by rank, and only the page's rows get an excerpt.
 */
export async function selectSearchPage(sql: Sql, query: SearchPageQuery): Promise<SearchHit[]> {
  const rows = await sql<[...PostRow, ...UserRow, number, string]>(searchPageStatement(query));
  if (!rows.length) await checkSearchable(sql, query.search);
  return rows.map((row) => ({ ...toPostWithAuthor(row), rank: row[14] as number, excerpt: row[15] as string }));
}
