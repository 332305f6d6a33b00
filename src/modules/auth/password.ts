import os from 'node:os';
import { Worker } from 'node:worker_threads';
import bcrypt from 'bcryptjs';

/**
 * bcrypt is deliberately slow (about 250 ms at cost 12) and bcryptjs computes on the thread that calls it: on
 * the event loop, every login would stall every other request. So hashing runs in worker threads, as many as
 * the machine has cores beyond the one serving requests. `configurePasswordWorkers(0)` hashes in-line.
 */
let workerCount = Math.max(1, os.availableParallelism() - 1); // BCRYPT_WORKERS sets it (main.ts)
interface PoolWorker {
  worker: Worker;
  jobs: Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>;
}
let pool: PoolWorker[] | undefined;
let nextId = 0;

export function configurePasswordWorkers(count: number): void {
  workerCount = count;
}

function startWorker(): PoolWorker {
  const entry: PoolWorker = { worker: new Worker(new URL('./bcrypt.worker.mjs', import.meta.url)), jobs: new Map() };
  entry.worker.unref(); // an idle pool never keeps the process alive
  entry.worker.on('message', ({ id, result, error }) => {
    const job = entry.jobs.get(id);
    entry.jobs.delete(id);
    if (error) job?.reject(new Error(error));
    else job?.resolve(result);
  });
  // A worker that dies fails its jobs (the requests get "Unexpected error.") and is replaced by a fresh one.
  entry.worker.on('error', (error) => {
    for (const job of entry.jobs.values()) job.reject(error);
    entry.jobs.clear();
    if (pool) pool[pool.indexOf(entry)] = startWorker();
  });
  return entry;
}

function run<T>(message: Record<string, unknown>): Promise<T> {
  pool ??= Array.from({ length: workerCount }, startWorker);
  const entry = pool.reduce((least, candidate) => (candidate.jobs.size < least.jobs.size ? candidate : least));
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    entry.jobs.set(id, { resolve: resolve as (value: unknown) => void, reject });
    entry.worker.postMessage({ id, ...message });
  });
}

export function hashPassword(password: string, cost: number): Promise<string> {
  return workerCount > 0 ? run({ op: 'hash', password, cost }) : bcrypt.hash(password, cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return workerCount > 0 ? run({ op: 'compare', password, hash }) : bcrypt.compare(password, hash);
}

const dummyHashes = new Map<number, Promise<string>>();

/**
 * Spends as long as checking a real password, for logins with an unknown email: the answer then takes the
 * same time whether or not an account exists.
 */
export async function wasteVerification(password: string, cost: number): Promise<void> {
  let hash = dummyHashes.get(cost);
  if (!hash) {
    // A failed hash (a worker that died) is forgotten, so the next login tries again instead of failing for good.
    hash = hashPassword('not a password of anyone', cost).catch((error: unknown) => {
      dummyHashes.delete(cost);
      throw error;
    });
    dummyHashes.set(cost, hash);
  }
  await verifyPassword(password, await hash);
}
