import { Redis } from 'ioredis';
import { failFastRedis } from '../../redis.ts';
import type { Logger } from '../../logger.ts';

/** connecting: not yet subscribed (start-up); up: receiving; lost: Redis went away and is not back yet. */
type BusState = 'connecting' | 'up' | 'lost';

export interface RedisPubSub {
  /** Never throws nor waits: a message Redis cannot take is logged and lost (the write it tells of stands). */
  publish(text: string): void;
  state(): BusState;
  close(): Promise<void>;
}

interface Options {
  url: string;
  channel: string;
  logger?: Logger;
  onMessage(text: string): void;
  /** The subscription was lost: messages sent from now until it is back will not arrive. */
  onLost(): void;
}

/** One channel on Redis: a connection to publish and one subscribed (ioredis reconnects by itself). */
export function redisPubSub({ url, channel, logger, onMessage, onLost }: Options): RedisPubSub {
  const publisher = failFastRedis(url);
  const subscriber = new Redis(url, { connectTimeout: 2000 });
  let state: BusState = 'connecting';
  let closing = false;
  const lost = (error?: Error) => {
    if (state === 'lost' || closing) return;
    state = 'lost'; // logged once per outage, not once per reconnection attempt
    logger?.warn({ err: error }, 'The event bus lost Redis: live subscriptions end until it is back');
    onLost();
  };
  subscriber.on('error', lost);
  subscriber.on('close', () => lost());
  // On every (re)connection: subscribed (again: ioredis resubscribes too, and a second SUBSCRIBE is harmless)
  // before the bus counts as receiving.
  subscriber.on('ready', () => {
    subscriber.subscribe(channel).then(() => {
      if (state === 'lost') logger?.info('The event bus has Redis again');
      state = 'up';
    }, lost);
  });
  subscriber.on('message', (_channel: string, text: string) => onMessage(text));
  return {
    publish: (text) =>
      void publisher.publish(channel, text).catch((error: Error) => {
        logger?.warn({ err: error }, 'A post change could not be published: live subscribers miss it');
      }),
    state: () => state,
    async close() {
      closing = true;
      await Promise.all([publisher, subscriber].map((client) => client.quit().catch(() => client.disconnect())));
    },
  };
}
