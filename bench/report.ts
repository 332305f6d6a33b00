import os from 'node:os';
import { TOPICS } from './data.ts';
import type { LoadResult } from './load.ts';

interface Inputs {
  feedRuns: LoadResult[];
  ceilingRuns: LoadResult[];
  results: Record<string, LoadResult>;
  statements: Record<string, number>;
  /** EXPLAIN ANALYZE of one search page's statement. */
  searchPlan: string;
  cores: number;
  settings: { connections: number; seconds: number; bcryptCost: number; users: number; posts: number };
  loadSeconds: number;
  database: string;
}

const mean = (runs: LoadResult[]): LoadResult => {
  const avg = (pick: (r: LoadResult) => number) => Math.round(runs.reduce((sum, r) => sum + pick(r), 0) / runs.length);
  const total = (pick: (r: LoadResult) => number) => runs.reduce((sum, r) => sum + pick(r), 0);
  return {
    requestsPerSecond: avg((r) => r.requestsPerSecond),
    p50: avg((r) => r.p50),
    p99: avg((r) => r.p99),
    requests: total((r) => r.requests),
    non2xx: total((r) => r.non2xx),
    errors: total((r) => r.errors),
  };
};

/** The results as JSON and as the Markdown table docs/performance.md quotes. */
export function report({
  feedRuns,
  ceilingRuns,
  results,
  statements,
  searchPlan,
  cores,
  settings,
  loadSeconds,
  database,
}: Inputs) {
  const feed = mean(feedRuns);
  const ceiling = ceilingRuns.length ? mean(ceilingRuns) : undefined;
  const ratio = (a: number, b: number) => +(a / b).toFixed(2);
  const summary = {
    feedToCeiling: ceiling ? ratio(feed.requestsPerSecond, ceiling.requestsPerSecond) : null,
    feedStatements: statements.feed,
    mixedP99VersusAloneWorkers: ratio(results.mixedWorkers!.p99, feed.p99),
    mixedP99VersusAloneInline: ratio(results.mixedInline!.p99, results.feedInline!.p99),
    clusterScaling: results.feedCluster ? ratio(results.feedCluster.requestsPerSecond, feed.requestsPerSecond) : null,
  };
  const json = {
    date: new Date().toISOString(),
    machine: { cores, cpu: os.cpus()[0]?.model, node: process.version, database },
    settings,
    loadSeconds,
    summary,
    statements,
    searchPlan,
    results: { feed, ceiling, ...results },
  };
  const row = (name: string, r: LoadResult | undefined, sql?: number) =>
    r ? `| ${name} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${sql ?? ''} | ${r.non2xx + r.errors} |` : '';
  const rows = [
    row('(a) feed, 20 posts + authors', feed, statements.feed),
    row('ceiling: node:http + pg, one query', ceiling, 1),
    row('(b) user page + totalCount', results.userPage, statements.userPage),
    row(
      `(c) deep page (cursor at ${(settings.posts / 2).toLocaleString('en')})`,
      results.deepPage,
      statements.deepPage,
    ),
    row(
      `search page, 20 of ${Math.round(settings.posts / TOPICS)} matches, ranked, with excerpts`,
      results.search,
      statements.search,
    ),
    row('(d) createPost', results.createPost, statements.createPost),
    row('(e) login (8 connections)', results.login, statements.login),
    row('(f) feed while logins run, bcrypt in workers', results.mixedWorkers),
    row('feed alone, bcrypt on the event loop', results.feedInline),
    row('(f) feed while logins run, bcrypt on the event loop', results.mixedInline),
    row(`feed, ${cores} processes (cluster)`, results.feedCluster),
  ];
  const findings = [
    ceiling
      ? `- Feed throughput: **${Math.round(summary.feedToCeiling! * 100)}% of the ceiling** (target ≥ 50%).`
      : '- No ceiling: it needs PostgreSQL (set BENCH_DATABASE_URL).',
    `- SQL statements per feed request: **${statements.feed}** (target ≤ 2).`,
    `- Feed p99 while logins run: **${summary.mixedP99VersusAloneWorkers}×** its value alone with bcrypt in worker threads; ${summary.mixedP99VersusAloneInline}× with bcrypt on the event loop (target < 2×).`,
    summary.clusterScaling
      ? `- ${cores} processes serve **${summary.clusterScaling}×** the feed throughput of one (the load generator and the database share these ${cores} cores).`
      : '',
    `- Search: **${statements.search}** SQL statement per page; ${/posts_search_idx/.test(searchPlan) ? '**the plan uses the GIN index** `posts_search_idx`' : '**the plan does not use the GIN index**'} (plan below).`,
    `- Data load: ${loadSeconds.toFixed(1)} s.`,
  ];
  const markdown = [
    `# Benchmark, ${json.date}`,
    '',
    `${cores} cores (${json.machine.cpu}), Node ${process.version}, ${database}; ${settings.users} users, ${settings.posts} posts; ${settings.connections} connections, ${settings.seconds} s a run; bcrypt cost ${settings.bcryptCost}.`,
    '',
    '| workload | req/s | p50 ms | p99 ms | SQL/request | failed |',
    '|---|---|---|---|---|---|',
    ...rows.filter(Boolean),
    '',
    ...findings.filter(Boolean),
    '',
    'Search page plan (`EXPLAIN ANALYZE`):',
    '',
    '```',
    searchPlan,
    '```',
    '',
  ].join('\n');
  return { json, markdown };
}
