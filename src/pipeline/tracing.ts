import { context, propagation, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import { getOperationAST } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { codeOf } from '../graphql/errors.ts';
import { PICTURES_PATH } from '../modules/pictures/pictures.route.ts';
import { ATTRIBUTE_CHARS, tracer } from '../tracing/tracing.ts';
import { errorCodeLabel, operationLabel } from './labels.ts';
import { requestIdOf } from './request-id.ts';

const headerGetter = {
  get: (carrier: Headers, key: string) => carrier.get(key) ?? undefined,
  keys: (carrier: Headers) => [...carrier.keys()],
};

// Span names come from bounded sets (backends index them, and a client chooses paths and operation names);
// attributes may carry what the client sent, cut to ATTRIBUTE_CHARS.
const ROUTES = new Set(['/graphql', '/metrics', '/health', '/ready']);
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

const routeOf = (path: string) =>
  ROUTES.has(path) ? path : path.startsWith(PICTURES_PATH) ? `${PICTURES_PATH}{name}` : undefined;

/** Runs `wrapped` as `span`'s child and ends the span when it is done, however it ends. */
async function within(span: Span, wrapped: () => unknown) {
  try {
    await context.with(trace.setSpan(context.active(), span), wrapped);
  } finally {
    span.end();
  }
}

/**
 * The request's span tree (docs/operations.md: Traces): `POST /graphql` (continuing a caller's `traceparent`) →
 * `query Feed` → the resolvers that load data (builder.ts) → SQL (db/client.ts, and Prisma's own spans for
 * writes). Spans carry names, paths, statuses and error codes: never documents, variables, headers or results.
 */
export function useTracing(): Plugin {
  const requestSpans = new WeakMap<Request, Span>();
  const operationSpans = new WeakMap<object, Span>(); // by GraphQL context
  return {
    instrumentation: {
      request({ request }, wrapped) {
        const path = new URL(request.url).pathname;
        const route = routeOf(path);
        const method = METHODS.has(request.method) ? request.method : '_OTHER'; // OpenTelemetry's word
        const parent = propagation.extract(ROOT_CONTEXT, request.headers, headerGetter);
        const attributes = {
          [ATTR_HTTP_REQUEST_METHOD]: method,
          [ATTR_URL_PATH]: path.slice(0, ATTRIBUTE_CHARS),
          ...(route && { [ATTR_HTTP_ROUTE]: route }),
          'request.id': requestIdOf(request),
        };
        const span = tracer.startSpan(
          route ? `${method} ${route}` : method,
          { kind: SpanKind.SERVER, attributes },
          parent,
        );
        requestSpans.set(request, span);
        return context.with(parent, () => within(span, wrapped));
      },
      execute({ context: graphqlContext }, wrapped) {
        const span = tracer.startSpan('graphql.execute'); // named after its operation once that is known
        operationSpans.set(graphqlContext, span);
        return within(span, wrapped);
      },
    },
    onExecute({ args }) {
      const span = operationSpans.get(args.contextValue);
      if (!span) return;
      const operation = getOperationAST(args.document, args.operationName);
      const type = operation?.operation ?? 'query';
      const name = operation?.name?.value;
      const known = operationLabel(name) === name;
      span.updateName(known ? `${type} ${name}` : type); // the front end's operations by name, others by type
      span.setAttribute('graphql.operation.type', type);
      if (name) span.setAttribute('graphql.operation.name', name.slice(0, ATTRIBUTE_CHARS));
      return {
        onExecuteDone({ result }) {
          if (isAsyncIterable(result) || !result.errors?.length) return;
          span.setStatus({ code: SpanStatusCode.ERROR });
          span.setAttribute('graphql.error.codes', [
            ...new Set(result.errors.map((error) => errorCodeLabel(codeOf(error)))),
          ]);
        },
      };
    },
    onResponse({ request, response }) {
      const span = requestSpans.get(request);
      span?.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.status);
      if (response.status >= 500) span?.setStatus({ code: SpanStatusCode.ERROR });
    },
  };
}
