import type { User } from '../../generated/prisma/client.ts';
import { builder, resultUnion } from '../../graphql/builder.ts';
import { SUCCESS_MESSAGE_DESCRIPTION, SUCCESS_MESSAGES } from '../../graphql/messages.ts';
import { DEFAULT_PICTURE, PICTURES_PATH } from '../pictures/pictures.route.ts';
import { readUserPage } from './user.page.ts';
import { updateAccount } from './user.service.ts';

/**
 * Users whose owner is the one asking, in this response, without a token yet: the result of register and
 * login (they just typed the email and password). Their email is shown like the viewer's own.
 */
export const shownToOwner = new WeakSet<User>();

export const UserNode = builder.prismaObject('User', {
  description: 'A registered author. The password hash is never exposed.',
  fields: (t) => ({
    username: t.exposeString('username', { description: '2 to 20 characters, unique.' }),
    email: t.string({
      nullable: true,
      description: "The user's email address: visible to that user only, null for everyone else.",
      authScopes: (user) => shownToOwner.has(user) || { self: user.id },
      unauthorizedResolver: () => null,
      resolve: (user) => user.email,
    }),
    imageUrl: t.string({
      description: 'Absolute URL of the profile picture (125×125 at most); a default picture until one is uploaded.',
      resolve: (user, _args, context) =>
        user.imageFile === DEFAULT_PICTURE
          ? `${context.settings.publicUrl}${PICTURES_PATH}${DEFAULT_PICTURE}`
          : `${context.settings.picturesUrl}${encodeURIComponent(user.imageFile)}`,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the account was registered.' }),
  }),
});

// node(id) and nodes(ids) read users through the request's loader, as authors are read; null for a deleted one.
builder.nodeRef(UserNode, {
  id: { resolve: (user: User) => user.id, parse: Number },
  loadMany: (ids, context) => ids.map((id) => context.loaders.userById.load(id)),
});

builder.queryFields((t) => ({
  user: t.field({
    type: UserNode,
    nullable: true,
    description: 'The user with exactly this username (case-sensitive), or null.',
    args: { username: t.arg.string({ required: true, description: 'The exact username.' }) },
    // A user's page: the user, the first page of their posts and its count in one statement when asked for.
    resolve: (_root, { username }, context, info) => readUserPage(context, username, info),
  }),
}));

const UpdateAccountInput = builder.inputType('UpdateAccountInput', {
  description: 'Only the fields you send change.',
  fields: (t) => ({
    username: t.string({ description: '2 to 20 characters; must be free unless it is your own.' }),
    email: t.string({ description: 'At most 120 characters; must be free unless it is your own.' }),
    picture: t.field({
      type: 'File',
      description: `A JPEG, PNG or WebP image (checked by content), resized to fit 125×125. Send it as a multipart upload.`,
    }),
    currentPassword: t.string({
      description:
        'The password in use now: required when `email` changes (a wrong one counts as a failed login). The previous address is told of the change.',
    }),
  }),
});

const UpdateAccountSuccess = builder.objectRef<{ user: User }>('UpdateAccountSuccess').implement({
  description: 'The account changed.',
  fields: (t) => ({
    user: t.field({ type: UserNode, description: 'The account as it now is.', resolve: (result) => result.user }),
    message: t.string({ description: SUCCESS_MESSAGE_DESCRIPTION, resolve: () => SUCCESS_MESSAGES.updateAccount }),
  }),
});

builder.mutationFields((t) => ({
  updateAccount: t.field({
    type: UpdateAccountSuccess,
    description: "Changes the signed-in user's username, email and/or profile picture, all or nothing.",
    authScopes: { loggedIn: true },
    errors: resultUnion('updateAccount'),
    args: { input: t.arg({ type: UpdateAccountInput, required: true, description: 'The fields to change.' }) },
    resolve: async (_root, { input }, context) => {
      const before = context.viewer!;
      const user = await updateAccount(context, before, input);
      // A username or picture shows as the author of posts everywhere; an email only to its owner.
      if (user.username !== before.username || user.imageFile !== before.imageFile) context.changed.everything();
      else context.changed.nothingPublic();
      return { user };
    },
  }),
}));
