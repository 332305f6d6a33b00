// npm run bench:micro (after npm run bench): where a feed request's CPU time goes, measured in-process without
// HTTP: the whole API, Prisma's two queries alone, and the same two queries with plain pg.
// MICRO_DATABASE names another database with the bench data (default flaskblog_bench).
// MICRO_CALLGRIND=N: N feed requests, one at a time, counted by callgrind (docs/performance.md: The hot path).
import { spawn } from 'node:child_process';
import pg from 'pg';
import pino from 'pino';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { connectPrisma } from '../src/db/client.ts';
import { appDependencies } from '../src/dependencies.ts';
import { localPictureStorage } from '../src/modules/pictures/storage.ts';
import { FEED } from './workloads.ts';

const url = new URL(
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test',
);
url.pathname = `/${process.env.MICRO_DATABASE ?? 'flaskblog_bench'}`;
const db = connectPrisma({ url: url.toString(), poolSize: 10 });
const pool = new pg.Pool({ connectionString: url.toString(), max: 10 });
// A production server's protection, with what a request costs beside it left out: no response cache, no metrics,
// rate limits in memory, mail nowhere.
const config = loadConfig({
  NODE_ENV: 'production',
  PUBLIC_URL: 'http://bench',
  JWT_SECRET: 'x'.repeat(40),
  BCRYPT_COST: '4',
  PICTURE_MAX_BYTES: '2000000',
  RESET_URL: 'http://bench/reset?token=',
  MAIL_TRANSPORT: 'outbox',
  RESPONSE_CACHE: 'off',
  RATE_LIMIT_STORE: 'memory',
});
const app = createApp(
  await appDependencies(config, pino({ level: 'silent' }), db, {
    mailer: { send: async () => {} },
    pictures: localPictureStorage('/tmp/bench-pictures'),
  }),
);

/** CPU milliseconds per call, 20 calls at a time after a warm-up. */
async function measure(name: string, call: () => Promise<unknown>) {
  for (let i = 0; i < 200; i++) await call();
  const n = 2000;
  const cpu = process.cpuUsage();
  for (let i = 0; i < n / 20; i++) await Promise.all(Array.from({ length: 20 }, call));
  const used = process.cpuUsage(cpu);
  console.log(`${name.padEnd(44)} ${((used.user + used.system) / 1000 / n).toFixed(3)} ms CPU per request`);
}

const body = JSON.stringify({ query: FEED });
const feed = async () => {
  const response = await app.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  await response.text();
};

/** Valgrind's, not a package's. */
const CALLGRIND_CONTROL = 'callgrind_control';

/** Under valgrind --instr-atstart=no: callgrind_control's option for this process, e.g. `-i on`. */
const callgrind = (option: string) =>
  new Promise<void>((resolve) => {
    const tick = setInterval(() => {}, 5); // keeps the process scheduled, so valgrind reads the command
    spawn(CALLGRIND_CONTROL, [...option.split(' '), String(process.pid)], { stdio: 'ignore' }).on('exit', () => {
      clearInterval(tick);
      resolve();
    });
  });

const counted = Number(process.env.MICRO_CALLGRIND ?? 0);
if (counted > 0) {
  // One at a time: with requests in flight together, how the database's answers interleave moves the count.
  for (let i = 0; i < 500; i++) await feed();
  await callgrind('-i on');
  for (let i = 0; i < counted; i++) await feed();
  await callgrind('-i off');
  process.exit(0);
}
await measure('feed through the whole API (no HTTP)', feed);
if (process.env.MICRO_ONLY === 'api') process.exit(0); // e.g. under --cpu-prof, to profile the API alone
await measure("Prisma: the feed's two queries", async () => {
  const posts = await db.prisma.post.findMany({ orderBy: [{ datePosted: 'desc' }, { id: 'desc' }], take: 21 });
  await db.prisma.user.findMany({ where: { id: { in: [...new Set(posts.map((post) => post.authorId))] } } });
});
await measure('pg: the same two queries', async () => {
  const { rows } = await pool.query('SELECT * FROM posts ORDER BY date_posted DESC, id DESC LIMIT 21');
  await pool.query('SELECT * FROM users WHERE id = ANY($1)', [[...new Set(rows.map((row) => row.author_id))]]);
});
await measure('pg: one join (the ceiling)', () =>
  pool.query(
    'SELECT p.*, u.username, u.image_file FROM posts p JOIN users u ON u.id = p.author_id ORDER BY p.date_posted DESC, p.id DESC LIMIT 20',
  ),
);
process.exit(0);
