import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess, untilReady } from './helpers/server-process.ts';

// The server process with OTEL_EXPORTER_OTLP_ENDPOINT set sends its spans to that collector over OTLP/HTTP, and
// sends the last batch when it stops.
/** The part of an OTLP/JSON trace export the test reads. */
interface TraceExport {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: { name: string }[] }[];
  }[];
}
const received: { path: string; body: TraceExport }[] = [];
let collector: http.Server;
let server: ServerProcess;
let dataDir: string;

beforeAll(async () => {
  collector = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      received.push({ path: request.url!, body: JSON.parse(body) });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaskblog-otlp-'));
  server = await startServerProcess(dataDir, {
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
    OTEL_SERVICE_NAME: 'blog-under-test',
  });
  await untilReady(server);
}, 120_000);
afterAll(async () => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  await new Promise((resolve) => collector?.close(resolve));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('exports the spans of a request over OTLP/HTTP, the last ones at shutdown', { timeout: 60_000 }, async () => {
  const response = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query Feed { posts(first: 2) { edges { node { title author { username } } } } }' }),
  });
  expect(response.status).toBe(200);
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);

  expect(received.length).toBeGreaterThan(0);
  expect(received.every((request) => request.path === '/v1/traces')).toBe(true);
  const resourceSpans = received.flatMap((request) => request.body.resourceSpans);
  const service = resourceSpans[0]?.resource.attributes.find((attribute) => attribute.key === 'service.name');
  expect(service?.value.stringValue).toBe('blog-under-test');
  const names = resourceSpans.flatMap((resource) =>
    resource.scopeSpans.flatMap((scope) => scope.spans.map((span) => span.name)),
  );
  expect(names.sort()).toEqual([
    'POST /graphql',
    'graphql.resolve',
    'graphql.resolve',
    'graphql.resolve',
    'post-page', // two posts and one more, to know whether a next page follows
    'query Feed',
  ]);
});
