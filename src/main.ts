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

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`Configuration error: ${error.message}`);
  process.exit(1);
}

const logger = createLogger(config.log);
configurePasswordWorkers(config.accounts.bcryptWorkers);

// The port first: if it is taken, nothing else is started or left behind.
const http = await listen(config.server.port, config.server.host, config.protection).catch((error: unknown) => {
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
// Work jobs at once, including those an instance that died left behind (docs/operations.md: The job queue).
await dependencies.jobs
  .start()
  .catch((error: unknown) => logger.error({ err: error }, 'The job worker could not start'));
http.serve(app);
const websocket = attachGraphQLWebSocket(http.server, app, { trustProxy: dependencies.protection.trustProxy });
const url = `${config.server.publicUrl}/graphql`;
logger.info(
  { url },
  config.protection.graphiql ? `GraphiQL is ready at ${url}` : `The GraphQL API is ready at ${url} (GraphiQL is off)`,
);

let stopping = false;

/** How long each shutdown step may take (the HTTP drain takes SHUTDOWN_TIMEOUT_MS). */
const STEP_MS = { events: 2000, websockets: 3000, jobs: 8000, services: 2000, database: 5000, traces: 3000 };

/**
 * Drains (docs/operations.md: Stopping): readiness 503 at once, a grace period still serving (SIGTERM only; SIGINT is a
 * person at a terminal), then subscriptions, in-flight requests, the job worker, and the database, which flushes
 * PGlite. Every step is bounded, and each runs whatever became of the one before.
 */
async function shutdown(signal: NodeJS.Signals) {
  if (stopping) return;
  stopping = true;
  const graceMs = signal === 'SIGTERM' ? config.server.shutdownGraceMs : 0;
  const stepsMs = Object.values(STEP_MS).reduce((sum, ms) => sum + ms, 0);
  // Should something hang outside the steps (a log write), the process ends all the same.
  setTimeout(() => process.exit(1), graceMs + config.server.shutdownTimeoutMs + stepsMs + 5000).unref();
  logger.info({ signal, graceMs }, 'Shutting down: draining');
  const failed: string[] = [];
  const step = async (name: string, ms: number, run: () => unknown) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Not done within ${ms} ms`)), ms);
    });
    try {
      await Promise.race([run(), timeout]);
    } catch (error) {
      failed.push(name);
      logger.warn({ err: error, step: name }, `Shutdown: ${name} did not stop cleanly`);
    } finally {
      clearTimeout(timer);
    }
  };
  http.startDraining();
  if (graceMs > 0) await new Promise((resolve) => setTimeout(resolve, graceMs));
  // Subscriptions end first (SSE complete, WebSocket 1001), so they do not hold the listener open.
  await step('live events', STEP_MS.events, () => dependencies.events.close());
  await step('websockets', STEP_MS.websockets, () => websocket.close());
  await step('requests', config.server.shutdownTimeoutMs + 1000, () => http.close(config.server.shutdownTimeoutMs));
  // A reset email being sent finishes; waiting ones stay queued for any instance.
  await step('job queue', STEP_MS.jobs, () => dependencies.jobs.stop());
  await Promise.all([
    step('app', STEP_MS.services, () => app.dispose()),
    step('rate limiter', STEP_MS.services, () => dependencies.limiter.close()),
    step('response cache', STEP_MS.services, () => dependencies.responseCache?.close?.()),
    step('pictures', STEP_MS.services, () => dependencies.pictures.close?.()),
  ]);
  await step('database', STEP_MS.database, () => database.close());
  if (tracing) await step('traces', STEP_MS.traces, () => tracing.shutdown());
  if (failed.length) {
    logger.warn({ failed }, 'Stopped, but not every step finished');
    process.exit(1);
  }
  logger.info('Stopped cleanly');
  process.exit(0);
}

process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
