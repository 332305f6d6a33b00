import { createYoga, useReadinessCheck, type YogaServerInstance } from 'graphql-yoga';
import type { PrismaClient } from './generated/prisma/client.ts';
import { createLoaders, type Context } from './graphql/context.ts';
import { useErrorPolicy } from './graphql/error-policy.ts';
import { schema } from './graphql/schema.ts';
import { EXAMPLE_QUERY, renderLocalGraphiQL } from './http/graphiql.ts';
import { requestIdOf, useRequestId } from './http/request-id.ts';
import type { Logger } from './logger.ts';
import { usePictures } from './modules/pictures/pictures.route.ts';

export interface AppDependencies {
  prisma: PrismaClient;
  logger: Logger;
  publicUrl: string;
  /** Where uploaded profile pictures are kept (DATA_DIR/pictures). */
  picturesDir: string;
  /** GraphiQL on GET /graphql from a browser. */
  graphiql?: boolean;
}

export type App = YogaServerInstance<Record<string, unknown>, Context>;

/** The whole HTTP application as a fetch handler; it never listens (src/main.ts does, tests call app.fetch). */
export function createApp({ prisma, logger, publicUrl, picturesDir, graphiql = true }: AppDependencies): App {
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    logging: logger.child({ component: 'yoga' }),
    graphiql: graphiql && { title: 'Flask Blog GraphQL', defaultQuery: EXAMPLE_QUERY },
    renderGraphiQL: renderLocalGraphiQL,
    context: ({ request }) => {
      const requestId = requestIdOf(request);
      return {
        prisma,
        requestId,
        log: logger.child({ requestId }),
        viewerId: null,
        publicUrl,
        loaders: createLoaders(prisma),
      };
    },
    plugins: [
      useRequestId(),
      usePictures({ dir: picturesDir }),
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
