import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Repeater, SlidingBuffer } from 'graphql-yoga';
import { Redis } from 'ioredis';

type PostChangeKind = 'CREATED' | 'UPDATED' | 'DELETED';

/** What is published: ids only, so nothing private (an email, a hash) passes through Redis. */
export interface PostChange {
  kind: PostChangeKind;
  postId: number;
  authorId: number;
}

export interface PostEvents {
  /** Call only after the write has committed. Never waits for subscribers. */
  publish(change: PostChange): void;
  /** The changes from now on, until the subscriber or close() ends them. */
  subscribe(): AsyncIterable<PostChange>;
  /** Ends every subscription (shutdown) and releases connections. */
  close(): Promise<void>;
}

/** Events a subscriber may fall behind by before the oldest are dropped: a slow reader never holds up writers. */
const SUBSCRIBER_BUFFER = 256;
/**
 * In this process only (`EVENT_BUS=memory`), or across every instance through Redis pub/sub (`redis`), on the
 * channel `<prefix>post-changed`.
 */
export function postEvents(redis?: { url: string; prefix: string }): PostEvents {
  const TOPIC = `${redis?.prefix ?? ''}post-changed`;
  const clients = redis ? [new Redis(redis.url), new Redis(redis.url)] : [];
  const target: EventTarget = redis
    ? createRedisEventTarget({ publishClient: clients[0]!, subscribeClient: clients[1]! })
    : new EventTarget();
  /** Each open subscription: how to end it, and when it has let go of the target. */
  const open = new Map<() => void, Promise<void>>();
  return {
    publish: (change) => void target.dispatchEvent(new CustomEvent(TOPIC, { detail: change })),
    subscribe() {
      // A sliding buffer never refuses a push: a subscriber that falls behind loses its oldest events instead.
      return new Repeater<PostChange>((push, stop) => {
        const listener = (event: Event) => void push((event as CustomEvent<PostChange>).detail);
        target.addEventListener(TOPIC, listener);
        const end = () => stop();
        const released = stop.then(() => {
          target.removeEventListener(TOPIC, listener);
          open.delete(end);
        });
        open.set(end, released);
        return released;
      }, new SlidingBuffer(SUBSCRIBER_BUFFER));
    },
    async close() {
      const released = [...open.values()];
      for (const end of open.keys()) end();
      await Promise.all(released); // every listener removed before the Redis connections go
      await Promise.all(clients.map((client) => client.quit().catch(() => client.disconnect())));
    },
  };
}
