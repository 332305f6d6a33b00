import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess, untilReady } from './helpers/server-process.ts';

// The real entry point, as `npm start` runs it, on the embedded database in a folder of its own.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaskblog-data-'));
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

type Server = ServerProcess;

async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const server = await startServerProcess(dataDir, env);
  children.push(server.child);
  return server;
}

const waitForReady = untilReady;

async function graphql(port: number, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()).data;
}

const totalPosts = async (port: number): Promise<number> =>
  (await graphql(port, '{ posts { totalCount } }')).posts.totalCount;

/** The newest reset link in the development outbox, once it appears. */
async function tokenFromOutbox(): Promise<string> {
  const outbox = path.join(dataDir, 'outbox');
  for (let i = 0; i < 100; i++) {
    const mails = fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((name) => name.endsWith('.eml')) : [];
    if (mails.length)
      return /token=([\w-]+)/.exec(fs.readFileSync(path.join(outbox, mails.sort().at(-1)!), 'utf8'))![1]!;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('No mail reached the outbox');
}

describe('the server process', { timeout: 240_000 }, () => {
  it('starts on an empty folder with the demo blog, finishes in-flight requests on SIGTERM, and keeps its data', async () => {
    const first = await startServer();
    await waitForReady(first);
    expect(await totalPosts(first.port)).toBe(25);

    // A person resets a demo account's password with the link from the development outbox.
    await graphql(first.port, 'mutation { requestReset(email: "coreyms@demo.com") { __typename } }');
    const token = await tokenFromOutbox();
    const reset = await graphql(
      first.port,
      'mutation ($token: String!) { resetPassword(input: { token: $token, password: "a new password", confirmPassword: "a new password" }) { __typename } }',
      { token },
    );
    expect(reset.resetPassword.__typename).toBe('ResetPasswordSuccess');

    // A request whose body is still arriving when the signal comes must still be answered.
    const body = JSON.stringify({ query: '{ posts(first: 1) { edges { node { title } } } }' });
    const socket = net.connect(first.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    first.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    socket.write(body.slice(10));
    expect(await first.exited).toBe(0);
    expect(answer).toMatch(/^HTTP\/1\.1 200/);
    expect(answer).toContain('"title"');
    expect(first.output()).toContain('Stopped cleanly');

    const second = await startServer();
    await waitForReady(second);
    expect(await totalPosts(second.port)).toBe(25); // kept, and not seeded twice
    const login = await graphql(
      second.port,
      'mutation { login(input: { email: "coreyms@demo.com", password: "a new password" }) { __typename } }',
    );
    expect(login.login.__typename).toBe('LoginSuccess'); // the reset survived the restart
    expect(second.output()).not.toContain('Loaded the demo blog');

    // Meanwhile nobody else may open the same embedded database.
    const intruder = await startServer();
    expect(await intruder.exited).toBe(1);
    expect(intruder.output()).toMatch(/in use by process \d+/);

    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('refuses to start with an invalid setting, naming it', async () => {
    const server = await startServer({ PORT: 'eighty' });
    expect(await server.exited).toBe(1);
    expect(server.output()).toContain('Configuration error: PORT must be a whole number');
  });
});
