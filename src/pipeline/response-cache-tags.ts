import { createHash } from 'node:crypto';
import {
  type DocumentNode,
  type FieldNode,
  getOperationAST,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';
import { decodeGlobalId } from '../graphql/ids.ts';
import { fragmentsOf, rootFieldNodes } from './response-cache-operations.ts';

// The tags of the response cache: each cached answer is keyed by the versions of the tags it reads, and each
// write bumps the tags of what it changed, so a write retires only the answers that can show it.

/** In every answer's key: bumped by writes that may show anywhere (an author's name or picture). */
export const EVERYTHING = '*';
/** The post lists: the feed, search, and any author's posts or post count read from a post or node. */
const POSTS = 'posts';
const postTag = (id: number | string) => `post:${id}`;
const userTag = (id: number | string) => `user:${id}`;
/** Client text bounded before it reaches a key: no stored username is longer than 20 characters. */
const usernameTag = (username: string) =>
  username.length <= 64
    ? `username:${username}`
    : `username#${createHash('sha256').update(username).digest('base64url')}`;

/** What a request's writes changed, recorded by the mutation resolvers once each write has committed. */
export class CacheChanges {
  readonly tags = new Set<string>();
  /** Whether a resolver said what its write changed (perhaps nothing public); else a public write bumps `*`. */
  recorded = false;

  /** The write changed nothing anonymous readers see (an email, which only its owner reads). */
  nothingPublic(): void {
    this.recorded = true;
  }

  /** A post of this author was created, edited or deleted. */
  post(id: number, author: { id: number; username: string }): void {
    this.add(POSTS, postTag(id), usernameTag(author.username), userTag(author.id));
  }

  /** An account was created. */
  user(user: { id: number; username: string }): void {
    this.add(usernameTag(user.username), userTag(user.id));
  }

  /** Something that shows in answers of every kind (a username, a picture, an account with its posts). */
  everything(): void {
    this.add(EVERYTHING);
  }

  private add(...tags: string[]): void {
    this.recorded = true;
    for (const tag of tags) this.tags.add(tag);
  }
}

/** The most tags one answer may read (each is a key in Redis): an answer that needs more is not kept. */
export const MAX_TAGS = 50;

type Variables = Record<string, unknown>;
type Fragments = ReturnType<typeof fragmentsOf>;
/** One root field's tags for the variables sent, or null when they cannot be read (the answer is not kept). */
type FieldTags = (variables: Variables) => string[] | null;

/** The tags of a cacheable query's answer for its variables, or null when this answer may not be kept. */
export type TagPlan = (variables: Variables) => string[] | null;

// Yoga hands out one parsed document per text, so each operation's plan is worked out once per document.
const plans = new WeakMap<DocumentNode, Map<string | null, TagPlan | null>>();

/**
 * How to read the tags of an operation's answer, or null when it may not be cached at all: mutations,
 * subscriptions, the viewer (`me`) and any root field not known here (a new field is never stale, only uncached).
 */
export function tagPlan(document: DocumentNode, operationName: string | null): TagPlan | null {
  const known = plans.get(document);
  if (known?.has(operationName)) return known.get(operationName)!;
  const operation = getOperationAST(document, operationName);
  if (!operation) return null; // not remembered: the name is the client's, and names no operation
  const plan = operation.operation === 'query' ? planOf(document, operation) : null;
  // Keyed by names the document itself holds (the operation exists), so the client cannot grow the map.
  plans.set(document, (known ?? new Map()).set(operationName, plan));
  return plan;
}

function planOf(document: DocumentNode, operation: OperationDefinitionNode): TagPlan | null {
  const fields: FieldTags[] = [];
  const fragments = fragmentsOf(document);
  for (const field of rootFieldNodes(operation.selectionSet, fragments)) {
    const tags = fieldTags(field, fragments);
    if (!tags) return null;
    fields.push(tags);
  }
  const defaults = new Map<string, unknown>();
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    defaults.set(name, definition.defaultValue ? valueFromASTUntyped(definition.defaultValue) : undefined);
  }
  return (sent) => {
    // graphql-js ignores undeclared variables, so each invented one would make another entry of the same answer.
    if (Object.keys(sent).some((name) => !defaults.has(name))) return null;
    const variables = { ...Object.fromEntries(defaults), ...sent };
    const tags = new Set([EVERYTHING]);
    for (const field of fields) {
      const found = field(variables);
      if (!found) return null;
      for (const tag of found) tags.add(tag);
    }
    if (tags.size > MAX_TAGS) return null;
    return [...tags].sort();
  };
}

function fieldTags(field: FieldNode, fragments: Fragments): FieldTags | null {
  const argument = (name: string) => field.arguments?.find((arg) => arg.name.value === name)?.value;
  // An author's other posts (User.posts, User.postCount) can be reached from a post or a node.
  const authorsPosts = readsPostLists(field.selectionSet, fragments) ? [POSTS] : [];
  switch (field.name.value) {
    case '__typename':
    case '__schema': // the schema is in every key
    case '__type':
      return () => [];
    case 'posts':
    case 'searchPosts':
      return () => [POSTS];
    case 'post':
    case 'node':
      return idTags(argument('id'), authorsPosts);
    case 'nodes':
      return idTags(argument('ids'), authorsPosts);
    case 'user': {
      const username = argument('username');
      return (variables) => {
        const value = username && valueFromASTUntyped(username, variables);
        return typeof value === 'string' ? [usernameTag(value)] : null;
      };
    }
    default:
      return null;
  }
}

/** The tags of the objects one ID or a list of IDs names; an ID that does not decode is an error, never kept. */
function idTags(node: ValueNode | undefined, extra: string[]): FieldTags {
  return (variables) => {
    const value: unknown = node && valueFromASTUntyped(node, variables);
    const ids = Array.isArray(value) ? value : [value];
    if (ids.length > MAX_TAGS) return null; // each would be a key to read before the cost limit has a say
    const tags = [...extra];
    for (const id of ids) {
      if (typeof id !== 'string') return null;
      const decoded = decodedId(id);
      if (decoded) tags.push(decoded.typename === 'Post' ? postTag(decoded.id) : userTag(decoded.id));
    }
    return tags;
  };
}

function decodedId(id: string): { typename: string; id: string } | null {
  try {
    return decodeGlobalId(id);
  } catch {
    return null;
  }
}

/** Whether a selection reaches a field named `posts` or `postCount` (only User has them), fragments included. */
function readsPostLists(
  selectionSet: SelectionSetNode | undefined,
  fragments: Fragments,
  seen = new Set<string>(),
): boolean {
  return (selectionSet?.selections ?? []).some((selection) => {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      return name === 'posts' || name === 'postCount' || readsPostLists(selection.selectionSet, fragments, seen);
    }
    if (selection.kind === Kind.INLINE_FRAGMENT) return readsPostLists(selection.selectionSet, fragments, seen);
    if (seen.has(selection.name.value)) return false;
    seen.add(selection.name.value);
    const fragment = fragments.get(selection.name.value);
    return fragment !== undefined && readsPostLists(fragment.selectionSet, fragments, seen);
  });
}
