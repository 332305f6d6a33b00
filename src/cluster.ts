// npm run start:cluster: one server process per core (WEB_CONCURRENCY), sharing the port, on PostgreSQL and Redis.
// Each worker is the ordinary server (main.ts); the primary only forks, restarts the crashed, and forwards
// SIGTERM/SIGINT so every worker shuts down gracefully.
import cluster from 'node:cluster';
import fs from 'node:fs';
import os from 'node:os';

if (cluster.isPrimary) {
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  if (!process.env.DATABASE_URL) {
    console.error('Cluster mode needs DATABASE_URL: the embedded database belongs to a single process.');
    process.exit(1);
  }
  // Several processes: rate limits must be counted in one place, never in each process's memory.
  if (process.env.RATE_LIMIT_STORE === 'memory') {
    console.error('Cluster mode needs a shared rate-limit store: set RATE_LIMIT_STORE to postgres or redis.');
    process.exit(1);
  }
  process.env.RATE_LIMIT_STORE ??= 'postgres';
  // Live events and cached answers must be shared too: a worker's own would miss the other workers' writes.
  const env = (name: string) => process.env[name]?.trim() || undefined;
  if ((env('EVENT_BUS') ?? (env('REDIS_URL') ? 'redis' : 'memory')) !== 'redis') {
    console.error('Cluster mode needs a shared event bus: set REDIS_URL and EVENT_BUS=redis.');
    process.exit(1);
  }
  if (env('RESPONSE_CACHE') === 'memory') {
    console.error('Cluster mode needs a shared response cache: set RESPONSE_CACHE to redis or off.');
    process.exit(1);
  }
  process.env.EVENT_BUS = 'redis';
  process.env.RESPONSE_CACHE = env('RESPONSE_CACHE') ?? 'redis';
  const count = Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism());
  let stopping = false;
  const fork = () => cluster.fork();
  for (let i = 0; i < count; i++) fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    console.error(`Worker ${worker.process.pid} exited (${code}); starting another`);
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} else {
  await import('./main.ts');
}
