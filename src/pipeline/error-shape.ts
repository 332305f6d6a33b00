import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.ts';

const CODES_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * GraphQL Armor words its depth, alias and directive limits as syntax errors, but they are validation rules
 * over a well-formed document (its token limit is a real parse limit).
 */
const ARMOR_VALIDATION = /^Syntax Error: ((Query depth|Aliases|Directives) limit of .*)$/s;

/** Graphql-js quotes offending values in its messages; a value may be a password or a token. */
function withoutValues(message: string): string {
  const armor = ARMOR_VALIDATION.exec(message);
  if (armor) return armor[1]!;
  if (message.startsWith('Unknown operation named')) return 'Unknown operation named in operationName.';
  const variable = /^Variable "(\$\w+)" got invalid value/.exec(message);
  if (variable) {
    const path = [...message.matchAll(/ at "([^"]*)"/g)].at(-1)?.[1];
    return `Variable "${variable[1]}" has an invalid value${path ? ` at "${path}"` : ''}.`;
  }
  return message
    .replace(/(cannot represent[^:]*): .*$/s, '$1.')
    .replace(/(Expected value of type "[^"]+"), found .*$/s, '$1.');
}

function codeFor(error: GraphQLError): string {
  const status = (error.extensions.http as { status?: number } | undefined)?.status;
  if (typeof error.extensions.code === 'string') return error.extensions.code;
  // Missing or mistyped variables: the client's input, like every other argument check.
  if (/^Variable "\$/.test(error.message)) return 'BAD_USER_INPUT';
  if (status && CODES_BY_STATUS[status]) return CODES_BY_STATUS[status]!;
  if (ARMOR_VALIDATION.test(error.message)) return 'GRAPHQL_VALIDATION_FAILED';
  if (error.message.startsWith('Syntax Error')) return 'GRAPHQL_PARSE_FAILED';
  return 'GRAPHQL_VALIDATION_FAILED';
}

/** Every error a client receives: a code, no echoed values, nothing of the server's internals. */
function shape(error: GraphQLError): GraphQLError {
  const { originalError, stacktrace: _stack, ...extensions } = error.extensions as Record<string, unknown>;
  // Yoga answers 200 to application/json clients unless a request error has a non-GraphQL cause (unreadable
  // JSON, no body), which it reads from `originalError`. That cause may quote the body, so it goes, and its
  // status (400) is kept by marking the status as ours rather than the spec's default.
  const http = extensions.http as { status?: number; spec?: boolean } | undefined;
  if (originalError && http?.spec) extensions.http = { ...http, spec: false };
  return new GraphQLError(withoutValues(error.message), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...extensions, code: codeFor(error) },
  });
}

/**
 * Yoga's masking of errors that were not meant for clients (thrown outside resolvers, e.g. while building
 * the context): logged with their stack, sent as "Unexpected error.".
 */
export function maskError(logger: Logger) {
  return (error: unknown): GraphQLError => {
    // Errors meant for clients (ours, graphql-js', Yoga's) are shaped by useErrorShape instead.
    if (error instanceof GraphQLError && (!error.originalError || error.originalError instanceof GraphQLError))
      return error;
    const cause = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    logger.error({ err: cause }, 'Unexpected error outside a resolver');
    return new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  };
}

/** Applies `shape` to every error of every result, and gives bodiless 4xx answers (e.g. 415) a coded body. */
export function useErrorShape(): Plugin {
  return {
    onResultProcess({ result, setResult }) {
      if (isAsyncIterable(result)) return;
      const results = Array.isArray(result) ? result : [result];
      if (!results.some((single) => single.errors)) return; // most results: nothing to shape
      const reshape = (single: { errors?: readonly unknown[] }) =>
        single.errors
          ? { ...single, errors: single.errors.map((error) => (error instanceof GraphQLError ? shape(error) : error)) }
          : single;
      setResult((Array.isArray(result) ? results.map(reshape) : reshape(result)) as typeof result);
    },
    onResponse({ response, setResponse, fetchAPI }) {
      const code = CODES_BY_STATUS[response.status];
      if (!code || response.body !== null) return;
      const body = JSON.stringify({
        errors: [{ message: `Request refused (${response.status}).`, extensions: { code } }],
      });
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('content-type', 'application/json');
      headers.delete('content-length');
      setResponse(new fetchAPI.Response(body, { status: response.status, headers }));
    },
  };
}
