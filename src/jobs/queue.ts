import {
  Logger as WorkerLogger,
  makeWorkerUtils,
  run,
  type Runner,
  type Task,
  type WorkerUtils,
} from 'graphile-worker';
import pg from 'pg';
import { retryUnnamedStatementRaces } from '../db/unnamed-statement-retry.ts';
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
  /**
   * How long a running job stays locked without its instance renewing the lock (it does so every third of
   * this): past it, any instance takes the holder for dead and releases the job, which then runs again.
   */
  leaseMs?: number;
}

/**
 * graphile-worker on the same PostgreSQL (or embedded PGlite, whose socket server keeps each connection's
 * transactions apart): jobs are rows taken with SKIP LOCKED, so each runs once however many instances work
 * them, and a failed one is retried with backoff. graphile-worker itself frees the jobs of a worker that died
 * mid-job only after 4 hours; here a running job's lock is a lease its instance renews, and every instance
 * releases jobs whose lease lapsed, so a killed instance's job runs again within about `leaseMs`.
 */
export function jobQueue({ url, tasks, logger, maxAttempts = 10, leaseMs = 30_000 }: JobQueueOptions): JobQueue {
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  retryUnnamedStatementRaces(pool);
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
  const running = new Set<string>(); // ids of the jobs this instance's workers hold
  const taskList: Record<string, Task> = {};
  for (const [name, task] of Object.entries(tasks)) {
    taskList[name] = async (payload, helpers) => {
      running.add(helpers.job.id);
      try {
        return await task(payload, helpers);
      } finally {
        running.delete(helpers.job.id);
      }
    };
  }
  const renewAndRecover = async () => {
    if (running.size > 0) {
      await pool.query(
        'UPDATE graphile_worker._private_jobs SET locked_at = now() WHERE id = ANY($1::bigint[]) AND locked_at IS NOT NULL',
        [[...running]],
      );
    }
    const { rows } = await pool.query<{ id: string }>(
      `UPDATE graphile_worker._private_jobs SET locked_at = NULL, locked_by = NULL
       WHERE locked_at < now() - $1 * interval '1 millisecond' RETURNING id`,
      [leaseMs],
    );
    if (rows.length > 0) {
      log.warn(
        { jobs: rows.map((row) => row.id) },
        'Released jobs of an instance that stopped renewing their locks (it died): they run again',
      );
    }
  };
  let lease: NodeJS.Timeout | undefined;
  let renewing = Promise.resolve();
  const keepLeases = () => {
    const tick = () => {
      renewing = renewAndRecover().catch((error: unknown) => log.warn({ err: error }, 'Could not renew job locks'));
    };
    tick();
    lease = setInterval(tick, leaseMs / 3);
  };
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
          taskList,
        });
        keepLeases();
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
      const started = await runner?.catch(() => undefined);
      if (started && !ended) await started.stop();
      clearInterval(lease); // after the jobs in hand have finished, so their locks were renewed meanwhile
      await renewing;
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
