import fs from 'node:fs';
import { createApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { appDependencies } from './dependencies.ts';
import { listen, PortInUseError } from './http/lifecycle.ts';
import { attachGraphQLWebSocket } from './http/websocket.ts';
import { createLogger } from './logger.ts';
import { configurePasswordWorkers } from './modules/auth/password.ts';
import { startTracing } from './tracing/tracing.ts';

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

// The port first: if it is taken, nothing else is started or left behind.
const http = await listen(config.port, config.host, config).catch((error: unknown) => {
  if (!(error instanceof PortInUseError)) throw error;
  console.error(error.message);
  process.exit(1);
});
const database = await openDatabase(config, logger).catch((error: unknown) => {
  logger.fatal({ err: error }, 'Could not open the database');
  process.exit(1);
});
const dependencies = await appDependencies(config, logger, database).catch(async (error: unknown) => {
  logger.fatal({ err: error }, 'Could not start (is Redis reachable at REDIS_URL?)');
  await database.close();
  process.exit(1);
});
// After migrations and demo data, so traces hold requests and jobs, not start-up.
const tracing = config.tracing && startTracing(config.tracing);
const app = createApp(dependencies);
// Work jobs at once, including those an instance that died left behind (README: Operations).
await dependencies.jobs
  .start()
  .catch((error: unknown) => logger.error({ err: error }, 'The job worker could not start'));
http.serve(app);
const websocket = attachGraphQLWebSocket(http.server, app, { trustProxy: dependencies.protection.trustProxy });
const url = `${config.publicUrl}/graphql`;
logger.info(
  { url },
  config.graphiql ? `GraphiQL is ready at ${url}` : `The GraphQL API is ready at ${url} (GraphiQL is off)`,
);

let stopping = false;

/**
 * Drains (README: Operations): readiness 503 at once, a grace period still serving (SIGTERM only; SIGINT is a
 * person at a terminal), then in-flight requests, the job worker, and the database, which flushes PGlite.
 */
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  const graceMs = signal === 'SIGTERM' ? config.shutdownGraceMs : 0;
  // Whatever happens below (a database that does not answer, a log reader that went away), the process ends.
  setTimeout(() => process.exit(1), graceMs + config.shutdownTimeoutMs + 5000).unref();
  logger.info({ signal, graceMs }, 'Shutting down: draining');
  await http.drain(graceMs, config.shutdownTimeoutMs, async () => {
    await dependencies.events.close(); // subscriptions complete (SSE) before the listener closes
    await websocket.close();
  });
  await dependencies.jobs.stop(); // a reset email being sent finishes; waiting ones stay queued for any instance
  await app.dispose();
  await dependencies.limiter.close();
  await dependencies.responseCache?.close?.();
  dependencies.pictures.close?.();
  await database.close();
  await tracing?.shutdown().catch((error: unknown) => logger.warn({ err: error }, 'The last spans could not be sent'));
  logger.info('Stopped cleanly');
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
