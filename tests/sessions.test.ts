import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN, signUp } from './helpers/accounts.ts';
import { expectData, expectTypename, startTestApp, type TestApp } from './helpers/test-app.ts';
import { graphql } from './generated/gql.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ protection: { mutationsPerMinute: 100_000 } });
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const SESSIONS = graphql(
  `query SessionsSessions { me { sessions { id createdAt lastUsedAt expiresAt userAgent current } } }`,
);
const REVOKE = graphql(`mutation SessionsRevoke($id: ID!) {
  revokeSession(id: $id) { __typename ... on RevokeSessionSuccess { message revokedSessionId } ... on Error { message } }
}`);

async function loginFrom(email: string, password: string, userAgent: string) {
  const result = await t.graphql(LOGIN, { input: { email, password } }, { headers: { 'user-agent': userAgent } });
  return expectTypename(expectData(result).login, 'LoginSuccess').token;
}

async function sessionsOf(token: string) {
  const result = await t.graphql(SESSIONS, {}, { token });
  expect(result.errors).toBeUndefined();
  return expectData(result).me!.sessions!;
}

describe('me.sessions', () => {
  it("lists the caller's open sessions with their user agent, marking the current one", async () => {
    await signUp(t, { email: 'ada@demo.com', password: 'password one' });
    t.clock.advance(5_000);
    const phone = await loginFrom('ada@demo.com', 'password one', 'Phone\u0000App/1.0 \u202e(evil)');
    const laptop = await loginFrom('ada@demo.com', 'password one', `Laptop ${'x'.repeat(400)}`);
    await t.graphql(graphql(`mutation SessionsLogout { logout { __typename } }`), {}, { token: laptop });

    const sessions = await sessionsOf(phone);
    expect(sessions).toHaveLength(2); // signUp's login and the phone; the laptop logged out
    const current = sessions.filter((session) => session.current);
    expect(current).toHaveLength(1);
    expect(current[0]!.userAgent).toBe('PhoneApp/1.0 (evil)'); // control and bidi characters removed
    expect(new Date(current[0]!.expiresAt).getTime() - new Date(current[0]!.createdAt).getTime()).toBe(
      24 * 60 * 60 * 1000,
    );
    expect(sessions.map((session) => session.id)).not.toContain(undefined);

    const longAgent = await loginFrom('ada@demo.com', 'password one', `Laptop ${'x'.repeat(400)}`);
    const longOne = (await sessionsOf(longAgent)).find((session) => session.current)!;
    expect(longOne.userAgent).toHaveLength(255);
  });

  it("is null for anyone but its owner, and for a user's page", async () => {
    const ada = await signUp(t, { username: 'Ada' });
    const bob = await signUp(t, { username: 'Bob' });
    const other = await t.graphql(
      graphql(`query SessionsUser { user(username: "Ada") { sessions { id } } }`),
      {},
      { token: bob.token },
    );
    expect(other).toEqual({ data: { user: { sessions: null } } });
    const anonymous = await t.graphql(graphql(`query SessionsUser { user(username: "Ada") { sessions { id } } }`));
    expect(anonymous).toEqual({ data: { user: { sessions: null } } });
    expect(
      expectData(
        await t.graphql(
          graphql(`query SessionsUser2 { user(username: "Ada") { sessions { current } } }`),
          {},
          { token: ada.token },
        ),
      ).user!.sessions,
    ).toEqual([{ current: true }]);
  });

  it('records the last use at most once a minute, within the one statement that checks the token', async () => {
    const ada = await signUp(t);
    const loggedInAt = (await sessionsOf(ada.token))[0]!.lastUsedAt;

    t.clock.advance(30_000);
    const statements = await t.statementsDuring(() =>
      t.graphql(graphql(`query SessionsMe { me { id } }`), {}, { token: ada.token }),
    );
    expect(statements).toHaveLength(1);
    expect((await sessionsOf(ada.token))[0]!.lastUsedAt).toBe(loggedInAt); // not written: under a minute

    t.clock.advance(31_000);
    const usedAt = t.clock.now.toISOString();
    await t.graphql(graphql(`query SessionsMe { me { id } }`), {}, { token: ada.token });
    expect((await sessionsOf(ada.token))[0]!.lastUsedAt).toBe(usedAt);

    t.clock.advance(10_000);
    await t.graphql(graphql(`query SessionsMe { me { id } }`), {}, { token: ada.token });
    expect((await sessionsOf(ada.token))[0]!.lastUsedAt).toBe(usedAt);
  });

  it('leaves out expired sessions', async () => {
    const ada = await signUp(t, { email: 'ada@demo.com', password: 'password one' });
    const remembered = expectTypename(
      expectData(await t.graphql(LOGIN, { input: { email: 'ada@demo.com', password: 'password one', remember: true } }))
        .login,
      'LoginSuccess',
    ).token;
    t.clock.advance(25 * 60 * 60 * 1000); // the first session (a day) has expired
    expect(
      expectData(await t.graphql(graphql(`query SessionsMe { me { id } }`), {}, { token: ada.token })).me,
    ).toBeNull();
    expect((await sessionsOf(remembered)).map((session) => session.current)).toEqual([true]);
  });
});

describe('revokeSession', () => {
  it('ends another session of the caller at once, and keeps this one', async () => {
    const ada = await signUp(t, { email: 'ada@demo.com', password: 'password one' });
    const phone = await loginFrom('ada@demo.com', 'password one', 'Phone');
    const phoneSession = (await sessionsOf(phone)).find((session) => session.current)!;

    const result = await t.graphql(REVOKE, { id: phoneSession.id }, { token: ada.token });
    expect(expectData(result).revokeSession).toEqual({
      __typename: 'RevokeSessionSuccess',
      message: 'The session has been ended.',
      revokedSessionId: phoneSession.id,
    });
    expect(expectData(await t.graphql(graphql(`query SessionsMe { me { id } }`), {}, { token: phone })).me).toBeNull();
    expect((await sessionsOf(ada.token)).map((session) => session.current)).toEqual([true]);

    const again = await t.graphql(REVOKE, { id: phoneSession.id }, { token: ada.token });
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it("refuses another user's session as NOT_FOUND and leaves it open", async () => {
    const ada = await signUp(t);
    const bob = await signUp(t);
    const bobSession = (await sessionsOf(bob.token))[0]!;
    const result = await t.graphql(REVOKE, { id: bobSession.id }, { token: ada.token });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(result.data).toBeNull();
    expect(
      expectData(await t.graphql(graphql(`query SessionsMe { me { id } }`), {}, { token: bob.token })).me,
    ).not.toBeNull();
  });

  it('can end the current session (a logout), needs a login, and refuses malformed IDs without echoing them', async () => {
    const ada = await signUp(t);
    const own = (await sessionsOf(ada.token))[0]!;
    const anonymous = await t.graphql(REVOKE, { id: own.id });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    for (const id of [
      'nonsense<b>',
      Buffer.from('Session:not-a-uuid').toString('base64'),
      Buffer.from('Post:1').toString('base64'),
    ]) {
      const bad = await t.graphql(REVOKE, { id }, { token: ada.token });
      expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(bad)).not.toContain(id);
    }
    expect(expectData(await t.graphql(REVOKE, { id: own.id }, { token: ada.token })).revokeSession.__typename).toBe(
      'RevokeSessionSuccess',
    );
    expect(
      expectData(await t.graphql(graphql(`query SessionsMe { me { id } }`), {}, { token: ada.token })).me,
    ).toBeNull();
  });
});
