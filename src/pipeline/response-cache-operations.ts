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

// What the response cache reads from a mutation: whether it is a public write, and whether it succeeded
// (the safety net for a write whose resolver recorded no tags: it retires every kept answer).

/** Mutations whose success changes what anonymous readers see; any other mutation leaves the cache alone. */
export const PUBLIC_WRITES = new Set([
  'createPost',
  'updatePost',
  'deletePost',
  'updateAccount',
  'register',
  'deleteAccount',
]);

/** A mutation that selects a public write (its success must retire every cached answer). */
export function isPublicWrite(document: DocumentNode, operationName: string | null | undefined): boolean {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'mutation') return false;
  return rootFieldNodes(operation.selectionSet, fragmentsOf(document)).some((field) =>
    PUBLIC_WRITES.has(field.name.value),
  );
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

export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return new Map(fragments.map((fragment) => [fragment.name.value, fragment]));
}

/** The root fields an operation selects, also through inline fragments and fragment spreads. */
export function rootFieldNodes(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): FieldNode[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFieldNodes(selection.selectionSet, fragments, seen);
    const fragment = fragments.get(selection.name.value);
    if (!fragment || seen.has(fragment.name.value)) return [];
    seen.add(fragment.name.value);
    return rootFieldNodes(fragment.selectionSet, fragments, seen);
  });
}
