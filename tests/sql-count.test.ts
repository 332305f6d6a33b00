import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPosts, createUser, globalId } from './helpers/factories.ts';
import { graphql } from './generated/gql.ts';
import type { Document } from './helpers/graphql.ts';
import { expectData, type GraphQLResponse, startTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  for (let i = 0; i < 6; i++) await createPosts(t.prisma, await createUser(t.prisma), 5);
});
afterAll(() => t.close());

async function statementsFor<TResult, TVariables = Record<string, never>>(
  query: Document<TResult, TVariables>,
  variables?: TVariables,
) {
  let result: GraphQLResponse<TResult> | undefined;
  const statements = await t.statementsDuring(async () => {
    result = await (t.graphql as (d: unknown, v?: unknown) => Promise<GraphQLResponse<TResult>>)(query, variables);
  });
  return { statements, data: expectData(result!) };
}

interface PlanNode {
  'Node Type': string;
  'Actual Loops': number;
  Plans?: PlanNode[];
  Plan: PlanNode;
}
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

describe('SQL statements per request', () => {
  it('a feed page of 20 posts with their authors costs 1: the posts joined with their authors', async () => {
    const { statements, data } = await statementsFor(
      graphql(
        `query SqlCountPosts { posts(first: 20) { edges { node { title content datePosted author { username imageUrl } } } } }`,
      ),
    );
    expect(data.posts.edges).toHaveLength(20);
    expect(new Set(data.posts.edges.map((edge) => edge.node.author.username)).size).toBeGreaterThan(1);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/FROM posts p JOIN users u ON u\.id = p\.author_id/);
  });

  it('counts only when totalCount is selected', async () => {
    const without = await statementsFor(graphql(`query SqlCountPosts2 { posts { edges { node { title } } } }`));
    const withCount = await statementsFor(
      graphql(`query SqlCountPosts3 { posts { totalCount edges { node { title } } } }`),
    );
    expect(without.statements).toHaveLength(1);
    expect(withCount.statements).toHaveLength(2);
    // The count is post_totals' one row, kept by triggers on posts: no count(*) over every post.
    expect(withCount.statements.filter((sql) => /FROM post_totals/.test(sql))).toHaveLength(1);
    expect(withCount.statements.some((sql) => /count\(/i.test(sql))).toBe(false);
  });

  it("authors' post counts on a page come with the authors: users.post_count, no statement of their own", async () => {
    const { statements, data } = await statementsFor(
      graphql(`query SqlCountPosts4 { posts(first: 30) { edges { node { author { postCount } } } } }`),
    );
    expect(statements).toHaveLength(1); // was 2: the page, then a count(*) of the authors' posts GROUP BY author_id
    expect(data.posts.edges.map((edge) => edge.node.author.postCount)).toEqual(Array(30).fill(5));
  });

  it("a user's page (the user, the first page of posts, their count) costs one statement", async () => {
    const page = graphql(
      `query SqlCountUserPage { user(username: "user1") { username posts(first: 3) { totalCount edges { cursor node { title author { username } } } pageInfo { hasNextPage endCursor } } } }`,
    );
    const { statements, data } = await statementsFor(page);
    expect(statements).toHaveLength(1);
    // The same page through the ordinary resolvers (a fragment spread turns the look-ahead off) is identical.
    const ordinary = await statementsFor(
      graphql(
        `query SqlCountUser { user(username: "user1") { username ...Page } } fragment Page on User { posts(first: 3) { totalCount edges { cursor node { title author { username } } } pageInfo { hasNextPage endCursor } } }`,
      ),
    );
    expect(ordinary.statements.length).toBeGreaterThan(1);
    expect(data).toEqual(ordinary.data);
    expect(data.user?.posts.totalCount).toBe(5);
    expect(data.user?.posts.pageInfo.hasNextPage).toBe(true);

    // And PostgreSQL counts nothing: the count is users.post_count, read with the user (it was a count(*) of
    // their posts, which had to run once, not once for every row of the page).
    const [plan] = await t.db.sql<{ 'QUERY PLAN': PlanNode[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${statements[0]}`, [
      'user1',
    ]);
    const aggregates = nodesOf(plan!['QUERY PLAN'][0]!.Plan).filter((node) => node['Node Type'] === 'Aggregate');
    expect(aggregates).toEqual([]);
  });

  it('a page read ahead with its user serves only the arguments it was read for', async () => {
    // The authors of the page are the user read ahead (the same object), asked for another page of posts.
    const { data } = await statementsFor(
      graphql(
        `query SqlCountReadAhead { user(username: "user1") { posts(first: 2) { edges { node { title author { filtered: posts(first: 2, query: "post 1") { pageInfo { hasNextPage } } } } } } } }`,
      ),
    );
    const edges = data.user!.posts.edges;
    expect(edges.map((edge) => edge.node.title)).toEqual(['user1 post 5', 'user1 post 4']);
    // One match, so no next page; the page read ahead (three posts) would have said there is one.
    for (const edge of edges) expect(edge.node.author.filtered.pageInfo.hasNextPage).toBe(false);
  });

  it('post(id), node(id) and nodes(ids) load as pages do: a post with its author in one statement', async () => {
    const [first, second] = await t.prisma.post.findMany({ take: 2, orderBy: { id: 'asc' } });
    const one = await statementsFor(
      graphql(`query SqlCountPostById($id: ID!) { post(id: $id) { title author { username } } }`),
      { id: globalId('Post', first!.id) },
    );
    expect(one.data.post?.title).toBe(first!.title);
    expect(one.statements).toHaveLength(1);
    expect(one.statements[0]).toMatch(/FROM posts p JOIN users u ON u\.id = p\.author_id WHERE p\.id = ANY/);
    const node = await statementsFor(
      graphql(
        `query SqlCountNode($id: ID!) { node(id: $id) { __typename ... on Post { title author { username } } } }`,
      ),
      { id: globalId('Post', second!.id) },
    );
    expect(node.data.node?.__typename === 'Post' && node.data.node.title).toBe(second!.title);
    expect(node.statements).toHaveLength(1);
    const ids = [globalId('Post', first!.id), globalId('Post', second!.id), globalId('User', first!.authorId)];
    const nodes = await statementsFor(
      graphql(
        `query SqlCountNodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Post { author { username } } ... on User { username } } }`,
      ),
      { ids },
    );
    expect(nodes.data.nodes.map((found) => found?.id)).toEqual(ids);
    expect(nodes.statements).toHaveLength(2); // the posts with their authors, and the user
  });

  it('a user without posts, and first: 0, read ahead the same way', async () => {
    const lonely = await createUser(t.prisma, { username: 'lonely' });
    const none = await statementsFor(
      graphql(
        `query SqlCountLonely { user(username: "lonely") { posts { totalCount edges { node { title } } pageInfo { hasNextPage } } } }`,
      ),
    );
    expect(lonely.username).toBe('lonely');
    expect(none.data.user?.posts).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
    expect(none.statements).toHaveLength(1);
    const zero = await statementsFor(
      graphql(
        `query SqlCountUser2 { user(username: "user1") { posts(first: 0) { edges { node { title } } pageInfo { hasNextPage } } } }`,
      ),
    );
    expect(zero.data.user?.posts).toEqual({ edges: [], pageInfo: { hasNextPage: true } });
  });
});
