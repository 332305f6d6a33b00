import type { User } from '../../generated/prisma/client.ts';
import type { Context } from '../../graphql/context.ts';
import { FieldErrors, ValidationError } from '../../graphql/errors.ts';
import { loginFailureBudgets } from '../auth/auth.service.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { DEFAULT_PICTURE } from '../pictures/pictures.route.ts';
import { checkNewPassword, MESSAGES } from './user.validation.ts';

type Deps = Pick<Context, 'prisma' | 'settings' | 'now' | 'limiter' | 'clientIp' | 'pictures' | 'log'>;

/**
 * Checks the caller's current password. A wrong one counts against the same failure budget as logins from this
 * address (reserved before checking, refunded when right), so these mutations cannot be used to guess it.
 */
export async function confirmPassword(
  deps: Pick<Context, 'settings' | 'limiter' | 'clientIp'>,
  user: User,
  password: string,
  field: string,
): Promise<void> {
  const budgets = loginFailureBudgets(deps.settings.loginMaxFailures, user.email.toLowerCase(), deps.clientIp);
  await deps.limiter.consume(budgets);
  if (!password || !(await verifyPassword(password, user.passwordHash))) {
    throw new ValidationError([{ field, message: MESSAGES.wrongPassword }]);
  }
  await deps.limiter.refund(budgets);
}

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Sets a new password (registration's rules) and ends every other session; this one stays open. */
export async function changePassword(
  deps: Deps,
  user: User,
  sessionId: string,
  input: ChangePasswordInput,
): Promise<number> {
  const errors = new FieldErrors();
  checkNewPassword(errors, input.newPassword, input.confirmPassword, 'newPassword');
  errors.throwIfAny();
  await confirmPassword(deps, user, input.currentPassword, 'currentPassword');
  const passwordHash = await hashPassword(input.newPassword, deps.settings.bcryptCost);
  const now = deps.now();
  const [, revoked] = await deps.prisma.$transaction([
    deps.prisma.user.update({ where: { id: user.id }, data: { passwordHash } }),
    deps.prisma.session.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: sessionId } },
      data: { revokedAt: now },
    }),
  ]);
  return revoked.count;
}

/**
 * Deletes the account with its posts, sessions and reset tokens in one statement (the foreign keys cascade), so
 * the caller's token stops working at once; the stored picture goes after the commit. If removing the file
 * fails, the account is still wholly gone: the file is logged as left behind.
 */
export async function deleteAccount(deps: Deps, user: User, password: string): Promise<void> {
  await confirmPassword(deps, user, password, 'password');
  await deps.prisma.user.deleteMany({ where: { id: user.id } }); // deleteMany: a second, racing deletion is no error
  if (user.imageFile !== DEFAULT_PICTURE) {
    await deps.pictures
      .remove(user.imageFile)
      .catch((error) =>
        deps.log.warn({ err: error, file: user.imageFile }, 'Could not delete the picture of a deleted account'),
      );
  }
}
