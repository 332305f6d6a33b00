import { getOperationAST } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { codeOf } from '../graphql/errors.ts';
import type { Logger } from '../logger.ts';
import { requestIdOf } from './request-id.ts';

interface Entry {
  started: number;
  operation?: string;
  type?: string;
  viewerId?: number;
  errors?: string[];
}

/**
 * One line per request at info level: request id, path, operation name and type, status, duration, the viewer's
 * id, and the codes of any errors. Never variables, tokens or bodies.
 */
export function useAccessLog(logger: Logger): Plugin {
  // Below info (LOG_LEVEL=warn and up) no line is written: every request would still pass through five hooks.
  if (!logger.isLevelEnabled('info')) return {};
  const entries = new WeakMap<Request, Entry>();
  const describe = ({
    args,
  }: {
    args: {
      document: Parameters<typeof getOperationAST>[0];
      operationName?: string | null;
      contextValue: { request: Request; viewer?: { id: number } | null };
    };
  }) => {
    const entry = entries.get(args.contextValue.request);
    if (!entry) return;
    const operation = getOperationAST(args.document, args.operationName);
    entry.operation = operation?.name?.value;
    entry.type = operation?.operation;
    entry.viewerId = args.contextValue.viewer?.id;
  };
  return {
    onRequest({ request }) {
      entries.set(request, { started: performance.now() });
    },
    onExecute: describe,
    onSubscribe: describe,
    onResultProcess({ request, result }) {
      const entry = entries.get(request);
      if (!entry || isAsyncIterable(result)) return;
      const codes = (Array.isArray(result) ? result : [result]).flatMap((single) => (single.errors ?? []).map(codeOf));
      if (codes.length) entry.errors = codes;
    },
    onResponse({ request, response }) {
      const entry = entries.get(request);
      const url = new URL(request.url);
      logger.info(
        {
          requestId: requestIdOf(request),
          method: request.method,
          path: url.pathname,
          operation: entry?.operation,
          operationType: entry?.type,
          status: response.status,
          durationMs: entry ? Math.round((performance.now() - entry.started) * 10) / 10 : undefined,
          viewerId: entry?.viewerId,
          errors: entry?.errors,
        },
        'request',
      );
    },
  };
}
