import type { User } from '../../generated/prisma/client.ts';
import type { Context } from '../../graphql/context.ts';
import { FieldErrors, LoginFailedError, ValidationError } from '../../graphql/errors.ts';
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

export interface RegisterInput {
  username: string;
  email: string;
  password: string;
  confirmPassword: string;
}

/** Creates an account. Like the original, it does not log the new user in. */
export async function registerUser({ prisma, settings }: Deps, input: RegisterInput): Promise<User> {
  const errors = new FieldErrors();
  const username = normalizeUsername(input.username);
  const email = normalizeEmail(input.email);
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

/** Checks the credentials and opens a session: a day long, or thirty days with `remember`. */
export async function logIn({ prisma, settings, now }: Deps, input: LoginInput): Promise<LoginResult> {
  const errors = new FieldErrors();
  const email = normalizeEmail(input.email);
  checkEmail(errors, 'email', email);
  if (!input.password.trim()) errors.add('password', MESSAGES.required);
  errors.throwIfAny();

  const user = await prisma.user.findUnique({ where: { email } });
  if (!user) {
    await wasteVerification(input.password, settings.bcryptCost);
    throw new LoginFailedError();
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) throw new LoginFailedError();

  const issuedAt = now();
  const expiresAt = new Date(issuedAt.getTime() + (input.remember ? LONG_SESSION_MS : SHORT_SESSION_MS));
  const session = await prisma.session.create({ data: { userId: user.id, createdAt: issuedAt, expiresAt } });
  const token = signSessionToken({ userId: user.id, sessionId: session.id }, issuedAt, expiresAt, settings.jwtSecret);
  return { token, expiresAt, user };
}

/** Ends one session (this device). */
export async function revokeSession({ prisma, now }: Deps, sessionId: string): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now() } });
}

/** Ends every session of the user (all devices); returns how many were still open. */
export async function revokeAllSessions({ prisma, now }: Deps, userId: number): Promise<number> {
  const { count } = await prisma.session.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now() } },
    data: { revokedAt: now() },
  });
  return count;
}

/** The user a token speaks for, if its session is still open: one indexed query (user by id, session by id). */
export async function findViewer({ prisma, now }: Deps, userId: number, sessionId: string): Promise<User | null> {
  return prisma.user.findFirst({
    where: { id: userId, sessions: { some: { id: sessionId, revokedAt: null, expiresAt: { gt: now() } } } },
  });
}
