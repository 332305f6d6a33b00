import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { type App, createApp, type Protection } from '../../src/app.ts';
import { attachGraphQLWebSocket, type WebSocketLimits } from '../../src/http/websocket.ts';
import { connectPrisma, type Database } from '../../src/db/client.ts';
import { type JobQueue, jobQueue } from '../../src/jobs/queue.ts';
import { loadConfig } from '../../src/config.ts';
import { appDependencies, protectionFrom, settingsFrom } from '../../src/dependencies.ts';
import type { Settings } from '../../src/graphql/context.ts';
import type { Mailer, MailMessage } from '../../src/modules/mail/mailer.ts';
import { localPictureStorage, type PictureStorage } from '../../src/modules/pictures/storage.ts';
import type { PostEvents } from '../../src/modules/posts/post.events.ts';
import { memoryRateLimiter, type RateLimiter } from '../../src/modules/ratelimit/limiter.ts';
import type { ResponseCacheOptions } from '../../src/pipeline/response-cache.ts';
import { createMigratedDatabase, createServerDatabase, type TestDatabase } from './database.ts';
import {
  type Document,
  type GraphQLResponse,
  type LogLine,
  remember,
  textOf,
  type UntypedData,
  type VariablesArgs,
} from './graphql.ts';

export const PUBLIC_URL = 'http://blog.test';

/**
 * The configuration every test app starts from: a developer's server (the defaults docs/configuration.md
 * lists), with a fixed key, the cheapest bcrypt cost (tests hash many passwords), and no response cache (tests
 * write rows behind the API's back) nor metrics unless a test asks for them.
 */
const TEST_CONFIG = loadConfig({
  NODE_ENV: 'development',
  PUBLIC_URL,
  JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256',
  BCRYPT_COST: '4',
  RESET_URL: 'http://front.test/reset?token=',
  RESPONSE_CACHE: 'off',
  METRICS: 'false',
});

export const TEST_SETTINGS: Settings = settingsFrom(TEST_CONFIG);

export const TEST_PROTECTION: Protection = protectionFrom(TEST_CONFIG);

// Responses, documents and log lines are typed in ./graphql.ts; re-exported so tests import one module.
export type { GraphQLResponse, LogLine, ResultOf, VariablesOf } from './graphql.ts';
export { expectData, expectTypename } from './graphql.ts';

interface RequestOptions {
  /** A login token, sent as `Authorization: Bearer <token>`. */
  token?: string;
  headers?: Record<string, string>;
  /** The client address the server sees on the socket. */
  ip?: string;
}

export interface TestAppOptions {
  settings?: Partial<Settings>;
  protection?: Partial<Protection>;
  /** Rate limits in a shared store (Redis); by default in memory, fresh after each reset(). */
  limiter?: RateLimiter;
  /** A real transport (Postmark against a fake server, the outbox); by default mail is kept in `sent`. */
  mailer?: Mailer;
  /** Anonymous reads from a cache; off by default, since tests write rows behind the API's back. */
  responseCache?: ResponseCacheOptions;
  /** A migrated database to use (and leave open) instead of a new one: several instances over one database. */
  database?: TestDatabase;
  /** Wraps the picture storage (e.g. to make a step fail). */
  wrapPictures?: (storage: PictureStorage) => PictureStorage;
  /** Another picture storage (an S3 bucket) instead of a temporary folder. */
  pictures?: PictureStorage;
  /** Prometheus metrics at /metrics (off by default). */
  metrics?: { enabled: boolean; token?: string };
  /** Live post changes: by default in this process; pass one on Redis to join instances. */
  events?: PostEvents;
  /** Connection and statement timeouts, as production sets them (by default none). */
  databaseTimeouts?: { connectMs: number; statementMs: number };
  /** Spans for each request (the test registers the OpenTelemetry SDK). */
  tracing?: boolean;
  /** WebSocket limits other than the defaults. */
  websocket?: Partial<WebSocketLimits>;
}

export interface TestApp extends Database {
  app: App;
  db: TestDatabase;
  /** The folder uploaded pictures are kept in. */
  picturesDir: string;
  /** The app's clock: tests move it instead of sleeping. */
  clock: { now: Date; advance(ms: number): void };
  /** Lines the server logged, parsed. */
  logs: LogLine[];
  /** Mail sent through the default in-memory mailer. */
  sent: MailMessage[];
  /** Live subscriptions this app is delivering to now: a test waits for its own before it writes. */
  liveSubscribers(): number;
  /** Waits until the job queue has run every job that is due (reset mail). */
  settle(): Promise<void>;
  /**
   * POSTs a GraphQL operation through Yoga's fetch handler, as a client would over HTTP. A typed document (the
   * tests' `graphql()`) types the variables and the data; text is for documents malformed on purpose.
   */
  graphql<TResult, TVariables>(
    document: Document<TResult, TVariables>,
    ...args: VariablesArgs<TVariables, RequestOptions>
  ): Promise<GraphQLResponse<TResult>>;
  graphql(
    text: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<UntypedData>>;
  /** Sends a GraphQL multipart request (the upload spec) with one file per variable path. */
  upload<TResult, TVariables>(
    document: Document<TResult, TVariables>,
    variables: { [K in keyof TVariables]?: TVariables[K] | null },
    files: Record<string, File>,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<TResult>>;
  upload(
    text: string,
    variables: Record<string, unknown>,
    files: Record<string, File>,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<UntypedData>>;
  /** Serves the app over real HTTP on 127.0.0.1 (for client libraries and browsers); returns its GraphQL URL. */
  listen(): Promise<string>;
  /** Runs fn and returns the SQL statements Prisma sent meanwhile. */
  statementsDuring(fn: () => Promise<unknown>): Promise<string[]>;
  /** Empties every table, the sent mail, the pictures folder and the rate limits (between tests of one file). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

/** A migrated database of the test file's own and the app over it. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { settings = {}, protection = {}, mailer, limiter: sharedLimiter, responseCache } = options;
  const db = options.database ?? (await createMigratedDatabase());
  const database = connectPrisma({
    url: db.url,
    poolSize: db.poolSize,
    schema: db.schema,
    timeouts: options.databaseTimeouts,
    embedded: db.schema === undefined,
  });
  const logs: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const picturesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pictures-'));
  const clock = {
    now: new Date(),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  const sent: MailMessage[] = [];
  // The real job queue (graphile-worker), made with the first job: on the test's own PGlite, or on a PostgreSQL
  // server in a database of its own, because graphile-worker tells every worker of a database (whatever its
  // schema) to stop when one migrates its tables.
  let jobsDatabase: Awaited<ReturnType<typeof createServerDatabase>> | undefined;
  let limiter = memoryRateLimiter(); // replaced by reset(), so throttling never leaks between tests
  const dependencies = await appDependencies(TEST_CONFIG, logger, database, {
    settings,
    protection,
    mailer: mailer ?? { send: async (message) => void sent.push(message) },
    limiter: sharedLimiter ?? {
      consume: (budgets) => limiter.consume(budgets),
      refund: (budgets) => limiter.refund(budgets),
      close: async () => {},
    },
    pictures: (options.wrapPictures ?? ((storage) => storage))(options.pictures ?? localPictureStorage(picturesDir)),
    jobs: (tasks) =>
      lazyJobQueue(async () => {
        jobsDatabase = db.schema ? await createServerDatabase('jobs') : undefined;
        return jobQueue({ url: jobsDatabase?.url ?? db.url, logger, tasks });
      }),
    events: options.events,
    responseCache,
    metrics: options.metrics,
    tracing: options.tracing,
    now: () => clock.now,
  });
  const { jobs, events } = dependencies;
  const app = createApp(dependencies);
  const headersFor = (options: RequestOptions = {}) => ({
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    ...options.headers,
  });
  const socketOf = (options: RequestOptions = {}) => ({
    req: { socket: { remoteAddress: options.ip ?? '192.0.2.1' } },
  });
  /** An unexpected error reaches the test as "Unexpected error.": show what the server logged for it. */
  const explain = (body: GraphQLResponse<unknown>) => {
    for (const error of body.errors ?? []) {
      if (error.extensions?.code !== 'INTERNAL_SERVER_ERROR') continue;
      const logged = logs.find((line) => line.level >= 50 && line.requestId === error.extensions?.requestId);
      if (logged) console.error(`Server error behind "${error.message}":`, logged.err?.stack ?? logged);
    }
    return body;
  };
  /** The body of a response, remembered with its operation for expectData(). */
  const answer = async (response: Response, operation: string, variables: unknown) =>
    remember(explain(await response.json()), {
      operation,
      variables,
      requestId: response.headers.get('x-request-id'),
      logged: () => logs,
    });
  async function graphql(document: Document<unknown, unknown> | string, variables?: unknown, options?: RequestOptions) {
    const query = textOf(document);
    const response = await app.fetch(
      'http://blog.test/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headersFor(options) },
        body: JSON.stringify({ query, variables }),
      },
      socketOf(options),
    );
    return answer(response, query, variables);
  }

  let server: http.Server | undefined;
  let websocket: { close(): Promise<void> } | undefined;

  return {
    ...database,
    app,
    db,
    picturesDir,
    clock,
    logs,
    sent,
    settle: () => jobs.idle(),
    liveSubscribers: () => events.subscriberCount(),
    graphql: graphql as TestApp['graphql'],
    upload: (async (
      document: Document<unknown, unknown> | string,
      variables: unknown,
      files: Record<string, File>,
      options?: RequestOptions,
    ) => {
      const query = textOf(document);
      const form = new FormData();
      const names = Object.keys(files);
      form.append('operations', JSON.stringify({ query, variables }));
      form.append(
        'map',
        JSON.stringify(Object.fromEntries(names.map((name, i) => [String(i), [`variables.${name}`]]))),
      );
      for (const [i, name] of names.entries()) form.append(String(i), files[name]!);
      const response = await app.fetch(
        'http://blog.test/graphql',
        {
          method: 'POST',
          headers: { 'x-graphql-yoga-csrf': '1', ...headersFor(options) },
          body: form,
        },
        socketOf(options),
      );
      return answer(response, query, variables);
    }) as TestApp['upload'],
    async listen() {
      if (!server) {
        server = http.createServer(app);
        websocket = attachGraphQLWebSocket(server, app, { trustProxy: 0, ...options.websocket });
      }
      if (!server.listening) await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    },
    async statementsDuring(fn) {
      const statements: string[] = [];
      const stop = database.onQuery((sql) => statements.push(sql));
      try {
        await fn();
      } finally {
        stop();
      }
      return statements;
    },
    async reset() {
      limiter = memoryRateLimiter();
      sent.length = 0;
      for (const name of fs.readdirSync(picturesDir)) fs.rmSync(path.join(picturesDir, name));
      await database.prisma.$executeRawUnsafe(
        'TRUNCATE users, posts, sessions, password_reset_tokens RESTART IDENTITY CASCADE',
      );
    },
    async close() {
      await websocket?.close();
      if (server?.listening) {
        server.closeAllConnections();
        await new Promise((resolve) => server!.close(resolve));
      }
      await jobs.stop();
      await jobsDatabase?.drop();
      await events.close();
      await app.dispose();
      await database.disconnect();
      if (!options.database) await db.close();
      fs.rmSync(picturesDir, { recursive: true, force: true });
    },
  };
}

/** Instances of the app over one migrated database of their own, as servers behind a load balancer would be. */
export async function startInstances(count: number, options: () => TestAppOptions = () => ({})) {
  const database = await createMigratedDatabase();
  const apps: TestApp[] = [];
  for (let i = 0; i < count; i++) apps.push(await startTestApp({ ...options(), database }));
  return {
    apps,
    async close() {
      for (const app of apps) await app.close();
      await database.close();
    },
  };
}

/** A job queue made when first used, so apps that never send mail cost no queue (nor, on a server, a database). */
function lazyJobQueue(make: () => Promise<JobQueue>): JobQueue {
  let queue: Promise<JobQueue> | undefined;
  const made = () => (queue ??= make());
  return {
    add: async (task, payload) => (await made()).add(task, payload),
    start: async () => (await made()).start(),
    idle: async () => void (queue && (await (await queue).idle())),
    stop: async () => void (queue && (await (await queue).stop())),
  };
}
