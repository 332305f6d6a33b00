import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTimeOf } from '../src/db/embedded.ts';
import { startServerProcess, untilReady } from './helpers/server-process.ts';
import { until } from './helpers/wait.ts';

// The server as operators start it in production: `node --import tsx src/main.ts` (docs/operations.md), so the
// process that gets SIGTERM is the server itself. Each test has its own data folder; every child is killed.
const children: ChildProcess[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function start(env: Record<string, string> = {}, port?: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaskblog-life-'));
  folders.push(dataDir);
  return startIn(dataDir, env, port);
}

async function startIn(dataDir: string, env: Record<string, string>, port?: number) {
  const server = await startServerProcess(dataDir, env, port);
  children.push(server.child);
  return server;
}

const ready = untilReady;

/** A GraphQL request on a keep-alive agent; resolves with the status, the Connection header and the body, or the error code. */
function request(agent: http.Agent, port: number, body: string) {
  return new Promise<{ status?: number; connection?: string; error?: string }>((resolve) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode, connection: response.headers.connection }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    req.end(body);
  });
}

const FEED = JSON.stringify({
  query: '{ posts(first: 20) { totalCount edges { node { title author { username } } } } }',
});

// Real processes on a possibly busy machine: generous bounds, never a timing assertion.
describe('graceful shutdown', { timeout: 180_000 }, () => {
  it('on SIGTERM: open subscriptions (SSE and WebSocket) end cleanly, then the process exits 0', async () => {
    const server = await start({ SHUTDOWN_GRACE_MS: '0' });
    await ready(server);
    const url = `http://127.0.0.1:${server.port}/graphql`;
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { postChanged { kind } }' }),
    });
    const reader = response.body!.getReader();
    await reader.read(); // the stream is open (a keep-alive comment)
    const socket = new WebSocket(url.replace('http', 'ws'), 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((resolve) => socket.once('message', resolve)); // connection_ack
    socket.send(
      JSON.stringify({ type: 'subscribe', id: '1', payload: { query: 'subscription { postChanged { kind } }' } }),
    );

    server.child.kill('SIGTERM');
    let text = '';
    for (;;) {
      const { done, value } = await reader.read(); // ends instead of hanging or being reset
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    expect(text).toMatch(/event: complete/);
    expect(await closed).toBe(1001); // going away
    expect(await server.exited).toBe(0);
  });

  it('on SIGTERM: a WebSocket client that never answers the close frame is cut, every later step still runs, exit 0', async () => {
    const server = await start({ SHUTDOWN_GRACE_MS: '0' });
    await ready(server);
    // The upgrade by hand, then silence: the close frame is never answered (ws would wait 30 s for it).
    const socket = net.connect(server.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.on('error', () => {});
    socket.write(
      'GET /graphql HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n` +
        'Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n',
    );
    await until(() => received.startsWith('HTTP/1.1 101'), 'the upgrade');

    const signalled = Date.now();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    // Before, shutdown waited on this client until the hard-exit guard ended the process with 1 at 15 s.
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(server.output()).toContain('Stopped cleanly'); // the job queue, the database and the rest stopped
    socket.destroy();
  });

  it('on SIGTERM: readiness 503 at once, every request in flight or arriving during the grace period answered, then exit 0', async () => {
    const server = await start({ SHUTDOWN_GRACE_MS: '2000', RESPONSE_CACHE: 'off' });
    await ready(server);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    // Warm keep-alive connections, as a load balancer holds them.
    await Promise.all(Array.from({ length: 8 }, () => request(agent, server.port, FEED)));

    const inFlight = Array.from({ length: 20 }, () => request(agent, server.port, FEED));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const readiness = await fetch(`http://127.0.0.1:${server.port}/ready`);
    expect(readiness.status).toBe(503);
    const duringGrace = Array.from({ length: 20 }, () => request(agent, server.port, FEED));

    const answers = await Promise.all([...inFlight, ...duringGrace]);
    expect(answers.filter((answer) => answer.error)).toEqual([]);
    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(answers.slice(20).every((answer) => answer.connection === 'close')).toBe(true);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('Stopped cleanly');
    agent.destroy();
  });

  it('stops on SIGTERM even when the reader of its log has gone away', async () => {
    const server = await start();
    await ready(server);
    server.child.stdout!.destroy(); // the pipe's reader is gone: every log write now fails with EPIPE
    server.child.stderr!.destroy();
    await fetch(`http://127.0.0.1:${server.port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: FEED,
    });
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});

describe('start-up', { timeout: 180_000 }, () => {
  it('a port in use stops start-up at once with one line naming it, leaving nothing behind', async () => {
    const blocker = net.createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const server = await start({}, port);
      expect(await server.exited).toBe(1);
      expect(server.output().trim()).toBe(
        `Port ${port} on 127.0.0.1 is already in use: stop the other server or set PORT.`,
      );
      expect(fs.existsSync(path.join(server.dataDir, 'pglite', 'server.lock'))).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('a stale lock whose PID now belongs to another process does not block the embedded database', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaskblog-life-'));
    folders.push(dataDir);
    fs.mkdirSync(path.join(dataDir, 'pglite'), { recursive: true });
    // A live, unrelated process holds the PID the lock names, but it started at another time.
    const unrelated = spawn('sleep', ['60']);
    children.push(unrelated);
    const startedAt = Number(startTimeOf(unrelated.pid!));
    fs.writeFileSync(path.join(dataDir, 'pglite', 'server.lock'), `${unrelated.pid} ${startedAt - 1}`);
    const server = await startIn(dataDir, {});
    await ready(server);
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);

    // The same PID with its real start time is a live owner: refused.
    fs.writeFileSync(path.join(dataDir, 'pglite', 'server.lock'), `${unrelated.pid} ${startedAt}`);
    const refused = await startIn(dataDir, {});
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toContain(`in use by process ${unrelated.pid}`);
  });

  it('says GraphiQL is ready only when it is on', async () => {
    const server = await start({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      MAIL_TRANSPORT: 'outbox',
      SHUTDOWN_GRACE_MS: '0',
    });
    await ready(server);
    expect(server.output()).toContain('The GraphQL API is ready at');
    expect(server.output()).not.toContain('GraphiQL is ready');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
