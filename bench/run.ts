// npm run bench: the API against a raw-SQL ceiling on the same machine (docs/performance.md).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectPrisma } from '../src/db/client.ts';
import { postCursor } from '../src/modules/posts/post.cursor.ts';
import { BENCH_PASSWORD, POSTS, USERS } from './data.ts';
import { prepareBenchDatabase } from './database.ts';
import { drive, type LoadResult } from './load.ts';
import { installPeer } from './peer.ts';
import { report } from './report.ts';
import { benchApiEnv, startScript } from './servers.ts';
import { explainSearch } from './search-plan.ts';
import { workloads } from './workloads.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 32;
const BCRYPT_COST = Number(process.env.BCRYPT_COST ?? 12);
const started = Date.now();
const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}`);

// BENCH_DATABASE_NAME: another database than flaskblog_bench (its size: BENCH_USERS, BENCH_POSTS).
const database = await prepareBenchDatabase(process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL, BCRYPT_COST, {
  name: process.env.BENCH_DATABASE_NAME,
});
// The peer (PostGraphile, compared on PostgreSQL only) is a package of its own, installed on first run: now, not
// minutes into the run.
if (!database.embedded) installPeer();
log(
  `Loaded ${USERS} users and ${POSTS} posts in ${database.loadSeconds.toFixed(1)} s (${database.embedded ? 'embedded PGlite' : 'PostgreSQL'})`,
);

const serverEnv = (extra: Record<string, string> = {}) => ({
  ...benchApiEnv(BCRYPT_COST), // RESPONSE_CACHE=off: every request runs; the cached mode is measured beside PostGraphile below
  ...database.serverEnv,
  ...extra,
});

// Before the server starts (it then owns an embedded database): the deep cursor and the statement counts.
const db = connectPrisma({ url: database.url, poolSize: 1 });
const [middle] = await db.prisma.post.findMany({
  orderBy: [{ datePosted: 'desc' }, { id: 'desc' }],
  skip: Math.floor(POSTS / 2),
  take: 1,
});
const bodies = workloads(postCursor.encode(middle!));
const { countStatements } = await import('./statements.ts');
const statements = await countStatements(db, serverEnv({ DATABASE_URL: database.url }), bodies);
const searchPlan = await explainSearch(db);
log(`Search plan:\n${searchPlan}`);
await db.disconnect();
await database.release();

const run = (url: string, body: () => unknown, connections = CONNECTIONS, headers?: Record<string, string>) =>
  drive({ url, connections, seconds: SECONDS, body, headers });
const results: Record<string, LoadResult> = {};
let server = await startScript('src/main.ts', serverEnv(), '/ready');
log('API ready');
const login = await fetch(server.url, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    query: 'mutation ($i: LoginInput!) { login(input: $i) { ... on LoginSuccess { token } } }',
    variables: { i: { email: 'bench1@bench.test', password: BENCH_PASSWORD } },
  }),
});
const token: string = (await login.json()).data.login.token;

// (a) the feed, alternating with the ceiling (A/B/A/B). The ceiling needs its own connections: PostgreSQL only.
const ceiling = database.embedded ? undefined : await startScript('bench/ceiling.ts', database.serverEnv, '/');
const feedRuns: LoadResult[] = [];
const ceilingRuns: LoadResult[] = [];
for (let round = 0; round < 2; round++) {
  feedRuns.push(await run(server.url, bodies.feed));
  log(`feed: ${feedRuns.at(-1)!.requestsPerSecond} req/s`);
  if (ceiling) {
    ceilingRuns.push(await run(ceiling.url, bodies.feed));
    log(`ceiling: ${ceilingRuns.at(-1)!.requestsPerSecond} req/s`);
  }
}
await ceiling?.stop();

// (b)–(e).
results.userPage = await run(server.url, bodies.userPage);
results.deepPage = await run(server.url, bodies.deepPage);
results.search = await run(server.url, bodies.search);
results.createPost = await run(server.url, bodies.createPost, CONNECTIONS, { authorization: `Bearer ${token}` });
results.login = await run(server.url, bodies.login, 8);
log('user page, deep page, search, createPost, login done');

// (f) the feed while logins run: bcrypt in worker threads (now), then on the event loop (before).
const mixed = async (url: string) => (await Promise.all([run(url, bodies.feed), run(url, bodies.login, 4)]))[0];
results.mixedWorkers = await mixed(server.url);
await server.stop();
server = await startScript('src/main.ts', serverEnv({ BCRYPT_WORKERS: '0' }), '/ready');
results.feedInline = await run(server.url, bodies.feed);
results.mixedInline = await mixed(server.url);
await server.stop();
log('mixed workloads done');

// Multi-core: the same feed against one process per core (PostgreSQL only). The cluster refuses per-process
// stores: its live feed goes through Redis (REDIS_URL, under a key prefix of this run's own).
const cores = os.availableParallelism();
if (!database.embedded) {
  const cluster = await startScript(
    'src/cluster.ts',
    serverEnv({
      WEB_CONCURRENCY: String(cores),
      EVENT_BUS: 'redis',
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_KEY_PREFIX: `bench:${process.pid}:`,
    }),
    '/ready',
  );
  // /ready answered by one worker says nothing of the others, which answer 503 until they have started.
  await drive({ url: cluster.url, body: bodies.feed, seconds: 3, connections: 32 });
  results.feedCluster = await run(cluster.url, bodies.feed);
  await cluster.stop();
  log('cluster done');
}

// Side by side with PostGraphile v5 (PostgreSQL only): uncached, cached and mixed (docs/performance.md).
const { peerMarkdown, runPeerComparison } = await import('./peer-run.ts');
const peer = database.embedded
  ? undefined
  : await runPeerComparison({
      url: database.url,
      apiEnv: serverEnv(),
      seconds: SECONDS,
      connections: CONNECTIONS,
      rounds: Number(process.env.BENCH_ROUNDS ?? 3),
      log,
    });

const { json, markdown: ownMarkdown } = report({
  feedRuns,
  ceilingRuns,
  results,
  statements,
  searchPlan,
  cores,
  settings: { connections: CONNECTIONS, seconds: SECONDS, bcryptCost: BCRYPT_COST, users: USERS, posts: POSTS },
  loadSeconds: database.loadSeconds,
  database: database.embedded ? 'embedded PGlite' : 'PostgreSQL',
});
const markdown = peer ? `${ownMarkdown}\n${peerMarkdown(peer)}` : ownMarkdown;
const out = path.resolve(import.meta.dirname, 'results');
fs.mkdirSync(out, { recursive: true });
const name = database.embedded ? 'latest-embedded' : 'latest';
fs.writeFileSync(path.join(out, `${name}.json`), `${JSON.stringify({ ...json, peer }, null, 2)}\n`);
fs.writeFileSync(path.join(out, `${name}.md`), markdown);
console.log(`\n${markdown}`);
log(`Done: bench/results/${name}.{json,md}`);
process.exit(0); // the bcrypt worker pool and HTTP agents need not linger
