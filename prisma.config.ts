// Configuration for the Prisma CLI. The server itself does not read it: see src/config.ts.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx scripts/seed.ts' },
  // Only `prisma migrate deploy` and friends need it; `prisma generate` does not.
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
