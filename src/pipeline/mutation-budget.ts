import { getOperationAST, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../graphql/context.ts';
import { rateLimitKey } from '../modules/ratelimit/rate-limit-key.ts';

const MINUTE = 60_000;

/**
 * A general budget of mutations per client IP (an IPv6 client by its /64) per minute; beyond it, RATE_LIMITED
 * before anything runs.
 */
export function useMutationBudget(perMinute: number): Plugin<Context> {
  return {
    // Not async: reads pass here too, and only mutations should wait for the limiter.
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== 'mutation') return;
      const context = args.contextValue;
      return context.limiter
        .consume([{ key: `mutations:${rateLimitKey(context.clientIp)}`, limit: perMinute, windowMs: MINUTE }])
        .then(
          () => {},
          (error) => setResultAndStopExecution({ errors: [error as GraphQLError] }),
        );
    },
  };
}
