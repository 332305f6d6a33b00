import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rateLimitKey } from '../src/modules/ratelimit/rate-limit-key.ts';
import { LOGIN, REGISTER, signUp } from './helpers/accounts.ts';
import { graphql } from './generated/gql.ts';
import { expectData, expectTypename, startTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

/** What a login came to: the result (its __typename), or the error (its code) that stopped it. */
type Outcome = { __typename?: string; message?: string; extensions?: Record<string, unknown> };

async function attempt(app: TestApp, password: string, ip = '198.51.100.1', email = 'ada@demo.com'): Promise<Outcome> {
  const result = await app.graphql(LOGIN, { input: { email, password } }, { ip });
  return result.errors?.[0] ?? expectData(result).login;
}

describe('failed logins', () => {
  it('after 5 failures for an account from one IP, even the right password is RATE_LIMITED for 15 minutes', async () => {
    await signUp(t, { email: 'ada@demo.com', password: 'the right one' });
    for (let i = 0; i < 5; i++) expect((await attempt(t, 'wrong password')).__typename).toBe('LoginFailedError');
    const limited = await attempt(t, 'the right one');
    expect(limited).toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfter: 900 } });
    expect(limited.message).toBe('Too many attempts. Try again in 900 seconds.');

    expect((await attempt(t, 'the right one', '198.51.100.2')).__typename).toBe('LoginSuccess'); // another IP
  });

  it('holds under concurrency: 30 simultaneous guesses get at most 5 password checks, and the right one waits', async () => {
    await signUp(t, { email: 'ada@demo.com', password: 'the right one' });
    const outcomes = await Promise.all([
      ...Array.from({ length: 29 }, () => attempt(t, 'wrong password')),
      attempt(t, 'the right one'),
    ]);
    const kinds = outcomes.map((outcome) => outcome.__typename ?? outcome.extensions?.code);
    // Only an attempt whose password was checked can fail as LoginFailedError or succeed.
    const checked = kinds.filter((kind) => kind === 'LoginFailedError' || kind === 'LoginSuccess');
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(kinds.filter((kind) => kind === 'RATE_LIMITED').length).toBe(30 - checked.length);
    expect((await attempt(t, 'the right one')).extensions?.code).toBe('RATE_LIMITED');
  });

  it('successful logins do not count', async () => {
    await signUp(t, { email: 'ada@demo.com', password: 'the right one' });
    for (let i = 0; i < 8; i++) expect((await attempt(t, 'the right one')).__typename).toBe('LoginSuccess');
  });

  it('one IP trying many accounts is stopped after 20 failures', async () => {
    for (let i = 0; i < 20; i++) await attempt(t, 'guess', '203.0.113.9', `victim${i}@demo.com`);
    expect((await attempt(t, 'guess', '203.0.113.9', 'another@demo.com')).extensions?.code).toBe('RATE_LIMITED');
  });
});

describe('registration and reset budgets under concurrency', () => {
  it('30 simultaneous registrations from one IP: at most 10 are looked at', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.graphql(
          REGISTER,
          {
            input: {
              username: `racer${i}`,
              email: `r${i}@demo.com`,
              password: 'long enough',
              confirmPassword: 'long enough',
            },
          },
          { ip: '198.51.100.8' },
        ),
      ),
    );
    const limited = outcomes.filter((outcome) => outcome.errors?.[0]?.extensions?.code === 'RATE_LIMITED');
    expect(limited).toHaveLength(20);
    expect(await t.prisma.user.count()).toBe(10);
  });

  it('30 simultaneous reset requests for one address send at most 3 emails', async () => {
    await signUp(t, { email: 'ada@demo.com' });
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.graphql(
          graphql(`mutation RatelimitRequestReset { requestReset(email: "ada@demo.com") { __typename } }`),
          {},
          { ip: `198.51.100.${100 + i}` },
        ),
      ),
    );
    await t.settle();
    expect(t.sent).toHaveLength(3);
  });
});

describe('registration', () => {
  it('allows 10 attempts per IP an hour', async () => {
    const register = (i: number) =>
      t.graphql(
        REGISTER,
        {
          input: {
            username: `user${i}`,
            email: `u${i}@demo.com`,
            password: 'long enough',
            confirmPassword: 'long enough',
          },
        },
        { ip: '198.51.100.7' },
      );
    for (let i = 0; i < 10; i++) expect(expectData(await register(i)).register.__typename).toBe('RegisterSuccess');
    expect((await register(10)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(await t.prisma.user.count()).toBe(10);
  });
});

describe("account changes ask from registration's uniqueness budget", () => {
  const UPDATE = graphql(`mutation RatelimitUpdate($input: UpdateAccountInput!) {
    updateAccount(input: $input) {
      __typename
      ... on ValidationError { fieldErrors { field message } }
    }
  }`);

  it('10 new usernames per IP an hour, counted with registrations from that IP', async () => {
    const ada = await signUp(t, { username: 'Ada' });
    const rename = (i: number, ip = '198.51.100.20') =>
      t.graphql(UPDATE, { input: { username: `Ada${i}` } }, { token: ada.token, ip });
    for (let i = 0; i < 10; i++)
      expect(expectData(await rename(i)).updateAccount.__typename).toBe('UpdateAccountSuccess');
    expect((await rename(10)).errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: 1 } })).username).toBe('Ada9');
    const register = await t.graphql(
      REGISTER,
      { input: { username: 'Bob', email: 'bob@demo.com', password: 'long enough', confirmPassword: 'long enough' } },
      { ip: '198.51.100.20' },
    );
    expect(register.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED'); // one budget for both
    expect(expectData(await rename(10, '198.51.100.21')).updateAccount.__typename).toBe('UpdateAccountSuccess');
  });

  it('5 questions per address in 15 minutes, from any IP, registration included', async () => {
    const ada = await signUp(t, { email: 'ada@demo.com' });
    await signUp(t, { email: 'bob@demo.com' }); // the first question about bob@demo.com
    const ask = (i: number) =>
      t.graphql(
        UPDATE,
        { input: { email: 'bob@demo.com', currentPassword: ada.password } },
        { token: ada.token, ip: `198.51.100.${30 + i}` },
      );
    for (let i = 0; i < 3; i++) {
      expect(expectTypename(expectData(await ask(i)).updateAccount, 'ValidationError').fieldErrors).toEqual([
        { field: 'email', message: 'That email is taken. Please choose a different one.' },
      ]);
    }
    const registered = await t.graphql(
      REGISTER,
      { input: { username: 'Eve', email: 'bob@demo.com', password: 'long enough', confirmPassword: 'long enough' } },
      { ip: '198.51.100.40' },
    );
    expect(expectData(registered).register.__typename).toBe('ValidationError'); // the fifth question
    expect((await ask(5)).errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: 1 } })).email).toBe('ada@demo.com');
    const other = await t.graphql(
      UPDATE,
      { input: { email: 'free@demo.com', currentPassword: ada.password } },
      { token: ada.token, ip: '198.51.100.50' },
    );
    expect(expectData(other).updateAccount.__typename).toBe('UpdateAccountSuccess');
  });
});

describe('the general mutation budget', () => {
  it('refuses mutations past the per-IP budget before they run; queries are not counted', async () => {
    const tight = await startTestApp({ protection: { mutationsPerMinute: 3 } });
    try {
      const logout = () =>
        tight.graphql(
          graphql(`mutation RatelimitRequestReset2 { requestReset(email: "x@demo.com") { __typename } }`),
          {},
          { ip: '192.0.2.50' },
        );
      for (let i = 0; i < 3; i++) expect((await logout()).errors).toBeUndefined();
      const refused = await logout();
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect(
        (await tight.graphql(graphql(`query RatelimitPosts { posts { totalCount } }`), {}, { ip: '192.0.2.50' }))
          .errors,
      ).toBeUndefined();
      expect(
        (
          await tight.graphql(
            graphql(`mutation RatelimitRequestReset2 { requestReset(email: "x@demo.com") { __typename } }`),
            {},
            { ip: '192.0.2.51' },
          )
        ).errors,
      ).toBeUndefined();
    } finally {
      await tight.close();
    }
  });
});

describe('client addresses', () => {
  it('ignore X-Forwarded-For unless a trusted proxy is configured', async () => {
    await signUp(t, { email: 'ada@demo.com', password: 'the right one' });
    const spoofed = (i: number) =>
      t.graphql(
        LOGIN,
        { input: { email: 'ada@demo.com', password: 'nope nope' } },
        { ip: '198.51.100.1', headers: { 'x-forwarded-for': `10.9.9.${i}` } },
      );
    for (let i = 0; i < 5; i++) await spoofed(i);
    expect((await spoofed(99)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED'); // the header changed nothing

    const proxied = await startTestApp({ protection: { trustProxy: 1 } });
    try {
      await signUp(proxied, { email: 'ada@demo.com', password: 'the right one' });
      const via = (client: string) =>
        proxied.graphql(
          LOGIN,
          { input: { email: 'ada@demo.com', password: 'nope nope' } },
          { ip: '127.0.0.1', headers: { 'x-forwarded-for': `6.6.6.6, ${client}` } },
        );
      for (let i = 0; i < 5; i++) await via('192.0.2.77');
      expect((await via('192.0.2.77')).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(expectData(await via('192.0.2.78')).login.__typename).toBe('LoginFailedError'); // a different client
    } finally {
      await proxied.close();
    }
  });
});

describe('IPv6 clients are counted by their /64', () => {
  it('keys IPv4 as it is, IPv4-mapped IPv6 as its IPv4, and other IPv6 by the /64 prefix, however written', () => {
    expect(rateLimitKey('198.51.100.7')).toBe('198.51.100.7');
    expect(rateLimitKey('::ffff:198.51.100.7')).toBe('198.51.100.7');
    expect(rateLimitKey('::FFFF:c633:6407')).toBe('198.51.100.7');
    expect(rateLimitKey('2001:DB8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(rateLimitKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(rateLimitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKey('2001:db8:0:0:1::')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(rateLimitKey('2001:db8:1:3::1')).not.toBe(rateLimitKey('2001:db8:1:2::1'));
    expect(rateLimitKey('unknown')).toBe('unknown');
  });

  it('failed logins from many addresses of one /64 share a budget; another /64 has its own', async () => {
    await signUp(t, { email: 'ada@demo.com', password: 'the right one' });
    for (let i = 1; i <= 5; i++) {
      expect((await attempt(t, 'wrong password', `2001:db8:1:2::${i.toString(16)}`)).__typename).toBe(
        'LoginFailedError',
      );
    }
    const limited = await attempt(t, 'the right one', '2001:db8:1:2:ffff:ffff:ffff:ffff');
    expect(limited.extensions?.code).toBe('RATE_LIMITED');
    expect((await attempt(t, 'the right one', '2001:db8:1:3::1')).__typename).toBe('LoginSuccess');
  });

  it('an IPv4 client counts the same whether the socket reports it as IPv4 or IPv4-mapped IPv6', async () => {
    await signUp(t, { email: 'ada@demo.com', password: 'the right one' });
    for (let i = 0; i < 5; i++) await attempt(t, 'wrong password', i % 2 ? '198.51.100.9' : '::ffff:198.51.100.9');
    expect((await attempt(t, 'the right one', '198.51.100.9')).extensions?.code).toBe('RATE_LIMITED');
    expect((await attempt(t, 'the right one', '::ffff:198.51.100.10')).__typename).toBe('LoginSuccess');
  });

  it('the mutation budget is per /64 too', async () => {
    const tight = await startTestApp({ protection: { mutationsPerMinute: 3 } });
    try {
      const reset = (ip: string) =>
        tight.graphql(
          graphql(`mutation RatelimitRequestReset2 { requestReset(email: "x@demo.com") { __typename } }`),
          {},
          { ip },
        );
      for (let i = 1; i <= 3; i++) expect((await reset(`2001:db8:aa:1::${i}`)).errors).toBeUndefined();
      expect((await reset('2001:db8:aa:1:1234::')).errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
      expect((await reset('2001:db8:aa:2::1')).errors).toBeUndefined();
    } finally {
      await tight.close();
    }
  });
});
