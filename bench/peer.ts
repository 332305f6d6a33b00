// The feed and a user's page on this API, PostGraphile v5 and the raw ceiling, alternating in one run.
import pg from 'pg';
import { USERS } from './data.ts';
import { drive, type LoadResult } from './load.ts';
import { type Running, startScript } from './servers.ts';

const random = (n: number) => 1 + Math.floor(Math.random() * n);

/** The same two pages, in each server's own schema. */
const DOCUMENTS = {
  api: {
    feed: `{ posts(first: 20) { edges { node { title content datePosted author { username imageUrl } } } } }`,
    userPage: `query ($username: String!) { user(username: $username) { username posts(first: 20) { totalCount edges { node { title datePosted } } } } }`,
  },
  postgraphile: {
    feed: `{ allPosts(first: 20, orderBy: [DATE_POSTED_DESC, PRIMARY_KEY_DESC]) { nodes { title content datePosted userByAuthorId { username imageFile } } } }`,
    // Our username uniqueness is an index (Prisma's), which PostGraphile exposes as a condition, not a field.
    userPage: `query ($username: String!) { allUsers(condition: { username: $username }, first: 1) { nodes { username postsByAuthorId(first: 20, orderBy: [DATE_POSTED_DESC, PRIMARY_KEY_DESC]) { totalCount nodes { title datePosted } } } } }`,
  },
} as const;

export interface PeerMeasure extends LoadResult {
  cpuMsPerRequest: number;
  sqlPerRequest: number;
}

export type Contender = 'api' | 'postgraphile' | 'ceiling';

/** Transactions PostgreSQL has committed in the bench database: statements outside a transaction count one each. */
async function committed(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT pg_stat_force_next_flush(); SELECT xact_commit::float8 AS n FROM pg_stat_database WHERE datname = current_database()`).then((results: any) => results[1]);
    return rows[0].n;
  } finally {
    await client.end();
  }
}

/**
 * `rounds` rounds of A/B/C for each page; each run reports req/s, latency, the server's CPU time per request
 * and the transactions PostgreSQL committed per request. The API runs with `apiEnv` (e.g. its cache off).
 */
export async function comparePeers(options: {
  url: string;
  apiEnv: Record<string, string>;
  seconds: number;
  connections: number;
  rounds: number;
  log: (message: string) => void;
}): Promise<Record<'feed' | 'userPage', Record<Contender, PeerMeasure[]>>> {
  const servers: Record<Contender, Running> = {
    api: await startScript('src/main.ts', options.apiEnv, '/ready'),
    postgraphile: await startScript('bench/postgraphile.ts', { DATABASE_URL: options.url }, '/graphql?query=%7B__typename%7D'),
    ceiling: await startScript('bench/ceiling.ts', { DATABASE_URL: options.url }, '/'),
  };
  const results = { feed: { api: [], postgraphile: [], ceiling: [] }, userPage: { api: [], postgraphile: [], ceiling: [] } } as Record<
    'feed' | 'userPage',
    Record<Contender, PeerMeasure[]>
  >;
  try {
    for (let round = 0; round < options.rounds; round++) {
      for (const page of ['feed', 'userPage'] as const) {
        for (const contender of ['api', 'postgraphile', 'ceiling'] as const) {
          const query = contender === 'postgraphile' ? DOCUMENTS.postgraphile[page] : DOCUMENTS.api[page];
          const body = () => (page === 'feed' ? { query } : { query, variables: { username: `bench${random(USERS)}` } });
          const server = servers[contender];
          const [cpuBefore, sqlBefore] = [server.cpuMs(), await committed(options.url)];
          const load = await drive({ url: server.url, connections: options.connections, seconds: options.seconds, body });
          await new Promise((resolve) => setTimeout(resolve, 1500)); // idle backends publish their statistics
          const [cpuAfter, sqlAfter] = [server.cpuMs(), await committed(options.url)];
          results[page][contender].push({
            ...load,
            cpuMsPerRequest: (cpuAfter - cpuBefore) / Math.max(1, load.requests),
            sqlPerRequest: (sqlAfter - sqlBefore - 1) / Math.max(1, load.requests), // less the flush's own
          });
          options.log(`${page} ${contender}: ${load.requestsPerSecond} req/s, p99 ${load.p99} ms`);
        }
      }
    }
  } finally {
    await Promise.all(Object.values(servers).map((server) => server.stop()));
  }
  return results;
}
