import { createHash, randomBytes } from 'node:crypto';
import type { Task } from 'graphile-worker';
import type { Context } from '../../graphql/context.ts';
import type { Logger } from '../../logger.ts';
import { FieldErrors, InvalidResetTokenError, isRateLimited } from '../../graphql/errors.ts';
import { emailChangedEmail, passwordResetEmail } from '../mail/messages.ts';
import { rateLimitKey } from '../ratelimit/rate-limit-key.ts';
import { checkEmail, checkNewPassword, normalizeEmail } from '../users/user.validation.ts';
import { hashPassword } from './password.ts';

type Deps = Pick<Context, 'prisma' | 'settings' | 'now' | 'limiter' | 'jobs' | 'log' | 'clientIp' | 'requestId'>;
type MailDeps = Pick<Context, 'prisma' | 'settings' | 'mailer'> & { log: Logger };

/**
 * The account-mail job (a row in the job queue until it has succeeded): a reset link, which it looks up when it
 * runs, or the notice to an account's previous address that its email changed. One task, so every worker that
 * sends reset links sends the notices too.
 */
export const RESET_MAIL_TASK = 'reset_mail';

type ResetMailJob = { email: string; requestedAt: string; requestId: string };
type EmailChangedJob = { kind: 'email-changed'; to: string; newEmail: string; requestId: string };

export const RESET_REQUESTED = 'An email has been sent with instructions to reset your password.';
export const PASSWORD_UPDATED = 'Your password has been updated! You are now able to log in';
/** Reset requests allowed per address and per client IP in the window; more get the same answer and no mail. */
const RESET_THROTTLE = { limit: 3, windowMs: 15 * 60 * 1000 };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Answers the same for every well-formed address, registered or not, throttled or not, and in the same
 * time: the answer only stores a job; the lookup and the mail happen in the job queue, which survives a crash
 * of this process and retries a failed send.
 */
export async function requestReset(deps: Deps, rawEmail: string): Promise<void> {
  const errors = new FieldErrors();
  const email = normalizeEmail(rawEmail);
  checkEmail(errors, 'email', email);
  errors.throwIfAny();

  const now = deps.now();
  const { limit, windowMs } = RESET_THROTTLE;
  try {
    await deps.limiter.consume([
      { key: `reset:email:${email}`, limit, windowMs },
      { key: `reset:ip:${rateLimitKey(deps.clientIp)}`, limit, windowMs },
    ]);
  } catch (error) {
    if (!isRateLimited(error)) throw error;
    deps.log.info({ ip: deps.clientIp }, 'Password reset request throttled: no email sent');
    return;
  }
  const job: ResetMailJob = { email, requestedAt: now.toISOString(), requestId: deps.requestId };
  await deps.jobs.add(RESET_MAIL_TASK, job);
}

/** The queue's task: a failure is logged with the request's id and thrown, so the queue retries it. */
export function resetMailTask(deps: MailDeps): Task {
  return async (payload) => {
    const job = payload as ResetMailJob | EmailChangedJob;
    try {
      if ('kind' in job) await deps.mailer.send(emailChangedEmail(job.to, job.newEmail));
      else await sendResetLink(deps, job);
    } catch (error) {
      const what = 'kind' in job ? 'email change notice' : 'password reset email';
      deps.log.error({ err: error, requestId: job.requestId }, `Could not send the ${what} (it will be retried)`);
      throw error;
    }
  };
}

/** Queues the notice to `previousEmail` that the account now uses `newEmail`: call it once the change is committed. */
export async function queueEmailChangedNotice(
  deps: Pick<Context, 'jobs' | 'requestId'>,
  previousEmail: string,
  newEmail: string,
): Promise<void> {
  const job: EmailChangedJob = { kind: 'email-changed', to: previousEmail, newEmail, requestId: deps.requestId };
  await deps.jobs.add(RESET_MAIL_TASK, job);
}

/**
 * Stores a new token before mailing it, so a failed send can be retried; it replaces the user's unused tokens
 * from this request or older ones. The link expires counted from the request, so once that time has passed a
 * retry sends nothing; and a retry that finds a newer request's token leaves it alone and sends nothing either
 * (the newer request's own job mails a working link).
 */
async function sendResetLink(deps: MailDeps, job: ResetMailJob): Promise<void> {
  const requestedAt = new Date(job.requestedAt);
  const expiresAt = new Date(requestedAt.getTime() + deps.settings.resetTokenTtlMinutes * 60_000);
  if (expiresAt <= new Date()) {
    deps.log.info({ requestId: job.requestId }, 'Password reset email not sent: its link would already have expired');
    return;
  }
  const user = await deps.prisma.user.findUnique({ where: { email: job.email }, select: { id: true, email: true } });
  if (!user) return; // nothing is sent to an address without an account
  const token = randomBytes(32).toString('base64url');
  const stored = await deps.prisma.$transaction(async (tx) => {
    if (await tx.passwordResetToken.count({ where: { userId: user.id, createdAt: { gt: requestedAt } } })) return false;
    await tx.passwordResetToken.deleteMany({
      where: { userId: user.id, usedAt: null, createdAt: { lte: requestedAt } },
    });
    await tx.passwordResetToken.create({
      data: { userId: user.id, tokenHash: sha256(token), createdAt: requestedAt, expiresAt },
    });
    return true;
  });
  if (!stored) {
    deps.log.info({ requestId: job.requestId }, 'Password reset email not sent: a newer request replaced it');
    return;
  }
  await deps.mailer.send(passwordResetEmail(user.email, `${deps.settings.resetUrl}${token}`));
}

export interface ResetPasswordInput {
  token: string;
  password: string;
  confirmPassword: string;
}

/**
 * Sets a new password with a reset token. The token works once: using it, changing the password and ending
 * every session of the user commit together, and of two simultaneous uses only one can mark it used.
 */
export async function resetPassword(deps: Deps, input: ResetPasswordInput): Promise<void> {
  const now = deps.now();
  const token = input.token.trim();
  const record =
    token.length > 0 && token.length <= 256
      ? await deps.prisma.passwordResetToken.findUnique({ where: { tokenHash: sha256(token) } })
      : null;
  if (!record || record.usedAt || record.expiresAt <= now) throw new InvalidResetTokenError();

  const errors = new FieldErrors();
  checkNewPassword(errors, input.password, input.confirmPassword);
  errors.throwIfAny();

  const passwordHash = await hashPassword(input.password, deps.settings.bcryptCost);
  await deps.prisma.$transaction(async (tx) => {
    const used = await tx.passwordResetToken.updateMany({
      where: { id: record.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (used.count === 0) throw new InvalidResetTokenError(); // the other of two simultaneous uses won
    await tx.user.update({ where: { id: record.userId }, data: { passwordHash } });
    await tx.session.updateMany({ where: { userId: record.userId, revokedAt: null }, data: { revokedAt: now } });
  });
}
