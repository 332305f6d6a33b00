import jwt from 'jsonwebtoken';

const TOKEN_ISSUER = 'flaskblog-graphql';
const TOKEN_AUDIENCE = 'flaskblog-graphql';
/** login(remember: false): a day, like a browser session that ends overnight. */
export const SHORT_SESSION_MS = 24 * 60 * 60 * 1000;
/** login(remember: true): thirty days. */
export const LONG_SESSION_MS = 30 * 24 * 60 * 60 * 1000;

export interface SessionClaims {
  userId: number;
  sessionId: string;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A signed HS256 JWT naming the user (`sub`) and the session (`sid`) it belongs to. */
export function signSessionToken(claims: SessionClaims, issuedAt: Date, expiresAt: Date, secret: string): string {
  return jwt.sign({ sid: claims.sessionId, iat: seconds(issuedAt), exp: seconds(expiresAt) }, secret, {
    algorithm: 'HS256',
    subject: String(claims.userId),
    issuer: TOKEN_ISSUER,
    audience: TOKEN_AUDIENCE,
  });
}

/** The claims of a genuine, unexpired token; null for anything else (forged, expired, malformed, alg:none). */
export function verifySessionToken(token: string, secret: string, now: Date): SessionClaims | null {
  try {
    const payload = jwt.verify(token, secret, {
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      clockTimestamp: seconds(now),
    });
    if (typeof payload !== 'object' || !/^[1-9]\d{0,9}$/.test(payload.sub ?? '') || !UUID.test(payload.sid)) {
      return null;
    }
    return { userId: Number(payload.sub), sessionId: payload.sid };
  } catch {
    return null;
  }
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | null): string | null {
  const match = header && /^Bearer +([\w.~+/=-]{1,4096})$/i.exec(header.trim());
  return match ? match[1]! : null;
}
