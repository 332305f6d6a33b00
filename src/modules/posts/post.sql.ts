import type { Sql } from '../../db/client.ts';
import { postColumns, userColumns } from '../../db/rows.ts';
import { bool, type Fragment, int, limit, type Param, param, read, row, sql, where } from '../../db/sql.ts';
import type { Post, User } from '../../generated/prisma/client.ts';
import type { PostPosition } from './post.cursor.ts';
import { badUserInput } from '../../graphql/errors.ts';

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

export const ASC = sql`ASC`;
export const DESC = sql`DESC`;

/**
 * Whether the tsquery in this parameter keeps a word to look for once PostgreSQL has parsed it: stop words are
 * dropped ("the", "the:*", a phrase of them), and what is left may be exclusions only ("the -zzz" is `!'zzz'`,
 * whose querytree is 'T'), which would match every post. Written without a column, so it is a one-time filter:
 * when false, the statement reads no table at all.
 */
export const hasWord = (search: Param) => sql`querytree(to_tsquery('english', ${search})) NOT IN ('', 'T')`;
const matches = (column: Fragment<never>, search: Param) =>
  sql`${column} @@ to_tsquery('english', ${search}) AND ${hasWord(search)}`;

const searchable = bool(`querytree(q) NOT IN ('', 'T')`);

/**
 * Called when a filtered read found nothing: tells "no match" from "nothing to search for" (BAD_USER_INPUT)
 * with a statement that reads no table, so a page with matches still costs one statement.
 */
async function checkSearchable(db: Sql, search: string): Promise<void> {
  const [found] = await read(db, 'search-has-word', sql`SELECT ${searchable} FROM to_tsquery('english', ${search}) q`);
  if (!found) throw noWordToSearch();
}

/**
 * The refusal of text without a word to search for. searchQuery sees exclusion-only text; only PostgreSQL knows
 * its stop words, so the SQL (checkSearchable, or the search statement itself) refuses the rest: "the", "the -zzz", "\"the a\"", "the*".
 */
export function noWordToSearch(argument = 'query') {
  return badUserInput(`Argument "${argument}" must contain a word to search for.`);
}

const postWithAuthor = row(postColumns.as('p'), userColumns.as('u'));
const POSTS_WITH_AUTHORS = sql`FROM posts p JOIN users u ON u.id = p.author_id`;

/**
 * One page of posts with their authors: a single statement, served by the feed indexes. A position is written
 * as `date <= d AND (date < d OR id < i)` rather than a bare OR, so PostgreSQL starts the index scan at the
 * position instead of filtering the whole table. The text depends only on which filters are present and the
 * limit, so each of its few shapes is a named statement that PostgreSQL plans once per connection.
 */
export async function selectPostPage(db: Sql, query: PageQuery): Promise<[Post, User][]> {
  const conditions: Fragment<never>[] = [];
  if (query.authorId !== undefined) conditions.push(sql`p.author_id = ${query.authorId}`);
  if (query.search !== undefined) conditions.push(matches(sql`p.search`, param(query.search)));
  if (query.after) {
    const [date, id] = [param(query.after.datePosted), query.after.id];
    conditions.push(sql`p.date_posted <= ${date} AND (p.date_posted < ${date} OR p.id < ${id})`);
  }
  if (query.before) {
    const [date, id] = [param(query.before.datePosted), query.before.id];
    conditions.push(sql`p.date_posted >= ${date} AND (p.date_posted > ${date} OR p.id > ${id})`);
  }
  const order = query.inverted ? ASC : DESC;
  const rows = await read(
    db,
    'post-page',
    sql`SELECT ${postWithAuthor} ${POSTS_WITH_AUTHORS}${where(conditions)} ORDER BY p.date_posted ${order}, p.id ${order} ${limit(query.limit)}`,
  );
  if (!rows.length && query.search !== undefined) await checkSearchable(db, query.search);
  return rows;
}

/** Posts with their authors by id, in one statement: post(id), node(id) and each live event (post.loaders.ts). */
export async function selectPostsById(db: Sql, ids: readonly number[]): Promise<Map<number, [Post, User]>> {
  const rows = await read(
    db,
    'posts-by-id',
    sql`SELECT ${postWithAuthor} ${POSTS_WITH_AUTHORS} WHERE p.id = ANY(${ids}::int[])`,
  );
  return new Map(rows.map((found) => [found[0].id, found]));
}

const postCount = row(int('id'), int('post_count'));

/**
 * How many posts each author has written: users.post_count, kept by triggers on posts (see the post_counts
 * migration), so one primary-key look-up per author whatever they wrote.
 */
export async function countPostsByAuthor(db: Sql, authorIds: readonly number[]): Promise<Map<number, number>> {
  const rows = await read(
    db,
    'post-count-by-author',
    sql`SELECT ${postCount} FROM users WHERE id = ANY(${authorIds}::int[])`,
  );
  return new Map(rows);
}

const count = int('count(*)::int');
const totalPosts = int('posts');

/**
 * How many posts there are, or how many one author has, optionally only those matching a tsquery. Without a
 * search it reads a counter the triggers on posts keep exact (post_totals' one row, or the author's
 * users.post_count); only a search counts its matches.
 */
export async function countPosts(db: Sql, filter: { authorId?: number; search?: string }): Promise<number> {
  if (filter.search === undefined) {
    if (filter.authorId !== undefined)
      return (await countPostsByAuthor(db, [filter.authorId])).get(filter.authorId) ?? 0;
    const [total] = await read(db, 'post-total', sql`SELECT ${totalPosts} FROM post_totals WHERE id`);
    return total ?? 0;
  }
  const conditions: Fragment<never>[] = [];
  if (filter.authorId !== undefined) conditions.push(sql`author_id = ${filter.authorId}`);
  conditions.push(matches(sql`search`, param(filter.search)));
  const [total] = await read(db, 'post-count', sql`SELECT ${count} FROM posts${where(conditions)}`);
  return total!;
}
