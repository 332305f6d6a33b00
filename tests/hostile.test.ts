import net from 'node:net';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemoBlog } from '../src/db/seed.ts';
import { signUp } from './helpers/accounts.ts';
import { globalId } from './helpers/factories.ts';
import { file, image, pngClaiming } from './helpers/images.ts';
import { type GraphQLResponse, startTestApp, TEST_SETTINGS, type TestApp } from './helpers/test-app.ts';

// Requests no form would send, over real HTTP. For each: no 5xx, a coded error (or a typed error in the
// result union), and not a byte changed in the database.
let t: TestApp;
let url: string;
let token: string;
let othersPost: string;
let ownPost: string;
let stale: { claims: jwt.JwtPayload; header: string; payload: string; signature: string };

beforeAll(async () => {
  t = await startTestApp({ protection: { mutationsPerMinute: 10_000 } });
  await seedDemoBlog(t.prisma);
  url = await t.listen();
  ({ token } = await signUp(t, { username: 'Mallory', email: 'mallory@demo.com' }));
  const corey = await t.prisma.user.findUniqueOrThrow({ where: { username: 'CoreyMS' } });
  othersPost = globalId('Post', (await t.prisma.post.findFirstOrThrow({ where: { authorId: corey.id } })).id);
  const mallory = await t.prisma.user.findUniqueOrThrow({ where: { username: 'Mallory' } });
  ownPost = globalId(
    'Post',
    (await t.prisma.post.create({ data: { title: 'Mine', content: 'x', authorId: mallory.id } })).id,
  );
  const [header, payload, signature] = token.split('.') as [string, string, string];
  stale = { claims: jwt.decode(token) as jwt.JwtPayload, header, payload, signature };
});
afterAll(() => t.close());

/** Every row of every table, hashed, so that the least change shows. */
async function snapshot() {
  const tables = ['users', 'posts', 'sessions', 'password_reset_tokens'];
  return Promise.all(
    tables.map((table) =>
      t.prisma.$queryRawUnsafe<{ n: number; sum: string }[]>(
        `SELECT count(*)::int AS n, coalesce(md5(string_agg(r::text, '|' ORDER BY r::text)), '') AS sum FROM ${table} r`,
      ),
    ),
  );
}

const json = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
const gql = (query: string, variables?: Record<string, unknown>, auth: string | null = token) =>
  json({ query, variables }, auth ? { authorization: `Bearer ${auth}` } : {});
const raw = (body: string, contentType: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
function multipart(operations: string, map: string, files: File[], csrf = true) {
  const form = new FormData();
  form.append('operations', operations);
  form.append('map', map);
  for (const [i, f] of files.entries()) form.append(String(i), f);
  return fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(csrf ? { 'x-graphql-yoga-csrf': '1' } : {}) },
    body: form,
  });
}
const upload = (picture: File) =>
  multipart(
    JSON.stringify({
      query: 'mutation ($p: File!) { updateAccount(input: { picture: $p }) { __typename } }',
      variables: { p: null },
    }),
    JSON.stringify({ 0: ['variables.p'] }),
    [picture],
  );
/** An HTTP request written by hand, for what fetch refuses to send. */
function socketRequest(text: string): Promise<Response> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', (chunk) => (answer += chunk));
    // The server may answer (413) and hang up before it has read everything we send: that is fine.
    socket.on('error', (error) => (answer ? socket.destroy() : reject(error)));
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      resolve(new Response(answer.split('\r\n\r\n').slice(1).join('\r\n\r\n') || null, { status: status || 599 }));
    });
    socket.write(text);
  });
}
const reencode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const forge = (claims: object, secret = TEST_SETTINGS.jwtSecret) => jwt.sign({ ...stale.claims, ...claims }, secret);
const logoutWith = (auth: string) => gql('mutation { logout { __typename } }', {}, auth);

const CREATE =
  'mutation ($input: CreatePostInput!) { createPost(input: $input) { __typename ... on ValidationError { fieldErrors { field } } } }';
const REGISTER = 'mutation ($input: RegisterInput!) { register(input: $input) { __typename } }';
const register = (input: Record<string, string>) =>
  gql(
    REGISTER,
    {
      input: {
        username: 'Someone',
        email: 'someone@demo.com',
        password: 'long enough',
        confirmPassword: 'long enough',
        ...input,
      },
    },
    null,
  );
const deep = (n: number): string =>
  n === 0 ? 'title' : `author { posts(first: 1) { edges { node { ${deep(n - 1)} } } } }`;
const NUL = '\u0000';

const cases: [string, () => Promise<Response>][] = [
  ['a query 20 levels deep', () => gql(`{ posts(first: 1) { edges { node { ${deep(5)} } } } }`)],
  ['a query 2000 fields wide', () => gql(`{ ${'__typename '.repeat(2000)} }`)],
  [
    'an alias bomb',
    () => gql(`{ ${Array.from({ length: 200 }, (_, i) => `a${i}: posts(first: 100) { totalCount }`).join(' ')} }`),
  ],
  [
    'a fragment cycle',
    () => gql('fragment A on Post { ...B } fragment B on Post { ...A } { posts { edges { node { ...A } } } }'),
  ],
  ['a directive flood', () => gql(`{ me ${'@include(if: true) '.repeat(60)} { id } }`)],
  [
    'a costly nesting of connections',
    () => gql('{ posts(first: 100) { edges { node { author { posts(first: 100) { edges { node { title } } } } } } } }'),
  ],
  [
    'nodes() with 5000 IDs',
    () =>
      gql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
        ids: Array.from({ length: 5000 }, (_, i) => globalId('Post', i + 1)),
      }),
  ],
  ['first: 1e12', () => gql('{ posts(first: 1000000000000) { totalCount } }')],
  ['first: 2^31', () => gql('query ($n: Int) { posts(first: $n) { totalCount } }', { n: 2 ** 31 })],
  ['first: -5', () => gql('{ posts(first: -5) { totalCount } }')],
  ['last: 1000', () => gql('{ posts(last: 1000) { totalCount } }')],
  ['last: -1', () => gql('{ posts(last: -1) { totalCount } }')],
  ['first as a string', () => gql('query ($n: Int) { posts(first: $n) { totalCount } }', { n: 'ten' })],
  ['first as a float', () => gql('{ posts(first: 2.5) { totalCount } }')],
  ['a garbage after-cursor', () => gql('{ posts(after: "💣💣💣") { totalCount } }')],
  ['a garbage before-cursor', () => gql('{ posts(last: 2, before: "not-a-cursor") { totalCount } }')],
  [
    'a cursor of another shape',
    () => gql(`{ posts(after: "${Buffer.from('post:99999999999999999:1').toString('base64url')}") { totalCount } }`),
  ],
  ['a 100 KB cursor', () => gql('query ($c: String) { posts(after: $c) { totalCount } }', { c: 'A'.repeat(90_000) })],
  ['a garbage node ID', () => gql('{ node(id: "%%%") { id } }')],
  ['an empty node ID', () => gql('{ node(id: "") { id } }')],
  ['an ID of an unknown type', () => gql(`{ node(id: "${Buffer.from('Admin:1').toString('base64')}") { id } }`)],
  [
    'a SQL-like node ID',
    () => gql(`{ node(id: "${Buffer.from('Post:1; DROP TABLE posts').toString('base64')}") { id } }`),
  ],
  ["a user's ID as a post ID", () => gql(`{ post(id: "${globalId('User', 1)}") { id } }`)],
  ['an ID beyond int4', () => gql(`{ post(id: "${Buffer.from('Post:9999999999').toString('base64')}") { id } }`)],
  ['a number where a string goes', () => gql('{ user(username: 123) { id } }')],
  [
    'an object where a string goes',
    () => gql('query ($u: String!) { user(username: $u) { id } }', { u: { $ne: null } }),
  ],
  ['a missing required variable', () => gql('query ($u: String!) { user(username: $u) { id } }', {})],
  ['an unknown field', () => gql('{ user(username: "CoreyMS") { passwordHash } }')],
  ['an unknown operation name', () => json({ query: '{ me { id } }', operationName: 'Nope' })],
  ['two anonymous operations', () => gql('{ me { id } } { me { id } }')],
  ['an empty query', () => json({ query: '' })],
  ['a null query', () => json({ query: null })],
  ['a query that is not a string', () => json({ query: { a: 1 } })],
  ['variables that are not an object', () => json({ query: '{ me { id } }', variables: 'x' })],
  ['a syntax error', () => gql('{ posts( }')],
  ['malformed JSON', () => raw('{"query": "{ me { id } }"', 'application/json')],
  ['a JSON string body', () => raw('"hello"', 'application/json')],
  ['a batch of operations', () => json([{ query: '{ me { id } }' }, { query: '{ me { id } }' }])],
  ['a text/plain body', () => raw('{ me { id } }', 'text/plain')],
  ['an XML body', () => raw('<query/>', 'application/xml')],
  [
    'a form-encoded mutation',
    () => raw('query=mutation%20%7B%20logout%20%7B%20__typename%20%7D%20%7D', 'application/x-www-form-urlencoded'),
  ],
  [
    'a mutation over GET',
    () =>
      fetch(`${url}?query=${encodeURIComponent('mutation { logout { __typename } }')}`, {
        headers: { 'x-graphql-yoga-csrf': '1', authorization: `Bearer ${token}` },
      }),
  ],
  ['a GET without the CSRF header', () => fetch(`${url}?query=${encodeURIComponent('{ me { id } }')}`)],
  ['a 300 KB JSON body', () => gql('{ me { id } }', { pad: 'x'.repeat(300_000) })],
  [
    'a body whose Content-Length lies',
    () =>
      socketRequest(
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{"query":"mutation { logout { __typename } }"}`,
      ),
  ],
  [
    'a body far bigger than it claims',
    () =>
      socketRequest(
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${(200_000).toString(16)}\r\n${'x'.repeat(200_000)}\r\n0\r\n\r\n`,
      ),
  ],
  [
    'a multipart upload without the CSRF header',
    async () =>
      multipart(
        JSON.stringify({
          query: 'mutation ($p: File!) { updateAccount(input: { picture: $p }) { __typename } }',
          variables: { p: null },
        }),
        JSON.stringify({ 0: ['variables.p'] }),
        [file(await image(10, 10, 'png'), 'a.png')],
        false,
      ),
  ],
  [
    'a multipart map pointing nowhere',
    async () =>
      multipart(
        JSON.stringify({
          query: 'mutation ($p: File!) { updateAccount(input: { picture: $p }) { __typename } }',
          variables: { p: null },
        }),
        JSON.stringify({ 0: ['variables.nope.deeper'] }),
        [file(await image(10, 10, 'png'), 'a.png')],
      ),
  ],
  [
    'a multipart map naming a missing file',
    () =>
      multipart(
        JSON.stringify({
          query: 'mutation ($p: File!) { updateAccount(input: { picture: $p }) { __typename } }',
          variables: { p: null },
        }),
        JSON.stringify({ 7: ['variables.p'] }),
        [],
      ),
  ],
  ['multipart operations that are not JSON', () => multipart('{not json', '{}', [])],
  [
    'two files for one picture',
    () =>
      multipart(
        JSON.stringify({
          query: 'mutation ($p: File!) { updateAccount(input: { picture: $p }) { __typename } }',
          variables: { p: null },
        }),
        JSON.stringify({ 0: ['variables.p'], 1: ['variables.p'] }),
        [file('a', 'a.png'), file('b', 'b.png')],
      ),
  ],
  ['a 3 MB upload', () => upload(file(new Uint8Array(3 * 1024 * 1024), 'big.png', 'image/png'))],
  ['text pretending to be a PNG', () => upload(file('<?php system($_GET[c]); ?>', 'shell.png', 'image/png'))],
  ['a decompression bomb', () => upload(file(pngClaiming(50_000, 50_000), 'bomb.png', 'image/png'))],
  [
    'a tampered token',
    () => logoutWith(`${stale.header}.${reencode({ ...stale.claims, sub: '1' })}.${stale.signature}`),
  ],
  ['an expired token', () => logoutWith(forge({ exp: Math.floor(Date.now() / 1000) - 60 }))],
  ['an alg:none token', () => logoutWith(`${reencode({ alg: 'none', typ: 'JWT' })}.${stale.payload}.`)],
  ['a token signed with another key', () => logoutWith(forge({}, 'an-attacker-key-that-is-long-enough!!'))],
  ['a token for another audience', () => logoutWith(forge({ aud: 'elsewhere' }))],
  ['a malformed token', () => logoutWith('eyJ.eyJ.x')],
  ['a NUL in a username', () => register({ username: `adm${NUL}in` })],
  ['a username of emoji, too long', () => register({ username: '🙂'.repeat(30) })],
  ['a SQL-like username', () => register({ username: "' OR 1=1; DROP TABLE users; --" })],
  ['header injection in an email', () => register({ email: 'a@demo.com\r\nBcc: victim@demo.com' })],
  ['a 10 KB email', () => register({ email: `${'a'.repeat(10_000)}@demo.com` })],
  ['a password of 100 emoji', () => register({ password: '🔥'.repeat(100), confirmPassword: '🔥'.repeat(100) })],
  [
    'a password with control characters that does not match',
    () => register({ password: `pass${NUL}word!`, confirmPassword: 'password!' }),
  ],
  [
    'a SQL-like login email',
    () =>
      gql(
        'mutation ($i: LoginInput!) { login(input: $i) { __typename } }',
        { i: { email: "' OR '1'='1", password: 'x' } },
        null,
      ),
  ],
  [
    'a 100 KB login password',
    () =>
      gql(
        'mutation ($i: LoginInput!) { login(input: $i) { __typename } }',
        { i: { email: 'coreyms@demo.com', password: 'p'.repeat(90_000) } },
        null,
      ),
  ],
  [
    'a reset request with header injection',
    () => gql('mutation { requestReset(email: "coreyms@demo.com\\nBcc: x@evil.example") { __typename } }', {}, null),
  ],
  [
    'a SQL-like reset token',
    () =>
      gql(
        'mutation ($i: ResetPasswordInput!) { resetPassword(input: $i) { __typename } }',
        { i: { token: "x' OR '1'='1", password: 'long enough', confirmPassword: 'long enough' } },
        null,
      ),
  ],
  [
    'a reset token with a NUL',
    () =>
      gql(
        'mutation ($i: ResetPasswordInput!) { resetPassword(input: $i) { __typename } }',
        { i: { token: `abc${NUL}`, password: 'long enough', confirmPassword: 'long enough' } },
        null,
      ),
  ],
  ['a post title with a NUL', () => gql(CREATE, { input: { title: `Hi${NUL}`, content: 'x' } })],
  ['a post title of 101 emoji', () => gql(CREATE, { input: { title: '👻'.repeat(101), content: 'x' } })],
  ['a post of 60,000 characters', () => gql(CREATE, { input: { title: 'Long', content: 'x'.repeat(60_000) } })],
  [
    'a post with bidi and zero-width tricks only',
    () => gql(CREATE, { input: { title: '\u0007\u202e', content: ' ' } }),
  ],
  ['a post without a login', () => gql(CREATE, { input: { title: 'x', content: 'y' } }, null)],
  [
    "an edit of someone else's post",
    () =>
      gql('mutation ($id: ID!) { updatePost(id: $id, input: { title: "pwned" }) { __typename } }', { id: othersPost }),
  ],
  [
    "a delete of someone else's post",
    () => gql('mutation ($id: ID!) { deletePost(id: $id) { __typename } }', { id: othersPost }),
  ],
  [
    'an edit with a SQL-like ID',
    () => gql('mutation { updatePost(id: "1 OR 1=1", input: { title: "x" }) { __typename } }'),
  ],
  [
    'an edit that blanks my own post',
    () =>
      gql('mutation ($id: ID!) { updatePost(id: $id, input: { title: "\\t", content: "" }) { __typename } }', {
        id: ownPost,
      }),
  ],
  [
    'an account update with a control character',
    () => gql('mutation { updateAccount(input: { username: "Mal\\u0008lory" }) { __typename } }'),
  ],
  [
    'an account update with a script for an email',
    () => gql('mutation { updateAccount(input: { email: "<script>alert(1)</script>" }) { __typename } }'),
  ],
];

const TYPED_ERRORS = ['ValidationError', 'LoginFailedError', 'InvalidResetTokenError'];

it(`has at least 60 hostile requests (${cases.length})`, () => {
  expect(cases.length).toBeGreaterThanOrEqual(60);
});

it.each(cases)('%s: no 5xx, a coded error, nothing changed', async (_name, send) => {
  const before = await snapshot();
  const response = await send();
  await t.settle();
  expect(response.status).toBeLessThan(500);
  const text = await response.text();
  // Whatever the server made of the hostile request: read field by field.
  let body: GraphQLResponse<Record<string, { __typename?: string } | null>> | null = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Node answers some malformed HTTP itself, with a 4xx and no JSON.
  }
  if (body) {
    const codes = (body.errors ?? []).map((error) => error.extensions?.code).filter(Boolean);
    const typed = Object.values(body.data ?? {}).filter((value) => TYPED_ERRORS.includes(value?.__typename ?? ''));
    expect(codes.length + typed.length, text.slice(0, 500)).toBeGreaterThan(0);
    expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
  } else {
    expect(response.status).toBeGreaterThanOrEqual(400);
  }
  expect(await snapshot()).toEqual(before);
});
