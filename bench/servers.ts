import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export interface Running {
  url: string;
  /** CPU time the server process has used so far, in milliseconds (user + system). */
  cpuMs(): number;
  /** The server process's resident memory now, in MB. */
  rssMb(): number;
  stop(): Promise<void>;
}

/** The API's environment in every benchmark: production, no response cache, budgets a single client cannot hit. */
export const benchApiEnv = (bcryptCost: number): Record<string, string> => ({
  NODE_ENV: 'production',
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret!',
  MAIL_TRANSPORT: 'outbox',
  RESPONSE_CACHE: 'off',
  LOG_LEVEL: 'warn',
  SEED_ON_START: 'false',
  BCRYPT_COST: String(bcryptCost),
  // One client hammers the API: per-IP budgets would measure the rate limiter instead.
  MUTATIONS_PER_MINUTE: '100000',
  LOGIN_MAX_FAILURES: '1000',
});

const TICKS_PER_SECOND = 100; // Linux's USER_HZ

function cpuMsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts a script (the API, the cluster, the ceiling, PostGraphile) in one Node process with tsx as a loader, so
 * its CPU time can be read, and waits until it answers.
 */
export async function startScript(script: string, env: Record<string, string>, readyPath: string): Promise<Running> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`${script} did not start`);
    const ok = await fetch(`${base}${readyPath}`).then(
      (r) => r.status < 500,
      () => false,
    ); // 405 is an answer too
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url: `${base}/graphql`,
    cpuMs: () => cpuMsOf(child.pid!),
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
