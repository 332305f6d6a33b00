import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'flaskblog-graphql' },
    redact: { paths: ['*.password', '*.token', 'req.headers.authorization'], censor: '[redacted]' },
  });
}
