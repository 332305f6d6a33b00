/**
 * Whether an error means the database cannot be reached or did not answer in time (rather than a bug): it
 * refused or dropped the connection, a connection could not be had in time, a statement ran past its
 * timeout, or the server is shutting down. Prisma wraps the driver's error, so the whole cause chain is read.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || /^08/.test(code))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    current = cause ?? (current as { originalError?: unknown }).originalError;
  }
  return false;
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  '57014', // statement_timeout: query_canceled
  '57P01',
  '57P02',
  '57P03', // the server is shutting down, crashed, or not accepting connections yet
  '53300', // too many connections
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2024', // Prisma: unreachable, timed out, connection closed, pool timeout
]);
const UNAVAILABLE_MESSAGES =
  /timeout exceeded when trying to connect|Query read timeout|Connection terminated|connection timeout|Can't reach database server|Timed out fetching a new connection|canceling statement due to statement timeout|Client has encountered a connection error/i;
