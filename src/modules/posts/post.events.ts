import { Repeater, SlidingBuffer } from 'graphql-yoga';
import type { Logger } from '../../logger.ts';
import { codedError } from '../../graphql/errors.ts';
import { redisPubSub } from './post.redis-bus.ts';

const KINDS = ['CREATED', 'UPDATED', 'DELETED'] as const;

/** What is published: ids only, so nothing private (an email, a hash) passes through Redis. */
export interface PostChange {
  kind: (typeof KINDS)[number];
  postId: number;
  authorId: number;
}

export interface PostEvents {
  /** Call only after the write has committed. Never waits for subscribers, never throws. */
  publish(change: PostChange): void;
  /**
   * The changes from now on (those `accept` accepts), until the subscriber or close() ends them. Filtered as they
   * are fanned out, so a change a subscriber does not want never wakes it.
   */
  subscribe(accept?: (change: PostChange) => boolean): AsyncIterable<PostChange>;
  /** Subscriptions open on this instance now (tests wait for theirs before writing). */
  subscriberCount(): number;
  /** False while the bus cannot deliver (Redis unreachable): the API serves, the live feed waits. */
  healthy(): boolean;
  /** Ends every subscription (shutdown) and releases connections. */
  close(): Promise<void>;
}

/** Events a subscriber may fall behind by before the oldest are dropped: a slow reader never holds up writers. */
const SUBSCRIBER_BUFFER = 256;

const feedUnavailable = () =>
  codedError('SERVICE_UNAVAILABLE', 'The live feed lost its connection to other servers: subscribe again shortly.');

/** A change as it arrives from another instance: anything else on the channel is dropped. */
function parseChange(text: string): PostChange | null {
  try {
    const { kind, postId, authorId } = JSON.parse(text) as Partial<PostChange>;
    const id = (value: unknown) => Number.isSafeInteger(value) && (value as number) > 0;
    return KINDS.includes(kind!) && id(postId) && id(authorId)
      ? { kind: kind!, postId: postId!, authorId: authorId! }
      : null;
  } catch {
    return null;
  }
}

/**
 * In this process only (`EVENT_BUS=memory`), or across every instance through Redis pub/sub (`redis`), on the
 * channel `<prefix>post-changed`: one Redis subscription per instance, fanned out here to every subscriber.
 * When Redis goes away, open subscriptions end with SERVICE_UNAVAILABLE (a client resubscribes rather than
 * miss events silently), new ones are refused until it is back, and publishing only logs.
 */
export function postEvents(redis?: { url: string; prefix: string }, logger?: Logger): PostEvents {
  type Subscriber = {
    push: (change: PostChange) => unknown;
    stop: (error?: unknown) => unknown;
    accept?: (change: PostChange) => boolean;
  };
  const subscribers = new Set<Subscriber>();
  // Every subscriber gets the same change object: what is read or computed for it once is shared by keying on it
  // (post.subscriptions.ts, pipeline/subscription-sharing.ts).
  const deliver = (change: PostChange) => {
    for (const subscriber of subscribers) if (!subscriber.accept || subscriber.accept(change)) subscriber.push(change);
  };
  const endAll = (error?: unknown) => {
    for (const subscriber of subscribers) subscriber.stop(error);
  };
  const bus = redis
    ? redisPubSub({
        ...redis,
        channel: `${redis.prefix}post-changed`,
        logger,
        onMessage: (text) => {
          const change = parseChange(text);
          if (change) deliver(change);
          else logger?.warn('A malformed post change on the event channel was dropped');
        },
        onLost: () => endAll(feedUnavailable()),
      })
    : undefined;
  let closed = false;
  return {
    subscriberCount: () => subscribers.size,
    publish: (change) => (bus ? bus.publish(JSON.stringify(change)) : deliver(change)),
    subscribe(accept) {
      // A sliding buffer never refuses a push: a subscriber that falls behind loses its oldest events instead.
      return new Repeater<PostChange>((push, stop) => {
        if (closed) return stop();
        if (bus?.state() === 'lost') return stop(feedUnavailable());
        const subscriber = { push, stop, accept };
        subscribers.add(subscriber);
        return stop.then(() => void subscribers.delete(subscriber));
      }, new SlidingBuffer(SUBSCRIBER_BUFFER));
    },
    healthy: () => !bus || bus.state() === 'up',
    async close() {
      closed = true;
      endAll();
      await bus?.close();
    },
  };
}
