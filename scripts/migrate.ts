// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the embedded database under DATA_DIR.
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { migrate } from '../src/db/migrate.ts';

if (fs.existsSync('.env')) process.loadEnvFile('.env');
const config = loadConfig();
const embedded = config.database.url
  ? undefined
  : await startEmbeddedPostgres(path.join(config.server.dataDir, 'pglite'));
try {
  const applied = await migrate({ url: config.database.url ?? embedded!.url, log: console.log });
  console.log(applied.length ? `Applied ${applied.length} migration(s).` : 'Already up to date.');
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await embedded?.stop();
}
