import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN, signUp } from './helpers/accounts.ts';
import type { LoginInput } from './generated/graphql.ts';
import { graphql } from './generated/gql.ts';
import {
  expectData,
  expectTypename,
  type GraphQLResponse,
  type ResultOf,
  startTestApp,
  TEST_SETTINGS,
  type TestApp,
} from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const ME = graphql(`query LoginMe { me { id username email } }`);
const LOGOUT = graphql(`mutation LoginLogout { logout { __typename ... on LogoutSuccess { revokedSessions } } }`);
const LOGOUT_ALL = graphql(
  `mutation LoginLogoutAll { logoutAll { __typename ... on LogoutSuccess { revokedSessions } } }`,
);
const DAY = 24 * 60 * 60 * 1000;

async function login(input: LoginInput) {
  const result = await t.graphql(LOGIN, { input });
  expect(result.errors).toBeUndefined();
  return expectData(result).login;
}

describe('login', () => {
  it('returns a signed token for the session, with the claims a client can inspect', async () => {
    const account = await signUp(t, { email: 'ada@demo.com', password: 'analytical engine' });
    const result = expectTypename(
      await login({ email: 'ada@demo.com', password: 'analytical engine' }),
      'LoginSuccess',
    );
    const claims = jwt.verify(result.token, TEST_SETTINGS.jwtSecret) as jwt.JwtPayload;
    const session = await t.prisma.session.findUniqueOrThrow({ where: { id: claims.sid } });
    expect(claims).toMatchObject({ iss: 'flaskblog-graphql', aud: 'flaskblog-graphql', sub: String(session.userId) });
    expect(jwt.decode(result.token, { complete: true })!.header.alg).toBe('HS256');
    expect(claims.exp! - claims.iat!).toBe(24 * 60 * 60);
    expect(result.user).toEqual({ id: account.id, username: account.username, email: 'ada@demo.com' });
  });

  it('lasts a day without remember and thirty days with it', async () => {
    await signUp(t, { email: 'ada@demo.com', password: 'analytical engine' });
    const short = expectTypename(await login({ email: 'ada@demo.com', password: 'analytical engine' }), 'LoginSuccess');
    const long = expectTypename(
      await login({ email: 'ada@demo.com', password: 'analytical engine', remember: true }),
      'LoginSuccess',
    );
    expect(new Date(short.expiresAt).getTime() - t.clock.now.getTime()).toBe(DAY);
    expect(new Date(long.expiresAt).getTime() - t.clock.now.getTime()).toBe(30 * DAY);

    t.clock.advance(DAY + 1000);
    expect(expectData(await t.graphql(ME, {}, { token: short.token })).me).toBeNull();
    expect(expectData(await t.graphql(ME, {}, { token: long.token })).me).not.toBeNull();
    t.clock.advance(29 * DAY);
    expect(expectData(await t.graphql(ME, {}, { token: long.token })).me).toBeNull();
  });

  it('finds the account by email in any case', async () => {
    await signUp(t, { email: 'ada@demo.com', password: 'analytical engine' });
    expect((await login({ email: ' ADA@Demo.com ', password: 'analytical engine' })).__typename).toBe('LoginSuccess');
  });

  it('gives one message for an unknown email and a wrong password', async () => {
    await signUp(t, { email: 'ada@demo.com', password: 'analytical engine' });
    const sessions = await t.prisma.session.count();
    const unknown = await login({ email: 'nobody@demo.com', password: 'analytical engine' });
    const wrong = await login({ email: 'ada@demo.com', password: 'difference engine' });
    for (const result of [unknown, wrong]) {
      expect(result).toEqual({
        __typename: 'LoginFailedError',
        message: 'Login Unsuccessful. Please check email and password',
      });
    }
    expect(await t.prisma.session.count()).toBe(sessions);
  });

  it('validates its input like the original form', async () => {
    const result = expectTypename(await login({ email: 'nope', password: ' ' }), 'ValidationError');
    expect(result.fieldErrors).toEqual([
      { field: 'email', message: 'Invalid email address.' },
      { field: 'password', message: 'This field is required.' },
    ]);
  });
});

describe('tokens', () => {
  it('authenticate a request with a single indexed query', async () => {
    const { token } = await signUp(t);
    const me = graphql(`query LoginMe2 { me { username email postCount } }`);
    let result: GraphQLResponse<ResultOf<typeof me>> | undefined;
    const statements = await t.statementsDuring(async () => {
      result = await t.graphql(me, {}, { token });
    });
    expect(expectData(result!).me?.username).toBeTruthy();
    // The viewer with its session check (and its last use); postCount (users.post_count) came with the viewer.
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/FROM sessions .*FROM users u WHERE u\.id = \$1 AND EXISTS/s);
  });

  it('that are forged, tampered, expired, malformed or alg:none count as anonymous', async () => {
    const { token } = await signUp(t);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const reencode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const bad = [
      jwt.sign(claims, 'another-secret-that-is-also-long-enough'),
      `${header}.${reencode({ ...claims, sub: '999' })}.${signature}`,
      `${reencode({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      jwt.sign({ ...claims, exp: Math.floor(t.clock.now.getTime() / 1000) - 10 }, TEST_SETTINGS.jwtSecret),
      jwt.sign({ ...claims, aud: 'someone-else' }, TEST_SETTINGS.jwtSecret),
      'not.a.token',
      'x'.repeat(5000),
    ];
    for (const candidate of bad) {
      const result = await t.graphql(ME, {}, { token: candidate });
      expect(result).toEqual({ data: { me: null } });
      const denied = await t.graphql(LOGOUT, {}, { token: candidate });
      expect(denied.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const other = await t.graphql(ME, {}, { headers: { authorization: `Basic ${token}` } });
    expect(expectData(other).me).toBeNull();
  });
});

describe('logout', () => {
  it('ends this session only; other devices stay logged in', async () => {
    const account = await signUp(t);
    const phone = expectTypename(
      await login({ email: account.email, password: account.password }),
      'LoginSuccess',
    ).token;
    expect(await t.graphql(LOGOUT, {}, { token: account.token })).toEqual({
      data: { logout: { __typename: 'LogoutSuccess', revokedSessions: 1 } },
    });
    expect(expectData(await t.graphql(ME, {}, { token: account.token })).me).toBeNull();
    expect(expectData(await t.graphql(ME, {}, { token: phone })).me?.username).toBe(account.username);
  });

  it('everywhere ends every session of the user and no one else’s', async () => {
    const account = await signUp(t);
    const phone = expectTypename(
      await login({ email: account.email, password: account.password }),
      'LoginSuccess',
    ).token;
    const stranger = await signUp(t);
    const loggedOut = expectData(await t.graphql(LOGOUT_ALL, {}, { token: phone })).logoutAll;
    expect(expectTypename(loggedOut, 'LogoutSuccess').revokedSessions).toBe(2);
    for (const token of [account.token, phone]) expect(expectData(await t.graphql(ME, {}, { token })).me).toBeNull();
    expect(expectData(await t.graphql(ME, {}, { token: stranger.token })).me).not.toBeNull();
  });

  it('requires a login', async () => {
    for (const send of [() => t.graphql(LOGOUT), () => t.graphql(LOGOUT_ALL)]) {
      const result = await send();
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: 'Please log in to access this page.',
          extensions: { code: 'UNAUTHENTICATED' },
        }),
      ]);
    }
  });
});

describe('email privacy', () => {
  it('shows a user their own email, and nobody else', async () => {
    const ada = await signUp(t, { username: 'Ada', email: 'ada@demo.com' });
    const bob = await signUp(t, { username: 'Bob', email: 'bob@demo.com' });
    const query = graphql(`query LoginQuery { user(username: "Ada") { email } me { email } }`);
    expect((await t.graphql(query, {}, { token: ada.token })).data).toEqual({
      user: { email: 'ada@demo.com' },
      me: { email: 'ada@demo.com' },
    });
    expect((await t.graphql(query, {}, { token: bob.token })).data).toEqual({
      user: { email: null },
      me: { email: 'bob@demo.com' },
    });
    expect((await t.graphql(query)).data).toEqual({ user: { email: null }, me: null });
  });
});
