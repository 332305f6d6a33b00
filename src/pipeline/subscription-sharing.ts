import { createSourceEventStream, type DocumentNode, type ExecutionArgs, type ExecutionResult, execute } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import type { Context } from '../graphql/context.ts';

/**
 * Per event: per document, the result by operation name and variables. Forgotten with the event, which lives
 * while a subscriber still holds it (at most 256 buffered each: post.events.ts); keys are those of open
 * anonymous subscriptions, documents those Yoga's parser cache holds.
 */
const results = new WeakMap<object, WeakMap<DocumentNode, Map<string, Promise<ExecutionResult>>>>();

/** Executions that ran (not those shared): what tests count to see that sharing happens. */
export const sharedExecutions = { count: 0 };

/**
 * Anonymous subscribers of the same document, operation and variables see the same thing, so each event's
 * result is executed (and serialized) once for all of them on this instance. Signed-in subscribers keep their own
 * execution: their selection may read what only they may see (their email).
 *
 * The seam: envelop's `onSubscribe` lets a plugin replace the subscribe function (@envelop/core orchestrator,
 * `setSubscribeFn`; listed after graphql-jit's, it replaces that one). It does what graphql-js' `subscribe`
 * does (graphql/execution/subscribe.js: `createSourceEventStream`, then `execute` with each event as the root
 * value), with the execution memoized on the event object, which the event bus hands every subscriber
 * (post.events.ts). Each subscriber's own stream (its filter) and every hook after it (masking, per subscriber)
 * are unchanged; events that are not objects are executed per subscriber.
 */
export function useSubscriptionSharing(): Plugin<Context> {
  return {
    onSubscribe({ args, setSubscribeFn }) {
      if (args.contextValue.viewer) return;
      const key = `${args.operationName ?? ''}\n${JSON.stringify(args.variableValues ?? {})}`;
      setSubscribeFn(async (args: ExecutionArgs) => {
        const stream = await createSourceEventStream(args);
        if (!isAsyncIterable(stream)) return stream;
        return mapAsyncIterator(stream, (event: unknown) => sharedResult(event, args, key));
      });
    },
  };
}

function sharedResult(event: unknown, args: ExecutionArgs, key: string): Promise<ExecutionResult> {
  if (typeof event !== 'object' || event === null) return run(event, args);
  let byDocument = results.get(event);
  if (!byDocument) {
    byDocument = new WeakMap();
    results.set(event, byDocument);
  }
  let byKey = byDocument.get(args.document);
  if (!byKey) {
    byKey = new Map();
    byDocument.set(args.document, byKey);
  }
  let result = byKey.get(key);
  if (!result) {
    result = run(event, args).then(serializedOnce);
    byKey.set(key, result);
  }
  return result;
}

async function run(event: unknown, args: ExecutionArgs): Promise<ExecutionResult> {
  sharedExecutions.count++;
  return execute({ ...args, rootValue: event });
}

/**
 * Yoga serializes a result with its `stringify` if it has one (graphql-yoga result-processor/stringify.js, as
 * for graphql-jit's results), so the text is made once. Not enumerable: a copy (one whose errors a hook
 * replaced) does not carry it, and anything else given to it is serialized afresh.
 */
function serializedOnce(result: ExecutionResult): ExecutionResult {
  let text: string | undefined;
  const stringify = (value: unknown) => {
    if (value !== result) return JSON.stringify(value);
    text ??= JSON.stringify(value);
    return text;
  };
  return Object.defineProperty(result, 'stringify', { value: stringify });
}
