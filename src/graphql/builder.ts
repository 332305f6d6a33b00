import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ErrorsPlugin, { capitalize } from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import TracingPlugin, { isEnumField, isExposedField, isRootField, isScalarField } from '@pothos/plugin-tracing';
import { DateTimeResolver } from 'graphql-scalars';
import { GraphQLError, GraphQLScalarType } from 'graphql';
import { isProduction } from '../config.ts';
import type PrismaTypes from '../generated/pothos-types.ts';
import { getDatamodel } from '../generated/pothos-types.ts';
import type { Context } from './context.ts';
import { codedError, unauthenticated, ValidationError } from './errors.ts';
import { decodeGlobalId, encodeGlobalId } from './ids.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-size.ts';
import { traceResolver } from '../tracing/tracing.ts';

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
  plugins: [TracingPlugin, ScopeAuthPlugin, ErrorsPlugin, ComplexityPlugin, PrismaPlugin, RelayPlugin],
  // Cost of an operation (limited in pipeline/operation-limits.ts, with what the heavy reads add in cost.ts):
  // 1 a field; what is selected below a connection counts once for each item it may return (first/last,
  // default 5), and below nodes(ids) once per ID.
  complexity: {
    fieldComplexity: (args, _context, field) => {
      if (field.args.some((arg) => arg.name === 'first')) {
        const size = args.first ?? args.last;
        // Sizes past the maximum are refused by the resolver with a clearer message than a cost error.
        return {
          field: 1,
          multiplier: typeof size === 'number' ? Math.min(Math.max(size, 0), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE,
        };
      }
      return { field: 1, multiplier: Array.isArray(args.ids) ? args.ids.length : 1 };
    },
  },
  scopeAuth: {
    authScopes: (context) => ({
      loggedIn: context.viewer !== null,
      self: (userId) => context.viewer?.id === userId,
    }),
    // Without this, a denial is a plain error that Yoga masks as "Unexpected error.".
    unauthorizedError: (_parent, context) =>
      context.viewer ? codedError('FORBIDDEN', 'You are not allowed to do that.') : unauthenticated(),
  },
  // A mutation's result is the union `<Mutation>Result` of its success type and its expected failures, as data.
  // ValidationError is in every one, also where it is never returned, so that every result can be read with
  // `... on Error { message }`; a mutation names only the failures special to it (resultUnion below).
  errors: {
    directResult: true,
    defaultTypes: [ValidationError],
    defaultUnionOptions: { name: ({ fieldName }) => `${capitalize(fieldName)}Result` },
  },
  // Spans for the resolvers that may load data: root fields, and fields whose code resolves an object or a list
  // (Post.author, User.posts). Plain values, and a page's edges and nodes, are read from their parent.
  tracing: {
    default: (field) =>
      isRootField(field) ||
      !(
        isScalarField(field) ||
        isEnumField(field) ||
        isExposedField(field) ||
        /(Connection|Edge)$/.test(field.parentType)
      ),
    wrap: (resolver) => traceResolver(resolver),
  },
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
    nodeTypeOptions: { description: 'An object with a global ID, which `node(id)` fetches again.' },
    idFieldOptions: { description: 'A global ID: opaque and stable; `node(id)` fetches the object again.' },
    pageInfoTypeOptions: { description: 'Where a page sits in its list (Relay).' },
    pageInfoFieldOptions: { description: 'Whether there are more pages, and the cursors to reach them.' },
    hasNextPageFieldOptions: { description: 'Whether items follow this page (for `first`/`after` paging).' },
    hasPreviousPageFieldOptions: { description: 'Whether items precede this page (for `last`/`before` paging).' },
    startCursorFieldOptions: { description: "The first item's cursor, or null on an empty page." },
    endCursorFieldOptions: {
      description: "The last item's cursor, or null on an empty page: pass it as `after` for the next page.",
    },
    defaultEdgeTypeOptions: { description: 'An item of a page, with its cursor.' },
    cursorFieldOptions: { description: "This item's position: pass it as `after` (or `before`) to page on from it." },
    edgesFieldOptions: { nullable: false, description: 'The items of this page, each with its cursor.' },
    nodeFieldOptions: { nullable: false, description: 'The item.' },
    firstArgOptions: { description: 'How many items from the start, or after `after`: 0 to 100 (default 5).' },
    lastArgOptions: { description: 'How many items from the end, or before `before`: 0 to 100.' },
    afterArgOptions: { description: 'A cursor: the page starts after this item.' },
    beforeArgOptions: { description: 'A cursor: the page ends before this item.' },
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
    nodesQueryOptions: {
      description: 'Fetches several objects by their IDs, in order; null where one does not exist.',
      args: { ids: { description: 'Global IDs of users or posts; each counts towards the cost.' } },
    },
    nodeQueryOptions: {
      description: 'Fetches any object by its ID; null when it does not exist.',
      args: { id: { description: 'The global ID of a user or a post.' } },
    },
  },
});

/** A mutation's `errors` option: its result union's description, and the failures special to it, if any. */
export function resultUnion(mutation: string, ...special: (new (...args: never[]) => Error)[]) {
  const description = `What \`${mutation}\` returns: its success, or an expected failure, which implements \`Error\`.`;
  return { types: special, union: { description } };
}

// graphql-scalars' DateTime serializes to a Date, which JSON.stringify then turns into text through Date#toJSON,
// a slow path that took as long as writing the rest of a feed page. The same ISO text is written here instead.
builder.addScalarType(
  'DateTime',
  new GraphQLScalarType({
    ...DateTimeResolver.toConfig(),
    serialize: (value) => (DateTimeResolver.serialize(value) as Date).toISOString(),
  }),
);
builder.scalarType('File', {
  description: 'A file sent with the GraphQL multipart request spec (multipart/form-data).',
  serialize: () => {
    throw new Error('File is an input-only scalar');
  },
  // Only a multipart request can carry a file: anything else in its place is the client's mistake.
  parseValue: (value) => {
    // Yoga's File comes from its own fetch implementation, not necessarily the global class.
    const file = value as Partial<File> | null;
    if (typeof file?.arrayBuffer === 'function' && typeof file.size === 'number') return file as File;
    throw new GraphQLError('Expected a file sent as a multipart part (the GraphQL multipart request spec).');
  },
  parseLiteral: () => {
    throw new GraphQLError('A file cannot be written in the query: send it as a multipart part.');
  },
});
builder.queryType({ description: 'Reads: posts, users, search, and the signed-in user.' });
builder.mutationType({ description: 'Writes. Expected failures come back as data in each result union.' });
builder.subscriptionType({ description: 'Live changes, over Server-Sent Events or WebSocket (graphql-ws).' });
