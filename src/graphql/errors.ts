import { GraphQLError } from 'graphql';

/** Codes clients can rely on in `errors[].extensions.code`. */
export type ErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'INTERNAL_SERVER_ERROR';

export function codedError(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

export function badUserInput(message: string): GraphQLError {
  return codedError('BAD_USER_INPUT', message);
}
