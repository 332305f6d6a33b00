import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPosts, createUser } from './helpers/factories.ts';
import { graphql } from './generated/gql.ts';
import type { Document } from './helpers/graphql.ts';
import { expectData, type GraphQLResponse, startTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  for (let i = 0; i < 6; i++) await createPosts(t.prisma, await createUser(t.prisma), 5);
});
afterAll(() => t.close());

async function statementsFor<TResult>(query: Document<TResult, Record<string, never>>) {
  let result: GraphQLResponse<TResult> | undefined;
  const statements = await t.statementsDuring(async () => {
    result = await t.graphql(query);
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
    expect(withCount.statements.some((sql) => /COUNT/i.test(sql))).toBe(true);
  });

  it("authors' post counts on a page are one grouped query, not one per author", async () => {
    const { statements } = await statementsFor(
      graphql(`query SqlCountPosts4 { posts(first: 30) { edges { node { author { postCount } } } } }`),
    );
    expect(statements).toHaveLength(2);
    expect(statements[1]).toMatch(/GROUP BY author_id/);
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

    // And PostgreSQL counts the posts once, not once for every row of the page (a count in the select list of
    // the joined rows ran for each of them: a user's page cost 4× more in the database).
    const [plan] = await t.db.sql<{ 'QUERY PLAN': PlanNode[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${statements[0]}`, [
      'user1',
    ]);
    const aggregates = nodesOf(plan!['QUERY PLAN'][0]!.Plan).filter((node) => node['Node Type'] === 'Aggregate');
    expect(aggregates.map((node) => node['Actual Loops'])).toEqual([1]);
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
