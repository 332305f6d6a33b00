// npm run bench:scale: single reads through the real server at 100,000 and at 2,000,000 posts (docs/performance.md).
// Its own database, flaskblog_scale, on BENCH_DATABASE_URL's server (PostgreSQL only); the larger sizes are
// appended to the smaller, so the data at each size is what a load at that size writes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { appendPosts, COMMON_WORD, RARE_EVERY, RARE_WORD, TOPICS } from './data.ts';
import { prepareBenchDatabase } from './database.ts';
import { benchApiEnv, startScript } from './servers.ts';
import { FEED } from './workloads.ts';

const { values: options } = parseArgs({
  options: {
    posts: { type: 'string', default: process.env.BENCH_POSTS ?? '100000,2000000' },
    users: { type: 'string', default: process.env.BENCH_USERS ?? '10000' },
    requests: { type: 'string', default: '15' },
    'warm-up': { type: 'string', default: '3' },
  },
});
const SIZES = options.posts.split(',').map(Number);
const USERS = Number(options.users);
const REQUESTS = Number(options.requests);
const WARM_UP = Number(options['warm-up']);
if (![...SIZES, USERS, REQUESTS, WARM_UP].every(Number.isSafeInteger) || SIZES.some((n, i) => n <= (SIZES[i - 1] ?? 0)))
  throw new Error(
    '--posts takes increasing whole numbers (100000,2000000); --users, --requests and --warm-up whole numbers',
  );
/** The issue's target for every read, at the largest size. */
const TARGET_MS = 50;
const adminUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';

const started = Date.now();
const log = (message: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${message}`);

const search = (word: string, total: boolean) => () => ({
  query: `query ($q: String!) { searchPosts(query: $q, first: 20) { ${total ? 'totalCount ' : ''}edges { node { title } } } }`,
  variables: { q: word },
});
const TOPIC = 'topic17';
const READS: { name: string; body: () => unknown }[] = [
  { name: 'feed, 20 posts with authors', body: () => ({ query: FEED }) },
  {
    name: 'feed + totalCount',
    body: () => ({ query: FEED.replace('posts(first: 20) {', 'posts(first: 20) { totalCount') }),
  },
  {
    name: 'user page + totalCount',
    body: () => ({
      query: `query ($username: String!) { user(username: $username) { username posts(first: 20) { totalCount edges { node { title datePosted } } } } }`,
      variables: { username: `bench${1 + Math.floor(Math.random() * USERS)}` },
    }),
  },
  ...[
    [RARE_WORD, `1 post in ${RARE_EVERY.toLocaleString('en')}`],
    [TOPIC, `1 in ${TOPICS}`],
    [COMMON_WORD, 'every post'],
  ].flatMap(([word, share]) => [
    { name: `search "${word}" (${share})`, body: search(word!, false) },
    { name: `search "${word}" (${share}) + totalCount`, body: search(word!, true) },
  ]),
];

interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Requests answered with errors (or not 200), and the first error's code. */
  failed: number;
  error?: string;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const round = (ms: number) => +ms.toFixed(1);

/** One request at a time: the time from sending to the whole answer read. */
async function time(url: string, body: () => unknown): Promise<Timing> {
  const times: number[] = [];
  let failed = 0;
  let error: string | undefined;
  for (let i = 0; i < WARM_UP + REQUESTS; i++) {
    const start = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body()),
    });
    const result = await response.json();
    const ms = performance.now() - start;
    if (i < WARM_UP) continue;
    times.push(ms);
    if (response.status !== 200 || result.errors) {
      failed++;
      error ??= result.errors?.[0]?.extensions?.code ?? `HTTP ${response.status}`;
    }
  }
  return {
    medianMs: round(median(times)),
    minMs: round(Math.min(...times)),
    maxMs: round(Math.max(...times)),
    failed,
    error,
  };
}

async function vacuum(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('VACUUM (ANALYZE) posts');
  await client.end();
}

const loads: { posts: number; seconds: number; what: string }[] = [];
let seconds = Date.now();
const database = await prepareBenchDatabase(adminUrl, 4, {
  name: 'flaskblog_scale',
  sizes: { users: USERS, posts: SIZES[0]! },
});
if (database.embedded) throw new Error('bench:scale needs PostgreSQL');
await vacuum(database.url);
loads.push({
  posts: SIZES[0]!,
  seconds: (Date.now() - seconds) / 1000,
  what: `${USERS.toLocaleString('en')} users and ${SIZES[0]!.toLocaleString('en')} posts`,
});
log(`Loaded ${loads.at(-1)!.what} in ${loads.at(-1)!.seconds.toFixed(1)} s`);

const results: Record<number, Record<string, Timing>> = {};
const loadAverage: Record<number, number[]> = {};
for (const [i, posts] of SIZES.entries()) {
  if (i > 0) {
    seconds = Date.now();
    await appendPosts(database.url, SIZES[i - 1]!, posts, USERS);
    loads.push({
      posts,
      seconds: (Date.now() - seconds) / 1000,
      what: `posts ${(SIZES[i - 1]! + 1).toLocaleString('en')} to ${posts.toLocaleString('en')}`,
    });
    log(`Appended ${loads.at(-1)!.what} in ${loads.at(-1)!.seconds.toFixed(1)} s`);
  }
  const server = await startScript('src/main.ts', { ...benchApiEnv(4), ...database.serverEnv }, '/ready');
  results[posts] = {};
  for (const read of READS) {
    results[posts][read.name] = await time(server.url, read.body);
    const t = results[posts][read.name]!;
    log(
      `${posts} posts, ${read.name}: ${t.medianMs} ms (${t.minMs}–${t.maxMs})${t.failed ? `, ${t.failed} failed` : ''}`,
    );
  }
  loadAverage[posts] = os.loadavg();
  await server.stop();
}

const date = new Date().toISOString();
const largest = SIZES.at(-1)!;
const cell = (t: Timing) =>
  `${t.medianMs} (${t.minMs}–${t.maxMs})${t.failed ? ` **${t.failed} of ${REQUESTS} failed: ${t.error}**` : ''}`;
const count = (n: number) => (n % 1_000_000 === 0 ? `${n / 1_000_000}M` : n % 1000 === 0 ? `${n / 1000}k` : String(n));
const markdown = [
  `# Reads at scale, ${date}`,
  '',
  `\`npm run bench:scale\`: ${USERS.toLocaleString('en')} users; ${os.availableParallelism()} cores (${os.cpus()[0]?.model}), Node ${process.version}, PostgreSQL.`,
  `The API as in production (\`NODE_ENV=production\`, \`RESPONSE_CACHE=off\`, one process), one request at a time:`,
  `median (min–max) in ms of ${REQUESTS} requests after ${WARM_UP} unmeasured, the time from sending to the whole`,
  `answer read. Load average (1 min) after each size's reads: ${SIZES.map((n) => `${loadAverage[n]![0]!.toFixed(1)} at ${count(n)}`).join(', ')}`,
  `on ${os.availableParallelism()} cores: where it is above that, other work shared the machine and single timings move.`,
  'A failed request is most often the statement timeout (`DATABASE_STATEMENT_TIMEOUT_MS`, 5 s by default: SERVICE_UNAVAILABLE);',
  'its time is in the median too. Rerun: `npm run bench:scale` (`-- --posts 2000000` for one size, `--requests`, `--warm-up`).',
  '',
  `| read | ${SIZES.map((n) => `${count(n)} posts`).join(' | ')} | ≤ ${TARGET_MS} ms median at ${count(largest)} |`,
  `|---|${SIZES.map(() => '---|').join('')}---|`,
  ...READS.map(({ name }) => {
    const last = results[largest]![name]!;
    const pass = last.failed === 0 && last.medianMs <= TARGET_MS;
    return `| ${name} | ${SIZES.map((n) => cell(results[n]![name]!)).join(' | ')} | ${pass ? 'pass' : '**fail**'} |`;
  }),
  '',
  `Search words: "${RARE_WORD}" opens every ${RARE_EVERY.toLocaleString('en')}th post, "${TOPIC}" is in every ${TOPICS}th title, "${COMMON_WORD}" is in every post (bench/data.ts).`,
  `Data generated by PostgreSQL (\`generate_series\`, the load's backend reniced to 10), then \`VACUUM (ANALYZE) posts\`: ${loads
    .map((l) => `${l.what} in ${l.seconds.toFixed(0)} s`)
    .join('; ')}; ${count(largest)} from nothing in ${loads.reduce((sum, l) => sum + l.seconds, 0).toFixed(0)} s.`,
  '',
].join('\n');
const out = path.resolve(import.meta.dirname, 'results');
fs.mkdirSync(out, { recursive: true });
const json = {
  date,
  users: USERS,
  sizes: SIZES,
  requests: REQUESTS,
  warmUp: WARM_UP,
  targetMs: TARGET_MS,
  loads,
  loadAverage,
  results,
};
fs.writeFileSync(path.join(out, 'scale.json'), `${JSON.stringify(json, null, 2)}\n`);
fs.writeFileSync(path.join(out, 'scale.md'), markdown);
console.log(`\n${markdown}`);
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query('DROP DATABASE flaskblog_scale WITH (FORCE)'); // gigabytes at 2M posts; every run loads afresh
await admin.end();
log('Done: bench/results/scale.{json,md}');
