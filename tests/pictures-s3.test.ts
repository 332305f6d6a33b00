import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { s3PictureStorage } from '../src/modules/pictures/s3-storage.ts';
import { localPictureStorage, type PictureStorage } from '../src/modules/pictures/storage.ts';
import { signUp } from './helpers/accounts.ts';
import { file, image } from './helpers/images.ts';
import { startS3, type TestS3 } from './helpers/s3.ts';
import { freePort } from './helpers/server-process.ts';
import {
  expectData,
  expectTypename,
  PUBLIC_URL,
  startInstances,
  startTestApp,
  type TestApp,
} from './helpers/test-app.ts';
import { graphql } from './generated/gql.ts';

// Pictures in an S3-compatible bucket: a real server (s3rver) and the real AWS SDK client, never a mock.
let s3: TestS3;
beforeAll(async () => {
  s3 = await startS3();
});
afterAll(() => s3.stop());

const UPDATE = graphql(`mutation PicturesS3Update($input: UpdateAccountInput!) {
  updateAccount(input: $input) { __typename ... on UpdateAccountSuccess { user { imageUrl } } }
}`);

describe('every picture storage keeps the same promises', () => {
  const storages: [string, () => Promise<PictureStorage>][] = [
    ['local folder', async () => localPictureStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'pictures-')))],
    ['S3 bucket', async () => s3PictureStorage(await s3.bucket('conformance'))],
  ];
  it.each(storages)(
    '%s: save, read back, remove; an absent picture reads as null and removes without error',
    async (_name, make) => {
      const storage = await make();
      const bytes = new Uint8Array([1, 2, 3, 4]);
      await storage.save('0123456789abcdef.png', bytes);
      expect(new Uint8Array((await storage.read('0123456789abcdef.png'))!)).toEqual(bytes);
      expect(await storage.read('fedcba9876543210.png')).toBeNull();
      await storage.remove('0123456789abcdef.png');
      await storage.remove('0123456789abcdef.png');
      expect(await storage.read('0123456789abcdef.png')).toBeNull();
      storage.close?.();
    },
  );
});

describe('two instances over one database and one bucket', () => {
  let instances: Awaited<ReturnType<typeof startInstances>>;
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const bucket = await s3.bucket('pictures');
    instances = await startInstances(2, () => ({ pictures: s3PictureStorage(bucket) }));
    [a, b] = instances.apps as [TestApp, TestApp];
  });
  afterAll(() => instances?.close());

  it('serves a picture uploaded through one instance from the other; a replacement removes the old object', async () => {
    const ada = await signUp(a);
    const first = await a.upload(
      UPDATE,
      { input: { picture: null } },
      { 'input.picture': file(await image(200, 100, 'png'), 'me.png') },
      { token: ada.token },
    );
    const firstUrl = expectTypename(expectData(first).updateAccount, 'UpdateAccountSuccess').user.imageUrl;
    const firstName = firstUrl.split('/').pop()!;
    expect(firstUrl).toBe(`${PUBLIC_URL}/pictures/${firstName}`);
    expect(await s3.keys('pictures')).toEqual([firstName]);

    const served = await b.app.fetch(firstUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await served.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(0);

    const second = await b.upload(
      UPDATE,
      { input: { picture: null } },
      { 'input.picture': file(await image(50, 50, 'jpeg'), 'me.jpg') },
      { token: ada.token },
    );
    const secondName = expectTypename(expectData(second).updateAccount, 'UpdateAccountSuccess')
      .user.imageUrl.split('/')
      .pop();
    expect(secondName).toMatch(/^[0-9a-f]{16}\.jpg$/);
    expect(await s3.keys('pictures')).toEqual([secondName]);
    expect((await a.app.fetch(firstUrl)).status).toBe(404);
    expect((await a.app.fetch(`${PUBLIC_URL}/pictures/${secondName}`)).status).toBe(200);
  });
});

/** Signs up Ada and renames her with a new picture, in one updateAccount. */
async function renameWithPicture(t: TestApp) {
  const ada = await signUp(t, { username: 'Ada' });
  return t.upload(
    graphql(
      `mutation PicturesS3UpdateAccount($input: UpdateAccountInput!) { updateAccount(input: $input) { __typename } }`,
    ),
    { input: { username: 'Renamed', picture: null } },
    { 'input.picture': file(await image(40, 40, 'png'), 'me.png') },
    { token: ada.token },
  );
}

const accountOf = async (t: TestApp) => {
  const { username, imageFile } = await t.prisma.user.findFirstOrThrow();
  return { username, imageFile };
};

describe('a bucket that refuses the upload', () => {
  let t: TestApp;
  beforeAll(async () => {
    const reachable = await s3.bucket('exists');
    t = await startTestApp({ pictures: s3PictureStorage({ ...reachable, bucket: 'no-such-bucket' }) });
  });
  afterAll(() => t?.close());

  it('leaves the account unchanged and answers a masked error with a request id', async () => {
    const result = await renameWithPicture(t);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(JSON.stringify(result)).not.toMatch(/no-such-bucket|NoSuchBucket/);
    expect(await accountOf(t)).toEqual({ username: 'Ada', imageFile: 'default.jpg' });
  });
});

describe('a bucket that cannot be reached', () => {
  let t: TestApp;
  beforeAll(async () => {
    const reachable = await s3.bucket('unreachable');
    const endpoint = `http://127.0.0.1:${await freePort()}`; // nothing listens there
    t = await startTestApp({ pictures: s3PictureStorage({ ...reachable, endpoint }) });
  });
  afterAll(() => t?.close());

  it('fails an upload with SERVICE_UNAVAILABLE and changes nothing; serving a picture answers 503, never 500', async () => {
    const result = await renameWithPicture(t);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfter: 5 });
    expect(await accountOf(t)).toEqual({ username: 'Ada', imageFile: 'default.jpg' });
    const served = await t.app.fetch(`${PUBLIC_URL}/pictures/0123456789abcdef.png`);
    expect(served.status).toBe(503);
    expect(served.headers.get('retry-after')).toBe('5');
    // The picture every account starts with does not live in the bucket: it is still served.
    expect((await t.app.fetch(`${PUBLIC_URL}/pictures/default.jpg`)).status).toBe(200);
  });
});

describe('a bucket under a least-privilege policy (no s3:ListBucket)', () => {
  // S3 then answers 403 AccessDenied, not 404 NoSuchKey, for a key that does not exist. s3rver has no policies,
  // so a loopback HTTP server answers as S3 does there; the client is the real AWS SDK.
  let t: TestApp;
  let policy: http.Server;
  beforeAll(async () => {
    policy = http.createServer((_request, response) =>
      response
        .writeHead(403, { 'content-type': 'application/xml' })
        .end(
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
        ),
    );
    await new Promise<void>((resolve) => policy.listen(0, '127.0.0.1', resolve));
    const settings = await s3.bucket('least-privilege');
    const endpoint = `http://127.0.0.1:${(policy.address() as AddressInfo).port}`;
    t = await startTestApp({ pictures: s3PictureStorage({ ...settings, endpoint }) });
  });
  afterAll(async () => {
    await t?.close();
    policy?.close();
  });

  it('answers 404 for an unknown picture', async () => {
    expect((await t.app.fetch(`${PUBLIC_URL}/pictures/0123456789abcdef.png`)).status).toBe(404);
  });
});

describe('configuration', () => {
  it('needs a bucket for S3, both keys or neither, and links pictures from PICTURES_PUBLIC_URL when set', () => {
    expect(() => loadConfig({ PICTURE_STORAGE: 's3' })).toThrow(/S3_BUCKET/);
    expect(() => loadConfig({ PICTURE_STORAGE: 's3', S3_BUCKET: 'b1b', S3_ACCESS_KEY_ID: 'x' })).toThrow(/go together/);
    expect(() => loadConfig({ PICTURE_STORAGE: 'ftp' })).toThrow(/PICTURE_STORAGE/);
    const config = loadConfig({
      PICTURE_STORAGE: 's3',
      S3_BUCKET: 'pics',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      PICTURES_PUBLIC_URL: 'https://cdn.example.com/p',
    });
    expect(config.s3).toMatchObject({ bucket: 'pics', forcePathStyle: true, credentials: undefined });
    expect(config.pictures.publicUrl).toBe('https://cdn.example.com/p/');
  });
});
