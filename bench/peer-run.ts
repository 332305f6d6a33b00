// The comparison with PostGraphile v5: part of `npm run bench` on PostgreSQL, or alone with `npm run bench:peer`.
import path from 'node:path';
import { BENCH_PASSWORD } from './data.ts';
import { alternate, measure, mixedWorkload, type PeerMeasure, startContenders } from './peer.ts';

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
  log('Mixed: 95% anonymous reads, 4% signed-in reads, 1% writes, cache on');
  const login = await fetch(servers.apiCached!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation ($i: LoginInput!) { login(input: $i) { ... on LoginSuccess { token } } }',
      variables: { i: { email: 'bench2@bench.test', password: BENCH_PASSWORD } },
    }),
  });
  const token: string = (await login.json()).data.login.token;
  const mixed = await measure(url, servers.apiCached!, {
    ...mixedWorkload(token),
    seconds: options.seconds,
    connections: options.connections,
  });
  await Promise.all(Object.values(servers).map((server) => server.stop()));

  const rows: Record<string, ReturnType<typeof summary>> = {};
  for (const [key, runs] of Object.entries(uncached)) rows[key] = summary(runs);
  // Each ratio compares runs that alternated: PostGraphile's runs beside the cached API are a row of their own
  // (they used to replace its runs beside the uncached API, which then compared runs of different phases).
  for (const [key, runs] of Object.entries(cached))
    rows[key === 'feed.postgraphile' ? 'cachedPhase.postgraphile' : key] = summary(runs);
  rows['mixed.apiCached'] = summary([mixed]);
  const ratio = (a: string, b: string) => +(rows[a]!.requestsPerSecond / rows[b]!.requestsPerSecond).toFixed(2);
  const ratios = {
    feedVsPostgraphile: ratio('feed.api', 'feed.postgraphile'),
    userPageVsPostgraphile: ratio('userPage.api', 'userPage.postgraphile'),
    cachedFeedVsPostgraphile: ratio('feed.apiCached', 'cachedPhase.postgraphile'),
    feedVsCeiling: ratio('feed.api', 'feed.ceiling'),
    postgraphileFeedVsCeiling: ratio('feed.postgraphile', 'feed.ceiling'),
  };
  return { rows, ratios, rounds: options.rounds };
}

export function peerMarkdown({ rows, ratios, rounds }: Awaited<ReturnType<typeof runPeerComparison>>): string {
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
    `- Feed, uncached: **${ratios.feedVsPostgraphile}×** PostGraphile's throughput (target ≥ 1.0×); user page **${ratios.userPageVsPostgraphile}×**.`,
    `- Feed, cached: **${ratios.cachedFeedVsPostgraphile}×** PostGraphile (target ≥ 3×).`,
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
  const database = await prepareBenchDatabase(adminUrl, Number(process.env.BCRYPT_COST ?? 4));
  const result = await runPeerComparison({
    url: database.url,
    apiEnv: {
      NODE_ENV: 'production',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret!',
      MAIL_TRANSPORT: 'outbox',
      LOG_LEVEL: 'warn',
      MUTATIONS_PER_MINUTE: '100000',
      BCRYPT_COST: process.env.BCRYPT_COST ?? '4',
      ...database.serverEnv,
    },
    seconds: Number(process.env.BENCH_SECONDS ?? 8),
    connections: 32,
    rounds: Number(process.env.BENCH_ROUNDS ?? 3),
    log: console.log,
  });
  console.log(`\n${peerMarkdown(result)}`);
  process.exit(0);
}
