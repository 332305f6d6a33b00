import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { User } from '../src/generated/prisma/client.ts';
import { SEARCH_CANDIDATES, type SearchLimits, selectSearchPage } from '../src/modules/posts/post.search.sql.ts';
import { searchQuery } from '../src/modules/posts/post.search.ts';
import { signUp } from './helpers/accounts.ts';
import { createUser } from './helpers/factories.ts';
import { CREATE_POST, UPDATE_POST } from './helpers/posts.ts';
import { graphql } from './generated/gql.ts';
import { textOf } from './helpers/graphql.ts';
import {
  expectData,
  expectTypename,
  startTestApp,
  type ResultOf,
  type TestApp,
  type VariablesOf,
} from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ protection: { mutationsPerMinute: 100_000 } });
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const SEARCH = graphql(`query SearchSearch($query: String!, $first: Int, $after: String, $last: Int, $before: String) {
  searchPosts(query: $query, first: $first, after: $after, last: $last, before: $before) {
    totalCount totalCountIsCapped
    edges { cursor rank excerpt { text highlighted } node { title author { username } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`);

const SEARCH_TITLES = graphql(`query SearchTitles($query: String!, $first: Int, $after: String) {
  searchPosts(query: $query, first: $first, after: $after) {
    totalCount totalCountIsCapped
    edges { node { title } }
    pageInfo { hasNextPage endCursor }
  }
}`);
const titlesPage = async (variables: VariablesOf<typeof SEARCH_TITLES>) =>
  expectData(await t.graphql(SEARCH_TITLES, variables)).searchPosts;

let minute = 0;
async function post(author: User, title: string, content: string) {
  minute++;
  return t.prisma.post.create({
    data: { title, content, authorId: author.id, datePosted: new Date(Date.UTC(2024, 0, 1, 0, minute)) },
  });
}

async function search(variables: VariablesOf<typeof SEARCH>) {
  const result = await t.graphql(SEARCH, variables);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return expectData(result).searchPosts;
}
const titles = (page: { edges: { node: { title: string } }[] }) => page.edges.map((edge) => edge.node.title);

describe('searchPosts', () => {
  it('ranks title matches above content matches, stems words, and highlights the excerpt', async () => {
    const ada = await createUser(t.prisma, { username: 'Ada' });
    await post(ada, 'Gardening notes', 'My dog likes running through the garden while I plant roses.');
    await post(ada, 'Running a marathon', 'Training plans and shoes.');
    await post(ada, 'Cooking', 'Nothing about that here.');

    const page = await search({ query: 'runs' });
    expect(titles(page)).toEqual(['Running a marathon', 'Gardening notes']);
    expect(page.totalCount).toBe(2);
    const [first, second] = page.edges;
    expect(first!.rank).toBeGreaterThan(second!.rank);
    expect(first!.node.author).toEqual({ username: 'Ada' });
    const excerpt = second!.excerpt;
    expect(excerpt.filter((part) => part.highlighted).map((part) => part.text)).toEqual(['running']);
    expect(excerpt.map((part) => part.text).join('')).toBe(
      'My dog likes running through the garden while I plant roses.',
    );
  });

  it('understands "quoted phrases", prefix* and -excluded words', async () => {
    const ada = await createUser(t.prisma);
    await post(ada, 'One', 'the quick brown fox');
    await post(ada, 'Two', 'the brown quick fox');
    await post(ada, 'Three', 'a quickstep dance');
    expect(titles(await search({ query: '"quick brown"' })).sort()).toEqual(['One']);
    expect(titles(await search({ query: 'quick brown' })).sort()).toEqual(['One', 'Two']);
    expect(titles(await search({ query: 'quickst*' })).sort()).toEqual(['Three']);
    expect(titles(await search({ query: 'qui*' })).sort()).toEqual(['One', 'Three', 'Two']);
    expect(titles(await search({ query: 'fox -"brown quick"' })).sort()).toEqual(['One']);
    expect(titles(await search({ query: "o'reilly's (fox) AND [quick]" })).sort()).toEqual([]); // punctuation is only a separator
  });

  it('pages by rank with stable cursors, forwards and backwards, without repeats or gaps', async () => {
    const ada = await createUser(t.prisma);
    for (let i = 0; i < 7; i++) await post(ada, `Post ${i}`, `${'search '.repeat(i + 1)} filler words ${i}`);
    const all = titles(await search({ query: 'search', first: 20 }));
    expect(all).toHaveLength(7);

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: ResultOf<typeof SEARCH>['searchPosts'] = await search({ query: 'search', first: 3, after });
      seen.push(...titles(page));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all);

    const lastPage = await search({ query: 'search', last: 3 });
    expect(titles(lastPage)).toEqual(all.slice(-3));
    const before = await search({ query: 'search', last: 2, before: lastPage.pageInfo.startCursor });
    expect(titles(before)).toEqual(all.slice(-5, -3));
  });

  it('costs one statement for a page with its authors, excerpts and counts, even an empty one', async () => {
    const users = await Promise.all([createUser(t.prisma), createUser(t.prisma)]);
    for (let i = 0; i < 6; i++) await post(users[i % 2]!, `Shared topic ${i}`, 'graphql servers');
    const withoutCount = textOf(SEARCH).replace('totalCount totalCountIsCapped', '');
    for (const [document, query] of [
      [withoutCount, 'graphql'],
      [textOf(SEARCH), 'graphql'],
      [textOf(SEARCH), 'zebra'],
    ] as const) {
      const statements = await t.statementsDuring(async () => {
        const result = await t.graphql(document, { query, first: 5 });
        expect(result.errors).toBeUndefined();
      });
      expect(statements, query).toHaveLength(1);
    }
    const past = await search({ query: 'graphql', first: 6 });
    const statements = await t.statementsDuring(async () => {
      const empty = await search({ query: 'graphql', after: past.pageInfo.endCursor });
      expect(empty).toMatchObject({ totalCount: 6, totalCountIsCapped: false, edges: [] });
    });
    expect(statements).toHaveLength(1);
  });

  it('answers empty, punctuation-only, exclusion-only, over-long and malformed input with BAD_USER_INPUT, never a 500', async () => {
    for (const query of [
      '',
      '   ',
      '!!! ... ???',
      '"" * -',
      '-onlyexcluded',
      'x'.repeat(201),
      Array(20).fill('word').join(' '),
      'a\u0000b',
    ]) {
      const result = await t.graphql(SEARCH, { query });
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(query)).toBe('BAD_USER_INPUT');
      expect(result.data ?? null).toBeNull();
    }
    const cursor = await t.graphql(SEARCH, { query: 'fine', after: 'bm90IGEgY3Vyc29y' });
    expect(cursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    for (const query of ["'", '\\', "'):* | !(", 'null & !', '<->']) {
      const result = await t.graphql(SEARCH, { query: `${query} word` });
      expect(result.errors, query).toBeUndefined();
    }
  });

  it('refuses text that PostgreSQL leaves without a word to search for, instead of matching every post', async () => {
    const ada = await createUser(t.prisma, { username: 'Ada' });
    await post(ada, 'Flask tips', 'Running a flask app.');
    await post(ada, 'Django tips', 'Running flask and django side by side.');
    for (let i = 0; i < 3; i++) await post(ada, `Other ${i}`, 'the a an of');
    const good = { query: 'flask -django', first: 20 };
    for (const query of ['the a', 'the -zzz', '"the a"', '-"of the" the', 'the*', 'a* -flask', 'The AN -"of"']) {
      // Bad, then good on the same document: each answer is decided by its own text.
      const statements = await t.statementsDuring(async () => {
        const result = await t.graphql(SEARCH, { query, first: 20 });
        expect(result.errors?.[0], query).toMatchObject({
          message: 'Argument "query" must contain a word to search for.',
          extensions: { code: 'BAD_USER_INPUT' },
        });
        expect(result.data ?? null).toBeNull();
      });
      expect(statements, query).toHaveLength(1); // the page, which then reads no table
      expect(titles(await search(good)), query).toEqual(['Flask tips']);
    }
    const run = await search({ query: 'run*', first: 20 });
    expect(titles(run).sort()).toEqual(['Django tips', 'Flask tips']);
    expect(run.totalCount).toBe(2);
    expect(titles(await search({ query: 'the flask -django' }))).toEqual(['Flask tips']); // stop words beside words are fine
    expect(titles(await search({ query: 'zebra' }))).toEqual([]); // no match is not an error

    // The same rule for a user's posts filtered by query, and for their count.
    const userPosts = graphql(
      `query SearchUserposts($query: String) { user(username: "Ada") { posts(query: $query, first: 20) { totalCount edges { node { title } } } } }`,
    );
    for (const query of ['the -zzz', 'the']) {
      const result = await t.graphql(userPosts, { query });
      expect(result.errors?.[0]?.extensions?.code, query).toBe('BAD_USER_INPUT');
    }
    expect(expectData(await t.graphql(userPosts, { query: 'flask -django' })).user?.posts).toEqual({
      totalCount: 1,
      edges: [{ node: { title: 'Flask tips' } }],
    });
  });

  it('finds a post as soon as it is created or edited, through the API', async () => {
    const ada = await signUp(t);
    const created = await t.graphql(
      CREATE_POST,
      { input: { title: 'Zebras', content: 'Stripes everywhere' } },
      { token: ada.token },
    );
    expect(titles(await search({ query: 'stripes' }))).toEqual(['Zebras']);
    const id = expectTypename(expectData(created).createPost, 'CreatePostSuccess').post.id;
    await t.graphql(UPDATE_POST, { id, input: { content: 'Spots now' } }, { token: ada.token });
    expect(titles(await search({ query: 'stripes' }))).toEqual([]);
    expect(titles(await search({ query: 'spots' }))).toEqual(['Zebras']);
  });
});

/** `count` posts by `author`, one minute apart and older than every post of post(), in one statement. */
async function insertPosts(author: User, count: number, title: string, content: string, minutesBack = 0) {
  await t.prisma.$executeRawUnsafe(
    `INSERT INTO posts (title, content, author_id, date_posted, updated_at)
     SELECT $1 || ' ' || n, $2, $3, timestamptz '2023-12-31' - ($4 + n) * interval '1 minute', now()
       FROM generate_series(1, $5::int) n`,
    title,
    content,
    author.id,
    minutesBack,
    count,
  );
}

describe('searchPosts ranks only the newest matches', () => {
  it(`ranks the newest ${SEARCH_CANDIDATES} matches: an older, better match is not returned, and the count says so`, async () => {
    const ada = await createUser(t.prisma);
    await insertPosts(ada, SEARCH_CANDIDATES, 'Filler', 'a common word'); // a word in every post
    await insertPosts(ada, 1, 'Common knowledge', 'the best common match, but the oldest', SEARCH_CANDIDATES);
    await insertPosts(ada, 3, 'Rare', 'common and scarce', SEARCH_CANDIDATES + 1); // older still

    const first = await titlesPage({ query: 'common', first: 100 });
    expect(first).toMatchObject({ totalCount: SEARCH_CANDIDATES, totalCountIsCapped: true });
    expect(titles(first)).not.toContain('Common knowledge 1');
    const seen = new Set<string>(titles(first));
    let page = first;
    while (page.pageInfo.hasNextPage) {
      page = await titlesPage({ query: 'common', first: 100, after: page.pageInfo.endCursor });
      for (const title of titles(page)) seen.add(title);
    }
    // Exactly the newest matches: no repeats, no gaps, nothing older.
    expect(seen.size).toBe(SEARCH_CANDIDATES);
    expect([...seen].sort()).toEqual(Array.from({ length: SEARCH_CANDIDATES }, (_, i) => `Filler ${i + 1}`).sort());

    // A narrower query reaches the older posts, its count exact.
    const narrow = await search({ query: 'common scarce', first: 10 });
    expect(narrow).toMatchObject({ totalCount: 3, totalCountIsCapped: false });
    expect(titles(narrow).sort()).toEqual(['Rare 1', 'Rare 2', 'Rare 3']);
    expect(await search({ query: 'common knowledge' })).toMatchObject({ totalCount: 1, totalCountIsCapped: false });
  });

  it('counts exactly below the cap, and says so', async () => {
    const ada = await createUser(t.prisma);
    await insertPosts(ada, SEARCH_CANDIDATES - 1, 'Many', 'plenty');
    expect(await search({ query: 'plenty', first: 1 })).toMatchObject({
      totalCount: SEARCH_CANDIDATES - 1,
      totalCountIsCapped: false,
    });
    await insertPosts(ada, 1, 'One more', 'plenty', SEARCH_CANDIDATES);
    expect(await search({ query: 'plenty', first: 1 })).toMatchObject({
      totalCount: SEARCH_CANDIDATES,
      totalCountIsCapped: false,
    });
    await insertPosts(ada, 1, 'Past the cap', 'plenty', SEARCH_CANDIDATES + 1);
    expect(await search({ query: 'plenty', first: 1 })).toMatchObject({
      totalCount: SEARCH_CANDIDATES,
      totalCountIsCapped: true,
    });
  });

  // The statement's two strategies with small bounds: 3 candidates, a sample of the newest 4 posts, a window of 10.
  const small: SearchLimits = { candidates: 3, sample: 4, window: 10 };
  const read = (query: string) =>
    selectSearchPage(t.sql, { search: searchQuery(query), limit: 10, inverted: false }, small);
  const ids = async (query: string) => {
    const { hits, total, capped } = await read(query);
    return { titles: hits.map(([found]) => found.title).sort(), total, capped };
  };

  it('walks the newest posts for a common query, and stops at the window', async () => {
    const ada = await createUser(t.prisma);
    // Newest first: 4 posts with "alpha" (the sample finds it common), then 20 without, then 2 old ones with it.
    await insertPosts(ada, 4, 'New', 'alpha beta');
    await insertPosts(ada, 20, 'Middle', 'gamma', 4);
    await insertPosts(ada, 2, 'Old', 'alpha delta', 24);
    // The newest 3 of the 4, capped.
    expect(await ids('alpha')).toEqual({ titles: ['New 1', 'New 2', 'New 3'], total: 3, capped: true });
    // Common words, a query that matches none in the window: nothing, and capped (older posts were not read), not
    // a read of every post through the index.
    expect(await ids('alpha -beta')).toEqual({ titles: [], total: 0, capped: true });
    expect(await ids('"beta alpha"')).toEqual({ titles: [], total: 0, capped: true });
  });

  it('reads a rare query from the index, whatever the age of its matches', async () => {
    const ada = await createUser(t.prisma);
    await insertPosts(ada, 20, 'New', 'gamma');
    await insertPosts(ada, 4, 'Old', 'omega', 20);
    expect(await ids('omega')).toEqual({ titles: ['Old 1', 'Old 2', 'Old 3'], total: 3, capped: true });
    expect(await ids('omega -gamma')).toEqual({ titles: ['Old 1', 'Old 2', 'Old 3'], total: 3, capped: true });
    expect(await ids('"old 4" omega')).toEqual({ titles: ['Old 4'], total: 1, capped: false });
    expect(await ids('zeta')).toEqual({ titles: [], total: 0, capped: false });
  });
});

describe("a user's posts filtered by query", () => {
  it("keeps the newest-first order and counts only the matches of that user's posts", async () => {
    const [ada, bob] = [
      await createUser(t.prisma, { username: 'Ada' }),
      await createUser(t.prisma, { username: 'Bob' }),
    ];
    await post(ada, 'Old cats', 'cats');
    await post(ada, 'Dogs', 'dogs');
    await post(bob, 'Bob cats', 'cats');
    await post(ada, 'New cats', 'more cats');
    const result = await t.graphql(
      graphql(
        `query SearchUser { user(username: "Ada") { posts(query: "cat", first: 5) { totalCount edges { node { title } } } } }`,
      ),
    );
    expect(expectData(result).user?.posts).toEqual({
      totalCount: 2,
      edges: [{ node: { title: 'New cats' } }, { node: { title: 'Old cats' } }],
    });
    const bad = await t.graphql(
      graphql(`query SearchUser2 { user(username: "Ada") { posts(query: "...") { totalCount } } }`),
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
