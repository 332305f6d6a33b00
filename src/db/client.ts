import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';

export interface PrismaOptions {
  url: string;
  poolSize: number;
  /** A PostgreSQL schema other than public (tests isolate each file in one). */
  schema?: string;
}

export interface Database {
  prisma: PrismaClient;
  /** Calls the listener with the SQL of every statement Prisma sends; returns a function that removes it. */
  onQuery(listener: (sql: string) => void): () => void;
  disconnect(): Promise<void>;
}

export function connectPrisma({ url, poolSize, schema }: PrismaOptions): Database {
  const adapter = new PrismaPg(
    {
      connectionString: url,
      max: poolSize,
      options: schema ? `-c search_path=${schema},public` : undefined,
    },
    { schema },
  );
  const prisma = new PrismaClient({
    adapter,
    log: [{ emit: 'event', level: 'query' }],
    // With a small pool (PGlite has one connection) a transaction may queue behind others for a while.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  const listeners = new Set<(sql: string) => void>();
  prisma.$on('query', (event) => listeners.forEach((listener) => listener(event.query)));
  return {
    prisma,
    onQuery(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    disconnect: () => prisma.$disconnect(),
  };
}
