import { map, pipe } from 'graphql-yoga';
import type { Sql } from '../../db/client.ts';
import type { Post, User } from '../../generated/prisma/client.ts';
import { builder } from '../../graphql/builder.ts';
import { encodeGlobalId } from '../../graphql/ids.ts';
import { liveSessionCheck } from '../auth/sessions.ts';
import { UserNode } from '../users/user.schema.ts';
import type { PostChange } from './post.events.ts';
import { selectPostsById } from './post.sql.ts';
import { PostNode } from './post.schema.ts';

const PostChangeKind = builder.enumType('PostChangeKind', {
  description: 'What happened to a post.',
  values: {
    CREATED: { description: 'It was published.' },
    UPDATED: { description: 'Its title or content changed.' },
    DELETED: { description: 'It was deleted: evict `postId` from your cache.' },
  },
});

type Delivered = PostChange & { post: [Post, User] | null };

const reads = new WeakMap<PostChange, Promise<[Post, User] | null>>();

/** The post of a change, read by its first subscriber and shared with the rest (forgotten with the change). */
function sharedRead(change: PostChange, sql: Sql): Promise<[Post, User] | null> {
  let read = reads.get(change);
  if (!read) {
    read = selectPostsById(sql, [change.postId]).then((found) => found.get(change.postId) ?? null);
    reads.set(change, read);
  }
  return read;
}

const PostChangeRef = builder.objectRef<Delivered>('PostChange').implement({
  description: 'A change to a post, delivered live after it was committed.',
  fields: (t) => ({
    kind: t.field({
      type: PostChangeKind,
      description: 'Created, updated or deleted.',
      resolve: (change) => change.kind,
    }),
    postId: t.id({
      description: 'The global ID of the post that changed.',
      resolve: (change) => encodeGlobalId('Post', change.postId),
    }),
    post: t.field({
      type: PostNode,
      nullable: true,
      description: 'The post as it is now, through the same fields and rules as queries; null once deleted.',
      resolve: (change) => change.post?.[0] ?? null,
    }),
  }),
});

builder.subscriptionFields((t) => ({
  postChanged: t.field({
    type: PostChangeRef,
    description:
      "Posts created, updated or deleted from now on, in the order they were committed: all of them (the feed), or only one author's. " +
      'Over Server-Sent Events (`Accept: text/event-stream`) or WebSocket (graphql-ws protocol) at /graphql.',
    args: { author: t.arg.globalID({ for: UserNode, description: "Only this user's posts (a user's page)." }) },
    subscribe: (_root, { author }, context) => {
      const authorId = author ? Number(author.id) : undefined;
      // A Repeater: unsubscribing ends it at once, even while no event is arriving. Filtered by the bus itself,
      // and passed on as it is (the same object for every subscriber, which sharing keys on).
      const changes = context.events.subscribe(
        authorId === undefined ? undefined : (change) => change.authorId === authorId,
      );
      if (!context.viewer) return changes;
      // A session that has ended ends the stream with UNAUTHENTICATED rather than go on showing its owner's
      // private fields.
      const signedIn = liveSessionCheck(context);
      return pipe(
        changes,
        map(async (change) => {
          await signedIn();
          return change;
        }),
      );
    },
    resolve: async (change: PostChange, _args, context): Promise<Delivered> => {
      // Read afresh once per event for every subscriber of this instance (each gets the same change object), and
      // refresh the author in this subscription's loader, which lives as long as it does. Per-viewer rules (an
      // email to its owner) are applied by the fields below, for each subscriber.
      const post = change.kind === 'DELETED' ? null : await sharedRead(change, context.sql);
      if (post) context.loaders.userById.refresh(post[1]);
      return { ...change, post };
    },
  }),
}));
