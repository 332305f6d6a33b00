import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  // Written synchronously to stdout. If stdout's reader goes away (a closed pipe), lines are dropped instead of
  // retried, so logging can never keep the process from stopping.
  const destination = pino.destination({ dest: 1, sync: true });
  destination.on('error', () => {});
  process.stdout.on('error', () => {});
  return pino(
    {
      level: config.logLevel,
      base: { service: 'flaskblog-graphql' },
      redact: { paths: ['*.password', '*.token', 'req.headers.authorization'], censor: '[redacted]' },
    },
    destination,
  );
}
