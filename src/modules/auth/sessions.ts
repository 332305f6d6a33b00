import type { Sql } from '../../db/client.ts';
import { userColumns } from '../../db/rows.ts';
import { param, read, sql } from '../../db/sql.ts';
import type { Session, User } from '../../generated/prisma/client.ts';
import type { Context } from '../../graphql/context.ts';
import { codedError } from '../../graphql/errors.ts';

type Deps = Pick<Context, 'prisma' | 'now'>;

/** A session's last use is written at most this often, so that reading with a token stays a read. */
const LAST_USED_PRECISION_MS = 60_000;
const USER_AGENT_MAX = 255;

/** The User-Agent worth keeping for a session: printable, at most 255 characters; null when there is none. */
export function sessionUserAgent(header: string | null): string | null {
  const printable = header
    ?.replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .slice(0, USER_AGENT_MAX)
    .trim();
  return printable || null;
}

const viewer = userColumns.as('u');

/**
 * The user a token speaks for, if its session is still open, in one indexed statement; the same statement
 * records the session's use when the last record is more than a minute old (so at most one write a minute).
 */
export async function findViewer(db: Sql, userId: number, sessionId: string, now: Date): Promise<User | null> {
  const [user, at] = [param(userId), param(now)];
  const open = sql`SELECT id, last_used_at FROM sessions WHERE user_id = ${user} AND id = ${sessionId}::uuid AND revoked_at IS NULL AND expires_at > ${at}`;
  const touch = sql`UPDATE sessions SET last_used_at = ${at} FROM s WHERE sessions.id = s.id AND s.last_used_at <= ${at}::timestamptz - ${LAST_USED_PRECISION_MS}::int * interval '1 millisecond' RETURNING 1`;
  const [found] = await read(
    db,
    'viewer-by-session',
    sql`WITH s AS (${open}), touched AS (${touch}) SELECT ${viewer} FROM users u WHERE u.id = ${user} AND EXISTS (SELECT 1 FROM s)`,
  );
  return found ?? null;
}

/** How long a live stream trusts the session it was opened with before reading it again. */
const LIVE_SESSION_RECHECK_MS = 5_000;

/**
 * For a live stream opened with a session: a check, run before each delivery, that throws UNAUTHENTICATED once
 * the session has ended (logged out, revoked, expired, the password reset or the account deleted). It reads the
 * session at most every 5 s, so a busy feed costs a signed-in subscriber one indexed read per 5 s, not per event.
 */
export function liveSessionCheck({
  sql,
  viewer,
  sessionId,
  now,
}: Pick<Context, 'sql' | 'viewer' | 'sessionId' | 'now'>) {
  if (!viewer || !sessionId) return async () => {};
  let checkedAt = now().getTime();
  return async () => {
    if (now().getTime() - checkedAt < LIVE_SESSION_RECHECK_MS) return;
    // A database that cannot answer now ends no stream: the session is read again 5 s later.
    const open = await findViewer(sql, viewer.id, sessionId, now()).then(Boolean, () => true);
    if (!open) {
      throw codedError('UNAUTHENTICATED', 'Your session has ended: sign in again, then subscribe again.');
    }
    checkedAt = now().getTime();
  };
}

/** The user's open sessions (not revoked, not expired), most recently used first. */
export function openSessions({ prisma, now }: Deps, userId: number): Promise<Session[]> {
  return prisma.session.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now() } },
    orderBy: [{ lastUsedAt: 'desc' }, { createdAt: 'desc' }],
  });
}

/** Ends one of the user's open sessions; another user's, an ended or an unknown one is NOT_FOUND. */
export async function revokeOwnSession({ prisma, now }: Deps, userId: number, sessionId: string): Promise<void> {
  const { count } = await prisma.session.updateMany({
    where: { id: sessionId, userId, revokedAt: null, expiresAt: { gt: now() } },
    data: { revokedAt: now() },
  });
  if (count === 0) throw codedError('NOT_FOUND', 'You have no open session with this ID.');
}

/** Ends one session (this device). */
export async function revokeSession({ prisma, now }: Deps, sessionId: string): Promise<void> {
  await prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now() } });
}

/** Ends every session of the user (all devices); returns how many were still open. */
export async function revokeAllSessions({ prisma, now }: Deps, userId: number): Promise<number> {
  const { count } = await prisma.session.updateMany({
    where: { userId, revokedAt: null, expiresAt: { gt: now() } },
    data: { revokedAt: now() },
  });
  return count;
}
