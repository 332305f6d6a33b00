import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Context } from '../graphql/context.ts';
import { codedError } from '../graphql/errors.ts';
import { rateLimitKey } from '../modules/ratelimit/rate-limit-key.ts';

/**
 * At most `max` open subscriptions per client address (an IPv6 client by its /64) on this instance (SSE and
 * WebSocket alike): each holds a connection and a place in every fan-out, so one client must not hold them all.
 * Counted until the stream ends.
 */
export function useSubscriptionCap(max: number): Plugin<Context> {
  const open = new Map<string, number>();
  return {
    onSubscribe({ args, setResultAndStopExecution }) {
      const client = rateLimitKey(args.contextValue.clientIp);
      const count = open.get(client) ?? 0;
      if (count >= max) {
        setResultAndStopExecution({
          errors: [
            codedError('RATE_LIMITED', `Too many open subscriptions from this client (at most ${max}): end one first.`),
          ],
        });
        return;
      }
      open.set(client, count + 1);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        const left = (open.get(client) ?? 1) - 1;
        if (left > 0) open.set(client, left);
        else open.delete(client);
      };
      return {
        onSubscribeError: release,
        onSubscribeResult: ({ result }) => (isAsyncIterable(result) ? { onEnd: release } : release()),
      };
    },
  };
}
