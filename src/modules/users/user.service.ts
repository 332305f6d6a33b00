import type { User } from '../../generated/prisma/client.ts';
import type { Context } from '../../graphql/context.ts';
import { FieldErrors, ValidationError } from '../../graphql/errors.ts';
import { uniquenessBudgets } from '../auth/auth.service.ts';
import { queueEmailChangedNotice } from '../auth/reset.service.ts';
import { makeProfilePicture, type Picture, PictureRejected } from '../pictures/images.ts';
import { DEFAULT_PICTURE } from '../pictures/pictures.route.ts';
import {
  checkEmail,
  checkTaken,
  checkUsername,
  MESSAGES,
  normalizeEmail,
  normalizeUsername,
  takenFieldOf,
} from './user.validation.ts';
import { confirmPassword } from './account.service.ts';

type Deps = Pick<Context, 'prisma' | 'settings' | 'pictures' | 'log' | 'limiter' | 'clientIp' | 'jobs' | 'requestId'>;

export interface UpdateAccountInput {
  username?: string | null;
  email?: string | null;
  picture?: File | null;
  /** Required when the email changes. */
  currentPassword?: string | null;
}

/**
 * Changes the viewer's username, email and/or picture; omitted fields stay as they are. Uniqueness is
 * checked only for values that change, as in the original, from registration's budget. A new email needs the
 * current password (a token alone must not be enough to move the account, and its password resets, to another
 * address), and the previous address is told after the commit. All or nothing: on any error no row changes
 * and no new file remains; the replaced picture is deleted only once the new one is committed.
 */
export async function updateAccount(deps: Deps, user: User, input: UpdateAccountInput): Promise<User> {
  const { prisma, settings, pictures } = deps;
  const errors = new FieldErrors();
  const username = input.username == null ? user.username : normalizeUsername(input.username);
  const email = input.email == null ? user.email : normalizeEmail(input.email);
  checkUsername(errors, 'username', username);
  checkEmail(errors, 'email', email);
  const usernameChanged = username !== user.username;
  const emailChanged = email !== user.email.toLowerCase();
  if (emailChanged && !input.currentPassword) errors.add('currentPassword', MESSAGES.required);
  let picture: Picture | undefined;
  if (input.picture) {
    try {
      picture = await makeProfilePicture(input.picture, {
        maxBytes: settings.pictureMaxBytes,
        maxPixels: settings.pictureMaxPixels,
      });
    } catch (error) {
      if (!(error instanceof PictureRejected)) throw error;
      errors.add('picture', error.message);
    }
  }
  errors.throwIfAny();
  // The password before the lookup, so that without it nobody learns whether the new address is registered.
  if (emailChanged) await confirmPassword(deps, user, input.currentPassword!, 'currentPassword');
  if (usernameChanged || emailChanged) {
    await deps.limiter.consume(uniquenessBudgets(deps.clientIp, emailChanged ? email : undefined));
    await checkTaken(
      prisma,
      errors,
      { username: usernameChanged ? username : undefined, email: emailChanged ? email : undefined },
      user.id,
    );
    errors.throwIfAny();
  }

  if (picture) await pictures.save(picture.name, picture.bytes);
  const where = { id: user.id };
  let saved: { updated: User; previousFile: string };
  try {
    saved = !picture
      ? { updated: await prisma.user.update({ where, data: { username, email } }), previousFile: user.imageFile }
      : await prisma.$transaction(async (tx) => {
          // The first write locks the row and returns the file in it: a concurrent upload waits for this one to
          // commit, then learns the file this one saved, so each removes the file it replaced and none is left.
          const { imageFile: previousFile } = await tx.user.update({
            where,
            data: { username, email },
            select: { imageFile: true },
          });
          const updated = await tx.user.update({ where, data: { imageFile: picture.name } });
          return { updated, previousFile };
        });
  } catch (error) {
    if (picture) await pictures.remove(picture.name);
    const field = takenFieldOf(error);
    if (field) throw new ValidationError([{ field, message: MESSAGES[`${field}Taken`] }]);
    throw error;
  }
  if (emailChanged) {
    await queueEmailChangedNotice(deps, user.email, email).catch((error) =>
      deps.log.error({ err: error }, 'Could not queue the notice of an email change (the change is saved)'),
    );
  }
  if (picture && saved.previousFile !== DEFAULT_PICTURE) {
    await pictures
      .remove(saved.previousFile)
      .catch((error) => deps.log.warn({ err: error }, 'Could not delete the old picture'));
  }
  return saved.updated;
}
