import type { User } from '../../generated/prisma/client.ts';
import type { Context } from '../../graphql/context.ts';
import { FieldErrors, ValidationError } from '../../graphql/errors.ts';
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

type Deps = Pick<Context, 'prisma' | 'settings' | 'pictures' | 'log'>;

export interface UpdateAccountInput {
  username?: string | null;
  email?: string | null;
  picture?: File | null;
}

/**
 * Changes the viewer's username, email and/or picture; omitted fields stay as they are. Uniqueness is
 * checked only for values that change, as in the original. All or nothing: on any error no row changes and
 * no new file remains; the replaced picture is deleted only once the new one is committed.
 */
export async function updateAccount(deps: Deps, user: User, input: UpdateAccountInput): Promise<User> {
  const { prisma, settings, pictures } = deps;
  const errors = new FieldErrors();
  const username = input.username == null ? user.username : normalizeUsername(input.username);
  const email = input.email == null ? user.email : normalizeEmail(input.email);
  const usernameOk = checkUsername(errors, 'username', username);
  const emailOk = checkEmail(errors, 'email', email);
  const usernameChanged = username !== user.username;
  const emailChanged = email !== user.email.toLowerCase();
  await checkTaken(
    prisma,
    errors,
    {
      username: usernameOk && usernameChanged ? username : undefined,
      email: emailOk && emailChanged ? email : undefined,
    },
    user.id,
  );
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

  if (picture) await pictures.save(picture.name, picture.bytes);
  const data = { username, email, ...(picture ? { imageFile: picture.name } : {}) };
  let saved: { updated: User; previousFile: string };
  try {
    saved = !picture
      ? { updated: await prisma.user.update({ where: { id: user.id }, data }), previousFile: user.imageFile }
      : await prisma.$transaction(async (tx) => {
          // Locks the row, so concurrent uploads each learn the file they replace and none is left behind.
          const [current] = await tx.$queryRaw<
            { image_file: string }[]
          >`SELECT image_file FROM users WHERE id = ${user.id} FOR UPDATE`;
          const updated = await tx.user.update({ where: { id: user.id }, data });
          return { updated, previousFile: current?.image_file ?? user.imageFile };
        });
  } catch (error) {
    if (picture) await pictures.remove(picture.name);
    const field = takenFieldOf(error);
    if (field) throw new ValidationError([{ field, message: MESSAGES[`${field}Taken`] }]);
    throw error;
  }
  if (picture && saved.previousFile !== DEFAULT_PICTURE) {
    await pictures
      .remove(saved.previousFile)
      .catch((error) => deps.log.warn({ err: error }, 'Could not delete the old picture'));
  }
  return saved.updated;
}
