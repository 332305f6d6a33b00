import { GraphQLError, type GraphQLErrorOptions } from 'graphql';

/** Codes clients can rely on in `errors[].extensions.code`. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR';

export function codedError(code: ErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

export function badUserInput(message: string): GraphQLError {
  return codedError('BAD_USER_INPUT', message);
}

/** The code an answered error carries (logs, metrics and traces count errors by it); UNCODED if it has none. */
export function codeOf(error: Error): string {
  return String((error as Partial<GraphQLError>).extensions?.code ?? 'UNCODED');
}

/** Too many attempts; `retryAfter` (seconds) says when to try again. */
export function rateLimited(retryAfterMs: number): GraphQLError {
  const retryAfter = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new GraphQLError(`Too many attempts. Try again in ${retryAfter} seconds.`, {
    extensions: { code: 'RATE_LIMITED', retryAfter },
  });
}

export function isRateLimited(error: unknown): boolean {
  return error instanceof GraphQLError && error.extensions.code === 'RATE_LIMITED';
}

/** Seconds a client should wait before retrying when the database does not answer. */
const RETRY_AFTER_SECONDS = 5;

/**
 * The database cannot be reached or timed out: not a bug, and worth retrying. HTTP 503 with Retry-After where
 * the transport allows; the request id ties it to the one log line.
 */
export function serviceUnavailable(
  requestId: string,
  location: Omit<GraphQLErrorOptions, 'extensions'> = {},
): GraphQLError {
  return new GraphQLError('The service is temporarily unavailable. Try again shortly.', {
    ...location,
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      requestId,
      retryAfter: RETRY_AFTER_SECONDS,
      http: { status: 503, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } },
    },
  });
}

/** An unexpected failure, as clients see it: no details, the request id to quote. */
export function unexpected(requestId: string, location: Omit<GraphQLErrorOptions, 'extensions'> = {}): GraphQLError {
  return new GraphQLError('Unexpected error.', {
    ...location,
    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
  });
}

export function unauthenticated(): GraphQLError {
  return codedError('UNAUTHENTICATED', 'Please log in to access this page.'); // the original's wording
}

export interface FieldError {
  /** The input field, as named in the mutation's input type. */
  field: string;
  message: string;
}

/**
 * An expected failure of a mutation: every problem with every input field at once. Mutations list it in
 * their result union, so clients receive it as data (see error-types.ts), never as a GraphQL error.
 */
export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(readonly fieldErrors: FieldError[]) {
    super(fieldErrors.map((error) => `${error.field}: ${error.message}`).join(' '));
  }
}

/** Collects field errors in the order the checks run; `throwIfAny` ends validation with all of them. */
export class FieldErrors {
  private readonly errors: FieldError[] = [];

  add(field: string, message: string): void {
    this.errors.push({ field, message });
  }

  has(field?: string): boolean {
    return field ? this.errors.some((error) => error.field === field) : this.errors.length > 0;
  }

  throwIfAny(): void {
    if (this.errors.length) throw new ValidationError(this.errors);
  }
}

/** A failed login: one message whether the email is unknown or the password wrong. */
export class LoginFailedError extends Error {
  override name = 'LoginFailedError';
  constructor() {
    super('Login Unsuccessful. Please check email and password');
  }
}

/** A reset token that is unknown, expired or already used (the original's message, without a final period). */
export class InvalidResetTokenError extends Error {
  override name = 'InvalidResetTokenError';
  constructor() {
    super('That is an invalid or expired token');
  }
}
