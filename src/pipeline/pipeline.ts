import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import type { Plugin } from 'graphql-yoga';
import type { Sql } from '../db/client.ts';
import type { Context } from '../graphql/context.ts';
import type { Logger } from '../logger.ts';
import type { PictureStorage } from '../modules/pictures/storage.ts';
import type { PostEvents } from '../modules/posts/post.events.ts';
import { useAccessLog } from './access-log.ts';
import { type BodyLimits, useBodyLimit } from './body-limit.ts';
import { useDeadline } from './deadline.ts';
import { useErrorPolicy } from './error-policy.ts';
import { useErrorShape } from './error-shape.ts';
import { useHttpCaching } from './http-caching.ts';
import { useCompiledExecution } from './jit.ts';
import { type MetricsOptions, metricsPlugins } from './metrics.ts';
import { useMutationBudget } from './mutation-budget.ts';
import { type OperationLimits, operationLimitPlugins } from './operation-limits.ts';
import { usePictures } from './pictures.ts';
import { useReadiness } from './readiness.ts';
import { useRequestId } from './request-id.ts';
import { type ResponseCacheOptions, responseCachePlugins } from './response-cache.ts';
import { useSecurityHeaders } from './security-headers.ts';
import { useSubscriptionCap } from './subscription-cap.ts';
import { useSubscriptionSharing } from './subscription-sharing.ts';
import { useTracing } from './tracing.ts';
import { type TrustedDocumentsMode, trustedDocumentPlugins } from './trusted-documents.ts';

/** The limits the pipeline enforces on each request (docs/security.md: Limits). */
export interface PipelineLimits extends OperationLimits {
  mutationsPerMinute: number;
  /** max-age of anonymous GET answers (0: no-store). */
  httpCacheMaxAgeSeconds: number;
  /** Longest an operation may run before the client gets REQUEST_TIMEOUT. */
  requestTimeoutMs: number;
  /** Open subscriptions allowed per client address. */
  maxSubscriptionsPerClient: number;
  /** Documents by hash (docs/api.md: Trusted documents). */
  trustedDocuments: TrustedDocumentsMode;
}

export interface PipelineOptions {
  logger: Logger;
  /** Asked by /ready. */
  sql: Sql;
  /** Served at /pictures/. */
  pictures: PictureStorage;
  /** Its health is reported by /ready. */
  events: PostEvents;
  limits: PipelineLimits;
  bodyLimits: BodyLimits;
  /** Anonymous reads from a cache; absent: every request runs. */
  responseCache?: ResponseCacheOptions;
  /** Prometheus metrics at /metrics; absent: none. */
  metrics?: MetricsOptions;
  /** Spans for each request (the OpenTelemetry SDK is registered by the caller: src/tracing/tracing.ts). */
  tracing?: boolean;
}

/**
 * Every request's path through Yoga. Hooks of one kind run in this order (request, params, execute, result,
 * response), and a step that ends a request early skips the later ones of that kind; response hooks run for
 * every answer. Yoga's own steps come before these (the context, /health, CORS, GraphiQL, the request parsers)
 * and after them (error masking, validation errors' HTTP status); app.ts sets those.
 */
export function requestPipeline(options: PipelineOptions): Array<Plugin | Plugin<Context>> {
  const { logger, limits, responseCache } = options;
  return [
    // First: its request span holds everything below.
    ...(options.tracing ? [useTracing()] : []),
    // Early: requests are timed from here, and /metrics is answered (or refused without its token) at once.
    ...(options.metrics ? metricsPlugins(options.metrics) : []),
    // Response headers for every answer, however it ended: the request id its log lines carry.
    useRequestId(),
    useSecurityHeaders(),
    // Before the access log, whose result hook then logs the codes of the shaped errors.
    useErrorShape(),
    // Its clock starts before any step below may refuse the request.
    useAccessLog(logger),
    // Before anything reads the body (Yoga's own limit is off: app.ts).
    useBodyLimit(options.bodyLimits),
    // Requests a browser could send cross-site without a preflight (forms, multipart, plain GET) must carry
    // one of these headers, which only a script allowed by CORS can set.
    useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'apollo-require-preflight'] }),
    // Before the response cache: a hash becomes the document that the cache's key is made of.
    ...trustedDocumentPlugins(limits.trustedDocuments),
    // Not GraphQL: after the access log (picture requests are logged too), ended before any GraphQL step.
    usePictures(options.pictures, logger),
    // Response headers only (Cache-Control, Vary on /graphql): its place among the others does not matter.
    useHttpCaching(limits.httpCacheMaxAgeSeconds),
    // Compiled execution first: the response cache then wraps the compiled executor rather than replacing it.
    useCompiledExecution(),
    useSubscriptionSharing(), // after it: anonymous subscribers' events executed once, replacing its subscribe
    ...(responseCache ? responseCachePlugins(responseCache, logger) : []),
    // Wraps Yoga's handling of the parameters (context, every execute hook, execution), wherever it is listed.
    useDeadline(limits.requestTimeoutMs, logger),
    // Before the budgets: an operation refused here (depth, cost, bad text) spends no mutation or slot.
    ...operationLimitPlugins(limits),
    useMutationBudget(limits.mutationsPerMinute),
    useSubscriptionCap(limits.maxSubscriptionsPerClient),
    // Last execute hook (a refusal above ends before it): decides what clients see of resolvers' errors.
    useErrorPolicy(),
    // Last request hook: /ready passes the ones above (traced, timed, logged) and is answered here.
    useReadiness(options.sql, logger, {
      eventBus: () => options.events.healthy(),
      ...(responseCache?.healthy && { responseCache: responseCache.healthy }),
    }),
  ];
}
