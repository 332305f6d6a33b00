import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from './helpers/server-process.ts';

// `npm run build`, then the production command on the build (docs/operations.md: Building): plain node, no tsx, and the
// files the server reads at run time (migrations, demo blog, default picture, bcrypt worker, example query).
const root = path.resolve(import.meta.dirname, '..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flaskblog-build-'));
beforeAll(() => {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'pipe' });
}, 180_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

it('serves from the build with node alone, and stops cleanly on SIGTERM', { timeout: 180_000 }, async () => {
  const port = await freePort();
  const child = spawn(process.execPath, ['build/src/main.js'], {
    cwd: root,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', BCRYPT_WORKERS: '1' },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    while (!/is ready at/.test(output)) {
      if (child.exitCode !== null) throw new Error(`The built server exited:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(output).not.toMatch(/tsx|\.ts:/);
    const base = `http://127.0.0.1:${port}`;
    const post = (query: string, variables = {}) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      }).then((r) => r.json());
    const feed = await post('{ posts(first: 1) { totalCount edges { node { author { imageUrl } } } } }');
    expect(feed.data.posts.totalCount).toBe(25); // migrations and the demo blog came from the build
    expect((await fetch(feed.data.posts.edges[0].node.author.imageUrl)).status).toBe(200);
    const login = await post(
      'mutation { login(input: { email: "coreyms@demo.com", password: "password" }) { __typename } }',
    );
    expect(login.data.login.__typename).toBe('LoginSuccess'); // the bcrypt worker thread
    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(await page.text()).toContain('posts(first:'); // GraphiQL's example query
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
