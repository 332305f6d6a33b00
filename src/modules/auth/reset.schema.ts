import { builder } from '../../graphql/builder.ts';
import { InvalidResetTokenError, ValidationError } from '../../graphql/errors.ts';
import { PASSWORD_UPDATED, RESET_REQUESTED, requestReset, resetPassword } from './reset.service.ts';

const Message = (name: string, description: string) =>
  builder.objectRef<{ message: string }>(name).implement({
    description,
    fields: (t) => ({ message: t.exposeString('message') }),
  });

const RequestResetSuccess = Message(
  'RequestResetSuccess',
  'Always the same answer, whether or not the address has an account: nobody learns which addresses do.',
);
const ResetPasswordSuccess = Message('ResetPasswordSuccess', 'The password changed and every session ended. Log in again.');

const ResetPasswordInput = builder.inputType('ResetPasswordInput', {
  fields: (t) => ({
    token: t.string({ required: true, description: 'The token from the reset email.' }),
    password: t.string({ required: true, description: 'At least 8 characters, at most 72 bytes.' }),
    confirmPassword: t.string({ required: true }),
  }),
});

builder.mutationFields((t) => ({
  requestReset: t.field({
    type: RequestResetSuccess,
    description: 'Emails a password reset link, valid once for 30 minutes, if the address has an account.',
    errors: { types: [ValidationError], union: { name: 'RequestResetResult' } },
    args: { email: t.arg.string({ required: true }) },
    resolve: async (_root, { email }, context) => {
      await requestReset(context, email);
      return { message: RESET_REQUESTED };
    },
  }),
  resetPassword: t.field({
    type: ResetPasswordSuccess,
    description: 'Sets a new password with the token from the reset email; it does not log in.',
    errors: { types: [InvalidResetTokenError, ValidationError], union: { name: 'ResetPasswordResult' } },
    args: { input: t.arg({ type: ResetPasswordInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      await resetPassword(context, input);
      return { message: PASSWORD_UPDATED };
    },
  }),
}));
