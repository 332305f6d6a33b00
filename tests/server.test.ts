import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { connectPrisma } from '../src/db/client.ts';
import { jobQueue } from '../src/jobs/queue.ts';
import { localPictureStorage } from '../src/modules/pictures/storage.ts';
import { postEvents } from '../src/modules/posts/post.events.ts';
import { signSessionToken } from '../src/modules/auth/tokens.ts';
import { memoryRateLimiter } from '../src/modules/ratelimit/limiter.ts';
import { startTestApp, TEST_PROTECTION, TEST_SETTINGS, type TestApp, type LogLine } from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('health and readiness', () => {
  it('/health answers while the process is up', async () => {
    const response = await t.app.fetch('http://blog.test/health');
    expect(response.status).toBe(200);
  });

  it('/ready answers 200 when the database does', async () => {
    const response = await t.app.fetch('http://blog.test/ready');
    expect(response.status).toBe(200);
  });

  it('/ready answers 503 when the database does not, and its outage is SERVICE_UNAVAILABLE with the request id, logged once', async () => {
    // A pool pointed at a port nothing listens on: every query fails.
    const dead = connectPrisma({ url: 'postgresql://postgres@127.0.0.1:1/none', poolSize: 1 });
    const lines: LogLine[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    const app = createApp({
      prisma: dead.prisma,
      sql: dead.sql,
      logger,
      settings: TEST_SETTINGS,
      pictures: localPictureStorage(t.picturesDir),
      mailer: { send: async () => {} },
      limiter: memoryRateLimiter(),
      jobs: jobQueue({ url: 'postgresql://postgres@127.0.0.1:1/none', logger: pino({ level: 'silent' }), tasks: {} }),
      events: postEvents(),
      protection: TEST_PROTECTION,
    });
    try {
      expect((await app.fetch('http://blog.test/ready')).status).toBe(503);

      // A valid token makes the context read the session: the outage happens outside any resolver.
      const token = signSessionToken(
        { userId: 1, sessionId: '00000000-0000-4000-8000-000000000000' },
        new Date(),
        new Date(Date.now() + 60_000),
        TEST_SETTINGS.jwtSecret,
      );
      for (const [id, headers] of [
        ['trace-me-42', {}],
        ['trace-me-43', { authorization: `Bearer ${token}` }],
      ] as const) {
        const response = await app.fetch('http://blog.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-request-id': id, ...headers },
          body: JSON.stringify({ query: '{ posts { edges { node { title } } } }' }),
        });
        expect(response.headers.get('x-request-id')).toBe(id);
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('5');
        const body = await response.json();
        expect(body.errors).toEqual([
          expect.objectContaining({
            message: 'The service is temporarily unavailable. Try again shortly.',
            extensions: { code: 'SERVICE_UNAVAILABLE', requestId: id, retryAfter: 5 },
          }),
        ]);
        expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|prisma/i);
        const logged = lines.filter((line) => line.requestId === id && line.level >= 40);
        expect(logged).toHaveLength(1); // the outage, once, with the request id
        expect(logged[0]?.err?.stack).toBeTruthy();
      }
    } finally {
      await app.dispose();
      await dead.disconnect();
    }
  });
});

describe('request ids', () => {
  it('are made up when the client sends none, and a malformed one is replaced', async () => {
    const made = await t.app.fetch('http://blog.test/health');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const replaced = await t.app.fetch('http://blog.test/health', {
      headers: { 'x-request-id': 'bad id\nwith newline' },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GraphiQL', () => {
  it('is served to browsers at /graphql with the example query and no remote scripts, styles or images', async () => {
    const response = await t.app.fetch('http://blog.test/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('query Feed');
    const tags = html.match(/<(script|link|img|iframe)\b[^>]*>/gi) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import\s+url\(\s*["']?https?:/i);
    expect(html).not.toMatch(/unpkg\.com|jsdelivr|cdnjs/);
  });
});

describe('profile pictures', () => {
  it('serves the default picture as a JPEG', async () => {
    const response = await t.app.fetch('http://blog.test/pictures/default.jpg');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });

  it('serves an uploaded picture with its type and a long cache lifetime', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    fs.writeFileSync(path.join(t.picturesDir, '0123456789abcdef.png'), png);
    const response = await t.app.fetch('http://blog.test/pictures/0123456789abcdef.png');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(png);
  });

  it.each(['missing0000000000.jpg', '0123456789abcdee.png', '..%2F..%2Fpackage.json', '%2Fetc%2Fpasswd', 'x.svg'])(
    'answers 404 for %s',
    async (name) => {
      const response = await t.app.fetch(`http://blog.test/pictures/${name}`);
      expect(response.status).toBe(404);
    },
  );
});

describe('cross-site request forgery', () => {
  const operations = JSON.stringify({
    query: 'mutation ($p: File!) { updateAccount(input: { picture: $p }) { __typename } }',
    variables: { p: null },
  });

  it('refuses a multipart request without a CSRF header, as a cross-site form would send it', async () => {
    const form = new FormData();
    form.append('operations', operations);
    form.append('map', JSON.stringify({ 0: ['variables.p'] }));
    form.append('0', new File(['x'], 'x.png'));
    const response = await t.app.fetch('http://blog.test/graphql', { method: 'POST', body: form });
    expect(response.status).toBe(403);
    expect((await response.json()).errors[0].message).toBe('Required CSRF header(s) not present');
  });

  it('refuses a GET query without the header, and accepts it with one', async () => {
    const url = `http://blog.test/graphql?query=${encodeURIComponent('{ posts { totalCount } }')}`;
    expect((await t.app.fetch(url)).status).toBe(403);
    const allowed = await t.app.fetch(url, { headers: { 'x-graphql-yoga-csrf': '1' } });
    expect(allowed.status).toBe(200);
  });

  it('never runs a mutation sent with GET', async () => {
    const url = `http://blog.test/graphql?query=${encodeURIComponent('mutation { logout { __typename } }')}`;
    const response = await t.app.fetch(url, { headers: { 'x-graphql-yoga-csrf': '1' } });
    expect(response.status).toBe(405);
  });
});

describe('security headers and CORS', () => {
  it('send API headers on every response, and a CSP that still lets the local GraphiQL run on its page', async () => {
    const api = await t.app.fetch('http://blog.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ posts { totalCount } }' }),
    });
    expect(
      Object.fromEntries(
        ['x-content-type-options', 'x-frame-options', 'referrer-policy', 'content-security-policy'].map((h) => [
          h,
          api.headers.get(h),
        ]),
      ),
    ).toEqual({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    });
    const page = await t.app.fetch('http://blog.test/graphql', { headers: { accept: 'text/html' } });
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:/);
  });

  it('lets our own origin, configured origins and (in development) localhost call from a browser; nobody else', async () => {
    const preflight = (origin: string) =>
      t.app.fetch('http://blog.test/graphql', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,authorization',
        },
      });
    for (const origin of ['http://blog.test', 'http://localhost:5173']) {
      const response = await preflight(origin);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
      expect(response.headers.get('vary')).toMatch(/\bOrigin\b/);
    }
    // Refused origins, "null" included (sandboxed iframes, local files), get no CORS header at all.
    for (const origin of ['https://evil.example', 'null']) {
      const refused = await preflight(origin);
      expect([...refused.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
      expect(refused.headers.get('vary')).toMatch(/\bOrigin\b/);
    }
    const plain = await t.app.fetch('http://blog.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(plain.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(plain.headers.get('vary')).toMatch(/\bOrigin\b/);

    const configured = await startTestApp({
      protection: { corsOrigins: ['https://app.example.com'], allowLocalhostOrigins: false },
    });
    try {
      const allowed = await configured.app.fetch('http://blog.test/graphql', {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' },
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      const local = await configured.app.fetch('http://blog.test/graphql', {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
      });
      expect(local.headers.get('access-control-allow-origin')).not.toBe('http://localhost:3000');
    } finally {
      await configured.close();
    }
  });
});

describe('error messages', () => {
  it('never echo the values sent, which may be passwords or tokens', async () => {
    const secret = 'hunter2-my-secret-password';
    const viaVariable = await t.graphql(
      'mutation ($input: LoginInput!) { login(input: $input) { __typename } }', // text: the variable does not fit
      {
        input: { email: 'a@b.co', password: { secret } },
      },
    );
    const inline = await t.graphql(
      `mutation { login(input: { email: "a@b.co", password: ["${secret}"] }) { __typename } }`,
    );
    expect(viaVariable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(inline.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const result of [viaVariable, inline]) expect(JSON.stringify(result)).not.toContain(secret);
    expect(viaVariable.errors?.[0]?.message).toBe('Variable "$input" has an invalid value at "input.password".');
  });
});
