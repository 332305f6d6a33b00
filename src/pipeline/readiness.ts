import type { Plugin } from 'graphql-yoga';
import type { Sql } from '../db/client.ts';
import type { Logger } from '../logger.ts';

const READY_TIMEOUT_MS = 1500;
const ENDPOINT = '/ready';

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`No answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * /ready: 503 when the database does not answer within 1.5 s (a frozen one never answers), since nothing works
 * without it. Shared services the API can do without (the event bus, the response cache) make it `degraded`,
 * still 200: an instance without its cache still serves, so a load balancer must not take it out.
 */
export function useReadiness(sql: Sql, logger: Logger, optional: Record<string, () => boolean>): Plugin {
  const answer = (status: number, body: object) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const check = async () => {
    try {
      await withTimeout(sql({ name: 'ready', text: 'SELECT 1', values: [] }), READY_TIMEOUT_MS);
    } catch (error) {
      logger.warn({ err: error }, 'Readiness check failed: the database does not answer');
      return answer(503, { status: 'unavailable', down: ['database'] });
    }
    const down = Object.keys(optional).filter((name) => !optional[name]!());
    return answer(200, down.length ? { status: 'degraded', down } : { status: 'ready' });
  };
  return {
    // Yoga's useReadinessCheck matches the same paths, but also runs a URLPattern over every request's URL:
    // the dearest step of a feed request that has nothing to do with it.
    onRequest({ request, url, endResponse }) {
      if (!request.url.endsWith(ENDPOINT) && url.pathname !== ENDPOINT) return;
      return check().then(endResponse, () => endResponse(new Response(null, { status: 503 })));
    },
  };
}
