import { builder } from './builder.ts';
import { InvalidResetTokenError, LoginFailedError, ValidationError } from './errors.ts';

/** Every expected failure a mutation can return implements this, so clients can ask for `... on Error { message }`. */
const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'An expected failure of a mutation, returned as data in its result union.',
  fields: (t) => ({ message: t.exposeString('message', { description: 'A summary to show the user.' }) }),
});

const FieldErrorType = builder.objectRef<{ field: string; message: string }>('FieldError').implement({
  description: 'One problem with one input field; a field may have several.',
  fields: (t) => ({
    field: t.exposeString('field', { description: "The input field's name, e.g. `username`." }),
    message: t.exposeString('message', { description: 'What to show next to that field.' }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input was refused: every failing field is listed, with all its messages.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ValidationError,
  fields: (t) => ({
    fieldErrors: t.field({
      type: [FieldErrorType],
      description: 'Every failing input field with its messages.',
      resolve: (error) => error.fieldErrors,
    }),
  }),
});

builder.objectType(LoginFailedError, {
  name: 'LoginFailedError',
  description: 'Unknown email or wrong password: deliberately the same message for both.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof LoginFailedError,
});

builder.objectType(InvalidResetTokenError, {
  name: 'InvalidResetTokenError',
  description: 'The reset token is unknown, expired or already used: request a new one.',
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof InvalidResetTokenError,
});
