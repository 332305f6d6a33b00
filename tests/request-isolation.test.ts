import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoBlog } from '../src/db/seed.ts';
import { LOGIN, signUp } from './helpers/accounts.ts';
import { globalId } from './helpers/factories.ts';
import { textOf } from './helpers/graphql.ts';
import { type GraphQLResponse, startTestApp, type TestApp } from './helpers/test-app.ts';

// Yoga caches parsing and validation by document text. Apollo and urql send the same text for every user, so
// nothing that depends on one request's variables, headers or viewer may be decided in those cached phases:
// a bad request must never answer for the good one that follows with the same text, nor the other way round.
let t: TestApp;
let token: string;
let ownPost: string;
let userId: string;
beforeAll(async () => {
  t = await startTestApp({ protection: { mutationsPerMinute: 100_000 } });
  await seedDemoBlog(t.prisma);
  const member = await signUp(t, { username: 'Member', email: 'member@demo.com', password: 'correct horse battery' });
  token = member.token;
  userId = member.id;
  const author = await t.prisma.user.findUniqueOrThrow({ where: { username: 'Member' } });
  ownPost = globalId(
    'Post',
    (await t.prisma.post.create({ data: { title: 'Mine', content: 'x', authorId: author.id } })).id,
  );
});
afterAll(() => t.close());

interface Case {
  name: string;
  /** Text, not a typed document: each round appends a comment, and the bad variables do not fit on purpose. */
  query: string;
  bad: Record<string, unknown>;
  badCode: string;
  good: () => Record<string, unknown>;
  /** Checks the good request's answer. */
  expectGood: (result: GraphQLResponse) => void;
  signedIn?: boolean;
}

const ok = (result: GraphQLResponse) => expect(result.errors).toBeUndefined();

const CASES: Case[] = [
  {
    name: 'an undecodable ID',
    query: `mutation U($id: ID!, $input: UpdatePostInput!) { updatePost(id: $id, input: $input) { __typename } }`,
    bad: { id: '@@@', input: { title: 'x' } },
    badCode: 'BAD_USER_INPUT',
    good: () => ({ id: ownPost, input: { title: 'Edited' } }),
    expectGood: (result) => expect(result.data).toMatchObject({ updatePost: { __typename: 'UpdatePostSuccess' } }),
    signedIn: true,
  },
  {
    name: 'an ID of another type',
    query: `query P($id: ID!) { post(id: $id) { title } }`,
    bad: { id: globalId('User', 1) },
    badCode: 'BAD_USER_INPUT',
    good: () => ({ id: ownPost }),
    expectGood: (result) => expect(result.data?.post).toMatchObject({ title: expect.any(String) }),
  },
  {
    name: 'a missing variable',
    query: textOf(LOGIN),
    bad: {},
    badCode: 'BAD_USER_INPUT',
    good: () => ({ input: { email: 'member@demo.com', password: 'correct horse battery' } }),
    expectGood: (result) => expect(result.data).toMatchObject({ login: { __typename: 'LoginSuccess' } }),
  },
  {
    name: 'a wrong-typed variable',
    query: `query F($first: Int) { posts(first: $first) { edges { node { title } } } }`,
    bad: { first: 'many' },
    badCode: 'BAD_USER_INPUT',
    good: () => ({ first: 2 }),
    expectGood: (result) => expect(result.data).toMatchObject({ posts: { edges: [{}, {}] } }),
  },
  {
    name: 'a cost from first/last',
    query: `query F($first: Int) { posts(first: $first) { edges { node { author { posts(first: $first) { edges { node { title } } } } } } } }`,
    bad: { first: 100 },
    badCode: 'QUERY_TOO_COMPLEX',
    good: () => ({ first: 2 }),
    expectGood: ok,
  },
  {
    name: 'a cost from the number of ids',
    query: `query N($ids: [ID!]!) { nodes(ids: $ids) { id ... on Post { title content author { username } } } }`,
    bad: { ids: Array.from({ length: 1000 }, (_, i) => globalId('Post', i + 1)) },
    badCode: 'QUERY_TOO_COMPLEX',
    good: () => ({ ids: [ownPost] }),
    expectGood: (result) => expect(result.data?.nodes).toEqual([expect.objectContaining({ id: ownPost })]),
  },
  {
    name: 'text PostgreSQL cannot store',
    query: `query U($username: String!) { user(username: $username) { id } }`,
    bad: { username: 'Mem\u0000ber' },
    badCode: 'BAD_USER_INPUT',
    good: () => ({ username: 'Member' }),
    expectGood: (result) => expect(result.data?.user).toEqual({ id: userId }),
  },
];

async function runSequence(round: string) {
  for (const c of CASES) {
    const options = c.signedIn ? { token } : {};
    // The same text within a round; a comment makes each round's text new, so each round starts uncached.
    const query = `${c.query}\n# ${round}`;
    const bad = await t.graphql(query, c.bad, options);
    expect(bad.errors?.[0]?.extensions?.code, `${c.name}: the bad request`).toBe(c.badCode);
    const good = await t.graphql(query, c.good(), options);
    c.expectGood(good);
    const badAgain = await t.graphql(query, c.bad, options);
    expect(badAgain.errors?.[0]?.extensions?.code, `${c.name}: the bad request after a good one`).toBe(c.badCode);
    c.expectGood(await t.graphql(query, c.good(), options));
  }
}

describe('a bad request never answers for the next one with the same text', () => {
  it('on a fresh server', async () => {
    await runSequence('fresh');
  });

  it('after more documents than the caches hold (1,024) have been seen', async () => {
    for (let i = 0; i < 1100; i += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, j) => t.graphql(`query Filler${i + j} { posts(first: 1) { totalCount } }`)),
      );
    }
    await runSequence('after-fill');
  });
});
