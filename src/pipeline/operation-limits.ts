import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import {
  type DocumentNode,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  visit,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { userInputError } from './error-policy.ts';
import { badUserInput } from '../graphql/errors.ts';
import { isStorableText } from '../graphql/text.ts';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxComplexity: number;
  /** Off: no introspection, and no "Did you mean …?" suggestions that would leak the schema anyway. */
  introspection: boolean;
}

interface OperationRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variableValues?: Record<string, unknown> | null;
  contextValue: unknown;
}

/**
 * Rejects abusive operations before any resolver runs, in two phases:
 * - while the document is validated (a phase whose result Yoga caches by document text alone): only rules that
 *   depend on nothing but the text, i.e. GraphQL Armor's depth, aliases, tokens and directives;
 * - for each request, once its variables are known: the cost (Pothos' complexity, which multiplies by
 *   `first`/`last` and the number of `ids`) and text that PostgreSQL cannot store. Nothing a request sends may
 *   decide the answer to another request, so none of this runs in the cached phase.
 */
export function operationLimitPlugins(limits: OperationLimits): Plugin[] {
  const armor = new EnvelopArmor({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.maxAliases },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: !limits.introspection },
  });
  const check = (request: OperationRequest) => {
    const refusal = checkOperation(request, limits.maxComplexity);
    return refusal && { errors: refusal instanceof GraphQLError ? [refusal] : refusal };
  };
  const perRequest: Plugin = {
    onExecute({ args, setResultAndStopExecution }) {
      const refused = check(args);
      if (refused) setResultAndStopExecution(refused);
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const refused = check(args);
      if (refused) setResultAndStopExecution(refused);
    },
  };
  return [
    ...(armor.protect().plugins as Plugin[]),
    perRequest,
    ...(limits.introspection ? [] : [useDisableIntrospection() as Plugin]),
  ];
}

/** The errors that refuse this request, or undefined to let it run. */
function checkOperation(
  request: OperationRequest,
  maxComplexity: number,
): readonly GraphQLError[] | GraphQLError | undefined {
  const operation = getOperationAST(request.document, request.operationName);
  if (!operation) return undefined; // graphql-js answers that itself, before anything runs
  const coerced = getVariableValues(request.schema, operation.variableDefinitions ?? [], request.variableValues ?? {});
  // Variables that do not fit their types, in graphql-js' words (the compiled executor words them otherwise).
  if (coerced.errors) return coerced.errors;
  // Mutations check their text fields themselves and answer field errors; other operations have no such channel.
  const checkText = operation.operation !== 'mutation';
  if (checkText && (!isStorableText(coerced.coerced) || hasUnstorableLiteral(request.document))) {
    return badUserInput('A text argument contains a NUL character or an unpaired surrogate, which are not allowed.');
  }
  // Measure the operation that will run (not merely the first one in the document) with its fragments.
  const measure = () => {
    const fragments = request.document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
    const selected: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
    return complexityFromQuery(selected, { schema: request.schema, ctx: {}, variables: coerced.coerced }).complexity;
  };
  let cost: number;
  try {
    cost = costOf(request.document, operation.name?.value, coerced.coerced, measure);
  } catch (error) {
    // Measuring decodes arguments (global IDs): one that cannot be decoded refuses the whole operation.
    if (error instanceof GraphQLError && typeof error.extensions.code === 'string') return error;
    return userInputError(error);
  }
  if (cost <= maxComplexity) return undefined;
  return new GraphQLError(
    `Query is too complex: cost ${cost}, at most ${maxComplexity}. Ask for fewer items (first/last) or fewer fields.`,
    { extensions: { code: 'QUERY_TOO_COMPLEX', cost, maxCost: maxComplexity } },
  );
}

// Both below depend on nothing but what keys them (the parsed document is the same object for the same text,
// from Yoga's parser cache), so each is worked out once rather than on every request.
const unstorableLiterals = new WeakMap<DocumentNode, boolean>();

function hasUnstorableLiteral(document: DocumentNode): boolean {
  let found = unstorableLiterals.get(document);
  if (found !== undefined) return found;
  found = false;
  visit(document, {
    StringValue(node) {
      if (!isStorableText(node.value)) found = true;
    },
  });
  unstorableLiterals.set(document, found);
  return found;
}

const COSTS_PER_DOCUMENT = 64;
const MAX_COST_KEY_LENGTH = 512;
const costs = new WeakMap<DocumentNode, Map<string, number>>();

/**
 * The cost of one operation of a document with these variables (the only inputs of the complexity measure: it
 * reads no context). Remembered for small variable sets, a bounded number per document.
 */
function costOf(
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown>,
  measure: () => number,
): number {
  const key = `${operationName ?? ''}\u0000${JSON.stringify(variables)}`;
  if (key.length > MAX_COST_KEY_LENGTH) return measure();
  let known = costs.get(document);
  const cached = known?.get(key);
  if (cached !== undefined) return cached;
  const cost = measure();
  if (!known) {
    known = new Map();
    costs.set(document, known);
  }
  if (known.size >= COSTS_PER_DOCUMENT) known.clear();
  known.set(key, cost);
  return cost;
}
