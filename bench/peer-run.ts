// npm run bench:peer: only the side-by-side comparison with PostGraphile (PostgreSQL at BENCH_DATABASE_URL).
import { prepareBenchDatabase } from './database.ts';
import { comparePeers } from './peer.ts';

const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test';
const database = await prepareBenchDatabase(url, 4);
const results = await comparePeers({
  url: database.url,
  apiEnv: { NODE_ENV: 'production', JWT_SECRET: 'bench-secret-bench-secret-bench-secret!', LOG_LEVEL: 'warn', MAIL_TRANSPORT: 'outbox', ...database.serverEnv },
  seconds: Number(process.env.BENCH_SECONDS ?? 6),
  connections: 32,
  rounds: Number(process.env.BENCH_ROUNDS ?? 2),
  log: console.log,
});
for (const [page, byContender] of Object.entries(results)) {
  for (const [contender, runs] of Object.entries(byContender)) {
    console.log(page, contender, runs.map((run) => `${run.requestsPerSecond}/s p99 ${run.p99} cpu ${run.cpuMsPerRequest.toFixed(2)} sql ${run.sqlPerRequest.toFixed(2)}`).join(' | '));
  }
}
process.exit(0);
