import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** A postgres:// URL for the pg driver, on 127.0.0.1 and a free port. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs PGlite (PostgreSQL compiled to WASM) in this process and serves it over the PostgreSQL wire protocol
 * on loopback, so the server talks to it through exactly the pg adapter it uses for a real PostgreSQL.
 * PGlite is one backend: the Prisma pool over it must hold a single connection.
 * Without a folder the database lives in memory (tests); `from`, a data directory PGlite dumped, starts it as a
 * copy of that database instead of an empty one (tests copy one migrated database).
 */
export async function startEmbeddedPostgres(folder?: string, from?: Blob): Promise<EmbeddedPostgres> {
  const releaseLock = folder ? lockFolder(folder) : () => {};
  try {
    const db = await PGlite.create({ dataDir: folder, extensions: { citext }, loadDataDir: from });
    // Besides the app's one: the job queue's (its listener and its work), migrations and short-lived checks. The
    // socket server keeps each connection's transaction to itself, queueing the others meanwhile.
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 12 });
    await server.start();
    return {
      url: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
      async stop() {
        await server.stop();
        await db.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * PGlite's files must have one owner: a second process on the same folder would corrupt them. The lock file
 * names its owner by PID and the time that process started, so a stale lock whose PID now belongs to some
 * other process (PIDs are reused) is recognised as stale.
 */
function lockFolder(folder: string): () => void {
  fs.mkdirSync(folder, { recursive: true });
  const lockFile = path.join(folder, 'server.lock');
  const me = `${process.pid} ${startTimeOf(process.pid) ?? ''}`.trim();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, me, { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pid, started] = fs.readFileSync(lockFile, 'utf8').trim().split(' ');
      const owner = Number(pid);
      if (
        owner &&
        owner !== process.pid &&
        isRunning(owner) &&
        (started === undefined || startTimeOf(owner) === started)
      ) {
        throw new Error(
          `The embedded database in ${folder} is in use by process ${owner}. ` +
            'Stop that server, or set DATA_DIR to another folder.',
        );
      }
      fs.rmSync(lockFile, { force: true }); // left behind by a process that died
    }
  }
  throw new Error(`Could not lock the embedded database in ${folder}`);
}

/** When a process started (clock ticks since boot, from /proc), or undefined where there is no /proc. */
export function startTimeOf(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19];
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
