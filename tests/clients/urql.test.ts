import { Client, fetchExchange } from '@urql/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  ChangePasswordDocument,
  CreatePostDocument,
  DeleteAccountDocument,
  DeletePostDocument,
  FeedDocument,
  LoginDocument,
  LogoutDocument,
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
import { image } from '../helpers/images.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

// @urql/core, unmodified, over real HTTP; its fetch exchange sends files as GraphQL multipart requests.
let t: TestApp;
let token: string | null = null;
let client: Client;

beforeAll(async () => {
  t = await startTestApp();
  client = new Client({
    url: await t.listen(),
    exchanges: [fetchExchange],
    requestPolicy: 'network-only',
    preferGetMethod: false,
    fetchOptions: () => ({
      // Yoga's CSRF prevention accepts requests that carry a header a browser form cannot set.
      headers: { 'x-graphql-yoga-csrf': 'urql', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    }),
  });
});
afterAll(() => t.close());

it('runs a whole session: register, log in, upload, write, page, reset', async () => {
  const credentials = { email: 'urql@demo.com', password: 'exchange all the things' };
  const registered = await client.mutation(RegisterDocument, {
    input: { username: 'Urql', ...credentials, confirmPassword: credentials.password },
  });
  expect(registered.data?.register.__typename).toBe('RegisterSuccess');
  const wrong = await client.mutation(LoginDocument, { input: { email: credentials.email, password: 'nope nope' } });
  expect(wrong.data?.login).toEqual({
    __typename: 'LoginFailedError',
    message: 'Login Unsuccessful. Please check email and password',
  });
  const login = await client.mutation(LoginDocument, { input: credentials });
  if (login.data?.login.__typename !== 'LoginSuccess') throw new Error('login failed');
  token = login.data.login.token;
  const oldToken = token;
  expect((await client.query(MeDocument, {})).data?.me?.username).toBe('Urql');

  const picture = new File([new Uint8Array(await image(64, 64, 'jpeg'))], 'me.jpg', { type: 'image/jpeg' });
  const upload = await client.mutation(UpdateAccountDocument, { input: { picture } });
  expect(upload.error).toBeUndefined();
  expect(upload.data?.updateAccount.__typename).toBe('UpdateAccountSuccess');

  const created = await client.mutation(CreatePostDocument, { input: { title: 'From urql', content: 'Hello' } });
  if (created.data?.createPost.__typename !== 'CreatePostSuccess') throw new Error('createPost failed');
  const id = created.data.createPost.post.id;
  await client.mutation(CreatePostDocument, { input: { title: 'Second', content: 'Hi' } });
  const edited = await client.mutation(UpdatePostDocument, { id, input: { content: 'Hello again' } });
  expect(edited.data?.updatePost).toMatchObject({ __typename: 'UpdatePostSuccess', post: { content: 'Hello again' } });

  const found = await client.query(SearchPostsDocument, { query: 'hello*' });
  expect(found.data?.searchPosts.edges.map((edge) => edge.node.title)).toEqual(['From urql']);
  expect(found.data?.searchPosts.edges[0]?.excerpt).toContainEqual({ text: 'Hello', highlighted: true });

  // Sessions: a second login, seen from the first and ended from it.
  const second = await client.mutation(LoginDocument, { input: credentials });
  if (second.data?.login.__typename !== 'LoginSuccess') throw new Error('login failed');
  const sessions = (await client.query(MySessionsDocument, {})).data?.me?.sessions ?? [];
  expect(sessions).toHaveLength(2);
  const other = sessions.find((session) => !session.current)!;
  const revoked = await client.mutation(RevokeSessionDocument, { id: other.id });
  expect(revoked.data?.revokeSession).toEqual({
    __typename: 'RevokeSessionSuccess',
    message: 'The session has been ended.',
    revokedSessionId: other.id,
  });
  expect((await client.query(MySessionsDocument, {})).data?.me?.sessions?.map((session) => session.current)).toEqual([
    true,
  ]);

  const feed = await client.query(FeedDocument, { first: 1 });
  expect(feed.data?.posts.edges.map((edge) => edge.node.title)).toEqual(['Second']);
  const next = await client.query(FeedDocument, { first: 1, after: feed.data!.posts.pageInfo.endCursor });
  expect(next.data?.posts.edges.map((edge) => edge.node.title)).toEqual(['From urql']);

  expect((await client.mutation(DeletePostDocument, { id })).data?.deletePost.__typename).toBe('DeletePostSuccess');
  const gone = await client.mutation(DeletePostDocument, { id });
  expect(gone.error?.graphQLErrors[0]?.extensions.code).toBe('NOT_FOUND');

  token = null;
  const anonymous = await client.mutation(LogoutDocument, {});
  expect(anonymous.error?.graphQLErrors[0]?.extensions.code).toBe('UNAUTHENTICATED');

  await client.mutation(RequestResetDocument, { email: credentials.email });
  await t.settle();
  const resetToken = /token=([\w-]+)/.exec(t.sent.at(-1)!.text)![1]!;
  const reset = await client.mutation(ResetPasswordDocument, {
    input: { token: resetToken, password: 'a fresh password', confirmPassword: 'a fresh password' },
  });
  expect(reset.data?.resetPassword.__typename).toBe('ResetPasswordSuccess');
  token = oldToken;
  expect((await client.query(MeDocument, {}, { requestPolicy: 'network-only' })).data?.me).toBeNull();

  // Account management: change the password, then delete the account; its token stops working.
  const again = await client.mutation(LoginDocument, {
    input: { email: credentials.email, password: 'a fresh password' },
  });
  if (again.data?.login.__typename !== 'LoginSuccess') throw new Error('login failed');
  token = again.data.login.token;
  const changed = await client.mutation(ChangePasswordDocument, {
    input: { currentPassword: 'a fresh password', newPassword: 'yet another one', confirmPassword: 'yet another one' },
  });
  expect(changed.data?.changePassword.__typename).toBe('ChangePasswordSuccess');
  const deleted = await client.mutation(DeleteAccountDocument, { password: 'yet another one' });
  expect(deleted.data?.deleteAccount).toEqual({
    __typename: 'DeleteAccountSuccess',
    message: 'Your account has been deleted.',
  });
  expect((await client.query(MeDocument, {}, { requestPolicy: 'network-only' })).data?.me).toBeNull();
});
