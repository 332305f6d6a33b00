import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { Client, fetchExchange } from '@urql/core';
import UploadHttpLink from 'apollo-upload-client/UploadHttpLink.mjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  CreatePostDocument,
  FeedDocument,
  LoginDocument,
  LogoutDocument,
  MeDocument,
  PostChangedDocument,
  RequestResetDocument,
  ResetPasswordDocument,
  UpdateAccountDocument,
} from '../client/generated/graphql.ts';
import introspection from '../client/generated/possible-types.ts';
import { createServerDatabase } from './helpers/database.ts';
import { signUpWithApollo, signUpWithUrql } from './helpers/accounts.ts';
import { startFakePostmark } from './helpers/fake-postmark.ts';
import { image } from './helpers/images.ts';
import { startLoadBalancer } from './helpers/load-balancer.ts';
import { startS3, type TestS3 } from './helpers/s3.ts';
import { freePort, type ServerProcess, startServerProcess, untilReady } from './helpers/server-process.ts';
import { until } from './helpers/wait.ts';

// The production shape, shown rather than claimed: two real server processes on one PostgreSQL, one Redis and
// one S3-compatible server, behind a round-robin load balancer, driven by the real Apollo and urql clients.
let database: Awaited<ReturnType<typeof createServerDatabase>>;

let s3: TestS3;
let postmark: Awaited<ReturnType<typeof startFakePostmark>>;
let balancer: Awaited<ReturnType<typeof startLoadBalancer>>;
const servers: ServerProcess[] = [];
const folders: string[] = [];

beforeAll(async () => {
  database = await createServerDatabase('flaskblog_multi');
  s3 = await startS3();
  const bucket = await s3.bucket('multi-instance');
  postmark = await startFakePostmark();
  const ports = [await freePort(), await freePort()];
  balancer = await startLoadBalancer(ports);
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    JWT_SECRET: randomBytes(32).toString('hex'), // one secret for both
    PUBLIC_URL: balancer.url,
    POSTMARK_SERVER_TOKEN: 'test-token',
    POSTMARK_API_URL: postmark.url,
    EVENT_BUS: 'redis',
    RESPONSE_CACHE: 'redis',
    REDIS_KEY_PREFIX: `${database.name}:`,
    PICTURE_STORAGE: 's3',
    S3_BUCKET: bucket.bucket,
    S3_ENDPOINT: bucket.endpoint!,
    S3_ACCESS_KEY_ID: bucket.credentials!.accessKeyId,
    S3_SECRET_ACCESS_KEY: bucket.credentials!.secretAccessKey,
    SHUTDOWN_GRACE_MS: '0',
    BCRYPT_COST: '4',
  };
  for (const port of ports) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaskblog-multi-'));
    folders.push(dataDir);
    servers.push(await startServerProcess(dataDir, env, port));
  }
  await Promise.all(servers.map(untilReady));
}, 180_000);

afterAll(async () => {
  for (const server of servers) server.child.kill('SIGTERM');
  await Promise.all(servers.map((server) => server.exited));
  await balancer?.close();
  await postmark?.close();
  await s3?.stop();
  await database?.drop();
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

it('urql: register, log in, upload, post, subscribe, log out and reset, each request on either instance', {
  timeout: 120_000,
}, async () => {
  let token: string | undefined;
  const client = new Client({
    url: `${balancer.url}/graphql`,
    exchanges: [fetchExchange],
    fetchSubscriptions: true,
    requestPolicy: 'network-only',
    fetchOptions: () => ({
      headers: { 'x-graphql-yoga-csrf': 'urql', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    }),
  });
  const credentials = { email: 'urql@demo.com', password: 'exchange all the things' };
  token = await signUpWithUrql(client, { username: 'Urql', ...credentials });
  for (let i = 0; i < 4; i++) expect((await client.query(MeDocument, {})).data?.me?.username).toBe('Urql'); // both instances

  const picture = new File([new Uint8Array(await image(80, 80, 'png'))], 'me.png', { type: 'image/png' });
  const upload = await client.mutation(UpdateAccountDocument, { input: { picture } });
  if (upload.data?.updateAccount.__typename !== 'UpdateAccountSuccess') throw new Error('upload failed');
  const imageUrl = upload.data.updateAccount.user.imageUrl;
  expect(imageUrl.startsWith(`${balancer.url}/pictures/`)).toBe(true);
  for (let i = 0; i < 2; i++) expect((await fetch(imageUrl)).status).toBe(200); // served by both

  // A subscriber on one instance, posts written through the load balancer (so through both).
  const titles: string[] = [];
  const live = client.subscription(PostChangedDocument, {}).subscribe((result) => {
    if (result.data?.postChanged.post) titles.push(result.data.postChanged.post.title);
  });
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (let i = 1; i <= 4; i++)
    await client.mutation(CreatePostDocument, { input: { title: `Post ${i}`, content: 'Hello' } });
  await until(() => titles.length === 4, 'four live events');
  expect(titles).toEqual(['Post 1', 'Post 2', 'Post 3', 'Post 4']);
  live.unsubscribe();
  // No stale read on either instance (the response cache is shared through Redis).
  for (let i = 0; i < 2; i++)
    expect((await client.query(FeedDocument, { first: 1 })).data?.posts.edges[0]?.node.title).toBe('Post 4');

  expect((await client.mutation(LogoutDocument, {})).data?.logout.__typename).toBe('LogoutSuccess');
  for (let i = 0; i < 2; i++) expect((await client.query(MeDocument, {})).data?.me).toBeNull(); // revoked everywhere

  token = undefined;
  const sent = postmark.requests.length;
  const requested = await client.mutation(RequestResetDocument, { email: credentials.email });
  expect(requested.data?.requestReset.__typename).toBe('RequestResetSuccess');
  await until(() => postmark.requests.length > sent, 'the reset mail');
  const resetToken = /token=([\w-]+)/.exec(postmark.requests.at(-1)!.body.TextBody)![1]!;
  const reset = await client.mutation(ResetPasswordDocument, {
    input: { token: resetToken, password: 'a new password', confirmPassword: 'a new password' },
  });
  expect(reset.data?.resetPassword.__typename).toBe('ResetPasswordSuccess');
  expect(
    (await client.mutation(LoginDocument, { input: { ...credentials, password: 'a new password' } })).data?.login
      .__typename,
  ).toBe('LoginSuccess');
  expect([...balancer.hits.values()].every((count) => count > 3)).toBe(true);
});

it('Apollo Client: register, log in, upload, post and read through both instances', { timeout: 120_000 }, async () => {
  let token: string | undefined;
  const auth = new SetContextLink((previous) => ({
    headers: { ...previous.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
  }));
  const client = new ApolloClient({
    link: ApolloLink.from([
      auth,
      new UploadHttpLink({ uri: `${balancer.url}/graphql`, headers: { 'apollo-require-preflight': 'true' } }),
    ]),
    cache: new InMemoryCache({ possibleTypes: introspection.possibleTypes }),
  });
  token = await signUpWithApollo(client, { username: 'Apollo', email: 'apollo@demo.com', password: 'moon landing' });
  const picture = new File([new Uint8Array(await image(60, 60, 'jpeg'))], 'me.jpg', { type: 'image/jpeg' });
  const upload = await client.mutate({ mutation: UpdateAccountDocument, variables: { input: { picture } } });
  expect(upload.data?.updateAccount.__typename).toBe('UpdateAccountSuccess');
  const created = await client.mutate({
    mutation: CreatePostDocument,
    variables: { input: { title: 'From Apollo', content: 'Hi' } },
  });
  expect(created.data?.createPost.__typename).toBe('CreatePostSuccess');
  for (let i = 0; i < 2; i++) {
    const feed = await client.query({ query: FeedDocument, variables: { first: 1 }, fetchPolicy: 'network-only' });
    expect(feed.data?.posts.edges[0]?.node.title).toBe('From Apollo');
    const me = await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
    expect(me.data?.me?.imageUrl).toMatch(/\/pictures\/[0-9a-f]{16}\.jpg$/);
  }
});
