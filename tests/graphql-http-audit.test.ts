import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/test-app.ts';

// The GraphQL over HTTP spec's own audits (the graphql-http package), against the server as a developer runs it.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/**
 * The GET audits that expect 200 send no CSRF header, which we require on GET so that a cross-site page
 * cannot run operations with a plain link or form (docs/security.md). They are notices, and by design.
 */
const CSRF_ON_GET = ['5A70', '6A70', 'D6D5'];

describe('GraphQL over HTTP (graphql-http audits)', () => {
  it('has no warnings or errors; the only notices are the CSRF header on GET', async () => {
    const fetchFn = (input: string, init?: RequestInit) => t.app.fetch(input, init ?? {});
    const results = await Promise.all(
      serverAudits({ url: 'http://blog.test/graphql', fetchFn }).map((audit) => audit.fn()),
    );
    const failed = results.filter((result) => result.status !== 'ok');
    expect(failed.filter((result) => result.status !== 'notice')).toEqual([]);
    for (const result of failed) expect(CSRF_ON_GET, `${result.id} ${result.name}`).toContain(result.id);
  });

  it('the same GET with the CSRF header is answered', async () => {
    const query = new URLSearchParams({
      query: 'query Type($name: String!) { __type(name: $name) { name } }',
      variables: '{"name":"Post"}',
    });
    const response = await t.app.fetch(`http://blog.test/graphql?${query}`, {
      headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { __type: { name: 'Post' } } });
  });
});
