import type { Post } from '../../generated/prisma/client.ts';
import { builder, resultUnion } from '../../graphql/builder.ts';
import { encodeGlobalId } from '../../graphql/ids.ts';
import { SUCCESS_MESSAGE_DESCRIPTION, SUCCESS_MESSAGES } from '../../graphql/messages.ts';
import { PostNode } from './post.schema.ts';
import { CONTENT_MAX_LENGTH, createPost, deletePost, TITLE_MAX_LENGTH, updatePost } from './post.service.ts';

const titleDescription = `Required; at most ${TITLE_MAX_LENGTH} characters, surrounding spaces removed.`;
const contentDescription = `Required; at most ${CONTENT_MAX_LENGTH} characters of plain text.`;

const CreatePostInput = builder.inputType('CreatePostInput', {
  description: 'A new post.',
  fields: (t) => ({
    title: t.string({ required: true, description: titleDescription }),
    content: t.string({ required: true, description: contentDescription }),
    idempotencyKey: t.string({
      description:
        'Optional: a key of your choosing (1 to 64 letters, digits, `.` `_` `:` `-`), e.g. a UUID per post being written. Sending the same key again (a retry after a timeout) returns the post the first request created instead of a second one; the same key with a different title or content is a `ValidationError` on `idempotencyKey`.',
    }),
  }),
});

const UpdatePostInput = builder.inputType('UpdatePostInput', {
  description: 'Only the fields you send change.',
  fields: (t) => ({
    title: t.string({ description: titleDescription }),
    content: t.string({ description: contentDescription }),
  }),
});

const PostPayload = (name: string, message: string, description: string) =>
  builder.objectRef<{ post: Post }>(name).implement({
    description,
    fields: (t) => ({
      post: t.field({ type: PostNode, description: 'The post as it now is.', resolve: (result) => result.post }),
      message: t.string({ description: SUCCESS_MESSAGE_DESCRIPTION, resolve: () => message }),
    }),
  });

const CreatePostSuccess = PostPayload('CreatePostSuccess', SUCCESS_MESSAGES.createPost, 'The post was published.');
const UpdatePostSuccess = PostPayload('UpdatePostSuccess', SUCCESS_MESSAGES.updatePost, 'The post was changed.');

const DeletePostSuccess = builder.objectRef<{ id: number }>('DeletePostSuccess').implement({
  description: 'The post was deleted.',
  fields: (t) => ({
    deletedPostId: t.id({
      description: 'The ID of the deleted post, for evicting it from client caches.',
      resolve: (result) => encodeGlobalId('Post', result.id),
    }),
    message: t.string({ description: SUCCESS_MESSAGE_DESCRIPTION, resolve: () => SUCCESS_MESSAGES.deletePost }),
  }),
});

builder.mutationFields((t) => ({
  createPost: t.field({
    type: CreatePostSuccess,
    description: 'Publishes a post as the signed-in user.',
    authScopes: { loggedIn: true },
    errors: resultUnion('createPost'),
    args: { input: t.arg({ type: CreatePostInput, required: true, description: 'The title and content.' }) },
    resolve: async (_root, { input }, context) => {
      const { post, created } = await createPost(context, context.viewer!, input);
      context.changed.post(post.id, context.viewer!);
      if (created) context.events.publish({ kind: 'CREATED', postId: post.id, authorId: post.authorId }); // committed
      return { post };
    },
  }),
  updatePost: t.field({
    type: UpdatePostSuccess,
    description:
      "Edits one of the signed-in user's posts: NOT_FOUND if it does not exist, FORBIDDEN if it is someone else's.",
    authScopes: { loggedIn: true },
    errors: resultUnion('updatePost'),
    args: {
      id: t.arg.globalID({ required: true, for: PostNode, description: 'The post to change.' }),
      input: t.arg({ type: UpdatePostInput, required: true, description: 'The fields to change.' }),
    },
    resolve: async (_root, { id, input }, context) => {
      const post = await updatePost(context, context.viewer!, Number(id.id), input);
      context.changed.post(post.id, context.viewer!);
      context.events.publish({ kind: 'UPDATED', postId: post.id, authorId: post.authorId });
      return { post };
    },
  }),
  deletePost: t.field({
    type: DeletePostSuccess,
    description: "Deletes one of the signed-in user's posts, with the same rules as updatePost.",
    authScopes: { loggedIn: true },
    errors: resultUnion('deletePost'),
    args: { id: t.arg.globalID({ required: true, for: PostNode, description: 'The post to delete.' }) },
    resolve: async (_root, { id }, context) => {
      await deletePost(context, context.viewer!, Number(id.id));
      context.changed.post(Number(id.id), context.viewer!);
      context.events.publish({ kind: 'DELETED', postId: Number(id.id), authorId: context.viewer!.id });
      return { id: Number(id.id) };
    },
  }),
}));
