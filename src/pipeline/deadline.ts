import { GraphQLError } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { requestIdOf } from './request-id.ts';
import type { Logger } from '../logger.ts';

/**
 * A deadline for each operation: past `ms`, the client gets REQUEST_TIMEOUT (HTTP 503, Retry-After) instead of
 * waiting. It wraps Yoga's whole handling of the parameters, so it bounds everything a request may wait for:
 * the session lookup in the context, a pool connection, plugins' own waits (the rate limiter) and execution,
 * whichever executor runs. The database work left behind ends by the pool's timeouts and statement_timeout; a
 * write that still commits is what createPost's idempotency key is for.
 */
export function useDeadline(ms: number, logger: Logger): Plugin {
  return {
    onParams({ request, paramsHandler, setParamsHandler }) {
      // One promise and one timer per request: whichever settles it first wins, the other is ignored.
      setParamsHandler(
        (payload) =>
          new Promise((resolve, reject) => {
            let expired = false;
            const timer = setTimeout(() => {
              expired = true;
              const requestId = requestIdOf(request);
              logger.warn({ requestId, deadlineMs: ms }, 'The request passed its deadline');
              resolve({ errors: [requestTimeout(requestId)] });
            }, ms);
            const settle = (result: Awaited<ReturnType<typeof paramsHandler>>) => {
              clearTimeout(timer);
              // A subscription that starts after its deadline has no reader left: end it.
              if (expired && isAsyncIterable(result)) void result[Symbol.asyncIterator]().return?.();
              else resolve(result);
            };
            const fail = (error: unknown) => {
              clearTimeout(timer);
              reject(error);
            };
            try {
              const work = paramsHandler(payload);
              if (isPromiseLike(work)) work.then(settle, fail);
              else settle(work);
            } catch (error) {
              fail(error);
            }
          }),
      );
    },
  };
}

const isPromiseLike = <T>(value: T | PromiseLike<T>): value is PromiseLike<T> =>
  typeof (value as PromiseLike<T> | null)?.then === 'function';

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
