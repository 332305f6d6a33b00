// npm run generate (and postinstall): the Prisma client and Pothos types in src/generated/.
// `prisma generate` needs no schema engine, but the CLI looks for one unless this points at an existing file;
// where the engine cannot be downloaded, any file will do. Plain JavaScript: it runs before anything is built.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

try {
  createRequire(import.meta.url).resolve('prisma/package.json');
} catch {
  // `npm ci --omit=dev` after a build: the build already holds the generated client.
  console.log('Prisma CLI not installed (a production install): nothing to generate.');
  process.exit(0);
}
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url);
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const result = spawnSync('prisma', ['generate'], { stdio: 'inherit', env, shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
