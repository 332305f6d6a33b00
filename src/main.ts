import fs from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { createApp } from './app.ts';
import { backgroundTasks } from './background.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { createLogger } from './logger.ts';
import { resolveJwtSecret } from './modules/auth/secret.ts';
import { outboxMailer, postmarkMailer } from './modules/mail/mailer.ts';
import { localPictureStorage } from './modules/pictures/storage.ts';
import { memoryRateLimiter } from './modules/ratelimit/limiter.ts';

if (fs.existsSync('.env')) process.loadEnvFile('.env');

let config: Readonly<Config>;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Configuration error: ${error.message}`);
  process.exit(1);
}

const logger = createLogger(config);
const database = await openDatabase(config, logger).catch((error: unknown) => {
  logger.fatal({ err: error }, 'Could not open the database');
  process.exit(1);
});
const background = backgroundTasks();
const app = createApp({
  prisma: database.prisma,
  logger,
  settings: {
    publicUrl: config.publicUrl,
    jwtSecret: resolveJwtSecret(config),
    bcryptCost: config.bcryptCost,
    pictureMaxBytes: config.pictureMaxBytes,
    pictureMaxPixels: config.pictureMaxPixels,
    resetUrl: config.resetUrl,
    resetTokenTtlMinutes: config.resetTokenTtlMinutes,
  },
  pictures: localPictureStorage(path.join(config.dataDir, 'pictures')),
  mailer: config.postmarkServerToken
    ? postmarkMailer({ serverToken: config.postmarkServerToken, apiUrl: config.postmarkApiUrl, from: config.mailFrom })
    : outboxMailer({ dir: path.join(config.dataDir, 'outbox'), from: config.mailFrom, log: logger }),
  limiter: memoryRateLimiter(),
  background,
});
const server = createServer(app);

server.listen(config.port, config.host, () => {
  logger.info({ url: `${config.publicUrl}/graphql` }, `GraphiQL is ready at ${config.publicUrl}/graphql`);
});

let stopping = false;

/** Stop accepting, let in-flight requests finish (bounded), then close the database, which flushes PGlite. */
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'Shutting down');
  const forced = setTimeout(() => {
    logger.warn('In-flight requests did not finish in time; closing their connections');
    server.closeAllConnections();
  }, config.shutdownTimeoutMs);
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
  clearTimeout(forced);
  await background.drain(); // e.g. a reset email being sent
  await app.dispose();
  await database.close();
  logger.info('Stopped cleanly');
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
