import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');

export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  dataDir: string;
  output(): string;
  exited: Promise<number | null>;
}

/**
 * The server as operators start it (`node --import tsx src/main.ts`, docs/operations.md: Starting), on the embedded
 * database in `dataDir`. The caller kills it (tests do so in afterEach).
 */
export function startServerProcess(
  dataDir: string,
  env: Record<string, string> = {},
  port?: number,
): Promise<ServerProcess> {
  return spawnServer([process.execPath, '--import', 'tsx', 'src/main.ts'], dataDir, env, port);
}

/**
 * `npm run <script>` (e.g. `start`, which builds first), in a process group of its own: a server that npm
 * leaves behind is in it too, so the caller can end both with `process.kill(-child.pid, 'SIGKILL')`.
 */
export function startNpmScript(
  script: string,
  dataDir: string,
  env: Record<string, string> = {},
  port?: number,
): Promise<ServerProcess> {
  return spawnServer(['npm', 'run', '-s', script], dataDir, { HOME: process.env.HOME ?? '', ...env }, port, true);
}

async function spawnServer(
  [command, ...args]: string[],
  dataDir: string,
  env: Record<string, string>,
  port?: number,
  detached = false,
): Promise<ServerProcess> {
  const chosen = port ?? (await freePort());
  const child = spawn(command!, args, {
    cwd: root,
    detached,
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      PORT: String(chosen),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      ...env,
    },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, port: chosen, dataDir, output: () => output, exited };
}

/** Waits for the start-up line, with no deadline of its own: a busy machine is only slower. */
export async function untilReady(server: ServerProcess): Promise<void> {
  while (!/is ready at/.test(server.output())) {
    if (server.child.exitCode !== null) throw new Error(`The server exited:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
