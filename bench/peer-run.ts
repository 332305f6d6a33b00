// The comparison with PostGraphile v5: part of `npm run bench` on PostgreSQL, or alone with `npm run bench:peer`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { BENCH_PASSWORD, POSTS, USERS } from './data.ts';
import { drive } from './load.ts';
import {
  alternate,
  type MixedViewer,
  measure,
  mixedWorkload,
  mixedWrite,
  type PeerMeasure,
  startContenders,
} from './peer.ts';
import { benchApiEnv } from './servers.ts';

export interface PeerOptions {
  url: string;
  apiEnv: Record<string, string>;
  seconds: number;
  connections: number;
  rounds: number;
  log: (message: string) => void;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function summary(runs: PeerMeasure[]) {
  return {
    requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    cpuMsPerRequest: +median(runs.map((run) => run.cpuMsPerRequest)).toFixed(2),
    sqlPerRequest: +median(runs.map((run) => run.sqlPerRequest)).toFixed(2),
    failed: runs.reduce((sum, run) => sum + run.non2xx + run.errors, 0),
  };
}

/** Signs `username` in on the API for its token, and reads its row id for PostGraphile's writes. */
async function signIn(url: string, apiUrl: string, username: string): Promise<MixedViewer> {
  const login = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($i: LoginInput!) { login(input: $i) { ... on LoginSuccess { token } } }',
      variables: { i: { email: `${username}@bench.test`, password: BENCH_PASSWORD } },
    }),
  });
  const token: string = (await login.json()).data.login.token;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [username]);
  await client.end();
  return { token, id: rows[0]!.id };
}

export async function runPeerComparison(options: PeerOptions) {
  const { url, apiEnv, log } = options;
  const load = { seconds: options.seconds, connections: options.connections, rounds: options.rounds, log, url };

  log('Uncached: this API (cache off), PostGraphile, the ceiling; feed and user page, alternating');
  let servers = await startContenders(url, apiEnv, ['api', 'postgraphile', 'ceiling']);
  const uncached = await alternate({ ...load, servers, pages: ['feed', 'userPage'] });
  await Promise.all(Object.values(servers).map((server) => server.stop()));

  log('Cached: this API (response cache on) and PostGraphile, feed');
  servers = await startContenders(url, apiEnv, ['apiCached', 'postgraphile']);
  const cached = await alternate({ ...load, servers, pages: ['feed'] });
  log('Mixed: 95% anonymous reads, 4% signed-in reads, 1% writes; this API (cache on) and PostGraphile, alternating');
  const viewer = await signIn(url, servers.apiCached!.url, 'bench2');
  const mixedRuns: Record<'apiCached' | 'postgraphile', PeerMeasure[]> = { apiCached: [], postgraphile: [] };
  const mixedLoad = (contender: keyof typeof mixedRuns, seconds: number) => ({
    ...mixedWorkload(contender, viewer),
    seconds,
    connections: options.connections,
  });
  for (const contender of ['apiCached', 'postgraphile'] as const) {
    // A write that failed would still be a 200 with `errors`: fast, and not the workload.
    const answer = await fetch(servers[contender]!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${viewer.token}` },
      body: JSON.stringify(mixedWrite(contender, viewer)),
    }).then((response) => response.json());
    if (answer.errors || !/^CreatePost(Success|Payload)$/.test(answer.data?.createPost?.__typename))
      throw new Error(`${contender}'s createPost failed: ${JSON.stringify(answer).slice(0, 300)}`);
  }
  for (const contender of ['apiCached', 'postgraphile'] as const)
    await drive({ ...mixedLoad(contender, 3), url: servers[contender]!.url }); // warm-up, unmeasured
  for (let round = 0; round < options.rounds; round++) {
    for (const contender of ['apiCached', 'postgraphile'] as const) {
      const result = await measure(url, servers[contender]!, mixedLoad(contender, options.seconds));
      mixedRuns[contender].push(result);
      log(
        `mixed ${contender}: ${result.requestsPerSecond} req/s, p99 ${result.p99} ms, ${result.non2xx + result.errors} failed`,
      );
    }
  }
  await Promise.all(Object.values(servers).map((server) => server.stop()));

  const rows: Record<string, ReturnType<typeof summary>> = {};
  for (const [key, runs] of Object.entries(uncached)) rows[key] = summary(runs);
  // Each ratio compares runs that alternated: PostGraphile's runs beside the cached API are a row of their own
  // (they used to replace its runs beside the uncached API, which then compared runs of different phases).
  for (const [key, runs] of Object.entries(cached))
    rows[key === 'feed.postgraphile' ? 'cachedPhase.postgraphile' : key] = summary(runs);
  rows['mixed.apiCached'] = summary(mixedRuns.apiCached);
  rows['mixed.postgraphile'] = summary(mixedRuns.postgraphile);
  const ratio = (a: string, b: string) => +(rows[a]!.requestsPerSecond / rows[b]!.requestsPerSecond).toFixed(2);
  const ratios = {
    feedVsPostgraphile: ratio('feed.api', 'feed.postgraphile'),
    userPageVsPostgraphile: ratio('userPage.api', 'userPage.postgraphile'),
    cachedFeedVsPostgraphile: ratio('feed.apiCached', 'cachedPhase.postgraphile'),
    mixedVsPostgraphile: ratio('mixed.apiCached', 'mixed.postgraphile'),
    feedVsCeiling: ratio('feed.api', 'feed.ceiling'),
    postgraphileFeedVsCeiling: ratio('feed.postgraphile', 'feed.ceiling'),
  };
  // The mixed runs alternate in pairs: each round's own ratio shows the spread behind the medians' one.
  const mixedRounds = mixedRuns.apiCached.map(
    (run, i) => +(run.requestsPerSecond / mixedRuns.postgraphile[i]!.requestsPerSecond).toFixed(2),
  );
  return { rows, ratios, mixedRounds, rounds: options.rounds };
}

export function peerMarkdown({
  rows,
  ratios,
  mixedRounds,
  rounds,
}: Awaited<ReturnType<typeof runPeerComparison>>): string {
  const names: Record<string, string> = {
    'feed.api': 'feed: this API, uncached',
    'feed.postgraphile': 'feed: PostGraphile v5 (amber)',
    'feed.ceiling': 'feed: ceiling (node:http + pg, one query)',
    'userPage.api': 'user page + totalCount: this API, uncached',
    'userPage.postgraphile': 'user page + totalCount: PostGraphile v5',
    'userPage.ceiling': 'user page + totalCount: ceiling',
    'feed.apiCached': 'feed: this API, response cache on',
    'cachedPhase.postgraphile': 'feed: PostGraphile v5, beside the cached API',
    'mixed.apiCached': 'mixed 95/4/1: this API, cache on',
    'mixed.postgraphile': 'mixed 95/4/1: PostGraphile v5 (its feed for the signed-in reads, its createPost)',
  };
  const lines = [
    `## Side by side with PostGraphile (medians of ${rounds} alternating rounds)`,
    '',
    '| workload | req/s | p50 ms | p99 ms | server CPU ms/request | SQL/request | failed |',
    '|---|---|---|---|---|---|---|',
    ...Object.entries(rows).map(
      ([key, row]) =>
        `| ${names[key] ?? key} | ${row.requestsPerSecond} | ${row.p50} | ${row.p99} | ${row.cpuMsPerRequest} | ${row.sqlPerRequest} | ${row.failed} |`,
    ),
    '',
    `- Feed, uncached: **${ratios.feedVsPostgraphile}×** PostGraphile's throughput (target ≥ 1.2×); user page **${ratios.userPageVsPostgraphile}×** (its \`totalCount\` reads a counter here, PostGraphile's counts the user's posts).`,
    `- Feed, cached: **${ratios.cachedFeedVsPostgraphile}×** PostGraphile (target ≥ 3×).`,
    `- Mixed 95/4/1, cache on: **${ratios.mixedVsPostgraphile}×** PostGraphile's throughput in the same rounds (target ≥ 2×; round by round ${mixedRounds.join(', ')}). PostGraphile has no \`me\`: its signed-in reads are the feed query, and its writes its generated \`createPost\` with an author id (no token check, no mutation budget, no events).`,
    `- Of the ceiling: this API ${ratios.feedVsCeiling}×, PostGraphile ${ratios.postgraphileFeedVsCeiling}×.`,
    '- SQL/request is what PostgreSQL counted (committed transactions per request), not what the server says it sent.',
    '',
  ];
  return lines.join('\n');
}

if (import.meta.filename === path.resolve(process.argv[1] ?? '')) {
  const { prepareBenchDatabase } = await import('./database.ts');
  const adminUrl =
    process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
  const bcryptCost = Number(process.env.BCRYPT_COST ?? 4);
  const seconds = Number(process.env.BENCH_SECONDS ?? 8);
  // BENCH_DATABASE_NAME: another database than flaskblog_bench, e.g. to try a change beside a running `npm run bench`.
  const database = await prepareBenchDatabase(adminUrl, bcryptCost, { name: process.env.BENCH_DATABASE_NAME });
  const result = await runPeerComparison({
    url: database.url,
    apiEnv: { ...benchApiEnv(bcryptCost), ...database.serverEnv },
    seconds,
    connections: 32,
    rounds: Number(process.env.BENCH_ROUNDS ?? 3),
    log: console.log,
  });
  const markdown = [
    `# PostGraphile comparison, ${new Date().toISOString()}`,
    '',
    `\`npm run bench:peer\`: ${os.availableParallelism()} cores (${os.cpus()[0]?.model}), Node ${process.version}, PostgreSQL; ${USERS} users, ${POSTS} posts; 32 connections, ${seconds} s a run; load average (1 min) ${os.loadavg()[0]!.toFixed(1)} at the end.`,
    '',
    peerMarkdown(result).replace(/^## /, '### '),
  ].join('\n');
  const out = path.resolve(import.meta.dirname, 'results');
  fs.writeFileSync(path.join(out, 'peer.md'), markdown);
  fs.writeFileSync(path.join(out, 'peer.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${markdown}`);
  process.exit(0);
}
