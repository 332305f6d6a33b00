import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { postmarkMailer } from '../src/modules/mail/mailer.ts';
import { LOGIN, signUp } from './helpers/accounts.ts';
import { startFakePostmark } from './helpers/fake-postmark.ts';
import { graphql } from './generated/gql.ts';
import { expectData, expectTypename, startTestApp, type TestApp } from './helpers/test-app.ts';
import { until } from './helpers/wait.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const REQUEST_RESET = graphql(`mutation ResetRequestReset($email: String!) {
  requestReset(email: $email) { __typename ... on Error { message } ... on RequestResetSuccess { message } ... on ValidationError { fieldErrors { field message } } }
}`);
const RESET_PASSWORD = graphql(`mutation ResetResetPassword($input: ResetPasswordInput!) {
  resetPassword(input: $input) { __typename ... on Error { message } ... on ResetPasswordSuccess { message } ... on ValidationError { fieldErrors { field message } } }
}`);
const SENT = 'An email has been sent with instructions to reset your password.';
const MINUTE = 60_000;

async function requestReset(email: string, ip?: string) {
  const result = await t.graphql(REQUEST_RESET, { email }, { ip });
  expect(result.errors).toBeUndefined();
  await t.settle();
  return expectData(result).requestReset;
}

async function resetPassword(token: string, password = 'brand new password', confirmPassword = password) {
  const result = await t.graphql(RESET_PASSWORD, { input: { token, password, confirmPassword } });
  expect(result.errors).toBeUndefined();
  return expectData(result).resetPassword;
}

const tokenIn = (text: string) => /token=([\w-]+)/.exec(text)![1]!;

async function login(email: string, password: string) {
  return expectData(await t.graphql(LOGIN, { input: { email, password } })).login.__typename;
}

describe('requestReset', () => {
  it('mails a link with the original wording and stores only a hash of the token', async () => {
    await signUp(t, { email: 'ada@demo.com' });
    expect(await requestReset('Ada@Demo.com')).toEqual({ __typename: 'RequestResetSuccess', message: SENT });
    expect(t.sent).toHaveLength(1);
    const [mail] = t.sent;
    const token = tokenIn(mail!.text);
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 random bits
    expect(mail).toMatchObject({ to: 'ada@demo.com', subject: 'Password Reset Request' });
    expect(mail!.text).toBe(
      `To reset your password, visit the following link:\nhttp://front.test/reset?token=${token}\n\n` +
        'If you did not make this request then simply ignore this email and no changes will be made.\n',
    );
    expect(mail!.html).toContain(`href="http://front.test/reset?token=${token}"`);
    const [stored] = await t.prisma.passwordResetToken.findMany();
    expect(stored!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(stored!.expiresAt.getTime() - t.clock.now.getTime()).toBe(30 * MINUTE);
  });

  it('answers the same for an address without an account, and sends nothing', async () => {
    await signUp(t, { email: 'ada@demo.com' });
    expect(await requestReset('nobody@demo.com')).toEqual({ __typename: 'RequestResetSuccess', message: SENT });
    expect(t.sent).toEqual([]);
    expect(await t.prisma.passwordResetToken.count()).toBe(0);
  });

  it('validates the address', async () => {
    expect(expectTypename(await requestReset(''), 'ValidationError').fieldErrors).toEqual([
      { field: 'email', message: 'This field is required.' },
    ]);
    expect(expectTypename(await requestReset('nope'), 'ValidationError').fieldErrors).toEqual([
      { field: 'email', message: 'Invalid email address.' },
    ]);
  });

  it('throttles to 3 per address and 3 per client IP in 15 minutes, with the same answer and no mail', async () => {
    await signUp(t, { email: 'ada@demo.com' });
    for (let i = 0; i < 5; i++) expect((await requestReset('ada@demo.com', `198.51.100.${i}`)).message).toBe(SENT);
    expect(t.sent).toHaveLength(3);

    await signUp(t, { email: 'bob@demo.com' });
    await signUp(t, { email: 'cy@demo.com' });
    for (const email of ['bob@demo.com', 'cy@demo.com', 'bob@demo.com', 'cy@demo.com']) {
      expect((await requestReset(email, '203.0.113.7')).message).toBe(SENT);
    }
    expect(t.sent).toHaveLength(6); // the fourth from that IP was dropped
    // Windows reopening is the rate limiter's own behaviour, tested per store in ratelimit-stores.test.ts.
  });
});

describe('resetPassword', () => {
  it('sets the new password, ends every session, and does not log in', async () => {
    const ada = await signUp(t, { email: 'ada@demo.com', password: 'old password!' });
    await requestReset('ada@demo.com');
    expect(await resetPassword(tokenIn(t.sent[0]!.text))).toEqual({
      __typename: 'ResetPasswordSuccess',
      message: 'Your password has been updated! You are now able to log in',
    });
    expect(await login('ada@demo.com', 'old password!')).toBe('LoginFailedError');
    expect(await login('ada@demo.com', 'brand new password')).toBe('LoginSuccess');
    expect(expectData(await t.graphql(graphql(`query ResetMe { me { id } }`), {}, { token: ada.token })).me).toBeNull();
  });

  const INVALID = { __typename: 'InvalidResetTokenError', message: 'That is an invalid or expired token' };

  it('works only once', async () => {
    await signUp(t, { email: 'ada@demo.com' });
    await requestReset('ada@demo.com');
    const token = tokenIn(t.sent[0]!.text);
    expect((await resetPassword(token)).__typename).toBe('ResetPasswordSuccess');
    expect(await resetPassword(token, 'another new password')).toEqual(INVALID);
    expect(await login('ada@demo.com', 'brand new password')).toBe('LoginSuccess');
  });

  it('expires after 30 minutes', async () => {
    await signUp(t, { email: 'ada@demo.com' });
    await requestReset('ada@demo.com');
    await requestReset('ada@demo.com');
    const [older, newer] = t.sent.map((mail) => tokenIn(mail.text));
    expect(await resetPassword(older!)).toEqual(INVALID); // replaced by the newer request
    t.clock.advance(30 * MINUTE);
    expect(await resetPassword(newer!)).toEqual(INVALID);
  });

  it('still works just before it expires', async () => {
    await signUp(t, { email: 'ada@demo.com' });
    await requestReset('ada@demo.com');
    t.clock.advance(30 * MINUTE - 1000);
    expect((await resetPassword(tokenIn(t.sent[0]!.text))).__typename).toBe('ResetPasswordSuccess');
  });

  it('refuses unknown and malformed tokens', async () => {
    for (const token of ['', 'nonsense', 'x'.repeat(10_000), "' OR 1=1 --"]) {
      expect(await resetPassword(token)).toEqual(INVALID);
    }
  });

  it('validates the new password like registration and keeps the token for another try', async () => {
    await signUp(t, { email: 'ada@demo.com' });
    await requestReset('ada@demo.com');
    const token = tokenIn(t.sent[0]!.text);
    expect(
      expectTypename(await resetPassword(token, 'new password', 'other password'), 'ValidationError').fieldErrors,
    ).toEqual([{ field: 'confirmPassword', message: 'Field must be equal to password.' }]);
    expect(expectTypename(await resetPassword(token, 'short'), 'ValidationError').fieldErrors).toEqual([
      { field: 'password', message: 'Field must be at least 8 characters long.' },
    ]);
    expect((await resetPassword(token)).__typename).toBe('ResetPasswordSuccess');
  });

  it('of two simultaneous uses of one token, exactly one succeeds', async () => {
    await signUp(t, { email: 'ada@demo.com' });
    await requestReset('ada@demo.com');
    const token = tokenIn(t.sent[0]!.text);
    const results = await Promise.all([
      resetPassword(token, 'first new password'),
      resetPassword(token, 'second new password'),
    ]);
    expect(results.map((result) => result.__typename).sort()).toEqual([
      'InvalidResetTokenError',
      'ResetPasswordSuccess',
    ]);
    const winner = results[0]!.__typename === 'ResetPasswordSuccess' ? 'first new password' : 'second new password';
    expect(await login('ada@demo.com', winner)).toBe('LoginSuccess');
  });
});

describe('retries of a reset mail that failed (the real queue, the Postmark client against a fake of its API)', () => {
  const TTL_MS = 6000; // links expire 6 s after the request, so the queue's third attempt (about 10 s) is too late
  let postmark: Awaited<ReturnType<typeof startFakePostmark>>;
  let r: TestApp;
  beforeAll(async () => {
    postmark = await startFakePostmark();
    r = await startTestApp({
      settings: { resetTokenTtlMinutes: TTL_MS / MINUTE },
      mailer: postmarkMailer({ serverToken: 'token', apiUrl: postmark.url, from: 'noreply@demo.com' }),
    });
  });
  afterAll(async () => {
    await r?.close();
    await postmark?.close();
  });
  beforeEach(async () => {
    await r.reset();
    r.clock.now = new Date(); // expiry is judged by the job on the real clock
    postmark.requests.length = 0;
    r.logs.length = 0;
  });
  const ask = async (email: string) =>
    expect(expectData(await r.graphql(REQUEST_RESET, { email })).requestReset.__typename).toBe('RequestResetSuccess');
  const completed = () => r.logs.filter((line) => /^Completed task/.test(line.msg ?? '')).length;

  it('sends nothing once the link would have expired, and the job ends', { timeout: 90_000 }, async () => {
    await signUp(r, { email: 'ada@demo.com' });
    postmark.failWith(500, { ErrorCode: 500, Message: 'Postmark is down' });
    const expiresAt = r.clock.now.getTime() + TTL_MS;
    await ask('ada@demo.com');
    await until(() => completed() === 1, 'the job to end', { timeoutMs: 60_000 });
    expect(postmark.requests.length).toBeGreaterThanOrEqual(1); // the attempts while the link was valid
    for (const request of postmark.requests) expect(request.at).toBeLessThan(expiresAt);
    expect(r.logs).toContainEqual(
      expect.objectContaining({ msg: 'Password reset email not sent: its link would already have expired' }),
    );
  });

  it("a retry for an older request leaves a newer request's link working", { timeout: 90_000 }, async () => {
    await signUp(r, { email: 'ada@demo.com' });
    postmark.failWith(500, { ErrorCode: 500, Message: 'Postmark is down' });
    await ask('ada@demo.com');
    await until(() => postmark.requests.length === 1, 'the failed first send');
    postmark.succeed();
    r.clock.advance(1000);
    const second = r.clock.now;
    await ask('ada@demo.com'); // mailed at once, while the first request's job waits for its retry
    await until(() => completed() === 2, "both requests' jobs to end", { timeoutMs: 60_000 });

    const [stored] = await r.prisma.passwordResetToken.findMany({ where: { createdAt: second } });
    expect(stored).toBeDefined(); // the retry deleted it before
    const mailed = postmark.requests.map((request) => tokenIn(request.body.TextBody));
    const newer = mailed.find((token) => createHash('sha256').update(token).digest('hex') === stored!.tokenHash);
    const reset = await r.graphql(RESET_PASSWORD, {
      input: { token: newer!, password: 'brand new password', confirmPassword: 'brand new password' },
    });
    expect(expectData(reset).resetPassword.__typename).toBe('ResetPasswordSuccess');
  });
});
