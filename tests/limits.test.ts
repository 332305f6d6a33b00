import fs from 'node:fs';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import { Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEED, workloads } from '../bench/workloads.ts';
import { seedDemoBlog } from '../src/db/seed.ts';
import { schema } from '../src/graphql/schema.ts';
import { globalId } from './helpers/factories.ts';
import { type GraphQLResponse, startTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await seedDemoBlog(t.prisma);
});
afterAll(() => t.close());

/** Sends the operation and returns its first error, checking that no SQL ran for it. */
async function refused(query: string, variables?: Record<string, unknown>) {
  let result: GraphQLResponse | undefined;
  const statements = await t.statementsDuring(async () => {
    result = await t.graphql(query, variables);
  });
  expect(statements).toEqual([]); // rejected before any resolver ran
  expect(result?.data ?? null).toBeNull();
  const error = result?.errors?.[0];
  if (!error?.extensions) throw new Error(`Expected an error with a code, got ${JSON.stringify(result)}`);
  return { ...error, extensions: error.extensions };
}

const nest = (depth: number): string =>
  depth === 0 ? 'title' : `author { posts(first: 1) { edges { node { ${nest(depth - 1)} } } } }`;

describe('operation limits, checked before anything runs', () => {
  it('depth: at most 8 levels', async () => {
    const ok = await t.graphql(
      `{ posts(first: 1) { edges { node { author { posts(first: 1) { edges { node { title } } } } } } } }`,
    );
    expect(ok.errors).toBeUndefined();
    const error = await refused(`{ posts(first: 1) { edges { node { ${nest(2)} } } } }`);
    expect(error.message).toBe('Query depth limit of 8 exceeded, found 12.');
    expect(error.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('aliases: at most 10', async () => {
    const aliases = Array.from({ length: 11 }, (_, i) => `a${i}: posts(first: 1) { totalCount }`).join(' ');
    expect(await refused(`{ ${aliases} }`)).toMatchObject({
      message: expect.stringMatching(/^Aliases limit of 10 exceeded/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('tokens: at most 1000', async () => {
    const fields = Array.from({ length: 1100 }, () => '__typename').join(' ');
    expect(await refused(`{ ${fields} }`)).toMatchObject({
      message: expect.stringMatching(/token limit of 1000/i),
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });

  it('directives: at most 10', async () => {
    const directives = Array.from({ length: 11 }, () => '@include(if: true)').join(' ');
    expect(await refused(`{ posts ${directives} { totalCount } }`)).toMatchObject({
      message: expect.stringMatching(/^Directives limit of 10 exceeded/),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
  });

  it('cost: first/last multiply what is selected below them', async () => {
    const small = await t.graphql(
      `{ posts(first: 100) { edges { node { title content datePosted author { username imageUrl } } } } }`,
    );
    expect(small.errors).toBeUndefined();
    const error = await refused(
      `{ posts(first: 100) { edges { node { author { posts(first: 100) { edges { node { title } } } } } } } }`,
    );
    expect(error).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', maxCost: 2500 } });
    expect(error.extensions.cost).toBeGreaterThan(2500);
    const ids = Array.from({ length: 1000 }, (_, i) => globalId('Post', i + 1));
    expect(
      (
        await refused(
          `query ($ids: [ID!]!) { nodes(ids: $ids) { id ... on Post { title content author { username } } } }`,
          { ids },
        )
      ).extensions.code,
    ).toBe('QUERY_TOO_COMPLEX');
  });

  it('cost: pages, searches and excerpts count for the database time they take, so aliases cannot pile them up', async () => {
    const aliased = (n: number, field: string) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
    const page = 'posts(first: 100) { edges { node { id } } }';
    const search = 'searchPosts(query: "post") { edges { node { title } } }';
    const excerpts = 'searchPosts(query: "post", first: 100) { edges { excerpt { text highlighted } node { title } } }';
    const userSearch = 'user(username: "CoreyMS") { posts(query: "post") { edges { node { title } } } }';
    for (const [bad, good] of [
      [aliased(8, page), aliased(2, page)],
      [aliased(8, 'posts(first: 100) { __typename }'), aliased(1, 'posts(first: 100) { __typename }')], // rows read, whatever is selected
      [aliased(3, search), aliased(2, search)],
      [aliased(2, excerpts), aliased(1, excerpts)],
      [aliased(3, userSearch), aliased(2, userSearch)],
      [`{ ${search} b: ${userSearch} c: ${page} }`, `{ ${search} b: ${page} }`],
    ]) {
      const error = await refused(bad!);
      expect(error, bad).toMatchObject({ extensions: { code: 'QUERY_TOO_COMPLEX', maxCost: 2500 } });
      const result = await t.graphql(good!);
      expect(result.errors, good).toBeUndefined();
      expect(Object.keys(result.data ?? {}).length).toBeGreaterThan(0);
    }
    // Each excerpt counts 5 (ts_headline reads the whole content again), on top of its own fields.
    const without = await refused(aliased(2, excerpts.replace('excerpt { text highlighted } ', '')));
    const withExcerpts = await refused(aliased(2, excerpts));
    expect(Number(withExcerpts.extensions.cost) - Number(without.extensions.cost)).toBe(2 * 100 * (5 + 2));
  });

  it("cost: the client documents and the benchmark's reads fit, with their default page sizes and at 20", async () => {
    const operations = fs
      .readdirSync('client/operations')
      .map((file) => fs.readFileSync(`client/operations/${file}`, 'utf8'));
    const clients = parse(operations.join('\n'));
    const fragments = clients.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
    const bench = Object.values(workloads('')).map((workload) => parse(workload().query));
    const reads = [
      ...clients.definitions,
      ...bench.flatMap((document) => document.definitions),
      ...parse(FEED).definitions,
    ]
      .filter((definition) => definition.kind === Kind.OPERATION_DEFINITION && definition.operation === 'query')
      .map((operation) => ({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }) as const);
    expect(reads.length).toBeGreaterThan(8);
    const required = { id: globalId('Post', 1), username: 'CoreyMS', query: 'post', q: 'post' };
    for (const document of reads) {
      for (const variables of [required, { ...required, first: 20 }]) {
        const { complexity } = complexityFromQuery(document, { schema, ctx: {}, variables });
        expect(complexity).toBeLessThanOrEqual(2500);
      }
    }
  });

  it('cost is worked out for each set of variables and each operation of a document, whatever came before', async () => {
    // One document text (so one parsed document), two operations; a refused request, then accepted ones, and back.
    const document = `query Wide($n: Int!) { posts(first: $n) { edges { node { author { posts(first: $n) { edges { node { title } } } } } } } }
      query Narrow($n: Int!) { posts(first: $n) { totalCount } }`;
    const outcome = async (operationName: string, variables: Record<string, unknown>) => {
      const response = await t.app.fetch('http://blog.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: document, operationName, variables }),
      });
      const result = await response.json();
      return result.errors?.[0]?.extensions?.code ?? 'OK';
    };
    for (let round = 0; round < 2; round++) {
      expect(await outcome('Wide', { n: 100 })).toBe('QUERY_TOO_COMPLEX');
      expect(await outcome('Wide', { n: 2 })).toBe('OK');
      expect(await outcome('Narrow', { n: 100 })).toBe('OK'); // the same variables, another operation
      expect(await outcome('Wide', { n: 100 })).toBe('QUERY_TOO_COMPLEX');
    }
  });

  it('batched operations are refused', async () => {
    const response = await t.app.fetch('http://blog.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('request size', () => {
  it('refuses a JSON body over the limit with 413', async () => {
    const response = await t.app.fetch('http://blog.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ me { id } }`, variables: { padding: 'x'.repeat(200 * 1024) } }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses an upload over the limit with 413 and more than one file with 400', async () => {
    const operations = JSON.stringify({
      query: 'mutation ($p: File!) { updateAccount(input: { picture: $p }) { __typename } }',
      variables: { p: null },
    });
    const big = new FormData();
    big.append('operations', operations);
    big.append('map', JSON.stringify({ 0: ['variables.p'] }));
    big.append('0', new File([new Uint8Array(5 * 1024 * 1024)], 'big.png')); // past twice the 2 MB picture limit
    const tooBig = await t.app.fetch('http://blog.test/graphql', {
      method: 'POST',
      headers: { 'x-graphql-yoga-csrf': '1' },
      body: big,
    });
    expect(tooBig.status).toBe(413);

    const two = new FormData();
    two.append('operations', operations);
    two.append('map', JSON.stringify({ 0: ['variables.p'], 1: ['variables.p'] }));
    two.append('0', new File(['a'], 'a.png'));
    two.append('1', new File(['b'], 'b.png'));
    const tooMany = await t.app.fetch('http://blog.test/graphql', {
      method: 'POST',
      headers: { 'x-graphql-yoga-csrf': '1' },
      body: two,
    });
    expect(tooMany.status).toBe(400);
    expect((await tooMany.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('introspection policy', () => {
  it('is on by default in development, and off (with no field suggestions) when configured off', async () => {
    expect((await t.graphql(`{ __schema { queryType { name } } }`)).data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
    const closed = await startTestApp({ protection: { introspection: false, graphiql: false } });
    try {
      const introspection = await closed.graphql(`{ __schema { queryType { name } } }`);
      expect(introspection.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const typo = await closed.graphql(`{ postz { totalCount } }`);
      expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
      const open = await t.graphql(`{ postz { totalCount } }`);
      expect(open.errors?.[0]?.message).toMatch(/Did you mean .*"posts"/);
      const page = await closed.app.fetch('http://blog.test/graphql', { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toContain('YogaGraphiQL');
    } finally {
      await closed.close();
    }
  });
});
