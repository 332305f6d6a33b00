import type { User } from '../../generated/prisma/client.ts';
import { builder, resultUnion } from '../../graphql/builder.ts';
import { SUCCESS_MESSAGE_DESCRIPTION, SUCCESS_MESSAGES } from '../../graphql/messages.ts';
import { LoginFailedError, unauthenticated } from '../../graphql/errors.ts';
import { shownToOwner, UserNode } from '../users/user.schema.ts';
import { logIn, registerUser } from './auth.service.ts';
import { revokeAllSessions, revokeSession } from './sessions.ts';

const RegisterInput = builder.inputType('RegisterInput', {
  description: 'A new account, as the original registration form asked for it.',
  fields: (t) => ({
    username: t.string({ required: true, description: '2 to 20 characters; surrounding spaces are removed.' }),
    email: t.string({ required: true, description: 'At most 120 characters; stored in lower case.' }),
    password: t.string({ required: true, description: 'At least 8 characters, at most 72 bytes.' }),
    confirmPassword: t.string({ required: true, description: 'Must equal `password`.' }),
  }),
});

const LoginInput = builder.inputType('LoginInput', {
  description: 'Credentials, as the original login form asked for them.',
  fields: (t) => ({
    email: t.string({ required: true, description: 'The email address of the account (any case).' }),
    password: t.string({ required: true, description: 'Its password.' }),
    remember: t.boolean({
      defaultValue: false,
      description: 'Keep the session for 30 days instead of 1.',
    }),
  }),
});

const RegisterSuccess = builder.objectRef<{ user: User }>('RegisterSuccess').implement({
  description: 'The account was created. Log in to use it.',
  fields: (t) => ({
    user: t.field({
      type: UserNode,
      description: 'The new account (with its email, shown to its owner).',
      resolve: (result) => result.user,
    }),
    message: t.string({ description: SUCCESS_MESSAGE_DESCRIPTION, resolve: () => SUCCESS_MESSAGES.register }),
  }),
});

const LoginSuccess = builder.objectRef<{ token: string; expiresAt: Date; user: User }>('LoginSuccess').implement({
  description: 'A session was opened: send its token with every request.',
  fields: (t) => ({
    token: t.exposeString('token', { description: 'Send it as `Authorization: Bearer <token>`.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When the token and its session expire.' }),
    user: t.field({ type: UserNode, description: 'Who logged in.', resolve: (result) => result.user }),
  }),
});

const LogoutSuccess = builder.objectRef<{ revokedSessions: number }>('LogoutSuccess').implement({
  description: 'Sessions were ended; their tokens no longer work.',
  fields: (t) => ({
    revokedSessions: t.exposeInt('revokedSessions', { description: 'How many sessions this ended.' }),
  }),
});

builder.mutationFields((t) => ({
  register: t.field({
    type: RegisterSuccess,
    description: 'Creates an account. It does not log in, as in the original.',
    errors: resultUnion('register'),
    args: { input: t.arg({ type: RegisterInput, required: true, description: 'The new account.' }) },
    resolve: async (_root, { input }, context) => {
      const user = await registerUser(context, input);
      context.changed.user(user);
      shownToOwner.add(user);
      return { user };
    },
  }),
  login: t.field({
    type: LoginSuccess,
    description: 'Opens a session and returns its token.',
    errors: resultUnion('login', LoginFailedError),
    args: { input: t.arg({ type: LoginInput, required: true, description: 'The credentials.' }) },
    resolve: async (_root, { input }, context) => {
      const result = await logIn(context, input);
      shownToOwner.add(result.user);
      return result;
    },
  }),
  logout: t.field({
    type: LogoutSuccess,
    description: "Ends this request's session; other devices stay logged in.",
    authScopes: { loggedIn: true },
    errors: resultUnion('logout'),
    resolve: async (_root, _args, context) => {
      if (!context.sessionId) throw unauthenticated();
      await revokeSession(context, context.sessionId);
      return { revokedSessions: 1 };
    },
  }),
  logoutAll: t.field({
    type: LogoutSuccess,
    description: 'Ends every session of the signed-in user, on every device.',
    authScopes: { loggedIn: true },
    errors: resultUnion('logoutAll'),
    resolve: async (_root, _args, context) => ({
      revokedSessions: await revokeAllSessions(context, context.viewer!.id),
    }),
  }),
}));

builder.queryFields((t) => ({
  me: t.field({
    type: UserNode,
    nullable: true,
    description: 'The signed-in user (with their email), or null when the request has no valid token.',
    resolve: (_root, _args, context) => context.viewer,
  }),
}));
