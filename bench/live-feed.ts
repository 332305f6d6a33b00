// npm run bench:live: what one write costs the server when N graphql-ws subscribers watch the feed.
// The server is the real one (src/main.ts) on PostgreSQL, in its own process (its CPU is read from /proc);
// subscribers connect from several loopback addresses (127.0.0.x), as many clients would. Per write: statements
// that read posts (pg_stat_user_tables index and sequential scans), server CPU, and delivery latency (p50, p99)
// from the write's request to each subscriber's message.
// Usage: tsx bench/live-feed.ts [1000,3000] [checkout,...]: each audience against the server of each checkout in turn
// (default: this one), so a before/after comparison shares one run. BENCH_LIVE_PROFILE=<dir> writes each server's
// CPU profile there (node --cpu-prof).
import path from 'node:path';
import pg from 'pg';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startScript } from './servers.ts';

const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const AUDIENCES = (process.argv[2] ?? '1000,3000').split(',').map(Number);
const CHECKOUTS = (process.argv[3] ?? path.resolve(import.meta.dirname, '..')).split(',');
const PROFILE_DIR = process.env.BENCH_LIVE_PROFILE;
const WRITES = Number(process.env.BENCH_LIVE_WRITES ?? 10);
const PER_SOCKET = 20; // operations per socket (the server allows 25)
const PER_ADDRESS = 15; // sockets per client address (the server allows 20)
const QUERY = 'subscription { postChanged { kind postId post { title author { username } } } }';

const percentile = (values: number[], p: number) => values.sort((a, b) => a - b)[Math.floor((values.length - 1) * p)]!;

async function database(): Promise<string> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS flaskblog_live_bench WITH (FORCE)');
  await admin.query('CREATE DATABASE flaskblog_live_bench');
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = '/flaskblog_live_bench';
  return url.toString();
}

async function postScans(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await new Promise((resolve) => setTimeout(resolve, 1200)); // PostgreSQL flushes table statistics about every second
  const { rows } = await client.query(
    "SELECT coalesce(idx_scan, 0) + coalesce(seq_scan, 0) AS scans FROM pg_stat_user_tables WHERE relname = 'posts'",
  );
  await client.end();
  return Number(rows[0]?.scans ?? 0);
}

async function run(audience: number, checkout: string) {
  const url = await database();
  const server = await startScript(
    path.join(checkout, 'src/main.ts'),
    {
      ...(PROFILE_DIR && {
        NODE_OPTIONS: `--import=${path.join(import.meta.dirname, 'live-profile.mjs')}`,
        BENCH_LIVE_PROFILE: PROFILE_DIR,
      }),
      NODE_ENV: 'production',
      DATABASE_URL: url,
      MAX_SUBSCRIPTIONS_PER_CLIENT: '100000',
      MUTATIONS_PER_MINUTE: '100000',
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256',
      MAIL_TRANSPORT: 'outbox',
      BCRYPT_COST: '4',
    },
    '/ready',
  );
  const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  };
  const input = { username: 'Bench', email: 'bench@example.com', password: 'correct horse battery' };
  await post('mutation ($input: RegisterInput!) { register(input: $input) { __typename } }', {
    input: { ...input, confirmPassword: input.password },
  });
  const login = await post(
    'mutation ($input: LoginInput!) { login(input: $input) { ... on LoginSuccess { token } } }',
    { input: { email: input.email, password: input.password } },
  );
  const token: string = login.data.login.token;

  const received: number[][] = [];
  const clients = [];
  const rssIdle = server.rssMb();
  for (let socket = 0; socket * PER_SOCKET < audience; socket++) {
    const localAddress = `127.0.0.${2 + Math.floor(socket / PER_ADDRESS)}`;
    class FromAddress extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { localAddress });
      }
    }
    const client = createClient({
      url: server.url.replace('http', 'ws'),
      webSocketImpl: FromAddress,
      retryAttempts: 0,
    });
    clients.push(client);
    for (let i = 0; i < PER_SOCKET && socket * PER_SOCKET + i < audience; i++) {
      const times: number[] = [];
      received.push(times);
      client.subscribe(
        { query: QUERY },
        { next: () => void times.push(performance.now()), error: (e) => console.error(e), complete: () => {} },
      );
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 3000 + audience)); // every subscription opened on the server
  const rssPerSubscriberKb = ((server.rssMb() - rssIdle) * 1024) / audience;
  const rows: { scans: number; cpuMs: number; p50: number; p99: number }[] = [];
  for (let write = 0; write < WRITES; write++) {
    const scansBefore = await postScans(url);
    const cpuBefore = server.cpuMs();
    const start = performance.now();
    await post(
      'mutation ($input: CreatePostInput!) { createPost(input: $input) { __typename } }',
      { input: { title: `Live ${write}`, content: 'x' } },
      token,
    );
    while (received.some((times) => times.length <= write)) await new Promise((resolve) => setTimeout(resolve, 10));
    const latencies = received.map((times) => times[write]! - start);
    const cpuMs = server.cpuMs() - cpuBefore;
    rows.push({
      scans: (await postScans(url)) - scansBefore,
      cpuMs,
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
    });
  }
  for (const client of clients) await client.dispose();
  await server.stop();
  const median = (key: keyof (typeof rows)[number]) =>
    percentile(
      rows.map((row) => row[key]),
      0.5,
    );
  const range = (key: keyof (typeof rows)[number]) =>
    `${Math.round(Math.min(...rows.map((row) => row[key])))}–${Math.round(Math.max(...rows.map((row) => row[key])))}`;
  console.log(
    `| ${path.basename(checkout)} | ${audience} | ${median('scans')} (${range('scans')}) | ${Math.round(median('cpuMs'))} (${range('cpuMs')}) | ${Math.round(median('p50'))} | ${Math.round(median('p99'))} (${range('p99')}) | ${Math.round(rssPerSubscriberKb)} |`,
  );
}

console.log(
  '| server | subscribers | post reads per write (median, range) | server CPU ms per write | delivery p50 ms | delivery p99 ms | server RSS added per subscriber, KB |',
);
console.log('|---|---|---|---|---|---|---|');
for (const audience of AUDIENCES) for (const checkout of CHECKOUTS) await run(audience, checkout);
