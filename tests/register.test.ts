import bcrypt from 'bcryptjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REGISTER } from './helpers/accounts.ts';
import { expectData, expectTypename, PUBLIC_URL, startTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const valid = {
  username: 'Corey',
  email: 'corey@demo.com',
  password: 'secret-password',
  confirmPassword: 'secret-password',
};

async function register(input: Partial<typeof valid>) {
  const result = await t.graphql(REGISTER, { input: { ...valid, ...input } });
  expect(result.errors).toBeUndefined();
  return expectData(result).register;
}

async function fieldErrors(input: Partial<typeof valid>) {
  return expectTypename(await register(input), 'ValidationError').fieldErrors;
}

describe('register', () => {
  it('creates the account, hashed with bcrypt at the configured cost, and does not log in', async () => {
    const result = await register({});
    expect(result).toEqual({
      __typename: 'RegisterSuccess',
      user: {
        id: expect.any(String),
        username: 'Corey',
        email: 'corey@demo.com', // shown to the person who just registered it, and to nobody else
        imageUrl: `${PUBLIC_URL}/pictures/default.jpg`,
      },
    });
    const row = await t.prisma.user.findUniqueOrThrow({ where: { username: 'Corey' } });
    expect(bcrypt.getRounds(row.passwordHash)).toBe(4);
    expect(await bcrypt.compare('secret-password', row.passwordHash)).toBe(true);
    expect(await t.prisma.session.count()).toBe(0);
  });

  it('trims the username and email and stores the email in lower case', async () => {
    await register({ username: '  Corey  ', email: '  Corey@Demo.COM ' });
    const row = await t.prisma.user.findFirstOrThrow();
    expect(row).toMatchObject({ username: 'Corey', email: 'corey@demo.com' });
  });

  it.each([
    [{ username: '' }, [{ field: 'username', message: 'This field is required.' }]],
    [{ username: '   ' }, [{ field: 'username', message: 'This field is required.' }]],
    [{ username: 'C' }, [{ field: 'username', message: 'Field must be between 2 and 20 characters long.' }]],
    [{ username: 'x'.repeat(21) }, [{ field: 'username', message: 'Field must be between 2 and 20 characters long.' }]],
    [{ username: 'bad\u0000name' }, [{ field: 'username', message: 'Field must not contain control characters.' }]],
    [{ username: 'half\uD800' }, [{ field: 'username', message: 'Field must be valid Unicode text.' }]],
    [{ email: '' }, [{ field: 'email', message: 'This field is required.' }]],
    [{ email: 'not-an-email' }, [{ field: 'email', message: 'Invalid email address.' }]],
    [{ email: 'x@localhost' }, [{ field: 'email', message: 'Invalid email address.' }]],
    [{ email: 'x@a..com' }, [{ field: 'email', message: 'Invalid email address.' }]],
    [{ email: 'x y@demo.com' }, [{ field: 'email', message: 'Invalid email address.' }]],
    [
      { email: `${'a'.repeat(109)}@example.com` },
      [{ field: 'email', message: 'Field cannot be longer than 120 characters.' }],
    ],
    [
      { password: '', confirmPassword: '' },
      [
        { field: 'password', message: 'This field is required.' },
        { field: 'confirmPassword', message: 'This field is required.' },
      ],
    ],
    [
      { password: '   ', confirmPassword: '   ' },
      [
        { field: 'password', message: 'This field is required.' },
        { field: 'confirmPassword', message: 'This field is required.' },
      ],
    ],
    [
      { password: 'short', confirmPassword: 'short' },
      [{ field: 'password', message: 'Field must be at least 8 characters long.' }],
    ],
    [
      { password: 'é'.repeat(40), confirmPassword: 'é'.repeat(40) },
      [{ field: 'password', message: 'Field cannot be longer than 72 bytes.' }],
    ],
    [
      { confirmPassword: 'something else' },
      [{ field: 'confirmPassword', message: 'Field must be equal to password.' }],
    ],
  ])('refuses %o with the original messages', async (input, expected) => {
    expect(await fieldErrors(input)).toEqual(expected);
    expect(await t.prisma.user.count()).toBe(0);
  });

  it.each([
    'ad\u200Bmin',
    '\u202Enimda',
    'ad\uFEFFmin',
    'ad\u2060min',
    'ad\u2066min',
    'a\u3164b',
    'ad\u00ADmin',
    'ad\u2028min',
  ])('refuses the username %j, which would look like another, with a field error', async (username) => {
    expect(await fieldErrors({ username })).toEqual([
      { field: 'username', message: 'Field must not contain invisible or text-direction characters.' },
    ]);
  });

  it('accepts letters of any script, as the original did (Cyrillic, accents, CJK)', async () => {
    for (const [i, username] of ['Алиса', 'José', '李小龍', 'Zoë Ann'].entries()) {
      expect((await register({ username, email: `intl${i}@demo.com` })).__typename).toBe('RegisterSuccess');
    }
  });

  it('accepts international domain names and a 120-character email', async () => {
    expect((await register({ email: 'ada@bücher.example' })).__typename).toBe('RegisterSuccess');
    expect((await register({ username: 'Long', email: `${'a'.repeat(108)}@example.com` })).__typename).toBe(
      'RegisterSuccess',
    );
  });

  it('reports every failing field at once, and a summary message for simple clients', async () => {
    const result = expectTypename(
      await register({ username: 'C', email: 'nope', password: 'short', confirmPassword: 'different' }),
      'ValidationError',
    );
    expect(result.fieldErrors.map((error) => error.field)).toEqual([
      'username',
      'email',
      'password',
      'confirmPassword',
    ]);
    expect(result.message).toContain('username: Field must be between 2 and 20 characters long.');
  });

  it('refuses a taken username (exactly as typed) and a taken email (in any case)', async () => {
    await register({});
    expect(await fieldErrors({ email: 'other@demo.com' })).toEqual([
      { field: 'username', message: 'That username is taken. Please choose a different one.' },
    ]);
    for (const email of ['corey@demo.com', 'COREY@DEMO.COM', ' Corey@Demo.com ']) {
      expect(await fieldErrors({ username: 'Other', email })).toEqual([
        { field: 'email', message: 'That email is taken. Please choose a different one.' },
      ]);
    }
    // Usernames are case-sensitive, as in the original.
    expect((await register({ username: 'corey', email: 'lower@demo.com' })).__typename).toBe('RegisterSuccess');
    expect(await t.prisma.user.count()).toBe(2);
  });

  it('lets exactly one of two simultaneous registrations of a username win', async () => {
    const results = await Promise.all([
      register({ username: 'Racer', email: 'one@demo.com' }),
      register({ username: 'Racer', email: 'two@demo.com' }),
    ]);
    expect(results.map((result) => result.__typename).sort()).toEqual(['RegisterSuccess', 'ValidationError']);
    const loser = expectTypename(
      results.find((result) => result.__typename === 'ValidationError'),
      'ValidationError',
    );
    expect(loser.fieldErrors).toEqual([
      { field: 'username', message: 'That username is taken. Please choose a different one.' },
    ]);
    expect(await t.prisma.user.count({ where: { username: 'Racer' } })).toBe(1);
  });

  it('lets exactly one of two simultaneous registrations of an email (in different cases) win', async () => {
    const results = await Promise.all([
      register({ username: 'First', email: 'same@demo.com' }),
      register({ username: 'Second', email: 'SAME@demo.com' }),
    ]);
    expect(results.map((result) => result.__typename).sort()).toEqual(['RegisterSuccess', 'ValidationError']);
    expect(await t.prisma.user.count()).toBe(1);
  });
});
