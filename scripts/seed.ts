// npm run db:seed: loads the demo blog (idempotent) into DATABASE_URL or the embedded database.
import fs from 'node:fs';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { RANDOM_DEMO_PASSWORDS, seedDemoBlog } from '../src/db/seed.ts';
import { createLogger } from '../src/logger.ts';

if (fs.existsSync('.env')) process.loadEnvFile('.env');
const config = loadConfig();
const database = await openDatabase(
  { ...config, database: { ...config.database, seedOnStart: false } },
  createLogger(config.log),
);
try {
  const randomPasswords = config.server.nodeEnv === 'production';
  const { users, posts } = await seedDemoBlog(database.prisma, { randomPasswords });
  console.log(`Demo blog loaded: ${users} new user(s), ${posts} new post(s).`);
  if (randomPasswords && users) console.log(RANDOM_DEMO_PASSWORDS);
} finally {
  await database.close();
}
