import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import type { PrismaClient } from './generated/prisma/client.ts';
import { createLoaders, type Context, type Settings } from './graphql/context.ts';
import { useErrorPolicy } from './graphql/error-policy.ts';
import { schema } from './graphql/schema.ts';
import { EXAMPLE_QUERY, renderLocalGraphiQL } from './http/graphiql.ts';
import { requestIdOf, useRequestId } from './http/request-id.ts';
import type { Logger } from './logger.ts';
import { findViewer } from './modules/auth/auth.service.ts';
import { bearerToken, verifySessionToken } from './modules/auth/tokens.ts';
import { usePictures } from './modules/pictures/pictures.route.ts';
import type { PictureStorage } from './modules/pictures/storage.ts';

export interface AppDependencies {
  prisma: PrismaClient;
  logger: Logger;
  settings: Settings;
  pictures: PictureStorage;
  /** The clock (tests move it to check expiry). */
  now?: () => Date;
  /** GraphiQL on GET /graphql from a browser. */
  graphiql?: boolean;
}

export type App = YogaServerInstance<Record<string, unknown>, Context>;

/** The whole HTTP application as a fetch handler; it never listens (src/main.ts does, tests call app.fetch). */
export function createApp(deps: AppDependencies): App {
  const { prisma, logger, settings, pictures, now = () => new Date(), graphiql = true } = deps;

  async function createContext(request: Request): Promise<Context> {
    const requestId = requestIdOf(request);
    const token = bearerToken(request.headers.get('authorization'));
    const claims = token ? verifySessionToken(token, settings.jwtSecret, now()) : null;
    const base = { prisma, settings, pictures, now };
    // Requests without a valid token cost no query; with one, a single indexed lookup.
    const viewer = claims ? await findViewer(base, claims.userId, claims.sessionId) : null;
    const loaders = createLoaders(prisma);
    if (viewer) loaders.userById.prime(viewer.id, viewer);
    return {
      ...base,
      requestId,
      log: logger.child({ requestId }),
      viewer,
      sessionId: viewer ? claims!.sessionId : null,
      loaders,
    };
  }

  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: logger.child({ component: 'yoga' }),
    graphiql: graphiql && { title: 'Flask Blog GraphQL', defaultQuery: EXAMPLE_QUERY },
    renderGraphiQL: renderLocalGraphiQL,
    context: ({ request }) => createContext(request),
    plugins: [
      useRequestId(),
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
