import {
  Logger as WorkerLogger,
  makeWorkerUtils,
  run,
  type Runner,
  type Task,
  type WorkerUtils,
} from 'graphile-worker';
import pg from 'pg';
import { ADVISORY_LOCKS, holdingLock } from '../db/locks.ts';
import type { Logger } from '../logger.ts';

/** Jobs that must outlive the request (and the process) that asked for them: reset mail. */
export interface JobQueue {
  /** Stores the job in PostgreSQL: once this resolves, it survives a crash of this process. */
  add(task: string, payload: Record<string, unknown>): Promise<void>;
  /** Starts working jobs, including those left by an instance that died (the first add() also starts it). */
  start(): Promise<void>;
  /** Resolves once no job is due now: every due job has run, or failed and waits for its retry. */
  idle(): Promise<void>;
  /** Finishes the jobs in hand, then stops (shutdown). */
  stop(): Promise<void>;
}

export interface JobQueueOptions {
  url: string;
  tasks: Record<string, Task>;
  logger: Logger;
  /** Attempts before a job is given up (retries back off exponentially: about 3 s, 7 s, 20 s, ...). */
  maxAttempts?: number;
}

/**
 * graphile-worker on the same PostgreSQL (or embedded PGlite, whose socket server keeps each connection's
 * transactions apart): jobs are rows taken with SKIP LOCKED, so each runs once however many instances work
 * them, and a failed one is retried with backoff.
 */
export function jobQueue({ url, tasks, logger, maxAttempts = 10 }: JobQueueOptions): JobQueue {
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  const log = logger.child({ component: 'jobs' });
  // An idle connection that the server closes (a restart, a failover) is replaced, not a crash of the process.
  pool.on('error', (error) => log.warn({ err: error }, 'A job queue connection was closed by the database'));
  const workerLogger = new WorkerLogger(() => (level, message, meta) => {
    if (level === 'error' || level === 'warning') log.warn({ job: meta }, message);
    else if (/^Failed/.test(message)) log.warn(message);
    else log.debug(message);
  });
  // No named statements: PGlite serves every connection from one backend, where two connections preparing the
  // same name clash (see db/client.ts); jobs are few, so planning each statement costs nothing that matters.
  const options = { pgPool: pool, logger: workerLogger, noPreparedStatements: true };
  let utils: Promise<WorkerUtils> | undefined;
  let runner: Promise<Runner> | undefined;
  // A failed attempt is forgotten, so the next add() or start() tries again instead of failing for good.
  const workerUtils = () =>
    (utils ??= alone(pool, () => makeWorkerUtils(options)).catch((error: unknown) => {
      utils = undefined;
      throw error;
    }));
  let ended = false;
  const start = () =>
    (runner ??= workerUtils()
      .then(async () => {
        const started = await run({
          ...options,
          concurrency: 2,
          pollInterval: 1000,
          noHandleSignals: true,
          parsedCronItems: [],
          taskList: tasks,
        });
        // graphile-worker stops its workers by itself when another process applies a breaking migration of its
        // schema (a newer version deployed): this instance then only queues jobs, and the new ones work them.
        void started.promise.finally(() => {
          ended = true;
        });
        return started;
      })
      .catch((error: unknown) => {
        runner = undefined;
        throw error;
      }));
  return {
    async add(task, payload) {
      await (await workerUtils()).addJob(task, payload, { maxAttempts });
      void start().catch((error: unknown) => log.error({ err: error }, 'The job worker could not start'));
    },
    start: async () => void (await start()),
    async idle() {
      if (!utils) return;
      for (;;) {
        const { rows } = await pool.query<{ due: number }>(
          'SELECT count(*)::int AS due FROM graphile_worker.jobs WHERE run_at <= now() AND attempts < max_attempts',
        );
        if (rows[0]!.due === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      const running = await runner?.catch(() => undefined);
      if (running && !ended) await running.stop();
      await (await utils?.catch(() => undefined))?.release();
      await pool.end();
    },
  };
}

/**
 * makeWorkerUtils installs or migrates graphile-worker's schema. Instances started together would do it at once,
 * and PostgreSQL's `CREATE SCHEMA IF NOT EXISTS` fails under such a race (a duplicate key in pg_namespace): the
 * first instance migrates while the others wait, then find nothing left to do.
 */
async function alone<T>(pool: pg.Pool, migrate: () => Promise<T>): Promise<T> {
  const connection = await pool.connect();
  try {
    return await holdingLock(connection, ADVISORY_LOCKS.jobQueueSchema, migrate);
  } finally {
    connection.release();
  }
}
