import fs from 'node:fs';
import { createServer } from 'node:http';
import { createApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { appDependencies } from './dependencies.ts';
import { configurePasswordWorkers } from './modules/auth/password.ts';
import { createLogger } from './logger.ts';

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
configurePasswordWorkers(config.bcryptWorkers);
const database = await openDatabase(config, logger).catch((error: unknown) => {
  logger.fatal({ err: error }, 'Could not open the database');
  process.exit(1);
});
const dependencies = await appDependencies(config, logger, database).catch(async (error: unknown) => {
  logger.fatal({ err: error }, 'Could not start (is Redis reachable at REDIS_URL?)');
  await database.close();
  process.exit(1);
});
const app = createApp(dependencies);
const server = createServer(app);
server.requestTimeout = config.requestTimeoutMs;
server.headersTimeout = Math.min(config.requestTimeoutMs, 20_000);

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
  await dependencies.background.drain(); // e.g. a reset email being sent
  await app.dispose();
  await dependencies.limiter.close?.();
  await dependencies.responseCache?.close?.();
  await database.close();
  logger.info('Stopped cleanly');
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
