import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from './context.ts';

/**
 * A deadline for each operation: past `ms`, the client gets REQUEST_TIMEOUT (HTTP 503, Retry-After) instead of
 * waiting. The operation's own database statements are bounded by statement_timeout, which PostgreSQL enforces
 * by cancelling them; a write that still commits is what createPost's idempotency key is for. Registered after
 * every plugin that replaces the executor, so it bounds whichever one runs.
 */
export function useDeadline(ms: number): Plugin<Context> {
  return {
    onExecute({ executeFn, setExecuteFn, args }) {
      setExecuteFn((executionArgs) => {
        let timer: NodeJS.Timeout | undefined;
        const expired = new Promise<{ errors: GraphQLError[] }>((resolve) => {
          timer = setTimeout(() => {
            args.contextValue.log.warn({ deadlineMs: ms }, 'The request passed its deadline');
            resolve({ errors: [requestTimeout((args.contextValue as Context).requestId)] });
          }, ms);
        });
        return Promise.race([Promise.resolve(executeFn(executionArgs)), expired]).finally(() =>
          clearTimeout(timer),
        ) as ReturnType<typeof executeFn>;
      });
    },
  };
}

function requestTimeout(requestId: string): GraphQLError {
  return new GraphQLError('The request took too long. Try again shortly.', {
    extensions: {
      code: 'REQUEST_TIMEOUT',
      requestId,
      retryAfter: 5,
      http: { status: 503, headers: { 'retry-after': '5' } },
    },
  });
}
