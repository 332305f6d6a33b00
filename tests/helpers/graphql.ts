import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { getOperationAST, parse, print } from 'graphql';

/** One entry of a response's `errors`. */
interface GraphQLErrorEntry {
  message: string;
  path?: (string | number)[];
  locations?: { line: number; column: number }[];
  extensions?: Record<string, unknown>;
}

export interface GraphQLResponse<T = UntypedData> {
  data?: T | null;
  errors?: GraphQLErrorEntry[];
}

/**
 * Data of a document sent as text, which codegen did not type: only tests that send malformed or hostile
 * documents on purpose do that, and they read the result field by field.
 */
export type UntypedData = { [field: string]: unknown };

/** A document the tests' `graphql()` (tests/generated) typed, or one from client/generated. */
export type Document<TResult, TVariables> = TypedDocumentNode<TResult, TVariables>;

/** Variables as the document declares them; none needed when it declares none or only optional ones. */
export type VariablesArgs<TVariables, TOptions> =
  // biome-ignore lint/complexity/noBannedTypes: `{}` asks "may the variables be left out?"
  {} extends TVariables ? [variables?: TVariables, options?: TOptions] : [variables: TVariables, options?: TOptions];

/** A line the server logged, parsed (pino's JSON). */
export interface LogLine {
  level: number;
  msg?: string;
  requestId?: string;
  err?: { type?: string; message?: string; stack?: string; code?: string };
  [field: string]: unknown;
}

/** The text sent for a document: typed documents are printed, text goes as it is. */
export function textOf(document: Document<unknown, never> | string): string {
  return typeof document === 'string' ? document : print(document);
}

interface Sent {
  operation: string;
  variables: unknown;
  requestId: string | null;
  logged: () => LogLine[];
}

const sent = new WeakMap<object, Sent>();

/** Remembers what produced a response body, so that expectData() can explain it. */
export function remember<T extends object>(body: T, request: Sent): T {
  sent.set(body, request);
  return body;
}

/**
 * The data of a response that has no errors. Otherwise throws an Error that holds what a reader of the failure
 * needs: the operation (its name and text), the variables, the errors, and what the server logged for the request
 * (the stack behind an "Unexpected error.").
 */
export function expectData<T>(result: GraphQLResponse<T>): T {
  if (result.data != null && !result.errors?.length) return result.data;
  const request = sent.get(result);
  const name = request && operationName(request.operation);
  const requestIds = new Set(
    [request?.requestId, ...(result.errors ?? []).map((error) => error.extensions?.requestId)].filter(Boolean),
  );
  const logged = (request?.logged() ?? []).filter((line) => line.requestId && requestIds.has(line.requestId));
  const parts = [
    `${name ? `Operation ${name}` : 'The operation'} returned ${result.data == null ? 'no data' : 'errors'}.`,
    request ? `Operation:\n${request.operation}` : 'Operation: unknown (the response did not come from t.graphql)',
    `Variables: ${JSON.stringify(request?.variables ?? null)}`,
    `Errors: ${JSON.stringify(result.errors ?? null, null, 2)}`,
    `Data: ${JSON.stringify(result.data ?? null)}`,
    ...logged
      .filter((line) => line.level >= 40)
      .map((line) => `Server logged (level ${line.level}) "${line.msg}":\n${line.err?.stack ?? JSON.stringify(line)}`),
  ];
  throw new Error(parts.join('\n'));
}

/** The value if its `__typename` is the one expected (a union's member, narrowed); otherwise throws. */
export function expectTypename<T extends { __typename?: string }, N extends NonNullable<T['__typename']>>(
  value: T | null | undefined,
  typename: N,
): Extract<T, { __typename?: N }> {
  if (value?.__typename !== typename) {
    throw new Error(`Expected a ${typename}, got ${JSON.stringify(value)}`);
  }
  return value as Extract<T, { __typename?: N }>;
}

function operationName(text: string): string | undefined {
  try {
    return getOperationAST(parse(text))?.name?.value;
  } catch {
    return undefined; // malformed on purpose (the hostile tests): the text itself is shown
  }
}

export type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';
