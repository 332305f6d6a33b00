import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN, signUp } from './helpers/accounts.ts';
import { startTestApp, type TestApp } from './helpers/test-app.ts';
import { graphql } from './generated/gql.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const accessLines = (requestId: string) =>
  t.logs.filter((line) => line.msg === 'request' && line.requestId === requestId);

describe('the access log', () => {
  it('has one line per request with its id, operation, status, duration, viewer and error codes, and no values', async () => {
    const ada = await signUp(t, { username: 'Ada', email: 'ada@demo.com', password: 'correct horse battery' });
    const viewerId = (await t.prisma.user.findFirstOrThrow({ where: { username: 'Ada' } })).id;
    await t.graphql(
      graphql(`query Me { me { username } }`),
      {},
      { token: ada.token, headers: { 'x-request-id': 'access-1' } },
    );
    await t.graphql(
      LOGIN,
      { input: { email: 'ada@demo.com', password: 'a wrong secret password' } },
      { headers: { 'x-request-id': 'access-2' } },
    );
    await t.graphql(
      graphql(`query Broken($first: Int) { posts(first: $first) { totalCount } }`),
      { first: 1000 },
      { headers: { 'x-request-id': 'access-3' } },
    );

    expect(accessLines('access-1')).toEqual([
      expect.objectContaining({
        level: 30,
        method: 'POST',
        path: '/graphql',
        operation: 'Me',
        operationType: 'query',
        status: 200,
        viewerId,
        durationMs: expect.any(Number),
      }),
    ]);
    expect(accessLines('access-2')).toEqual([
      expect.objectContaining({ operation: 'Login', operationType: 'mutation', status: 200 }),
    ]);
    expect(accessLines('access-3')).toEqual([
      expect.objectContaining({ operation: 'Broken', errors: ['BAD_USER_INPUT'] }),
    ]);
    const written = JSON.stringify(t.logs);
    for (const secret of ['a wrong secret password', 'correct horse battery', ada.token])
      expect(written).not.toContain(secret);
  });
});
