import { builder, resultUnion } from '../../graphql/builder.ts';
import { InvalidResetTokenError } from '../../graphql/errors.ts';
import { PASSWORD_UPDATED, RESET_REQUESTED, requestReset, resetPassword } from './reset.service.ts';

const Message = (name: string, description: string) =>
  builder.objectRef<{ message: string }>(name).implement({
    description,
    fields: (t) => ({
      message: t.exposeString('message', {
        description: "The original Flask Blog's message for this success, to show the user.",
      }),
    }),
  });

const RequestResetSuccess = Message(
  'RequestResetSuccess',
  'Always the same answer, whether or not the address has an account: nobody learns which addresses do.',
);
const ResetPasswordSuccess = Message(
  'ResetPasswordSuccess',
  'The password changed and every session ended. Log in again.',
);

const ResetPasswordInput = builder.inputType('ResetPasswordInput', {
  description: 'The token from the reset email and the new password, twice.',
  fields: (t) => ({
    token: t.string({ required: true, description: 'The token from the reset email.' }),
    password: t.string({ required: true, description: 'At least 8 characters, at most 72 bytes.' }),
    confirmPassword: t.string({ required: true, description: 'Must equal `password`.' }),
  }),
});

builder.mutationFields((t) => ({
  requestReset: t.field({
    type: RequestResetSuccess,
    description: 'Emails a password reset link, valid once for 30 minutes, if the address has an account.',
    errors: resultUnion('requestReset'),
    args: { email: t.arg.string({ required: true, description: 'The address of the account.' }) },
    resolve: async (_root, { email }, context) => {
      await requestReset(context, email);
      return { message: RESET_REQUESTED };
    },
  }),
  resetPassword: t.field({
    type: ResetPasswordSuccess,
    description: 'Sets a new password with the token from the reset email; it does not log in.',
    errors: resultUnion('resetPassword', InvalidResetTokenError),
    args: {
      input: t.arg({ type: ResetPasswordInput, required: true, description: 'The token and the new password.' }),
    },
    resolve: async (_root, { input }, context) => {
      await resetPassword(context, input);
      return { message: PASSWORD_UPDATED };
    },
  }),
}));
