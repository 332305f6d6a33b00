// This API beside PostGraphile v5 and the raw ceiling, alternating in one run: req/s, latency, the server's CPU
// time per request and the statements PostgreSQL committed per request.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { USERS } from './data.ts';
import { drive, type LoadResult } from './load.ts';
import { type Running, startScript } from './servers.ts';

const random = (n: number) => 1 + Math.floor(Math.random() * n);

export type Page = 'feed' | 'userPage';
export type Contender = 'api' | 'apiCached' | 'postgraphile' | 'ceiling';

/** The same two pages, in each server's own schema. */
const API = {
  feed: `{ posts(first: 20) { edges { node { title content datePosted author { username imageUrl } } } } }`,
  userPage: `query ($username: String!) { user(username: $username) { username posts(first: 20) { totalCount edges { node { title datePosted } } } } }`,
};
const POSTGRAPHILE = {
  feed: `{ allPosts(first: 20, orderBy: [DATE_POSTED_DESC, PRIMARY_KEY_DESC]) { nodes { title content datePosted userByAuthorId { username imageFile } } } }`,
  // Our username uniqueness is an index (Prisma's), which PostGraphile exposes as a condition, not a field.
  userPage: `query ($username: String!) { allUsers(condition: { username: $username }, first: 1) { nodes { username postsByAuthorId(first: 20, orderBy: [DATE_POSTED_DESC, PRIMARY_KEY_DESC]) { totalCount nodes { title datePosted } } } } }`,
};

export function bodyFor(contender: Contender, page: Page): () => unknown {
  const query = (contender === 'postgraphile' ? POSTGRAPHILE : API)[page];
  return page === 'feed' ? () => ({ query }) : () => ({ query, variables: { username: `bench${random(USERS)}` } });
}

export interface PeerMeasure extends LoadResult {
  cpuMsPerRequest: number;
  sqlPerRequest: number;
}

/** Transactions PostgreSQL has committed in the bench database (a statement outside a transaction is one). */
async function committed(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT xact_commit::float8 AS n FROM pg_stat_database WHERE datname = current_database()`,
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

const PEER = path.join(import.meta.dirname, 'peer');

/**
 * Installs the peer (bench/peer: PostGraphile and its stack, pinned by its own lock) when bench/peer/node_modules
 * is missing or was installed from another lock. It is not the product's dependency, so `npm install` leaves it out.
 */
export function installPeer(): void {
  const lock = createHash('sha256')
    .update(fs.readFileSync(path.join(PEER, 'package-lock.json')))
    .digest('hex');
  const marker = path.join(PEER, 'node_modules', '.installed-lock-sha256');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === lock) return;
  console.log('Installing the benchmark peer (npm ci --prefix bench/peer)');
  const npm = spawnSync('npm', ['ci', '--prefix', PEER, '--no-audit', '--no-fund'], { stdio: 'inherit' });
  if (npm.status !== 0) throw new Error(`npm ci --prefix bench/peer failed (${npm.status ?? npm.signal})`);
  fs.writeFileSync(marker, lock);
}

/** Starts each contender on the bench database; `apiEnv` is the API's environment (its cache is set here). */
export async function startContenders(url: string, apiEnv: Record<string, string>, which: Contender[]) {
  const scripts: Record<Contender, () => Promise<Running>> = {
    api: () => startScript('src/main.ts', { ...apiEnv, RESPONSE_CACHE: 'off' }, '/ready'),
    apiCached: () => startScript('src/main.ts', { ...apiEnv, RESPONSE_CACHE: 'memory' }, '/ready'),
    // Production mode, as this API runs: graphql-js and Grafast do extra checks in development.
    postgraphile: () =>
      startScript(
        'bench/peer/server.ts',
        { DATABASE_URL: url, NODE_ENV: 'production', GRAPHILE_ENV: 'production' },
        '/graphql',
      ),
    ceiling: () => startScript('bench/ceiling.ts', { DATABASE_URL: url }, '/'),
  };
  if (which.includes('postgraphile')) installPeer();
  const started: Partial<Record<Contender, Running>> = {};
  for (const contender of which) started[contender] = await scripts[contender]();
  return started;
}

/** Runs one load against one server and measures its CPU time and committed statements per request. */
export async function measure(
  url: string,
  server: Running,
  load: Omit<Parameters<typeof drive>[0], 'url'>,
): Promise<PeerMeasure> {
  const [cpuBefore, sqlBefore] = [server.cpuMs(), await committed(url)];
  const result = await drive({ ...load, url: server.url });
  await new Promise((resolve) => setTimeout(resolve, 1500)); // backends publish their statistics when idle
  const [cpuAfter, sqlAfter] = [server.cpuMs(), await committed(url)];
  const requests = Math.max(1, result.requests);
  return {
    ...result,
    cpuMsPerRequest: (cpuAfter - cpuBefore) / requests,
    sqlPerRequest: Math.max(0, sqlAfter - sqlBefore - 1) / requests,
  };
}

const WARM_UP_SECONDS = 3;

/** `rounds` rounds in which every contender serves every page once, in turn. */
export async function alternate(options: {
  url: string;
  servers: Partial<Record<Contender, Running>>;
  pages: Page[];
  rounds: number;
  seconds: number;
  connections: number;
  log: (message: string) => void;
}): Promise<Record<string, PeerMeasure[]>> {
  const runs: Record<string, PeerMeasure[]> = {};
  // Unmeasured first: every contender's JIT warms up on every page, so round one measures the same servers as
  // the rounds after it (a cold Node process spends a third more CPU per request in its first seconds).
  for (const page of options.pages) {
    for (const [contender, server] of Object.entries(options.servers) as [Contender, Running][]) {
      await drive({
        url: server.url,
        body: bodyFor(contender, page),
        seconds: WARM_UP_SECONDS,
        connections: options.connections,
      });
    }
  }
  for (let round = 0; round < options.rounds; round++) {
    for (const page of options.pages) {
      for (const [contender, server] of Object.entries(options.servers) as [Contender, Running][]) {
        const result = await measure(options.url, server, {
          body: bodyFor(contender, page),
          seconds: options.seconds,
          connections: options.connections,
        });
        const key = `${page}.${contender}`;
        runs[key] = [...(runs[key] ?? []), result];
        options.log(
          `${page} ${contender}: ${result.requestsPerSecond} req/s, p99 ${result.p99} ms, ${result.cpuMsPerRequest.toFixed(2)} ms CPU`,
        );
      }
    }
  }
  return runs;
}

/** Who the mixed workload's signed-in requests and writes are: a token for this API, the row id for PostGraphile. */
export interface MixedViewer {
  token: string;
  id: number;
}

/** The mixed workload's write: `createPost`, in each server's own schema. */
export function mixedWrite(contender: 'apiCached' | 'postgraphile', viewer: MixedViewer) {
  const input = { title: `Mixed ${random(1e9)}`, content: 'Written by the benchmark.' };
  const query = `mutation ($input: CreatePostInput!) { createPost(input: $input) { __typename } }`;
  // PostGraphile's input is the row: updated_at has no default in the table (Prisma sets it), date_posted now().
  return contender === 'apiCached'
    ? { query, variables: { input } }
    : { query, variables: { input: { post: { ...input, authorId: viewer.id, updatedAt: new Date().toISOString() } } } };
}

/**
 * 95% anonymous reads (feed 80%, user page 20%), 4% signed-in reads, 1% createPost, on one server. PostGraphile
 * has no viewer (no `me`, no sessions): its "signed-in" reads are the feed query and its writes its generated
 * `createPost` with the author's id, so it does less per request than this API (no token check, no budget).
 */
export function mixedWorkload(contender: 'apiCached' | 'postgraphile', viewer: MixedViewer) {
  let kind = 'read';
  const signedIn = {
    apiCached: () => ({ query: `{ me { username postCount } posts(first: 20) { edges { node { title } } } }` }),
    postgraphile: bodyFor('postgraphile', 'feed'),
  };
  return {
    headersFor: (): Record<string, string> => {
      const roll = Math.random();
      kind = roll < 0.95 ? 'read' : roll < 0.99 ? 'signedIn' : 'write';
      return kind === 'read' ? {} : { authorization: `Bearer ${viewer.token}` };
    },
    body: () => {
      if (kind === 'write') return mixedWrite(contender, viewer);
      if (kind === 'signedIn') return signedIn[contender]();
      return bodyFor(contender, Math.random() < 0.8 ? 'feed' : 'userPage')();
    },
  };
}
