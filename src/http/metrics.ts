import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { codeOf } from '../graphql/errors.ts';

const METRICS_PATH = '/metrics';

export interface MetricsOptions {
  /** Off: no /metrics at all (the production default unless METRICS=true). */
  enabled: boolean;
  /** When set, /metrics answers only requests with `Authorization: Bearer <token>`. */
  token?: string;
  /** The database pool's connections: in use, idle, and requests waiting for one. */
  pool: () => { total: number; idle: number; waiting: number };
}

/**
 * Prometheus metrics at /metrics (a registry per app): requests and their durations by operation name, type and
 * status (Yoga's Prometheus plugin), errors by code (RATE_LIMITED counts refusals), the database pool, and the
 * process (CPU, memory, event-loop lag, GC) from prom-client's default collectors.
 */
export function metricsPlugins(options: MetricsOptions): Plugin[] {
  if (!options.enabled) return [];
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const errors = new Counter({
    name: 'graphql_errors_total',
    help: 'GraphQL errors answered, by code',
    labelNames: ['code'],
    registers: [registry],
  });
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool connections by state (in_use, idle) and requests waiting for one (waiting)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const { total, idle, waiting } = options.pool();
      this.set({ state: 'in_use' }, total - idle);
      this.set({ state: 'idle' }, idle);
      this.set({ state: 'waiting' }, waiting);
    },
  });
  const guard: Plugin = {
    onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== METRICS_PATH || !options.token) return;
      if (request.headers.get('authorization') !== `Bearer ${options.token}`) {
        endResponse(new fetchAPI.Response('Unauthorized', { status: 401, headers: { 'www-authenticate': 'Bearer' } }));
      }
    },
  };
  const errorCodes: Plugin = {
    onResultProcess({ result }) {
      if (isAsyncIterable(result)) return;
      for (const single of Array.isArray(result) ? result : [result]) {
        for (const error of single.errors ?? []) errors.inc({ code: codeOf(error) });
      }
    },
  };
  return [
    guard,
    errorCodes,
    usePrometheus({
      endpoint: METRICS_PATH,
      registry,
      // The URL would carry a GET request's query and variables: values, and a label per distinct request.
      labels: { url: false },
      metrics: {
        graphql_yoga_http_duration: true,
        graphql_envelop_request: true,
        graphql_envelop_request_duration: true,
        graphql_envelop_error_result: true,
        graphql_envelop_phase_execute: true,
        graphql_envelop_phase_subscribe: true,
      },
    }),
  ];
}
