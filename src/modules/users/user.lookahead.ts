import { parseCursorConnectionArgs } from '@pothos/core';
import {
  type FieldNode,
  getArgumentValues,
  type GraphQLResolveInfo,
  isObjectType,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../graphql/page-size.ts';
import type { PageArgs } from '../../graphql/connection.ts';

export interface FirstPageRequest {
  args: PageArgs;
  /** Rows to read: the page size plus one, to know whether there is a next page (as Pothos reads it). */
  limit: number;
  withTotal: boolean;
}

/** The key under which a prefetched page is found again by `User.posts` with the same arguments. */
export const pageKey = (userId: number, args: PageArgs) =>
  `${userId}|${args.first ?? ''}|${args.last ?? ''}|${args.after ?? ''}|${args.before ?? ''}`;

/**
 * When a `user(...)` selection asks for exactly one `posts` connection from its start (no cursor, no `last`, no `query`),
 * what that page needs, so the user, the page and its count come in one statement. Anything else (several
 * `posts` selections, fragments, cursors, invalid sizes) is left to the ordinary resolvers.
 */
export function firstPageRequest(info: GraphQLResolveInfo): FirstPageRequest | undefined {
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
    const withTotal =
      nodes[0]!.selectionSet?.selections.some(
        (selection) => selection.kind === Kind.FIELD && selection.name.value === 'totalCount',
      ) ?? false;
    return { args, limit, withTotal };
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
