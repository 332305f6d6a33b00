import { context, propagation, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import { getOperationAST } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { codeOf } from '../graphql/errors.ts';
import { tracer } from '../tracing/tracing.ts';
import { requestIdOf } from './request-id.ts';

const headerGetter = {
  get: (carrier: Headers, key: string) => carrier.get(key) ?? undefined,
  keys: (carrier: Headers) => [...carrier.keys()],
};

/** Runs `wrapped` as `span`'s child and ends the span when it is done, however it ends. */
async function within(span: Span, wrapped: () => unknown) {
  try {
    await context.with(trace.setSpan(context.active(), span), wrapped);
  } finally {
    span.end();
  }
}

/**
 * The request's span tree (README: Observability): `POST /graphql` (continuing a caller's `traceparent`) →
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
        const parent = propagation.extract(ROOT_CONTEXT, request.headers, headerGetter);
        const attributes = {
          [ATTR_HTTP_REQUEST_METHOD]: request.method,
          [ATTR_URL_PATH]: path,
          'request.id': requestIdOf(request),
        };
        const span = tracer.startSpan(`${request.method} ${path}`, { kind: SpanKind.SERVER, attributes }, parent);
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
      span.updateName(name ? `${type} ${name}` : type);
      span.setAttribute('graphql.operation.type', type);
      if (name) span.setAttribute('graphql.operation.name', name);
      return {
        onExecuteDone({ result }) {
          if (isAsyncIterable(result) || !result.errors?.length) return;
          span.setStatus({ code: SpanStatusCode.ERROR });
          span.setAttribute('graphql.error.codes', result.errors.map(codeOf));
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
