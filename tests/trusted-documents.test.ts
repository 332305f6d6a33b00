import { createHash } from 'node:crypto';
import { ApolloClient, ApolloLink, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Client, fetchExchange } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import type { DocumentNode } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreatePostDocument, FeedDocument, MeDocument } from '../client/generated/graphql.ts';
import introspection from '../client/generated/possible-types.ts';
import { startTestApp, type TestApp } from './helpers/test-app.ts';
import { signUpWithApollo, signUpWithUrql } from './helpers/accounts.ts';

// Trusted documents with the real clients: the codegen manifest's hashes instead of document text.
const hashOf = (document: DocumentNode) =>
  (document as { __meta__?: { hash?: string } }).__meta__!.hash!.replace(/^sha256:/, '');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function apollo(uri: string, persisted: PersistedQueryLink, token: () => string | undefined) {
  const auth = new SetContextLink((previous) => ({
    headers: { ...previous.headers, ...(token() ? { authorization: `Bearer ${token()}` } : {}) },
  }));
  return new ApolloClient({
    link: ApolloLink.from([auth, persisted, new HttpLink({ uri })]),
    cache: new InMemoryCache({ possibleTypes: introspection.possibleTypes }),
  });
}

async function post(t: TestApp, body: object) {
  return (
    await t.app.fetch('http://blog.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  ).json();
}

describe('TRUSTED_DOCUMENTS=only', () => {
  let t: TestApp;
  let uri: string;
  beforeAll(async () => {
    t = await startTestApp({ protection: { trustedDocuments: 'only' } });
    uri = await t.listen();
  });
  afterAll(() => t.close());

  it('Apollo Client runs the flows by hash alone', async () => {
    let token: string | undefined;
    const client = apollo(uri, new PersistedQueryLink({ generateHash: hashOf }), () => token);
    token = await signUpWithApollo(client, { username: 'Apollo', email: 'apollo@demo.com', password: 'moon landing' });
    expect((await client.query({ query: MeDocument, fetchPolicy: 'network-only' })).data?.me?.username).toBe('Apollo');
    await client.mutate({ mutation: CreatePostDocument, variables: { input: { title: 'By hash', content: 'x' } } });
    const feed = await client.query({ query: FeedDocument, variables: { first: 1 }, fetchPolicy: 'network-only' });
    expect(feed.data?.posts.edges[0]?.node.title).toBe('By hash');
  });

  it('urql runs the flows by hash alone', async () => {
    let token: string | undefined;
    const client = new Client({
      url: uri,
      requestPolicy: 'network-only',
      exchanges: [
        persistedExchange({
          enforcePersistedQueries: true,
          enableForMutation: true,
          generateHash: async (_query, document) => hashOf(document),
        }),
        fetchExchange,
      ],
      fetchOptions: () => ({
        headers: { 'x-graphql-yoga-csrf': '1', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      }),
    });
    token = await signUpWithUrql(client, {
      username: 'Urql',
      email: 'urql@demo.com',
      password: 'exchange all the things',
    });
    expect((await client.query(MeDocument, {})).data?.me?.username).toBe('Urql');
  });

  it('refuses document text, and hashes that are not in the manifest, with coded errors', async () => {
    const text = await post(t, { query: '{ posts(first: 1) { totalCount } }' });
    expect(text.errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY');
    const unknown = await post(t, {
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ __typename }') } },
    });
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const both = await post(t, {
      query: '{ __typename }',
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ __typename }') } },
    });
    expect(both.errors[0].extensions.code).toBe('PERSISTED_QUERY_ONLY'); // no registering in this mode
    const again = await post(t, {
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ __typename }') } },
    });
    expect(again.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const documentId = await post(t, { documentId: `sha256:${hashOf(FeedDocument)}`, variables: { first: 1 } });
    expect(documentId.data.posts).toBeTruthy(); // the GraphQL-over-HTTP persisted documents form
  });
});

describe('TRUSTED_DOCUMENTS=allow (the default): Apollo automatic persisted queries', () => {
  let t: TestApp;
  let uri: string;
  beforeAll(async () => {
    t = await startTestApp();
    uri = await t.listen();
  });
  afterAll(() => t.close());

  it('registers a document sent with its correct hash, then runs it by hash; a wrong hash registers nothing', async () => {
    /** The bodies Apollo posted: the persisted-query extension, with or without the text. */
    const sent: { query?: string; extensions?: Record<string, unknown> }[] = [];
    const recording: typeof fetch = async (input, init) => {
      sent.push(JSON.parse(String(init?.body)));
      return fetch(input, init);
    };
    const client = new ApolloClient({
      link: ApolloLink.from([new PersistedQueryLink({ sha256 }), new HttpLink({ uri, fetch: recording })]),
      cache: new InMemoryCache(),
    });
    const custom = gql`query Custom { posts(first: 2) { totalCount } }`;
    expect((await client.query({ query: custom })).data).toEqual({
      posts: { __typename: 'PostConnection', totalCount: 0 },
    });
    expect(sent.map((body) => Boolean(body.query))).toEqual([false, true]); // hash alone, refused; then with the text

    const byHash = await post(t, { extensions: sent[0]?.extensions });
    expect(byHash.data.posts.totalCount).toBe(0); // remembered from the client's retry

    const other = '{ posts(first: 3) { totalCount } }';
    const lying = await post(t, {
      query: other,
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ me { id } }') } },
    });
    expect(lying.data).toEqual({ posts: { totalCount: 0 } }); // runs as a plain document
    const poisoned = await post(t, {
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ me { id } }') } },
    });
    expect(poisoned.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  });

  const byHash = (document: string) =>
    post(t, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(document) } } });
  const withHash = (document: string) =>
    post(t, { query: document, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(document) } } });

  it('registers only documents that parse and validate, up to 32 KB each and 1 MB in all', async () => {
    const garbage = `not a document ${'{'.repeat(10)}`;
    const invalid = '{ noSuchField }';
    const huge = `{ posts(first: 1) { totalCount } } # ${'x'.repeat(40_000)}`;
    expect((await withHash(garbage)).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect((await withHash(invalid)).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await withHash(huge)).data.posts.totalCount).toBe(0); // runs, but is not kept
    for (const refused of [garbage, invalid, huge]) {
      expect((await byHash(refused)).errors[0].message).toBe('PersistedQueryNotFound');
    }

    const good = '{ posts(first: 4) { totalCount } }';
    expect((await withHash(good)).data.posts.totalCount).toBe(0);
    expect((await byHash(good)).data.posts.totalCount).toBe(0);

    // 40 documents of 31 KB: more than the registry holds, so the oldest go and the newest stay.
    const padded = (i: number) => `query Padded${i} { posts(first: 1) { totalCount } } # ${'y'.repeat(31_000)}`;
    for (let i = 0; i < 40; i++) expect((await withHash(padded(i))).data.posts.totalCount).toBe(0);
    expect((await byHash(padded(0))).errors[0].message).toBe('PersistedQueryNotFound');
    expect((await byHash(padded(39))).data.posts.totalCount).toBe(0);
  });

  it('still runs plain documents, and manifest hashes with no round trip', async () => {
    expect((await post(t, { query: '{ posts(first: 1) { totalCount } }' })).data.posts.totalCount).toBe(0);
    const feed = await post(t, {
      extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(FeedDocument) } },
      variables: { first: 1 },
    });
    expect(feed.data.posts.edges).toEqual([]);
  });
});
