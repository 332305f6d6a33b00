import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { errorCodeLabel } from '../src/pipeline/labels.ts';
import { startTestApp, type TestApp } from './helpers/test-app.ts';
import { graphql } from './generated/gql.ts';

describe('/metrics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ metrics: { enabled: true, token: 'scrape-me' } });
  });
  afterAll(() => t.close());

  const scrape = (token?: string) =>
    t.app.fetch('http://blog.test/metrics', { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('counts requests by operation and outcome, errors by code, and shows the pool and the event loop', async () => {
    await t.graphql(graphql(`query Feed { posts(first: 2) { edges { node { title } } } }`));
    await t.graphql(graphql(`query MetricsBroken { posts(first: 1000) { totalCount } }`)); // BAD_USER_INPUT
    const secret = 'value-that-must-not-show';
    await t.app.fetch(
      `http://blog.test/graphql?${new URLSearchParams({ query: 'query Get($q: String!) { searchPosts(query: $q) { totalCount } }', variables: JSON.stringify({ q: secret }) })}`,
      {
        headers: { accept: 'application/json', 'x-graphql-yoga-csrf': '1' },
      },
    );
    const response = await scrape('scrape-me');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/graphql_yoga_http_duration_count\{[^}]*statusCode="200"[^}]*operationName="Feed"[^}]*\} 1/);
    expect(text).toMatch(/graphql_envelop_request_duration_count\{[^}]*operationName="other"/); // not in the manifest
    expect(text).toMatch(/graphql_errors_total\{code="BAD_USER_INPUT"\} 1/);
    expect(text).toMatch(/db_pool_connections\{state="idle"\} \d+/);
    expect(text).toMatch(/nodejs_eventloop_lag_seconds \d/);
    expect(text).not.toContain(secret); // labels carry names and codes, never values or URLs
    expect(text).not.toMatch(/url="/);
  });

  it('labels only the manifest’s operation names and known codes, however many names clients invent', async () => {
    const text = async () => (await scrape('scrape-me')).text();
    // Ours only: the process metrics add a series when the GC first runs a kind of collection, say.
    const graphqlBytes = (metrics: string) =>
      metrics
        .split('\n')
        .filter((line) => /^graphql_/.test(line))
        .join('\n').length;
    const invented = (i: number) => `Invented${i}${'x'.repeat(3000)}`;
    const flood = async (from: number) => {
      for (let i = from; i < from + 100; i++) {
        await t.graphql(`query ${invented(i)} { posts(first: 1) { totalCount } }`);
        // UNAUTHENTICATED at the path of an alias of the client's choosing (an IP each: no mutation budget)
        const alias = `alias${i}${'y'.repeat(1000)}`;
        await t.graphql(`mutation ${invented(i)} { ${alias}: logout { __typename } }`, {}, { ip: `198.51.100.${i}` });
        await t.app.fetch('http://blog.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ posts(first: 1) { totalCount } }', operationName: invented(i) }),
        });
      }
    };
    await flood(0); // the first of each series
    const before = graphqlBytes(await text());
    await flood(100);
    await t.graphql(graphql(`query Feed { posts(first: 2) { edges { node { title } } } }`));
    const after = await text();
    expect(graphqlBytes(after) - before).toBeLessThan(1024); // counts change, no series is added
    expect(after.length).toBeLessThan(64 * 1024);
    expect(after).not.toMatch(/Invented|alias/);
    expect(after).toMatch(/graphql_yoga_http_duration_count\{[^}]*operationName="Feed"[^}]*\} 2/);
    expect(after).toMatch(/graphql_envelop_request\{operationType="query",operationName="other"\} 20\d/);
    expect(after).toMatch(
      /graphql_envelop_error_result\{operationType="mutation",operationName="other",phase="execute"\} 200/,
    );
    expect(after).toMatch(/graphql_errors_total\{code="UNAUTHENTICATED"\} 200/);
    expect(after).toMatch(/graphql_errors_total\{code="OPERATION_RESOLUTION_FAILURE"\} 200/);
    expect(errorCodeLabel('MADE_UP_BY_A_CLIENT')).toBe('other');
  });

  it('answers only with the token when one is set', async () => {
    expect((await scrape()).status).toBe(401);
    expect((await scrape('wrong')).status).toBe(401);
  });
});

describe('when metrics are off', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('has no /metrics, and production leaves them off unless METRICS is set', async () => {
    expect((await t.app.fetch('http://blog.test/metrics')).status).toBe(404);
    const production = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), MAIL_TRANSPORT: 'outbox' };
    expect(loadConfig(production).metrics.enabled).toBe(false);
    expect(loadConfig({ ...production, METRICS: 'true', METRICS_TOKEN: 't' }).metrics).toEqual({
      enabled: true,
      token: 't',
    });
    expect(loadConfig({}).metrics.enabled).toBe(true);
  });
});
