import {
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  getOperationAST,
  Kind,
  type SelectionSetNode,
  visit,
} from 'graphql';

// What the response cache reads from an operation: whether its answer may be kept, and whether it is a public
// write that must retire every kept answer.

/** Mutations whose success changes what anonymous readers see; any other mutation leaves the cache alone. */
export const PUBLIC_WRITES = new Set([
  'createPost',
  'updatePost',
  'deletePost',
  'updateAccount',
  'register',
  'deleteAccount',
]);

/** Root fields whose answer depends on who asks: never cached, even when nobody is signed in. */
const VIEWER_FIELDS = new Set(['me']);

/** A mutation that selects a public write (its success must retire every cached answer). */
export function isPublicWrite(document: DocumentNode, operationName: string | null | undefined): boolean {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'mutation') return false;
  return rootFields(operation.selectionSet, fragmentsOf(document)).some((field) => PUBLIC_WRITES.has(field));
}

const WRITE_TYPENAME = '__publicWriteTypename';
const typenameField: FieldNode = {
  kind: Kind.FIELD,
  alias: { kind: Kind.NAME, value: WRITE_TYPENAME },
  name: { kind: Kind.NAME, value: '__typename' },
};
const marked = new WeakMap<DocumentNode, DocumentNode>();

/** The document with each public write's result type asked for under WRITE_TYPENAME (once per document). */
export function withWriteTypenames(document: DocumentNode): DocumentNode {
  let copy = marked.get(document);
  if (!copy) {
    copy = visit(document, {
      Field(node, _key, _parent, _path, ancestors) {
        const atRoot = !ancestors.some((ancestor) => (ancestor as { kind?: string }).kind === Kind.FIELD);
        if (!atRoot || !PUBLIC_WRITES.has(node.name.value) || !node.selectionSet) return undefined;
        return {
          ...node,
          selectionSet: { ...node.selectionSet, selections: [...node.selectionSet.selections, typenameField] },
        };
      },
    });
    marked.set(document, copy);
  }
  return copy;
}

/** Whether a public write succeeded; removes the types asked for, so the client gets what it asked for alone. */
export function takeWriteTypenames(data: ExecutionResult['data']): boolean {
  let succeeded = false;
  for (const value of Object.values(data ?? {})) {
    if (!value || typeof value !== 'object' || !(WRITE_TYPENAME in value)) continue;
    const typename = (value as Record<string, unknown>)[WRITE_TYPENAME];
    delete (value as Record<string, unknown>)[WRITE_TYPENAME];
    if (typeof typename === 'string' && typename.endsWith('Success')) succeeded = true;
  }
  return succeeded;
}

/**
 * Queries that read nothing of the viewer, sent with no variable they do not declare (graphql-js ignores those,
 * so each invented one would make another entry of the same answer); mutations and subscriptions never.
 */
export function isCacheableQuery(
  document: DocumentNode,
  operationName: string | null | undefined,
  sent: string[],
): boolean {
  const declared = cacheableVariables(document, operationName ?? null);
  return declared !== null && sent.every((name) => declared.has(name));
}

// Yoga hands out one parsed document per text, so what an operation allows is worked out once per document.
const allowed = new WeakMap<DocumentNode, Map<string | null, Set<string> | null>>();

/** The variables a cacheable query declares, or null when the operation may not be cached at all. */
function cacheableVariables(document: DocumentNode, operationName: string | null): Set<string> | null {
  const known = allowed.get(document);
  if (known?.has(operationName)) return known.get(operationName)!;
  const operation = getOperationAST(document, operationName);
  if (!operation) return null; // not remembered: the name is the client's, and names no operation
  const readsViewer = (selectionSet: SelectionSetNode) =>
    rootFields(selectionSet, fragmentsOf(document)).some((field) => VIEWER_FIELDS.has(field));
  const variables =
    operation.operation === 'query' && !readsViewer(operation.selectionSet)
      ? new Set(operation.variableDefinitions?.map((definition) => definition.variable.name.value))
      : null;
  // Keyed by names the document itself holds (the operation exists), so the client cannot grow the map.
  allowed.set(document, (known ?? new Map()).set(operationName, variables));
  return variables;
}

function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return new Map(fragments.map((fragment) => [fragment.name.value, fragment]));
}

/** The root fields an operation selects, also through inline fragments and fragment spreads. */
function rootFields(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, fragments, seen);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return [];
    seen.add(fragment.name.value);
    return rootFields(fragment.selectionSet, fragments, seen);
  });
}
