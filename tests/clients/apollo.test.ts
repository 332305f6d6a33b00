import { ApolloClient, ApolloLink, CombinedGraphQLErrors, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { relayStylePagination } from '@apollo/client/utilities';
import UploadHttpLink from 'apollo-upload-client/UploadHttpLink.mjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  ChangePasswordDocument,
  CreatePostDocument,
  DeleteAccountDocument,
  DeletePostDocument,
  FeedDocument,
  LoginDocument,
  MeDocument,
  MySessionsDocument,
  RegisterDocument,
  RequestResetDocument,
  ResetPasswordDocument,
  RevokeSessionDocument,
  SearchPostsDocument,
  UpdateAccountDocument,
  UpdatePostDocument,
} from '../../client/generated/graphql.ts';
import introspection from '../../client/generated/possible-types.ts';
import { image } from '../helpers/images.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

// Apollo Client 4 and apollo-upload-client, unmodified, against the server over real HTTP, using the typed
// documents `npm run codegen` generates from client/operations.
let t: TestApp;
let token: string | null = null;
let client: ApolloClient;

beforeAll(async () => {
  t = await startTestApp();
  const uri = await t.listen();
  const auth = new SetContextLink((previous) => ({
    headers: { ...previous.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  }));
  client = new ApolloClient({
    link: ApolloLink.from([auth, new UploadHttpLink({ uri, headers: { 'apollo-require-preflight': 'true' } })]),
    cache: new InMemoryCache({
      possibleTypes: introspection.possibleTypes,
      typePolicies: { Query: { fields: { posts: relayStylePagination() } } },
    }),
  });
});
afterAll(() => t.close());

it('runs a whole session: register, log in, upload, write, page, reset', async () => {
  // Typed errors arrive as data.
  const register = await client.mutate({
    mutation: RegisterDocument,
    variables: {
      input: {
        username: 'Apollo',
        email: 'apollo@demo.com',
        password: 'moon landing',
        confirmPassword: 'moon landing',
      },
    },
  });
  expect(register.data?.register.__typename).toBe('RegisterSuccess');
  const again = await client.mutate({
    mutation: RegisterDocument,
    variables: {
      input: { username: 'Apollo', email: 'other@demo.com', password: 'moon landing', confirmPassword: 'moon landing' },
    },
  });
  expect(again.data?.register).toMatchObject({
    __typename: 'ValidationError',
    fieldErrors: [{ field: 'username', message: 'That username is taken. Please choose a different one.' }],
  });

  const login = await client.mutate({
    mutation: LoginDocument,
    variables: { input: { email: 'apollo@demo.com', password: 'moon landing' } },
  });
  if (login.data?.login.__typename !== 'LoginSuccess') throw new Error('login failed');
  token = login.data.login.token;
  const oldToken = token;
  const me = await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
  expect(me.data?.me).toMatchObject({ username: 'Apollo', email: 'apollo@demo.com' });

  // A multipart upload through apollo-upload-client.
  const picture = new File([new Uint8Array(await image(300, 300, 'png'))], 'me.png', { type: 'image/png' });
  const updated = await client.mutate({ mutation: UpdateAccountDocument, variables: { input: { picture } } });
  expect(updated.data?.updateAccount.__typename).toBe('UpdateAccountSuccess');
  if (updated.data?.updateAccount.__typename === 'UpdateAccountSuccess') {
    expect(updated.data.updateAccount.user.imageUrl).toMatch(/\/pictures\/[0-9a-f]{16}\.png$/);
  }

  // Writes.
  const ids: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const created = await client.mutate({
      mutation: CreatePostDocument,
      variables: { input: { title: `Post ${i}`, content: `Body ${i}` } },
    });
    if (created.data?.createPost.__typename !== 'CreatePostSuccess') throw new Error('createPost failed');
    ids.push(created.data.createPost.post.id);
  }
  const edited = await client.mutate({
    mutation: UpdatePostDocument,
    variables: { id: ids[0]!, input: { title: 'Post 1, edited' } },
  });
  expect(edited.data?.updatePost).toMatchObject({ __typename: 'UpdatePostSuccess', post: { title: 'Post 1, edited' } });
  const deleted = await client.mutate({ mutation: DeletePostDocument, variables: { id: ids[1]! } });
  expect(deleted.data?.deletePost).toEqual({
    __typename: 'DeletePostSuccess',
    message: 'Your post has been deleted!',
    deletedPostId: ids[1],
  });
  client.cache.evict({ id: client.cache.identify({ __typename: 'Post', id: ids[1]! }) });

  // Coded errors arrive as GraphQL errors with extensions.code.
  const error = await client
    .mutate({ mutation: UpdatePostDocument, variables: { id: ids[1]!, input: { title: 'gone' } } })
    .catch((e) => e);
  expect(CombinedGraphQLErrors.is(error)).toBe(true);
  expect(error.errors[0].extensions.code).toBe('NOT_FOUND');

  // Search, and the sessions of this account: a second login, seen from the first and ended from it.
  const found = await client.query({
    query: SearchPostsDocument,
    variables: { query: 'body' },
    fetchPolicy: 'network-only',
  });
  expect(found.data?.searchPosts.totalCount).toBe(4);
  expect(found.data?.searchPosts.edges[0]?.excerpt.find((part) => part.highlighted)?.text).toBe('Body');
  const second = await client.mutate({
    mutation: LoginDocument,
    variables: { input: { email: 'apollo@demo.com', password: 'moon landing' } },
  });
  expect(second.data?.login.__typename).toBe('LoginSuccess');
  const sessions =
    (await client.query({ query: MySessionsDocument, fetchPolicy: 'network-only' })).data?.me?.sessions ?? [];
  expect(sessions.map((session) => session.current).sort()).toEqual([false, true]);
  const other = sessions.find((session) => !session.current)!;
  const revoked = await client.mutate({ mutation: RevokeSessionDocument, variables: { id: other.id } });
  expect(revoked.data?.revokeSession).toMatchObject({ __typename: 'RevokeSessionSuccess', revokedSessionId: other.id });
  const after = await client.query({ query: MySessionsDocument, fetchPolicy: 'network-only' });
  expect(after.data?.me?.sessions?.map((session) => session.current)).toEqual([true]);

  // Page through the feed with fetchMore and a Relay-style field policy: newest first, no duplicates.
  const feed = client.watchQuery({ query: FeedDocument, variables: { first: 2 } });
  const pages: string[][] = [];
  const subscription = feed.subscribe(({ data, dataState }) => {
    if (dataState === 'complete') pages.push(data.posts.edges.map((edge) => edge.node.title));
  });
  let result = await feed.refetch();
  while (result.data?.posts.pageInfo.hasNextPage) {
    result = await feed.fetchMore({ variables: { after: result.data.posts.pageInfo.endCursor } });
  }
  const merged = client.readQuery({ query: FeedDocument, variables: { first: 2 } });
  subscription.unsubscribe();
  expect(merged?.posts.edges.map((edge) => edge.node.title)).toEqual(['Post 5', 'Post 4', 'Post 3', 'Post 1, edited']);
  expect(pages.length).toBeGreaterThan(1);

  // Reset the password with the mailed token; the old login token stops working.
  token = null;
  const requested = await client.mutate({ mutation: RequestResetDocument, variables: { email: 'apollo@demo.com' } });
  expect(requested.data?.requestReset.__typename).toBe('RequestResetSuccess');
  await t.settle();
  const resetToken = /token=([\w-]+)/.exec(t.sent.at(-1)!.text)![1]!;
  const reset = await client.mutate({
    mutation: ResetPasswordDocument,
    variables: { input: { token: resetToken, password: 'a new moon', confirmPassword: 'a new moon' } },
  });
  expect(reset.data?.resetPassword.__typename).toBe('ResetPasswordSuccess');
  token = oldToken;
  expect((await client.query({ query: MeDocument, fetchPolicy: 'network-only' })).data?.me).toBeNull();

  // Account management: change the password, then delete the account; its token stops working.
  const relogin = await client.mutate({
    mutation: LoginDocument,
    variables: { input: { email: 'apollo@demo.com', password: 'a new moon' } },
  });
  if (relogin.data?.login.__typename !== 'LoginSuccess') throw new Error('login failed');
  token = relogin.data.login.token;
  const changed = await client.mutate({
    mutation: ChangePasswordDocument,
    variables: {
      input: { currentPassword: 'a new moon', newPassword: 'the third moon', confirmPassword: 'the third moon' },
    },
  });
  expect(changed.data?.changePassword).toMatchObject({
    __typename: 'ChangePasswordSuccess',
    message: 'Your password has been updated!',
  });
  const gone = await client.mutate({ mutation: DeleteAccountDocument, variables: { password: 'the third moon' } });
  expect(gone.data?.deleteAccount).toEqual({
    __typename: 'DeleteAccountSuccess',
    message: 'Your account has been deleted.',
  });
  expect((await client.query({ query: MeDocument, fetchPolicy: 'network-only' })).data?.me).toBeNull();
});
