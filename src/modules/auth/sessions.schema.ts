import type { Session } from '../../generated/prisma/client.ts';
import { builder, resultUnion } from '../../graphql/builder.ts';
import { badUserInput } from '../../graphql/errors.ts';
import { openSessions, revokeOwnSession } from './sessions.ts';

const SESSION_REVOKED = 'The session has been ended.';
const PREFIX = 'Session:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const encodeSessionId = (id: string) => Buffer.from(`${PREFIX}${id}`).toString('base64');

function decodeSessionId(id: string): string {
  const text = id.length <= 64 ? Buffer.from(id, 'base64').toString('utf8') : '';
  const uuid = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : '';
  if (!UUID.test(uuid)) throw badUserInput('Invalid ID: expected the `id` of one of your sessions (me.sessions).');
  return uuid;
}

const SessionRef = builder.objectRef<Session>('Session').implement({
  description: 'A login that is still open: one device or app holding a token.',
  fields: (t) => ({
    id: t.id({
      description: 'Pass it to `revokeSession` to end this session.',
      resolve: (session) => encodeSessionId(session.id),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the login happened.' }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      description: 'When a request last used it, to the minute (it is recorded at most once a minute).',
    }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When it ends by itself.' }),
    userAgent: t.exposeString('userAgent', {
      nullable: true,
      description: 'The User-Agent of the login that opened it (at most 255 characters), or null.',
    }),
    current: t.boolean({
      description: 'Whether this request is using it.',
      resolve: (session, _args, context) => session.id === context.sessionId,
    }),
  }),
});

builder.prismaObjectFields('User', (t) => ({
  sessions: t.field({
    type: [SessionRef],
    nullable: true,
    description:
      "The user's open sessions, most recently used first: visible to that user only, null for everyone else.",
    authScopes: (user) => ({ self: user.id }),
    unauthorizedResolver: () => null,
    resolve: (user, _args, context) => openSessions(context, user.id),
  }),
}));

const RevokeSessionSuccess = builder.objectRef<{ sessionId: string }>('RevokeSessionSuccess').implement({
  description: 'The session ended; its token no longer works.',
  fields: (t) => ({
    message: t.string({ description: 'A message to show the user.', resolve: () => SESSION_REVOKED }),
    revokedSessionId: t.id({
      description: 'The session that ended.',
      resolve: (result) => encodeSessionId(result.sessionId),
    }),
  }),
});

builder.mutationFields((t) => ({
  revokeSession: t.field({
    type: RevokeSessionSuccess,
    description:
      "Ends one of the signed-in user's sessions (another device, or this one). Not one of yours: NOT_FOUND.",
    authScopes: { loggedIn: true },
    errors: resultUnion('revokeSession'),
    args: { id: t.arg.id({ required: true, description: 'A session `id` from `me.sessions`.' }) },
    resolve: async (_root, { id }, context) => {
      const sessionId = decodeSessionId(String(id));
      await revokeOwnSession(context, context.viewer!.id, sessionId);
      return { sessionId };
    },
  }),
}));
