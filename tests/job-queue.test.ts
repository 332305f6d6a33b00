import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { type JobQueue, jobQueue } from '../src/jobs/queue.ts';
import { createLogger } from '../src/logger.ts';
import { createServerDatabase, POSTGRES_SERVER_URL } from './helpers/database.ts';
import { until } from './helpers/wait.ts';

// The queue as instances use it: graphile-worker on a real PostgreSQL database of the test's own.
const logger = createLogger({ logLevel: 'silent' });
const cleanups: (() => Promise<void>)[] = [];
/** Stops the queues and drops the databases made so far, newest first. */
async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}
afterEach(cleanUp);

function queueOn(url: string, done: string[]): JobQueue {
  const queue = jobQueue({
    url,
    logger,
    tasks: { note: async (payload) => void done.push((payload as { name: string }).name) },
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

async function onServer(statement: string) {
  const client = new pg.Client({ connectionString: POSTGRES_SERVER_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
