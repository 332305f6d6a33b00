import { context, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { pathToString } from '@pothos/plugin-tracing';
import { AttributeNames, createOpenTelemetryWrapper } from '@pothos/tracing-opentelemetry';
import { PrismaInstrumentation, registerInstrumentations } from '@prisma/instrumentation';
import type { GraphQLFieldResolver } from 'graphql';

/** The tracer of every span this server makes: a no-op until a provider is registered. */
export const tracer = trace.getTracer('flaskblog-graphql');

export interface TracingOptions {
  /** Where spans go: an OTLP/HTTP traces URL (…/v1/traces). */
  url?: string;
  serviceName: string;
  /** Instead of OTLP (tests: an in-memory exporter). */
  processor?: SpanProcessor;
}

/**
 * Registers the OpenTelemetry SDK for this process: spans batched to OTLP, Prisma's own query spans, and
 * AsyncLocalStorage so that a span started in a request is the parent of what runs for it.
 */
export function startTracing({ url, serviceName, processor }: TracingOptions): { shutdown(): Promise<void> } {
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: serviceName }),
    spanProcessors: [processor ?? new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      // Statements and their operations; not the steps in memory, nor the client's start and stop.
      new PrismaInstrumentation({ ignoreSpanTypes: [/^prisma:client:(serialize|compile|connect|disconnect)$/] }),
    ],
  });
  return {
    async shutdown() {
      unregister();
      await provider.shutdown(); // sends what is still batched
      trace.disable();
      context.disable();
    },
  };
}

/** True inside a traced request: the checks below cost nothing measurable when tracing is off. */
export function tracing(): boolean {
  return trace.getSpan(context.active()) !== undefined;
}

/**
 * Runs `work` in a child span of the active one. Failures mark the span with their class only: error messages
 * (a database's, say) may quote values, which never go into spans.
 */
export async function inSpan<T>(
  name: string,
  attributes: Record<string, string>,
  work: () => Promise<T>,
  kind = SpanKind.INTERNAL,
): Promise<T> {
  return tracer.startActiveSpan(name, { kind, attributes }, async (span: Span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.setAttribute('error.type', error instanceof Error ? error.constructor.name : typeof error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** What a span may carry of a client's text (a field path is made of its aliases). */
export const ATTRIBUTE_CHARS = 100;

const openTelemetryWrapper = createOpenTelemetryWrapper<object>(tracer, {
  includeArgs: false,
  includeSource: false,
  ignoreError: true,
  onSpan(span, _field, _parent, _args, _context, info) {
    const path = pathToString(info);
    if (path.length > ATTRIBUTE_CHARS) span.setAttribute(AttributeNames.FIELD_PATH, path.slice(0, ATTRIBUTE_CHARS));
  },
});

/**
 * A resolver with a span of its own (Pothos' OpenTelemetry wrapper: name, path and type only, never arguments)
 * while a request is traced; otherwise the resolver itself runs, with one check.
 */
export function traceResolver<Context extends object>(
  resolver: GraphQLFieldResolver<unknown, Context, Record<string, unknown>>,
): GraphQLFieldResolver<unknown, Context, Record<string, unknown>> {
  const traced = openTelemetryWrapper(resolver as GraphQLFieldResolver<unknown, object, Record<string, unknown>>, {});
  return (parent, args, context, info) => (tracing() ? traced : resolver)(parent, args, context, info);
}
