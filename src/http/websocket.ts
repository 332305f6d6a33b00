import type { Server } from 'node:http';
import { type ExecutionArgs, GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { App } from '../app.ts';
import { shape } from '../graphql/error-shape.ts';

/** Headers of the upgrade request that the context reads, besides the token from the connection params. */
const FORWARDED = ['user-agent', 'x-forwarded-for', 'x-request-id'];

/**
 * GraphQL over WebSocket (the graphql-ws protocol) at the GraphQL endpoint, through the same envelop pipeline as
 * HTTP: parsing, validation with every limit, the context (the token comes as `connectionParams.authorization`,
 * since browsers cannot set headers on a WebSocket), masking and the per-client subscription cap.
 */
export function attachGraphQLWebSocket(server: Server, app: App): { close(): Promise<void> } {
  const wsServer = new WebSocketServer({ server, path: app.graphqlEndpoint, maxPayload: 100 * 1024 });
  const disposable = useServer<Record<string, unknown>>(
    {
      execute: (args) => (args.rootValue as { execute: (a: ExecutionArgs) => unknown }).execute(args) as never,
      subscribe: (args) => (args.rootValue as { subscribe: (a: ExecutionArgs) => unknown }).subscribe(args) as never,
      // The same error shape as over HTTP: a code on every error, no echoed values.
      onError: (_ctx, _id, _payload, errors) => errors.map(shape),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map(shape) } : result,
      onSubscribe: async (ctx, _id, params) => {
        const headers = new Headers();
        for (const name of FORWARDED) {
          const value = ctx.extra.request.headers[name];
          if (typeof value === 'string') headers.set(name, value);
        }
        const authorization = ctx.connectionParams?.authorization;
        if (typeof authorization === 'string') headers.set('authorization', authorization);
        const request = new Request(`http://websocket${app.graphqlEndpoint}`, { headers });
        const { schema, execute, subscribe, contextFactory, parse, validate } = app.getEnveloped({
          request,
          req: ctx.extra.request,
          params,
        } as never);
        try {
          const document = parse(params.query);
          const errors = validate(schema, document);
          if (errors.length) return errors.map(shape);
          return {
            schema,
            document,
            operationName: params.operationName,
            variableValues: params.variables,
            contextValue: await contextFactory(),
            rootValue: { execute, subscribe },
          };
        } catch (error) {
          if (error instanceof GraphQLError) return [shape(error)];
          throw error;
        }
      },
    },
    wsServer,
  );
  return {
    async close() {
      for (const client of wsServer.clients) client.close(1001, 'Going away');
      await disposable.dispose();
      await new Promise((resolve) => wsServer.close(resolve));
    },
  };
}
