import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import type { BackgroundTasks } from './background.ts';
import type { PrismaClient } from './generated/prisma/client.ts';
import { createLoaders, type Context, type Settings } from './graphql/context.ts';
import { useErrorPolicy } from './graphql/error-policy.ts';
import { schema } from './graphql/schema.ts';
import { EXAMPLE_QUERY, renderLocalGraphiQL } from './http/graphiql.ts';
import { requestIdOf, useRequestId } from './http/request-id.ts';
import type { Logger } from './logger.ts';
import { findViewer } from './modules/auth/auth.service.ts';
import { bearerToken, verifySessionToken } from './modules/auth/tokens.ts';
import type { Mailer } from './modules/mail/mailer.ts';
import { usePictures } from './modules/pictures/pictures.route.ts';
import type { PictureStorage } from './modules/pictures/storage.ts';
import type { RateLimiter } from './modules/ratelimit/limiter.ts';

export interface AppDependencies {
  prisma: PrismaClient;
  logger: Logger;
  settings: Settings;
  pictures: PictureStorage;
  mailer: Mailer;
  limiter: RateLimiter;
  background: BackgroundTasks;
  /** The clock (tests move it to check expiry). */
  now?: () => Date;
  /** GraphiQL on GET /graphql from a browser. */
  graphiql?: boolean;
}

/** What node:http hands Yoga with each request (absent when tests call app.fetch without it). */
export interface ServerContext {
  req?: { socket?: { remoteAddress?: string } };
}

export type App = YogaServerInstance<ServerContext, Context>;

/** The whole HTTP application as a fetch handler; it never listens (src/main.ts does, tests call app.fetch). */
export function createApp(deps: AppDependencies): App {
  const { prisma, logger, settings, pictures, mailer, limiter, background, now = () => new Date(), graphiql = true } = deps;

  async function createContext(request: Request, server: ServerContext): Promise<Context> {
    const requestId = requestIdOf(request);
    const token = bearerToken(request.headers.get('authorization'));
    const claims = token ? verifySessionToken(token, settings.jwtSecret, now()) : null;
    const base = { prisma, settings, pictures, mailer, limiter, background, now };
    // Requests without a valid token cost no query; with one, a single indexed lookup.
    const viewer = claims ? await findViewer(base, claims.userId, claims.sessionId) : null;
    const loaders = createLoaders(prisma);
    if (viewer) loaders.userById.prime(viewer.id, viewer);
    return {
      ...base,
      requestId,
      log: logger.child({ requestId }),
      clientIp: server.req?.socket?.remoteAddress ?? 'unknown',
      viewer,
      sessionId: viewer ? claims!.sessionId : null,
      loaders,
    };
  }

  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: logger.child({ component: 'yoga' }),
    graphiql: graphiql && { title: 'Flask Blog GraphQL', defaultQuery: EXAMPLE_QUERY },
    renderGraphiQL: renderLocalGraphiQL,
    context: ({ request, req }) => createContext(request, { req }),
    plugins: [
      useRequestId(),
      // Requests a browser could send cross-site without a preflight (forms, multipart, plain GET) must carry
      // one of these headers, which only a script allowed by CORS can set.
      useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf', 'apollo-require-preflight'] }),
      usePictures(pictures),
      useErrorPolicy(),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          try {
            await prisma.$queryRaw`SELECT 1`;
            return true;
          } catch (error) {
            logger.warn({ err: error }, 'Readiness check failed: the database does not answer');
            return false;
          }
        },
      }),
    ],
  });
}
