import { createFetch } from '@whatwg-node/fetch';
import { createYoga, type YogaInitialContext, type YogaServerInstance } from 'graphql-yoga';
import type { Sql } from './db/client.ts';
import { isDatabaseUnavailable } from './db/unavailable.ts';
import type { PrismaClient, User } from './generated/prisma/client.ts';
import { type Context, createLoaders, type Settings } from './graphql/context.ts';
import { serviceUnavailable, unexpected } from './graphql/errors.ts';
import { schema } from './graphql/schema.ts';
import { clientAddress } from './http/client-address.ts';
import { EXAMPLE_QUERY, renderLocalGraphiQL } from './http/graphiql.ts';
import type { JobQueue } from './jobs/queue.ts';
import type { Logger } from './logger.ts';
import { findViewer, sessionUserAgent } from './modules/auth/sessions.ts';
import { bearerToken, verifySessionToken } from './modules/auth/tokens.ts';
import type { Mailer } from './modules/mail/mailer.ts';
import type { PictureStorage } from './modules/pictures/storage.ts';
import type { PostEvents } from './modules/posts/post.events.ts';
import type { RateLimiter } from './modules/ratelimit/limiter.ts';
import { corsPolicy } from './pipeline/cors.ts';
import { maskError } from './pipeline/error-shape.ts';
import type { MetricsOptions } from './pipeline/metrics.ts';
import { type PipelineLimits, requestPipeline } from './pipeline/pipeline.ts';
import { requestIdOf } from './pipeline/request-id.ts';
import type { ResponseCacheOptions } from './pipeline/response-cache.ts';
import { CacheChanges } from './pipeline/response-cache-tags.ts';

/** Everything that guards the endpoint (docs/security.md: Limits): the pipeline's limits and Yoga's own settings. */
export interface Protection extends PipelineLimits {
  graphiql: boolean;
  /** Origins allowed by CORS besides PUBLIC_URL's; in development also any localhost front-end. */
  corsOrigins: string[];
  allowLocalhostOrigins: boolean;
  maxBodyBytes: number;
  /** Proxies whose X-Forwarded-For we believe (0: only the socket). */
  trustProxy: number;
}

export interface AppDependencies {
  prisma: PrismaClient;
  sql: Sql;
  logger: Logger;
  settings: Settings;
  pictures: PictureStorage;
  mailer: Mailer;
  limiter: RateLimiter;
  jobs: JobQueue;
  events: PostEvents;
  protection: Protection;
  /** Anonymous reads from a cache; absent: every request runs. */
  responseCache?: ResponseCacheOptions;
  /** Prometheus metrics at /metrics; absent: none. */
  metrics?: MetricsOptions;
  /** Spans for each request (the OpenTelemetry SDK is registered by the caller: src/tracing/tracing.ts). */
  tracing?: boolean;
  /** The clock (tests move it to check expiry). */
  now?: () => Date;
}

/** What node:http hands Yoga with each request (absent when tests call app.fetch without it). */
interface ServerContext {
  req?: { socket?: { remoteAddress?: string } };
}

export type App = YogaServerInstance<ServerContext, Context>;

/** Context members made when first used (see createContext). */
type LazyMember = 'log' | 'userAgent' | 'loaders';

/** What the lazy members of a request's context are made from, and keep once made. */
const LAZY = Symbol('lazy context members');
interface LazyState {
  request: Request;
  requestId: string;
  viewer: User | null;
  log?: Logger;
  loaders?: Context['loaders'];
}
type WithLazyState = { [LAZY]: LazyState };

/** What createContext leaves for Yoga to copy. */
const NOTHING_MORE = Object.freeze({});

/** The whole HTTP application as a fetch handler; it never listens (src/main.ts does, tests call app.fetch). */
export function createApp(deps: AppDependencies): App {
  const {
    prisma,
    sql,
    logger,
    settings,
    pictures,
    mailer,
    limiter,
    jobs,
    events,
    protection,
    now = () => new Date(),
  } = deps;
  const http = {
    publicUrl: settings.publicUrl,
    corsOrigins: protection.corsOrigins,
    allowLocalhost: protection.allowLocalhostOrigins,
    maxBodyBytes: protection.maxBodyBytes,
    // Generous, so a picture somewhat over its limit is answered on its field (a ValidationError), not with 413.
    maxUploadBytes: settings.pictureMaxBytes * 2 + 64 * 1024,
  };
  /**
   * The members made only when first used (most requests never log, some never load, only login reads the user
   * agent). The same getters serve every request and read its state from the context: getters made afresh per
   * request would give each context a shape of its own, and V8 would keep every context as a slow dictionary.
   */
  const lazy: Record<LazyMember, PropertyDescriptor> = {
    log: {
      get(this: WithLazyState) {
        const state = this[LAZY];
        state.log ??= logger.child({ requestId: state.requestId });
        return state.log;
      },
      enumerable: true,
    },
    userAgent: {
      get(this: WithLazyState) {
        return sessionUserAgent(this[LAZY].request.headers.get('user-agent'));
      },
      enumerable: true,
    },
    loaders: {
      get(this: WithLazyState) {
        const state = this[LAZY];
        if (!state.loaders) {
          state.loaders = createLoaders(sql);
          if (state.viewer) state.loaders.userById.prime(state.viewer);
        }
        return state.loaders;
      },
      enumerable: true,
    },
  };

  /**
   * The request's context, made on Yoga's own context object. Yoga would copy what this returns into it with
   * Object.assign, which calls getters (the lazy members) and, past a dozen members, turns the object into a slow
   * dictionary; members stored one by one keep it a fast object, whose every read in a resolver is cheaper.
   */
  async function createContext(context: YogaInitialContext & ServerContext): Promise<object> {
    const { request } = context;
    const requestId = requestIdOf(request);
    const token = bearerToken(request.headers.get('authorization'));
    const claims = token ? verifySessionToken(token, settings.jwtSecret, now()) : null;
    // Requests without a valid token cost no query; with one, a single indexed lookup. A failure here is outside
    // any resolver: it is logged once, with the request id, and answered with that id.
    let viewer: User | null = null;
    try {
      viewer = claims ? await findViewer(sql, claims.userId, claims.sessionId, now()) : null;
    } catch (error) {
      if (isDatabaseUnavailable(error)) {
        logger.warn({ err: error, requestId }, 'The database is unavailable');
        throw serviceUnavailable(requestId);
      }
      logger.error({ err: error, requestId }, 'Unexpected error while reading the session');
      throw unexpected(requestId);
    }
    const made = context as typeof context & WithLazyState & { -readonly [K in keyof Context]: Context[K] };
    made[LAZY] = { request, requestId, viewer };
    Object.defineProperties(made, lazy);
    // What every request shares, then the request's own.
    made.prisma = prisma;
    made.sql = sql;
    made.settings = settings;
    made.pictures = pictures;
    made.mailer = mailer;
    made.limiter = limiter;
    made.jobs = jobs;
    made.events = events;
    made.now = now;
    made.requestId = requestId;
    made.clientIp = clientAddress(request, context.req?.socket?.remoteAddress, protection.trustProxy);
    made.viewer = viewer;
    made.sessionId = viewer ? claims!.sessionId : null;
    made.changed = new CacheChanges();
    return NOTHING_MORE;
  }

  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: logger.child({ component: 'yoga' }),
    graphiql: protection.graphiql && { title: 'Flask Blog GraphQL', defaultQuery: EXAMPLE_QUERY },
    renderGraphiQL: renderLocalGraphiQL,
    cors: corsPolicy(http),
    batching: false,
    // useBodyLimit (pipeline/body-limit.ts) bounds bodies before they are parsed; Yoga's own limit would stream
    // every body through a second, per-request TransformStream.
    maxRequestBodySize: false,
    maskedErrors: { maskError: maskError(logger), isDev: false },
    // Multipart parsing limits: one file (a picture), a few small fields.
    fetchAPI: createFetch({
      formDataLimits: { files: 1, fileSize: http.maxUploadBytes, fields: 4, fieldSize: http.maxBodyBytes, parts: 5 },
    }),
    // Typed as the whole Context: every member is on Yoga's object already (see createContext).
    context: (initial) => createContext(initial) as Promise<Context>,
    // The request's steps, in order, and why each sits where it does.
    plugins: requestPipeline({
      logger,
      sql,
      pictures,
      events,
      limits: protection,
      bodyLimits: http,
      responseCache: deps.responseCache,
      metrics: deps.metrics,
      tracing: deps.tracing,
    }),
  });
}
