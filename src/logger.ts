import pino, { type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { Config } from './config.ts';

export type { Logger };

/**
 * JSON lines, or (LOG_FORMAT=pretty, the default in development at a terminal) coloured lines for a person.
 * Either way written synchronously to stdout: if stdout's reader goes away (a closed pipe), lines are dropped
 * instead of retried, so logging can never keep the process from stopping.
 */
export function createLogger(config: Pick<Config['log'], 'level'> & Partial<Config['log']>): Logger {
  const json = pino.destination({ dest: 1, sync: true });
  json.on('error', () => {});
  const destination: DestinationStream =
    config.format === 'pretty'
      ? pretty({
          destination: json,
          sync: true,
          colorize: true,
          translateTime: 'HH:MM:ss.l',
          ignore: 'pid,hostname,service',
        })
      : json;
  process.stdout.on('error', () => {});
  return pino(
    {
      level: config.level,
      base: { service: 'flaskblog-graphql' },
      redact: { paths: ['*.password', '*.token', 'req.headers.authorization'], censor: '[redacted]' },
    },
    destination,
  );
}
