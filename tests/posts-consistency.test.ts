import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type PostChange, postEvents } from '../src/modules/posts/post.events.ts';
import { createPost } from '../src/modules/posts/post.service.ts';
import { signUp } from './helpers/accounts.ts';
import { createPosts, createUser, globalId } from './helpers/factories.ts';
import { CREATE_POST, DELETE_POST, UPDATE_POST } from './helpers/posts.ts';
import type { CreatePostInput } from './generated/graphql.ts';
import { graphql } from './generated/gql.ts';
import {
  expectData,
  expectTypename,
  type GraphQLResponse,
  type ResultOf,
  startTestApp,
  type TestApp,
} from './helpers/test-app.ts';
import { until } from './helpers/wait.ts';

let t: TestApp;
const events = postEvents(); // the app's live feed, closed by t.close()
beforeAll(async () => {
  t = await startTestApp({ events });
});
afterAll(() => t.close());
beforeEach(() => t.reset());

describe('concurrent writes', () => {
  it('two simultaneous edits of a post leave one of them whole, never a mix', async () => {
    const ada = await signUp(t);
    const [post] = await createPosts(t.prisma, await t.prisma.user.findFirstOrThrow(), 1);
    const id = globalId('Post', post!.id);
    for (let round = 0; round < 10; round++) {
      const edits = [
        { title: `A${round}`, content: `written by A in round ${round}` },
        { title: `B${round}`, content: `written by B in round ${round}` },
      ];
      const results = await Promise.all(
        edits.map((input) => t.graphql(UPDATE_POST, { id, input }, { token: ada.token })),
      );
      for (const result of results) expect(expectData(result).updatePost.__typename).toBe('UpdatePostSuccess');
      const stored = await t.prisma.post.findUniqueOrThrow({
        where: { id: post!.id },
        select: { title: true, content: true },
      });
      expect(edits).toContainEqual(stored);
    }
  });

  it('a delete racing an edit ends with the post gone and, for the loser, a clean NOT_FOUND', async () => {
    const ada = await signUp(t);
    const author = await t.prisma.user.findFirstOrThrow();
    for (let round = 0; round < 10; round++) {
      const [post] = await createPosts(t.prisma, author, 1);
      const id = globalId('Post', post!.id);
      const [edit, removal] = await Promise.all([
        t.graphql(UPDATE_POST, { id, input: { title: 'Edited' } }, { token: ada.token }),
        t.graphql(DELETE_POST, { id }, { token: ada.token }),
      ]);
      expect(removal.data?.deletePost.__typename).toBe('DeletePostSuccess');
      if (edit.errors) {
        expect(edit.errors).toEqual([expect.objectContaining({ extensions: { code: 'NOT_FOUND' } })]);
      } else {
        expect(expectData(edit).updatePost.__typename).toBe('UpdatePostSuccess');
      }
      expect(await t.prisma.post.count({ where: { id: post!.id } })).toBe(0);
    }
  });

  it('refuses a post whose author no longer exists', async () => {
    const ghost = await createUser(t.prisma);
    await t.prisma.user.delete({ where: { id: ghost.id } });
    // The request authenticated a moment before the account was deleted: only the foreign key stands between.
    const attempt = createPost(t, ghost, { title: 'Boo', content: 'From beyond' });
    await expect(attempt).rejects.toThrow(GraphQLError);
    await expect(attempt).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(await t.prisma.post.count()).toBe(0);

    // Through the API, the deleted account's token is simply no longer valid.
    const ada = await signUp(t);
    await t.prisma.user.deleteMany({ where: { username: ada.username } });
    const result = await t.graphql(CREATE_POST, { input: { title: 'a', content: 'b' } }, { token: ada.token });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('idempotency keys', () => {
  it('a retry returns the first post and announces nothing again; another post under the same key is refused', async () => {
    const ada = await signUp(t);
    const changes: PostChange[] = [];
    const feed = events.subscribe()[Symbol.asyncIterator]();
    const reading = (async () => {
      for (let next = await feed.next(); !next.done; next = await feed.next()) changes.push(next.value);
    })();
    const create = async (input: CreatePostInput) =>
      expectData(await t.graphql(CREATE_POST, { input }, { token: ada.token })).createPost;
    const created = async (input: CreatePostInput) => expectTypename(await create(input), 'CreatePostSuccess').post;
    const input = { title: 'Once', content: 'Only once', idempotencyKey: 'post-1' };

    const first = await created(input);
    expect(await create({ ...input, content: 'Something else' })).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ field: 'idempotencyKey', message: 'This idempotency key was used for a different post.' }],
    });
    expect(await create({ ...input, title: 'Another title' })).toMatchObject({ __typename: 'ValidationError' });
    expect(await created(input)).toEqual(first); // the retry
    expect((await created({ ...input, title: '  Once ' })).id).toBe(first.id); // the same post, trimmed

    // A marker event: once it arrives, every event published before it has arrived too.
    const marker = await created({ title: 'Marker', content: 'x' });
    const createdIds = () =>
      changes.filter((change) => change.kind === 'CREATED').map((c) => globalId('Post', c.postId));
    await until(() => createdIds().includes(marker.id), 'the marker');
    await feed.return?.();
    await reading;
    expect(createdIds()).toEqual([first.id, marker.id]);
    expect(await t.prisma.post.count()).toBe(2);
  });
});

describe('cursors under concurrent inserts and deletes', () => {
  it('a reader paging through sees every surviving post exactly once, newest first', async () => {
    const author = await createUser(t.prisma);
    const original = await createPosts(t.prisma, author, 30, new Date('2024-01-01T00:00:00Z'));
    const deleted = new Set<number>();
    const seen: { id: number; datePosted: string }[] = [];
    let after: string | null = null;
    let page = 0;
    const PAGE = graphql(
      `query PostsConsistencyPosts($after: String) { posts(first: 4, after: $after) { edges { node { id datePosted } } pageInfo { hasNextPage endCursor } } }`,
    );
    do {
      const result: GraphQLResponse<ResultOf<typeof PAGE>> = await t.graphql(PAGE, { after });
      const { posts } = expectData(result);
      for (const { node } of posts.edges) {
        seen.push({ id: Number(Buffer.from(node.id, 'base64').toString().split(':')[1]), datePosted: node.datePosted });
      }
      after = posts.pageInfo.hasNextPage ? (posts.pageInfo.endCursor ?? null) : null;
      // Meanwhile: new posts arrive at the top, and posts are deleted both behind and ahead of the reader,
      // including the very post the cursor points at.
      page++;
      await createPosts(t.prisma, author, 2, new Date(Date.UTC(2030, 0, page)));
      const lastSeen = seen.at(-1)!.id;
      const ahead = original.find((post) => !deleted.has(post.id) && !seen.some((s) => s.id === post.id));
      for (const id of [lastSeen, ahead?.id]) {
        if (id && !deleted.has(id)) {
          await t.prisma.post.delete({ where: { id } });
          deleted.add(id);
        }
      }
    } while (after);

    const ids = seen.map((post) => post.id);
    expect(new Set(ids).size).toBe(ids.length); // no duplicates
    const survivors = original.filter((post) => !deleted.has(post.id)).map((post) => post.id);
    for (const id of survivors) expect(ids).toContain(id); // none skipped
    const order = seen.map((post) => `${post.datePosted}|${String(post.id).padStart(10, '0')}`);
    expect(order).toEqual([...order].sort().reverse()); // newest first throughout
  });
});

describe('SQL statements for writes that return the author', () => {
  it('createPost: authenticate, insert; the author comes from the authenticated viewer', async () => {
    const ada = await signUp(t);
    const statements = await t.statementsDuring(() =>
      t.graphql(CREATE_POST, { input: { title: 'Counted', content: 'Statements' } }, { token: ada.token }),
    );
    expect(statements).toHaveLength(2);
    expect(statements[1]).toMatch(/^INSERT INTO/);
  });

  it('updatePost: authenticate, look up for the 404/403 checks, update', async () => {
    const ada = await signUp(t);
    const created = await t.graphql(CREATE_POST, { input: { title: 'x', content: 'y' } }, { token: ada.token });
    const id = expectTypename(expectData(created).createPost, 'CreatePostSuccess').post.id;
    const statements = await t.statementsDuring(() =>
      t.graphql(UPDATE_POST, { id, input: { title: 'z' } }, { token: ada.token }),
    );
    expect(statements).toHaveLength(3);
    expect(statements[2]).toMatch(/^UPDATE/);
  });
});
