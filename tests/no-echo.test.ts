import {
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  isCompositeType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoBlog } from '../src/db/seed.ts';
import { schema } from '../src/graphql/schema.ts';
import { signUp } from './helpers/accounts.ts';
import { startTestApp, type TestApp } from './helpers/test-app.ts';

// docs/security.md promises that errors never repeat what a client sent (a value may be a password, a token, or
// script meant for whoever displays the error). Text PostgreSQL cannot store (NUL, a lone surrogate) is
// refused as the client's mistake, never a 500. Every argument of every operation gets a marker, alone or
// hidden inside an ID, as a variable and as a literal, signed in and not; the marker must appear nowhere.
const MARKER = 'Zq7MarkerXq';
/** Strings a server might decode and quote: the marker alone, in markup, as a base64 "ID" and a "cursor". */
const MARKED = [
  MARKER,
  `<script>${MARKER}</script>`,
  Buffer.from(`Post:${MARKER}`).toString('base64'),
  Buffer.from(`post:${MARKER}`).toString('base64url'),
  `${MARKER}\u0000`,
  `\uD800${MARKER}`,
];

let t: TestApp;
let token: string;
beforeAll(async () => {
  t = await startTestApp({ protection: { mutationsPerMinute: 1_000_000 } });
  await seedDemoBlog(t.prisma);
  ({ token } = await signUp(t, { username: 'Echo', email: 'echo@demo.com' }));
});
afterAll(() => t.close());

/** Valid values for scalars that are not text, where the marker goes only in text positions. */
const PLAIN: Record<string, unknown> = { Int: 1, Boolean: false, DateTime: '2024-01-01T00:00:00Z', File: null };

/**
 * A value of `type` with `text` in every position that takes text; `everywhere` puts it where an Int, Boolean
 * or File is expected too (refused while variables are coerced), otherwise those get plain valid values.
 */
function marked(type: GraphQLInputType, text: string, everywhere: boolean): unknown {
  if (isNonNullType(type)) return marked(type.ofType, text, everywhere);
  if (isListType(type)) return [marked(type.ofType, text, everywhere)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields()).map((field) => [field.name, marked(field.type, text, everywhere)]),
    );
  }
  const name = getNamedType(type).name;
  return everywhere || !(name in PLAIN) ? text : PLAIN[name];
}

function literal(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (value && typeof value === 'object') {
    return `{ ${Object.entries(value)
      .map(([key, inner]) => `${key}: ${literal(inner)}`)
      .join(', ')} }`;
  }
  return JSON.stringify(value);
}

const operations = (['query', 'mutation'] as const).flatMap((kind) => {
  const root = kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
  return Object.values(root.getFields())
    .filter((field) => field.args.length > 0)
    .map((field) => ({ kind, field }));
});

/** The operation with the marker in one argument (and in every other required one), as variables and inline. */
function requests(kind: string, field: GraphQLField<unknown, unknown>, text: string) {
  return field.args.flatMap((target) => {
    const args = (field.args as GraphQLArgument[]).filter((arg) => arg === target || isNonNullType(arg.type));
    const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
    return [true, false].flatMap((everywhere) => {
      const values = args.map((arg) => [arg.name, marked(arg.type, text, everywhere)] as const);
      const declared = args.map((arg) => `$${arg.name}: ${arg.type}`).join(', ');
      const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const inline = values.filter(([, value]) => value !== null).map(([name, value]) => `${name}: ${literal(value)}`);
      return [
        {
          query: `${kind} Op(${declared}) { ${field.name}(${passed})${selection} }`,
          variables: Object.fromEntries(values),
        },
        { query: `${kind} { ${field.name}(${inline.join(', ')})${selection} }`, variables: {} },
      ];
    });
  });
}

describe('no response repeats a value the client sent', () => {
  it.each(operations.map(({ kind, field }) => [`${kind} ${field.name}`, kind, field] as const))(
    '%s',
    async (_name, kind, field) => {
      for (const text of MARKED) {
        for (const request of requests(kind, field, text)) {
          for (const options of [{}, { token }]) {
            const body = JSON.stringify(await t.graphql(request.query, request.variables, options));
            expect(body).not.toContain(MARKER);
            expect(body).not.toContain(text);
            expect(body).not.toContain('INTERNAL_SERVER_ERROR'); // NUL and lone surrogates too: never a 500
          }
        }
      }
    },
  );

  it('nor in an operationName, a variable of any scalar type, or a parse error', async () => {
    const response = await t.app.fetch('http://blog.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', operationName: `<b>${MARKER}</b>` }),
    });
    expect(await response.text()).not.toContain(MARKER);
    const scalars = Object.values(schema.getTypeMap()).filter(
      (type) => isScalarType(type) && !type.name.startsWith('__'),
    );
    for (const scalar of scalars) {
      const body = JSON.stringify(
        await t.graphql(`query ($v: ${scalar.name}) { __typename }`, { v: { [MARKER]: MARKER } }),
      );
      expect(body, scalar.name).not.toContain(MARKER);
    }
    expect(JSON.stringify(await t.graphql(`{ posts(first: "${MARKER}) }`))).not.toContain(MARKER);
    // Names written in the document (fields, arguments) are quoted by validation errors, as graphql-js does:
    // a name cannot hold markup or spaces, and quoting it is what makes "Cannot query field" useful.
  });
});
