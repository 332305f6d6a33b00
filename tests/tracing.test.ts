import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { CreatePostDocument, FeedDocument } from '../client/generated/graphql.ts';
import { startTracing } from '../src/tracing/tracing.ts';
import { LOGIN, signUp } from './helpers/accounts.ts';
import { expectData, startTestApp, type TestApp } from './helpers/test-app.ts';
import { graphql } from './generated/gql.ts';

// OpenTelemetry as an operator runs it, with an in-memory exporter in place of OTLP: the span tree of a read
// and of a write, and nothing a client sent inside any span.
const exporter = new InMemorySpanExporter();
let tracing: ReturnType<typeof startTracing>;
let t: TestApp;

beforeAll(async () => {
  tracing = startTracing({ serviceName: 'flaskblog-test', processor: new SimpleSpanProcessor(exporter) });
  t = await startTestApp({ tracing: true });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await tracing?.shutdown();
});
beforeEach(() => exporter.reset());

/** The spans of one trace as an indented outline: "name" under its parent. */
function outline(spans: ReadableSpan[]): string[] {
  const children = new Map<string | undefined, ReadableSpan[]>();
  const ids = new Set(spans.map((span) => span.spanContext().spanId));
  for (const span of spans) {
    const parent = span.parentSpanContext?.spanId;
    const key = parent && ids.has(parent) ? parent : undefined;
    children.set(key, [...(children.get(key) ?? []), span]);
  }
  const lines: string[] = [];
  const walk = (parent: string | undefined, depth: number) => {
    const sorted = [...(children.get(parent) ?? [])].sort(
      (a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1],
    );
    for (const span of sorted) {
      const field = span.attributes['graphql.field.path'];
      lines.push(`${'  '.repeat(depth)}${span.name}${field ? ` ${field}` : ''}`);
      walk(span.spanContext().spanId, depth + 1);
    }
  };
  walk(undefined, 0);
  return lines;
}

const spans = () => exporter.getFinishedSpans();
const named = (name: string) => spans().find((span) => span.name === name)!;
/** Everything spans carry, as text: no value a client sent may appear in it. */
const spanText = () => JSON.stringify(spans().map((span) => [span.name, span.attributes, span.events, span.status]));

it('a feed query: the request, its operation, the resolvers that load data, and their SQL', async () => {
  const author = await signUp(t, { username: 'Ada' });
  for (const title of ['First', 'Second']) {
    await t.graphql(CreatePostDocument, { input: { title, content: 'secret words' } }, { token: author.token });
  }
  exporter.reset();
  const feed = await t.graphql(FeedDocument, { first: 2 });
  expect(feed.errors).toBeUndefined();

  expect(outline(spans())).toEqual([
    'POST /graphql',
    '  query Feed',
    '    graphql.resolve posts',
    '      post-page', // the page with its authors (and one post more, for hasNextPage): one statement
    '      graphql.resolve posts.edges.0.node.author',
    '      graphql.resolve posts.edges.1.node.author',
    '    post-total',
  ]);
  expect(new Set(spans().map((span) => span.spanContext().traceId)).size).toBe(1);
  const request = named('POST /graphql');
  expect(request.kind).toBe(SpanKind.SERVER);
  expect(request.attributes).toMatchObject({
    'http.request.method': 'POST',
    'url.path': '/graphql',
    'http.response.status_code': 200,
  });
  expect(named('query Feed').attributes).toEqual({
    'graphql.operation.type': 'query',
    'graphql.operation.name': 'Feed',
  });
  const page = named('post-page');
  expect(page.kind).toBe(SpanKind.CLIENT);
  expect(page.attributes['db.system.name']).toBe('postgresql');
  expect(page.attributes['db.query.text']).toMatch(/FROM posts/i);
  expect(spanText()).not.toContain('secret words');
});

it('a mutation: the viewer lookup, the resolver and Prisma’s write, with no value the client sent', async () => {
  const author = await signUp(t, { username: 'Bob', email: 'bob@example.com', password: 'hunter2 hunter2' });
  exporter.reset();
  const created = await t.graphql(
    CreatePostDocument,
    { input: { title: 'Private title', content: 'secret words' } },
    { token: author.token },
  );
  expect(expectData(created).createPost.__typename).toBe('CreatePostSuccess');
  expect(outline(spans())).toEqual([
    'POST /graphql',
    '  viewer-by-session',
    '  mutation CreatePost',
    '    graphql.resolve createPost',
    '      prisma:client:operation',
    '        prisma:client:db_query',
    '      graphql.resolve createPost.post',
    '        graphql.resolve createPost.post.author',
  ]);
  expect(named('prisma:client:db_query').attributes['db.query.text']).toMatch(/INSERT INTO/i);

  await t.graphql(LOGIN, { input: { email: 'bob@example.com', password: 'hunter2 hunter2' } });
  const text = spanText();
  for (const value of ['Private title', 'secret words', 'bob@example.com', 'hunter2', author.token])
    expect(text).not.toContain(value);
});

it('marks an operation that failed with its error codes, without the document', async () => {
  const answer = await t.graphql(
    graphql(
      `mutation TracingCreatePost { createPost(input: { title: "Inline title", content: "inline words" }) { __typename } }`,
    ),
  );
  expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  const operation = named('mutation');
  expect(operation.status.code).toBe(SpanStatusCode.ERROR);
  expect(operation.attributes['graphql.error.codes']).toEqual(['UNAUTHENTICATED']);
  expect(spanText()).not.toContain('Inline');
});

it('continues the trace of a caller that sends traceparent', async () => {
  const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
  await t.graphql(
    graphql(`query TracingPosts { posts(first: 1) { totalCount } }`),
    {},
    { headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` } },
  );
  const request = named('POST /graphql');
  expect(request.spanContext().traceId).toBe(traceId);
  expect(request.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
});

it('names spans from bounded sets, and cuts what a client chose in attributes, however much it invents', async () => {
  for (let i = 0; i < 20; i++) {
    const name = `Invented${i}${'x'.repeat(3000)}`;
    const alias = `alias${i}${'y'.repeat(1000)}`;
    await t.graphql(`query ${name} { ${alias}: posts(first: 1) { ${alias}: totalCount } }`);
    await t.app.fetch(`http://blog.test/graphql/${name}`, { method: 'POST' });
    await t.app.fetch('http://blog.test/graphql', { method: 'PROPFIND' });
  }
  await t.graphql(FeedDocument, { first: 1 });
  const names = new Set(spans().map((span) => span.name)); // a statement's span is named by its label, not its size
  expect(names).toEqual(
    new Set([
      'POST /graphql',
      'POST',
      '_OTHER /graphql',
      'query',
      'graphql.resolve',
      'post-page',
      'post-total',
      'query Feed',
    ]),
  );
  for (const span of spans()) {
    const { 'db.query.text': _statement, ...attributes } = span.attributes; // the server's own SQL
    for (const value of Object.values(attributes)) expect(String(value).length).toBeLessThanOrEqual(100);
  }
  expect(named('query').attributes['graphql.operation.name']).toMatch(/^Invented\d+x+$/);
  expect(named('POST').attributes['url.path']).toMatch(/^\/graphql\/Invented/);
});
