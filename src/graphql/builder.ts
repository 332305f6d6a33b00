import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { DateTimeResolver } from 'graphql-scalars';
import { isProduction } from '../config.ts';
import type PrismaTypes from '../generated/pothos-types.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
import type { Context } from './context.ts';
import { codedError, unauthenticated } from './errors.ts';
import { decodeGlobalId, encodeGlobalId } from './ids.ts';

/** Plugin setup and scalars only: types live in their modules. */
export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  Scalars: { DateTime: { Input: Date; Output: Date }; File: { Input: File; Output: never } };
  AuthScopes: { loggedIn: boolean; self: number };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin, RelayPlugin],
  scopeAuth: {
    authScopes: (context) => ({
      loggedIn: context.viewer !== null,
      self: (userId) => context.viewer?.id === userId,
    }),
    // Without this, a denial is a plain error that Yoga masks as "Unexpected error.".
    unauthorizedError: (_parent, context) =>
      context.viewer ? codedError('FORBIDDEN', 'You are not allowed to do that.') : unauthenticated(),
  },
  errors: { directResult: true },
  prisma: {
    client: (context) => context.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: false,
    filterConnectionTotalCount: true,
    // A prismaField that ignores its `query` loses batching: fail loudly in development and tests.
    onUnusedQuery: isProduction() ? null : 'error',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
    nodesQueryOptions: {
      description: 'Fetches several objects by their IDs, in order; null where one does not exist.',
    },
    nodeQueryOptions: { description: 'Fetches any object by its ID; null when it does not exist.' },
  },
});

builder.addScalarType('DateTime', DateTimeResolver);
builder.scalarType('File', {
  description: 'A file sent with the GraphQL multipart request spec (multipart/form-data).',
  serialize: () => {
    throw new Error('File is an input-only scalar');
  },
});
builder.queryType({});
builder.mutationType({});
