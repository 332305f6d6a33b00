import { Kind, parse } from 'graphql';
import { manifestDocuments } from './trusted-documents.ts';

// Metric labels and span names come from these bounded sets: each distinct label value is a series kept for
// the life of the process, and a client may send any operation name or document it likes.

/** The operation names of the front end's own operations (the trusted documents manifest). */
const KNOWN_OPERATIONS = new Set(
  Object.values(manifestDocuments()).flatMap((document) =>
    parse(document).definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [definition.name.value] : [],
    ),
  ),
);

/** A manifest operation's name as it is; `Anonymous` for none; `other` for any other. */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'Anonymous';
  return KNOWN_OPERATIONS.has(name) ? name : 'other';
}

const OPERATION_TYPES = new Set(['query', 'mutation', 'subscription']);

export function operationTypeLabel(type: string | null | undefined): string {
  return type && OPERATION_TYPES.has(type) ? type : 'unknown';
}

/** The codes this server answers with (docs/api.md: Errors); UNCODED is codeOf's word for none. */
const ERROR_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'METHOD_NOT_ALLOWED',
  'NOT_ACCEPTABLE',
  'UNSUPPORTED_MEDIA_TYPE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_ONLY',
  'OPERATION_RESOLUTION_FAILURE', // Yoga's: operationName names no operation of the document
  'REQUEST_TIMEOUT',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
  'UNCODED',
]);

export function errorCodeLabel(code: string): string {
  return ERROR_CODES.has(code) ? code : 'other';
}
