import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { handleStreamOrSingleExecutionResult, type Plugin } from 'graphql-yoga';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import type { Context } from '../graphql/context.ts';
import { serviceUnavailable, unexpected } from '../graphql/errors.ts';

/**
 * Decides what clients see of each execution error:
 * - our own GraphQLErrors with a code pass through;
 * - Pothos argument checks (malformed IDs, bad connection arguments) become BAD_USER_INPUT;
 * - a database that cannot be reached or timed out becomes SERVICE_UNAVAILABLE (HTTP 503, Retry-After);
 * - anything else is logged with its stack and the request id, and replaced by "Unexpected error."
 *   carrying that request id, so a user's report can be matched to the log line.
 */
export function useErrorPolicy(): Plugin<Context> {
  // The same hooks for every execution (they read the request from the payload): nothing made per request.
  const hooks = {
    onExecuteDone(payload: OnExecuteDonePayload) {
      const context = payload.args.contextValue;
      return handleStreamOrSingleExecutionResult(payload, ({ result, setResult }) => {
        if (!result.errors?.length) return;
        setResult({ ...result, errors: result.errors.map((error) => present(error, context)) });
      });
    },
  };
  return { onExecute: () => hooks };
}

type OnExecuteDonePayload = Parameters<typeof handleStreamOrSingleExecutionResult<Context>>[0];

function present(error: GraphQLError, context: Context): GraphQLError {
  const original = error.originalError;
  if (!original || (original instanceof GraphQLError && original.extensions.code)) return error;
  // No path: a request error from graphql-js (variables that do not fit their types), shaped for the client later.
  if (!error.path && original instanceof GraphQLError) return error;
  const location = { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path };
  if (original instanceof PothosValidationError) {
    return new GraphQLError(userInputError(original).message, { ...location, extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (isDatabaseUnavailable(original)) {
    context.log.warn({ err: original, path: error.path?.join('.') }, 'The database is unavailable');
    return serviceUnavailable(context.requestId, location);
  }
  context.log.error({ err: original, path: error.path?.join('.') }, 'Unexpected error in resolver');
  return unexpected(context.requestId, location);
}

/**
 * A Pothos argument check that failed, as BAD_USER_INPUT. Its messages quote the value (`ID: <value> is not of
 * type: Post`), so only what names the schema is kept.
 */
export function userInputError(error: unknown): GraphQLError {
  const message = error instanceof PothosValidationError ? error.message : '';
  const wrongType = /is not of type: ([\w, ]+)$/.exec(message);
  const safe = wrongType
    ? `An ID of another type was given where an ID of type ${wrongType[1]} is expected.`
    : /^Argument "\w+" [\w\s"]+$/.test(message)
      ? message
      : 'An argument has an invalid value.';
  return new GraphQLError(safe, { extensions: { code: 'BAD_USER_INPUT' } });
}
