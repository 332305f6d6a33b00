import { builder } from '../../graphql/builder.ts';
import { PICTURES_PATH } from '../pictures/pictures.route.ts';

export const UserNode = builder.prismaNode('User', {
  description: 'A registered author. The password hash is never exposed.',
  id: { field: 'id' },
  nullable: true, // node(id) of a deleted object is null, not an error
  fields: (t) => ({
    username: t.exposeString('username', { description: '2 to 20 characters, unique.' }),
    email: t.string({
      nullable: true,
      description: "The user's email address: visible to that user only, null for everyone else.",
      resolve: (user, _args, context) => (context.viewerId === user.id ? user.email : null),
    }),
    imageUrl: t.string({
      description: 'Absolute URL of the profile picture (125×125 at most); a default picture until one is uploaded.',
      resolve: (user, _args, context) => `${context.publicUrl}${PICTURES_PATH}${encodeURIComponent(user.imageFile)}`,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the account was registered.' }),
  }),
});

builder.queryFields((t) => ({
  user: t.prismaField({
    type: 'User',
    nullable: true,
    description: 'The user with exactly this username (case-sensitive), or null.',
    args: { username: t.arg.string({ required: true }) },
    resolve: (query, _root, { username }, context) =>
      context.prisma.user.findUnique({ ...query, where: { username } }),
  }),
}));
