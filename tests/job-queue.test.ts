import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { type JobQueue, jobQueue } from '../src/jobs/queue.ts';
import { createLogger } from '../src/logger.ts';
import { createServerDatabase, POSTGRES_SERVER_URL } from './helpers/database.ts';
import { until } from './helpers/wait.ts';

// The queue as instances use it: graphile-worker on a real PostgreSQL database of the test's own.
const logger = createLogger({ level: 'silent' });
const cleanups: (() => Promise<void>)[] = [];
/** Stops the queues and drops the databases made so far, newest first. */
async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}
afterEach(cleanUp);

function queueOn(url: string, done: string[], options: { leaseMs?: number; taskMs?: number } = {}): JobQueue {
  const queue = jobQueue({
    url,
    logger,
    leaseMs: options.leaseMs,
    tasks: {
      note: async (payload) => {
        await new Promise((resolve) => setTimeout(resolve, options.taskMs ?? 0));
        done.push((payload as { name: string }).name);
      },
    },
  });
  cleanups.push(() => queue.stop());
  return queue;
}

it('installs its schema once when instances start together on a new database, and each works jobs', {
  timeout: 120_000,
}, async () => {
  for (let round = 0; round < 3; round++) {
    const database = await createServerDatabase('flaskblog_jobs');
    cleanups.push(database.drop);
    const done: string[] = [];
    const queues = [queueOn(database.url, done), queueOn(database.url, done), queueOn(database.url, done)];
    await Promise.all(queues.map((queue) => queue.start())); // a race on the schema rejected all but one
    await Promise.all(queues.map((queue, i) => queue.add('note', { name: `job ${i}` })));
    await until(() => done.length === 3, 'three jobs');
    expect(done.sort()).toEqual(['job 0', 'job 1', 'job 2']);
    await cleanUp();
  }
});

it('tries again after a failed start instead of failing every later job', { timeout: 60_000 }, async () => {
  const name = `flaskblog_jobs_later_${process.pid}`;
  const url = new URL(POSTGRES_SERVER_URL);
  url.pathname = `/${name}`;
  const done: string[] = [];
  const queue = queueOn(url.toString(), done);
  await expect(queue.start()).rejects.toThrow(/does not exist/);
  await expect(queue.add('note', { name: 'first' })).rejects.toThrow(/does not exist/);

  await onServer(`CREATE DATABASE ${name}`);
  cleanups.unshift(() => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)); // after the queue stops
  await queue.add('note', { name: 'second' });
  await until(() => done.length === 1, 'the job once the database exists');
  expect(done).toEqual(['second']);
});

it("runs a job whose worker's instance is gone once its lease lapses, and never a live instance's job", {
  timeout: 120_000,
}, async () => {
  const database = await createServerDatabase('flaskblog_jobs_lease');
  cleanups.push(database.drop);
  const done: string[] = [];
  const leaseMs = 1500;
  // Each job takes three leases; two instances sweep meanwhile, and neither takes the other's job.
  const queues = [
    queueOn(database.url, done, { leaseMs, taskMs: 3 * leaseMs }),
    queueOn(database.url, done, { leaseMs, taskMs: 3 * leaseMs }),
  ];
  await Promise.all(queues.map((queue) => queue.start()));
  await queues[0]!.add('note', { name: 'slow' });
  await until(() => done.length === 1, 'the slow job');
  await new Promise((resolve) => setTimeout(resolve, 2 * leaseMs));
  expect(done).toEqual(['slow']); // run once

  // A job held by a worker that died: locked, and its lock no longer renewed.
  await database.sql(
    `SELECT graphile_worker.add_job('note', '{"name":"orphan"}', run_at => now() + interval '1 hour')`,
  );
  await database.sql(
    `UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'worker-gone', attempts = 1, run_at = now()`,
  );
  const orphaned = Date.now();
  await until(() => done.length === 2, 'the orphan');
  expect(done).toEqual(['slow', 'orphan']);
  expect(Date.now() - orphaned).toBeGreaterThanOrEqual(leaseMs);
});

async function onServer(statement: string) {
  const client = new pg.Client({ connectionString: POSTGRES_SERVER_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
