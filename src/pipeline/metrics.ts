import {
  createCounter,
  createHistogram,
  type FillLabelsFnParams,
  usePrometheus,
} from '@graphql-yoga/plugin-prometheus';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { codeOf } from '../graphql/errors.ts';
import { errorCodeLabel, operationLabel, operationTypeLabel } from './labels.ts';

const METRICS_PATH = '/metrics';

const OPERATION_LABELS = ['operationType', 'operationName'] as const;
const operation = (params: FillLabelsFnParams) => ({
  operationType: operationTypeLabel(params.operationType),
  operationName: operationLabel(params.operationName),
});

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
        for (const error of single.errors ?? []) errors.inc({ code: errorCodeLabel(codeOf(error)) });
      }
    },
  };
  return [
    guard,
    errorCodes,
    usePrometheus({
      endpoint: METRICS_PATH,
      registry,
      // Every label is ours to bound (labels.ts): the plugin's own would take any operation name a client sends,
      // the error's path (its aliases) and the URL (a GET request's query and variables).
      metrics: {
        graphql_yoga_http_duration: createHistogram({
          registry,
          histogram: {
            name: 'graphql_yoga_http_duration',
            help: 'Time spent on HTTP connection',
            labelNames: ['method', 'statusCode', ...OPERATION_LABELS],
          },
          fillLabelsFn: (params, { request, response }) => ({
            method: request.method === 'GET' ? 'GET' : 'POST', // the only ones that reach GraphQL
            statusCode: response.status,
            ...operation(params),
          }),
        }),
        graphql_envelop_request: createCounter({
          registry,
          counter: {
            name: 'graphql_envelop_request',
            help: 'Counts the amount of GraphQL requests executed through Envelop',
            labelNames: OPERATION_LABELS,
          },
          fillLabelsFn: operation,
        }),
        graphql_envelop_request_duration: histogram<'execute' | 'subscribe'>(
          'graphql_envelop_request_duration',
          'Time spent on running the GraphQL operation from parse to execute',
        ),
        graphql_envelop_error_result: createCounter({
          registry,
          counter: {
            name: 'graphql_envelop_error_result',
            help: 'Counts the amount of errors reported from all phases',
            labelNames: [...OPERATION_LABELS, 'phase'],
          },
          fillLabelsFn: (params) => ({ ...operation(params), phase: params.errorPhase ?? 'unknown' }),
        }),
        graphql_envelop_phase_execute: histogram<'execute'>(
          'graphql_envelop_phase_execute',
          'Time spent on running the GraphQL "execute" function',
        ),
        graphql_envelop_phase_subscribe: histogram<'subscribe'>(
          'graphql_envelop_phase_subscribe',
          'Time spent on running the GraphQL "subscribe" function',
        ),
        // On by default in the plugin; not among the metrics we offer (docs/operations.md: Metrics).
        graphql_envelop_phase_parse: false,
        graphql_envelop_phase_validate: false,
        graphql_envelop_phase_context: false,
        graphql_envelop_request_time_summary: false,
        graphql_envelop_deprecated_field: false,
      },
    }),
  ];

  function histogram<Phases>(name: string, help: string) {
    return createHistogram<Phases, (typeof OPERATION_LABELS)[number]>({
      registry,
      histogram: { name, help, labelNames: OPERATION_LABELS },
      fillLabelsFn: operation,
    });
  }
}
