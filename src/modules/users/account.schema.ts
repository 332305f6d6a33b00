import { builder, resultUnion } from '../../graphql/builder.ts';
import { SUCCESS_MESSAGE_DESCRIPTION } from '../../graphql/messages.ts';
import { changePassword, deleteAccount } from './account.service.ts';

const PASSWORD_CHANGED = 'Your password has been updated!';
const ACCOUNT_DELETED = 'Your account has been deleted.';

const ChangePasswordInput = builder.inputType('ChangePasswordInput', {
  description: 'The current password and the new one, twice.',
  fields: (t) => ({
    currentPassword: t.string({ required: true, description: 'The password in use now.' }),
    newPassword: t.string({
      required: true,
      description: 'At least 8 characters, at most 72 bytes (as at registration).',
    }),
    confirmPassword: t.string({ required: true, description: 'The new password again.' }),
  }),
});

const ChangePasswordSuccess = builder.objectRef<{ revokedSessions: number }>('ChangePasswordSuccess').implement({
  description: 'The password changed; every other session ended.',
  fields: (t) => ({
    message: t.string({ description: SUCCESS_MESSAGE_DESCRIPTION, resolve: () => PASSWORD_CHANGED }),
    revokedSessions: t.exposeInt('revokedSessions', {
      description: 'Other sessions that were ended; this one stays open.',
    }),
  }),
});

const DeleteAccountSuccess = builder.objectRef<Record<string, never>>('DeleteAccountSuccess').implement({
  description: 'The account and everything of it is gone; its tokens no longer work.',
  fields: (t) => ({ message: t.string({ description: SUCCESS_MESSAGE_DESCRIPTION, resolve: () => ACCOUNT_DELETED }) }),
});

builder.mutationFields((t) => ({
  changePassword: t.field({
    type: ChangePasswordSuccess,
    description: 'Sets a new password after checking the current one, and ends every other session of the account.',
    authScopes: { loggedIn: true },
    errors: resultUnion('changePassword'),
    args: {
      input: t.arg({ type: ChangePasswordInput, required: true, description: 'The current and the new password.' }),
    },
    resolve: async (_root, { input }, context) => ({
      revokedSessions: await changePassword(context, context.viewer!, context.sessionId!, input),
    }),
  }),
  deleteAccount: t.field({
    type: DeleteAccountSuccess,
    description: "Deletes the signed-in user's account, posts, sessions and picture, after checking the password.",
    authScopes: { loggedIn: true },
    errors: resultUnion('deleteAccount'),
    args: { password: t.arg.string({ required: true, description: 'The current password, to confirm.' }) },
    resolve: async (_root, { password }, context) => {
      await deleteAccount(context, context.viewer!, password);
      context.changed.everything(); // the author of posts everywhere
      return {};
    },
  }),
}));
