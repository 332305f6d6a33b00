// npm run bench: the API against a raw-SQL ceiling on the same machine (README: Performance).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { connectPrisma } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { encodePostCursor } from '../src/modules/posts/post.cursor.ts';
import { BENCH_PASSWORD, loadBenchData, POSTS, USERS } from './data.ts';
import { drive, type LoadResult } from './load.ts';
import { startScript } from './servers.ts';
import { FEED, workloads } from './workloads.ts';

const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
if (!adminUrl) {
  console.error('npm run bench needs PostgreSQL: set BENCH_DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/test).');
  process.exit(1);
}
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 32;
const BCRYPT_COST = Number(process.env.BCRYPT_COST ?? 12);

const started = Date.now();
const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}`);

// A database of its own, recreated on every run.
const benchUrl = new URL(adminUrl);
benchUrl.pathname = '/flaskblog_bench';
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query('DROP DATABASE IF EXISTS flaskblog_bench WITH (FORCE)');
await admin.query('CREATE DATABASE flaskblog_bench');
await admin.end();
const url = benchUrl.toString();
await migrate({ url });
const loadStart = Date.now();
await loadBenchData(url, BCRYPT_COST);
const loadSeconds = (Date.now() - loadStart) / 1000;
log(`Loaded ${USERS} users and ${POSTS} posts in ${loadSeconds.toFixed(1)} s`);

// The cursor of the 50,000th post, for the deep page.
const db = connectPrisma({ url, poolSize: 2 });
const middle = await db.prisma.post.findMany({ orderBy: [{ datePosted: 'desc' }, { id: 'desc' }], skip: POSTS / 2, take: 1 });
const bodies = workloads(encodePostCursor(middle[0]!));

const serverEnv = (extra: Record<string, string> = {}) => ({
  NODE_ENV: 'production',
  DATABASE_URL: url,
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret!',
  LOG_LEVEL: 'warn',
  SEED_ON_START: 'false',
  BCRYPT_COST: String(BCRYPT_COST),
  // The benchmark is one client hammering the API: per-IP budgets would measure the rate limiter instead.
  MUTATIONS_PER_MINUTE: '100000',
  LOGIN_MAX_FAILURES: '1000',
  ...extra,
});
const api = () => startScript('src/main.ts', serverEnv(), '/ready');

const results: Record<string, LoadResult | Record<string, unknown>> = {};
let server = await api();
const token = await login(server.url);
log('API ready');

async function login(target: string): Promise<string> {
  const response = await fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation ($i: LoginInput!) { login(input: $i) { ... on LoginSuccess { token } } }', variables: { i: { email: 'bench1@bench.test', password: BENCH_PASSWORD } } }),
  });
  return (await response.json()).data.login.token;
}

const run = (target: string, body: () => unknown, connections = CONNECTIONS, headers?: Record<string, string>) =>
  drive({ url: target, connections, seconds: SECONDS, body, headers });

// (a) feed, alternating with the ceiling: A/B/A/B.
const ceiling = await startScript('bench/ceiling.ts', { DATABASE_URL: url }, '/');
const feedRuns: LoadResult[] = [];
const ceilingRuns: LoadResult[] = [];
for (let round = 0; round < 2; round++) {
  feedRuns.push(await run(server.url, bodies.feed));
  log(`feed (API): ${feedRuns.at(-1)!.requestsPerSecond} req/s`);
  ceilingRuns.push(await run(ceiling.url, bodies.feed));
  log(`feed (ceiling): ${ceilingRuns.at(-1)!.requestsPerSecond} req/s`);
}
await ceiling.stop();
const mean = (runs: LoadResult[]): LoadResult => ({
  requestsPerSecond: Math.round(runs.reduce((sum, r) => sum + r.requestsPerSecond, 0) / runs.length),
  p50: Math.round(runs.reduce((sum, r) => sum + r.p50, 0) / runs.length),
  p99: Math.round(runs.reduce((sum, r) => sum + r.p99, 0) / runs.length),
  requests: runs.reduce((sum, r) => sum + r.requests, 0),
  non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
  errors: runs.reduce((sum, r) => sum + r.errors, 0),
});
results.feed = mean(feedRuns);
results.ceiling = mean(ceilingRuns);

// (b)–(e).
results.userPage = await run(server.url, bodies.userPage);
log(`user page: ${(results.userPage as LoadResult).requestsPerSecond} req/s`);
results.deepPage = await run(server.url, bodies.deepPage);
log(`deep page: ${(results.deepPage as LoadResult).requestsPerSecond} req/s`);
results.createPost = await run(server.url, bodies.createPost, CONNECTIONS, { authorization: `Bearer ${token}` });
log(`createPost: ${(results.createPost as LoadResult).requestsPerSecond} req/s`);
results.login = await run(server.url, bodies.login, 8);
log(`login: ${(results.login as LoadResult).requestsPerSecond} req/s`);

// (f) the feed while logins run, with bcrypt in worker threads (now) and on the event loop (before).
async function mixed(target: string) {
  const [feed] = await Promise.all([run(target, bodies.feed), run(target, bodies.login, 4)]);
  return feed;
}
results.mixedWorkers = await mixed(server.url);
log(`mixed, bcrypt in workers: feed p99 ${(results.mixedWorkers as LoadResult).p99} ms`);
await server.stop();
server = await startScript('src/main.ts', serverEnv({ BCRYPT_WORKERS: '0' }), '/ready');
results.feedInline = await run(server.url, bodies.feed);
results.mixedInline = await mixed(server.url);
log(`mixed, bcrypt on the event loop: feed p99 ${(results.mixedInline as LoadResult).p99} ms`);
await server.stop();

// Multi-core: the same feed against one worker per core.
const cores = os.availableParallelism();
const cluster = await startScript('src/cluster.ts', serverEnv({ WEB_CONCURRENCY: String(cores) }), '/ready');
results.feedCluster = await run(cluster.url, bodies.feed);
log(`feed, ${cores} processes: ${(results.feedCluster as LoadResult).requestsPerSecond} req/s`);
await cluster.stop();

// Statements per request, counted from Prisma's query log by an in-process twin of the server.
const { appDependencies } = await import('../src/dependencies.ts');
const { createApp } = await import('../src/app.ts');
const { loadConfig } = await import('../src/config.ts');
const { createLogger } = await import('../src/logger.ts');
const config = loadConfig(serverEnv({ DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')) }));
const twin = createApp(await appDependencies(config, createLogger({ logLevel: 'silent' }), db.prisma));
const statements: Record<string, number> = {};
for (const [name, body] of Object.entries(bodies)) {
  let count = 0;
  const stop = db.onQuery(() => count++);
  await twin.fetch('http://bench/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body()),
  });
  stop();
  statements[name] = count;
}
await twin.dispose();
await db.disconnect();

const feed = results.feed as LoadResult;
const ceil = results.ceiling as LoadResult;
const summary = {
  date: new Date().toISOString(),
  machine: { cpus: cores, node: process.version, cpu: os.cpus()[0]?.model },
  settings: { connections: CONNECTIONS, seconds: SECONDS, bcryptCost: BCRYPT_COST, users: USERS, posts: POSTS },
  loadSeconds,
  feedToCeilingRatio: +(feed.requestsPerSecond / ceil.requestsPerSecond).toFixed(2),
  feedStatementsPerRequest: statements.feed,
  mixedP99RatioWorkers: +((results.mixedWorkers as LoadResult).p99 / feed.p99).toFixed(2),
  mixedP99RatioInline: +((results.mixedInline as LoadResult).p99 / (results.feedInline as LoadResult).p99).toFixed(2),
  clusterScaling: +((results.feedCluster as LoadResult).requestsPerSecond / feed.requestsPerSecond).toFixed(2),
  statements,
  results,
};

const row = (name: string, r: LoadResult, sql?: number) =>
  `| ${name} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${sql ?? ''} | ${r.non2xx + r.errors} |`;
const table = [
  `# Benchmark, ${summary.date}`,
  '',
  `${cores} cores (${summary.machine.cpu}), Node ${process.version}, PostgreSQL; ${USERS} users, ${POSTS} posts; ${CONNECTIONS} connections, ${SECONDS} s a run; bcrypt cost ${BCRYPT_COST}.`,
  '',
  '| workload | req/s | p50 ms | p99 ms | SQL/request | failed |',
  '|---|---|---|---|---|---|',
  row('(a) feed, 20 posts + authors', feed, statements.feed),
  row('ceiling: node:http + pg, one query', ceil, 1),
  row('(b) user page + totalCount', results.userPage as LoadResult, statements.userPage),
  row('(c) deep page (cursor at 50,000)', results.deepPage as LoadResult, statements.deepPage),
  row('(d) createPost', results.createPost as LoadResult, statements.createPost),
  row('(e) login (8 connections)', results.login as LoadResult, statements.login),
  row('(f) feed while logins run, bcrypt in workers', results.mixedWorkers as LoadResult),
  row('feed alone, bcrypt on the event loop', results.feedInline as LoadResult),
  row('(f) feed while logins run, bcrypt on the event loop', results.mixedInline as LoadResult),
  row(`feed, ${cores} processes (cluster)`, results.feedCluster as LoadResult),
  '',
  `- Feed throughput: **${Math.round(summary.feedToCeilingRatio * 100)}% of the ceiling** (target ≥ 50%).`,
  `- SQL statements per feed request: **${statements.feed}** (target ≤ 2).`,
  `- Feed p99 while logins run: **${summary.mixedP99RatioWorkers}×** its value without logins with bcrypt in worker threads, ${summary.mixedP99RatioInline}× with bcrypt on the event loop (target < 2×).`,
  `- ${cores} processes serve **${summary.clusterScaling}×** the feed throughput of one (the load generator shares these ${cores} cores).`,
  `- Data load: ${loadSeconds.toFixed(1)} s.`,
  '',
].join('\n');

const out = path.resolve(import.meta.dirname, 'results');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'latest.json'), `${JSON.stringify(summary, null, 2)}\n`);
fs.writeFileSync(path.join(out, 'latest.md'), table);
console.log(`\n${table}`);
log(`Done; results in bench/results/latest.{json,md}`);
process.exit(0); // the bcrypt worker pool and HTTP agents need not linger
