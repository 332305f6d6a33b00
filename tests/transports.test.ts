import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { memoryAnswerStore, memoryDataVersion } from '../src/pipeline/response-cache-stores.ts';
import { LOGIN, signUp } from './helpers/accounts.ts';
import { expectData, expectTypename, startTestApp, type TestApp } from './helpers/test-app.ts';
import { type Operation, outcomeOf, send, TRANSPORTS, type Transport } from './helpers/transports.ts';

/**
 * Each policy on each transport: the same operation sent over HTTP POST, HTTP GET, Server-Sent Events and
 * WebSocket must have the same outcome (GET carries no mutations: GraphQL over HTTP refuses them there).
 */
const MANIFEST: Record<string, string> = JSON.parse(
  fs.readFileSync(new URL('../client/generated/persisted-documents.json', import.meta.url), 'utf8'),
);
const hashOf = (name: string) => {
  const [id] = Object.entries(MANIFEST).find(([, text]) => text.includes(`query ${name}(`))!;
  return id.replace('sha256:', '');
};
const byHash = (name: string, variables: Record<string, unknown> = {}): Operation => ({
  variables,
  extensions: { persistedQuery: { version: 1, sha256Hash: hashOf(name) } },
});

const READS: Transport[] = [...TRANSPORTS];
const WRITES: Transport[] = TRANSPORTS.filter((transport) => transport !== 'GET');

/** The outcome on every transport, keyed by transport. */
async function outcomes(url: string, transports: Transport[], operation: () => Operation | Promise<Operation>) {
  const seen: Record<string, string> = {};
  for (const transport of transports) seen[transport] = outcomeOf(await send(transport, url, await operation()));
  return seen;
}
const everywhere = (transports: Transport[], outcome: string) =>
  Object.fromEntries(transports.map((transport) => [transport, outcome]));

describe('with the default settings (response cache on)', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp({
      responseCache: { store: memoryAnswerStore(), version: memoryDataVersion(), ttlMs: 60_000 },
    });
    url = await t.listen();
  });
  afterAll(() => t.close());
  beforeEach(() => t.reset());

  it('refuses too deep and too costly operations the same way', async () => {
    const deep = `{ posts { edges { node { author { posts { edges { node { author { posts { edges { node { title } } } } } } } } } } } }`;
    expect(await outcomes(url, READS, () => ({ query: deep }))).toEqual(everywhere(READS, 'GRAPHQL_VALIDATION_FAILED'));
    const costly = `{ posts(first: 100) { edges { node { author { posts(first: 100) { edges { node { title } } } } } } } }`;
    expect(await outcomes(url, READS, () => ({ query: costly }))).toEqual(everywhere(READS, 'QUERY_TOO_COMPLEX'));
    expect(await outcomes(url, READS, () => ({ query: '{ posts { totalCount } }' }))).toEqual(everywhere(READS, 'OK'));
  });

  it('answers bad input with the same typed error, echoing nothing', async () => {
    const marker = 'ECHO-MARKER-<script>';
    for (const transport of READS) {
      const result = await send(transport, url, {
        query: 'query ($id: ID!) { post(id: $id) { id } }',
        variables: { id: marker },
      });
      expect(outcomeOf(result), transport).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(result), transport).not.toContain('ECHO-MARKER');
    }
  });

  it('answers UNAUTHENTICATED to a protected mutation without a session, and runs it with one', async () => {
    expect(await outcomes(url, WRITES, () => ({ query: 'mutation { logout { __typename } }' }))).toEqual(
      everywhere(WRITES, 'UNAUTHENTICATED'),
    );
    const ada = await signUp(t);
    const login = async () => ({
      query: 'mutation { logout { __typename } }',
      token: expectTypename(
        expectData(await t.graphql(LOGIN, { input: { email: ada.email, password: ada.password } })).login,
        'LoginSuccess',
      ).token,
    });
    expect(await outcomes(url, WRITES, login)).toEqual(everywhere(WRITES, 'OK'));
  });

  it('serves repeated anonymous queries from the cache on every transport, and never a mutation', async () => {
    const ada = await signUp(t);
    const feed = { query: '{ posts(first: 3) { edges { node { title } } } }' };
    await send('POST', url, feed);
    for (const transport of READS) {
      let result: unknown;
      const statements = await t.statementsDuring(async () => {
        result = await send(transport, url, feed);
      });
      expect({ transport, result, statements }).toEqual({
        transport,
        result: { data: { posts: { edges: [] } } },
        statements: [],
      });
    }
    const tokens = new Set<string>();
    for (const transport of WRITES) {
      for (let i = 0; i < 2; i++) {
        await t.reset();
        await t.prisma.user.count(); // the account is gone after reset: register it again
        const again = await signUp(t, { email: `${transport}${i}@example.com` }).catch(() => ada);
        const result = await send(transport, url, {
          query: LOGIN,
          variables: { input: { email: again.email, password: again.password } },
        });
        tokens.add(expectTypename(expectData(result).login, 'LoginSuccess').token);
      }
    }
    expect(tokens.size).toBe(WRITES.length * 2);
  });
});

describe('with a budget of 3 mutations a minute', () => {
  it('counts every transport against one mutation budget', async () => {
    const write = { query: 'mutation { logout { __typename } }' };
    const limited = await startTestApp({ protection: { mutationsPerMinute: 3 } });
    const url = await limited.listen();
    for (const transport of WRITES) {
      await limited.reset(); // a fresh budget of 3 mutations a minute for each transport
      const seen = [];
      for (let i = 0; i < 4; i++) seen.push(outcomeOf(await send(transport, url, write)));
      expect(seen, transport).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED', 'RATE_LIMITED']);
    }
    await limited.close();
  });
});

describe('with TRUSTED_DOCUMENTS=only', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp({
      protection: { trustedDocuments: 'only' },
      responseCache: { store: memoryAnswerStore(), version: memoryDataVersion(), ttlMs: 60_000 },
    });
    url = await t.listen();
  });
  afterAll(() => t.close());

  it('runs only the manifest documents, by hash, on every transport', async () => {
    const text = '{ posts { totalCount } }';
    expect(await outcomes(url, READS, () => ({ query: text }))).toEqual(everywhere(READS, 'PERSISTED_QUERY_ONLY'));
    const registered = {
      query: text,
      extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(text).digest('hex') } },
    };
    expect(await outcomes(url, READS, () => registered)).toEqual(everywhere(READS, 'PERSISTED_QUERY_ONLY'));
    expect(await outcomes(url, READS, () => byHash('Feed', { first: 2 }))).toEqual(everywhere(READS, 'OK'));
  });
});

describe('an unexpected failure', () => {
  let t: TestApp;
  let url: string;
  beforeAll(async () => {
    t = await startTestApp();
    url = await t.listen();
  });
  afterAll(() => t.close());

  it('is masked the same way on every transport, with a request id logged once', async () => {
    // A table gone behind the API's back: the read fails inside PostgreSQL, as a bug would.
    await t.prisma.$executeRawUnsafe('ALTER TABLE posts RENAME TO posts_hidden');
    try {
      for (const transport of READS) {
        const result = await send(transport, url, { query: '{ posts { totalCount } }' });
        expect(result.errors, transport).toEqual([
          {
            message: 'Unexpected error.',
            path: ['posts'],
            extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.any(String) },
          },
        ]);
        const requestId = result.errors![0]!.extensions!.requestId;
        expect(
          t.logs.filter((line) => line.level >= 50 && line.requestId === requestId),
          transport,
        ).toHaveLength(1);
      }
    } finally {
      await t.prisma.$executeRawUnsafe('ALTER TABLE posts_hidden RENAME TO posts');
    }
  });
});
