import type { User } from '../../generated/prisma/client.ts';
import type { Context } from '../../graphql/context.ts';
import { FieldErrors, LoginFailedError, ValidationError } from '../../graphql/errors.ts';
import type { Budget } from '../ratelimit/limiter.ts';
import { rateLimitKey } from '../ratelimit/rate-limit-key.ts';
import {
  checkEmail,
  checkNewPassword,
  checkTaken,
  checkUsername,
  MESSAGES,
  normalizeEmail,
  normalizeUsername,
  takenFieldOf,
} from '../users/user.validation.ts';
import { hashPassword, verifyPassword, wasteVerification } from './password.ts';
import { LONG_SESSION_MS, SHORT_SESSION_MS, signSessionToken } from './tokens.ts';

type Deps = Pick<Context, 'prisma' | 'settings' | 'now'>;
type LimitedDeps = Deps & Pick<Context, 'limiter' | 'clientIp'>;
type LoginDeps = LimitedDeps & Pick<Context, 'userAgent'>;

const FIFTEEN_MINUTES = 15 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
/** Registration attempts per client IP per hour, and per email address per 15 minutes. */
const REGISTER_LIMITS = { perIp: 10, perEmail: 5 };

/**
 * "That email is taken" tells whether an address has an account: keep that question expensive. Registration
 * and updateAccount ask it from one budget, per client IP and (when an email is asked about) per address.
 */
export function uniquenessBudgets(clientIp: string, email?: string): Budget[] {
  return [
    { key: `register:ip:${rateLimitKey(clientIp)}`, limit: REGISTER_LIMITS.perIp, windowMs: HOUR },
    ...(email === undefined
      ? []
      : [{ key: `register:email:${email}`, limit: REGISTER_LIMITS.perEmail, windowMs: FIFTEEN_MINUTES }]),
  ];
}

/**
 * Failed password checks (logins, and the current password asked by account changes): `loginMaxFailures` per
 * account and client IP, four times that per client IP, in 15 minutes.
 */
export function loginFailureBudgets(loginMaxFailures: number, email: string, clientIp: string): Budget[] {
  const client = rateLimitKey(clientIp);
  return [
    { key: `login-failures:${email}:${client}`, limit: loginMaxFailures, windowMs: FIFTEEN_MINUTES },
    { key: `login-failures:${client}`, limit: loginMaxFailures * 4, windowMs: FIFTEEN_MINUTES },
  ];
}

export interface RegisterInput {
  username: string;
  email: string;
  password: string;
  confirmPassword: string;
}

/** Creates an account. Like the original, it does not log the new user in. */
export async function registerUser(deps: LimitedDeps, input: RegisterInput): Promise<User> {
  const { prisma, settings } = deps;
  const errors = new FieldErrors();
  const username = normalizeUsername(input.username);
  const email = normalizeEmail(input.email);
  await deps.limiter.consume(uniquenessBudgets(deps.clientIp, email));
  const usernameOk = checkUsername(errors, 'username', username);
  const emailOk = checkEmail(errors, 'email', email);
  checkNewPassword(errors, input.password, input.confirmPassword);
  await checkTaken(prisma, errors, { username: usernameOk ? username : undefined, email: emailOk ? email : undefined });
  errors.throwIfAny();

  const passwordHash = await hashPassword(input.password, settings.bcryptCost);
  try {
    return await prisma.user.create({ data: { username, email, passwordHash } });
  } catch (error) {
    // Another registration took the name between our check and this insert.
    const field = takenFieldOf(error);
    if (field) throw new ValidationError([{ field, message: MESSAGES[`${field}Taken`] }]);
    throw error;
  }
}

export interface LoginInput {
  email: string;
  password: string;
  remember?: boolean | null;
}

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: User;
}

/**
 * Checks the credentials and opens a session: a day long, or thirty days with `remember`. After
 * `loginMaxFailures` failures for one account from one IP (or four times that from one IP) in 15 minutes,
 * every attempt is RATE_LIMITED until the window moves on, whatever the password.
 */
export async function logIn(deps: LoginDeps, input: LoginInput): Promise<LoginResult> {
  const { prisma, settings, now } = deps;
  const errors = new FieldErrors();
  const email = normalizeEmail(input.email);
  checkEmail(errors, 'email', email);
  if (!input.password.trim()) errors.add('password', MESSAGES.required);
  errors.throwIfAny();

  const failureBudgets = loginFailureBudgets(settings.loginMaxFailures, email, deps.clientIp);
  // Every attempt reserves a failure before its password is checked, so concurrent guesses cannot all get
  // past the budget; an attempt that turns out right gives its reservation back.
  await deps.limiter.consume(failureBudgets);

  const user = await prisma.user.findUnique({ where: { email } });
  let valid = false;
  if (user) valid = await verifyPassword(input.password, user.passwordHash);
  else await wasteVerification(input.password, settings.bcryptCost);
  if (!user || !valid) throw new LoginFailedError();
  await deps.limiter.refund(failureBudgets);

  const issuedAt = now();
  const expiresAt = new Date(issuedAt.getTime() + (input.remember ? LONG_SESSION_MS : SHORT_SESSION_MS));
  const session = await prisma.session.create({
    data: { userId: user.id, createdAt: issuedAt, lastUsedAt: issuedAt, expiresAt, userAgent: deps.userAgent },
  });
  const token = signSessionToken({ userId: user.id, sessionId: session.id }, issuedAt, expiresAt, settings.jwtSecret);
  return { token, expiresAt, user };
}
