import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMailer, postmarkMailer } from '../src/modules/mail/mailer.ts';
import { passwordResetEmail } from '../src/modules/mail/messages.ts';
import { LOGIN, signUp } from './helpers/accounts.ts';
import { startFakePostmark } from './helpers/fake-postmark.ts';
import { expectData, startTestApp, type TestApp, type LogLine } from './helpers/test-app.ts';
import { graphql } from './generated/gql.ts';

const REQUEST_RESET = graphql(
  `mutation MailRequestReset($email: String!) { requestReset(email: $email) { __typename ... on RequestResetSuccess { message } } }`,
);
const RESET_PASSWORD = graphql(
  `mutation MailResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) { __typename } }`,
);

describe('the reset flow through Postmark (the real client against a local fake of its API)', () => {
  let postmark: Awaited<ReturnType<typeof startFakePostmark>>;
  let t: TestApp;
  beforeAll(async () => {
    postmark = await startFakePostmark();
    t = await startTestApp({
      mailer: postmarkMailer({ serverToken: 'server-token-123', apiUrl: postmark.url, from: 'noreply@demo.com' }),
    });
  });
  afterAll(async () => {
    await t.close();
    await postmark.close();
  });

  it('sends exactly the request Postmark expects, and the emailed token resets the password', async () => {
    await signUp(t, { email: 'ada@demo.com', password: 'old password!' });
    await t.graphql(REQUEST_RESET, { email: 'ada@demo.com' });
    await t.settle();
    expect(postmark.requests).toHaveLength(1);
    const [request] = postmark.requests;
    expect(request).toMatchObject({ method: 'POST', path: '/email' });
    expect(request!.headers['x-postmark-server-token']).toBe('server-token-123');
    expect(request!.headers['content-type']).toMatch(/application\/json/);
    expect(request!.body).toMatchObject({
      From: 'noreply@demo.com',
      To: 'ada@demo.com',
      Subject: 'Password Reset Request',
      MessageStream: 'outbound',
      Tag: 'password-reset',
    });
    const token = /token=([\w-]+)/.exec(request!.body.TextBody)![1]!;
    expect(request!.body.TextBody).toContain(`http://front.test/reset?token=${token}`);
    expect(request!.body.HtmlBody).toContain(`href="http://front.test/reset?token=${token}"`);

    const reset = await t.graphql(RESET_PASSWORD, {
      input: { token, password: 'new password!', confirmPassword: 'new password!' },
    });
    expect(expectData(reset).resetPassword.__typename).toBe('ResetPasswordSuccess');
    const login = await t.graphql(LOGIN, { input: { email: 'ada@demo.com', password: 'new password!' } });
    expect(expectData(login).login.__typename).toBe('LoginSuccess');
  });

  it('hides a Postmark error from the client, logs it with the request id, and the queue retries the send by itself', async () => {
    await signUp(t, { email: 'bob@demo.com' });
    postmark.failWith(422, { ErrorCode: 300, Message: 'Invalid email request' });
    const failed = await t.graphql(
      REQUEST_RESET,
      { email: 'bob@demo.com' },
      { headers: { 'x-request-id': 'reset-req-1' } },
    );
    await t.settle();
    expect(failed).toEqual({
      data: {
        requestReset: {
          __typename: 'RequestResetSuccess',
          message: 'An email has been sent with instructions to reset your password.',
        },
      },
    });
    const logged = t.logs.find((line) => line.requestId === 'reset-req-1' && line.level === 50);
    expect(logged?.msg).toBe('Could not send the password reset email (it will be retried)');
    expect(JSON.stringify(logged?.err)).toContain('Invalid email request');
    const bob = await t.prisma.user.findUniqueOrThrow({ where: { email: 'bob@demo.com' } });
    expect(await t.prisma.passwordResetToken.count({ where: { userId: bob.id } })).toBe(1); // stored anyway

    postmark.succeed();
    const attempts = postmark.requests.length;
    for (let i = 0; i < 300 && postmark.requests.length === attempts; i++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    await t.settle();
    expect(postmark.requests.length).toBe(attempts + 1); // one retry, after a backoff of a few seconds, and no more
    expect(postmark.requests.at(-1)!.body.To).toBe('bob@demo.com');
    const link = /token=([\w-]+)/.exec(postmark.requests.at(-1)!.body.TextBody)![1]!;
    const reset = await t.graphql(RESET_PASSWORD, {
      input: { token: link, password: 'after retry', confirmPassword: 'after retry' },
    });
    expect(expectData(reset).resetPassword.__typename).toBe('ResetPasswordSuccess'); // the retried mail's link is the working one
  });
});

it('gives up a Postmark call that gets no answer after its timeout', { timeout: 60_000 }, async () => {
  const postmark = await startFakePostmark();
  try {
    postmark.hang();
    const mailer = postmarkMailer({ serverToken: 't', apiUrl: postmark.url, from: 'a@demo.com', timeoutSeconds: 1 });
    const started = Date.now();
    await expect(mailer.send(passwordResetEmail('ada@demo.com', 'http://front.test/reset?token=x'))).rejects.toThrow();
    expect(postmark.requests).toHaveLength(1); // it arrived, and was never answered
    expect(Date.now() - started).toBeLessThan(10_000);
  } finally {
    await postmark.close();
  }
});

describe('the development outbox', () => {
  it('writes each message as an .eml file with its HTML beside it, and logs where, never the link', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
    const lines: LogLine[] = [];
    const log = pino({ level: 'trace' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const mailer = outboxMailer({ dir, from: 'Flask Blog <noreply@demo.com>', log });
    await mailer.send(passwordResetEmail('ada@demo.com', 'http://front.test/reset?token=abc123'));

    const files = fs.readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/password-reset-[0-9a-f]{6}\.eml$/);
    const eml = fs.readFileSync(path.join(dir, files[0]!), 'utf8');
    expect(eml).toContain(
      'From: Flask Blog <noreply@demo.com>\r\nTo: ada@demo.com\r\nSubject: Password Reset Request\r\n',
    );
    expect(eml).toContain('To reset your password, visit the following link:\nhttp://front.test/reset?token=abc123\n');
    expect(fs.readFileSync(path.join(dir, files[1]!), 'utf8')).toContain('href="http://front.test/reset?token=abc123"');
    expect(lines.at(-1)).toMatchObject({ subject: 'Password Reset Request', file: path.join(dir, files[0]!) });
    expect(JSON.stringify(lines)).not.toContain('abc123'); // a reset token in a log is a login for whoever reads it
    fs.rmSync(dir, { recursive: true });
  });
});
