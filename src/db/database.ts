import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { connectPrisma, type Database } from './client.ts';
import { startEmbeddedPostgres } from './embedded.ts';
import { migrate } from './migrate.ts';
import { RANDOM_DEMO_PASSWORDS, seedDemoBlog } from './seed.ts';

export interface OpenDatabase extends Database {
  /** Disconnects Prisma, then stops the embedded database if there is one. */
  close(): Promise<void>;
}

type DatabaseConfig = { database: Config['database']; server: Pick<Config['server'], 'dataDir' | 'nodeEnv'> };

/** Opens PostgreSQL at DATABASE_URL, or the embedded PGlite under DATA_DIR; migrates and seeds as configured. */
export async function openDatabase(config: DatabaseConfig, logger: Logger): Promise<OpenDatabase> {
  const { dataDir, nodeEnv } = config.server;
  const {
    url: databaseUrl,
    poolSize,
    connectTimeoutMs,
    statementTimeoutMs,
    migrateOnStart,
    seedOnStart,
  } = config.database;
  const embedded = databaseUrl ? undefined : await startEmbeddedPostgres(path.join(dataDir, 'pglite'));
  const url = databaseUrl ?? embedded!.url;
  try {
    if (embedded) logger.info({ folder: path.join(dataDir, 'pglite') }, 'Embedded PostgreSQL (PGlite) started');
    if (migrateOnStart) {
      const applied = await migrate({ url, log: (message) => logger.info(message) });
      logger.info({ applied: applied.length }, 'Database migrations are up to date');
    }
    // PGlite is a single backend, so its pool holds one connection.
    const database = connectPrisma({
      url,
      poolSize: embedded ? 1 : poolSize,
      timeouts: { connectMs: connectTimeoutMs, statementMs: statementTimeoutMs },
      embedded: Boolean(embedded),
    });
    if (seedOnStart && (await database.prisma.user.count()) === 0) {
      const randomPasswords = nodeEnv === 'production';
      const seeded = await seedDemoBlog(database.prisma, { randomPasswords });
      if (!randomPasswords) logger.info(seeded, 'Loaded the demo blog into the empty database');
      else logger.warn(seeded, RANDOM_DEMO_PASSWORDS);
    }
    return {
      ...database,
      async close() {
        await database.disconnect();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
