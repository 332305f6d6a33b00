import { parseCursorConnectionArgs } from '@pothos/core';
import {
  type FieldNode,
  getArgumentValues,
  type GraphQLResolveInfo,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Post, User } from '../../generated/prisma/client.ts';
import type { PageArgs } from '../../graphql/connection.ts';
import type { Context } from '../../graphql/context.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../graphql/page-size.ts';
import { selectUserByUsername, selectUserWithFirstPage } from './user.sql.ts';

// A user's page (the user, the first page of their posts, its count) in one statement: user(username) looks
// ahead in its selection and reads the page with the user; User.posts (post.schema.ts) then finds it here.

interface FirstPageRequest {
  /** `first` as asked (null or undefined for the default). */
  first: number | null | undefined;
  /** Rows to read: the page size plus one, to know whether there is a next page (as Pothos reads it). */
  limit: number;
}

/** A first page read with its user: what pagePosts would have read, and the user's post count. */
export interface FirstPage {
  posts: Post[];
  total: number;
}

/** The pages read ahead, by the user object they were read with (so for one request, and forgotten with it). */
const firstPages = new WeakMap<User, FirstPage & { first: number | null }>();

/**
 * The user with exactly this username, or null; with the first page of their posts in the same statement when
 * the selection asks for it, kept for `prefetchedFirstPage` (the count is the user's post_count).
 */
export async function readUserPage(
  { sql, loaders }: Pick<Context, 'sql' | 'loaders'>,
  username: string,
  info: GraphQLResolveInfo,
): Promise<User | null> {
  const page = firstPageRequest(info);
  if (!page) {
    const user = await selectUserByUsername(sql, username);
    if (user) loaders.userById.prime(user); // their posts' author is this user
    return user;
  }
  const found = await selectUserWithFirstPage(sql, username, page.limit);
  if (!found) return null;
  loaders.userById.prime(found.user);
  firstPages.set(found.user, { first: page.first ?? null, posts: found.posts, total: found.user.postCount });
  return found.user;
}

/** The first page read ahead with `user`, when `args` ask for exactly that page (User.posts). */
export function prefetchedFirstPage(user: User, args: PageArgs & { query?: string | null }): FirstPage | undefined {
  const page = firstPages.get(user);
  const samePage = page?.first === (args.first ?? null) && args.last == null && !args.after && !args.before;
  return samePage && args.query == null ? page : undefined;
}

/**
 * When a `user(...)` selection asks for exactly one `posts` connection from its start (no cursor, no `last`, no `query`),
 * what that page needs, so the user, the page and its count come in one statement. Anything else (several
 * `posts` selections, fragments, cursors, invalid sizes) is left to the ordinary resolvers.
 */
function firstPageRequest(info: GraphQLResolveInfo): FirstPageRequest | undefined {
  const userType = info.schema.getType('User');
  const postsField = isObjectType(userType) ? userType.getFields().posts : undefined;
  const found = info.fieldNodes.map((node) => postsNodes(node.selectionSet));
  if (!postsField || found.includes(null)) return undefined;
  const nodes = found.flat() as FieldNode[];
  if (nodes.length !== 1 || nodes[0]!.directives?.length) return undefined;
  const args = getArgumentValues(postsField, nodes[0]!, info.variableValues) as PageArgs & { query?: string | null };
  if (args.after || args.before || args.last != null || args.query != null) return undefined;
  try {
    const { limit, inverted } = parseCursorConnectionArgs({
      args,
      defaultSize: DEFAULT_PAGE_SIZE,
      maxSize: MAX_PAGE_SIZE,
    });
    if (inverted || (args.first != null && (args.first < 0 || args.first > MAX_PAGE_SIZE))) return undefined;
    return { first: args.first, limit };
  } catch {
    return undefined; // invalid arguments: the ordinary path answers them
  }
}

/** The `posts` fields selected directly or in inline fragments; null where a fragment spread hides the answer. */
function postsNodes(selectionSet: SelectionSetNode | undefined): FieldNode[] | null {
  const nodes: FieldNode[] = [];
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) return null;
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value === 'posts') nodes.push(selection);
      continue;
    }
    const inner = postsNodes(selection.selectionSet);
    if (inner === null) return null;
    nodes.push(...inner);
  }
  return nodes;
}
