import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN, signUp } from './helpers/accounts.ts';
import { file, image, pngClaiming } from './helpers/images.ts';
import type { UpdateAccountInput } from './generated/graphql.ts';
import { graphql } from './generated/gql.ts';
import { textOf } from './helpers/graphql.ts';
import {
  expectData,
  expectTypename,
  type GraphQLResponse,
  PUBLIC_URL,
  type ResultOf,
  startTestApp,
  type TestApp,
} from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const UPDATE = graphql(`mutation Update($input: UpdateAccountInput!) {
  updateAccount(input: $input) {
    __typename
    ... on UpdateAccountSuccess { user { username email imageUrl } }
    ... on ValidationError { fieldErrors { field message } }
  }
}`);

async function update(token: string, input: UpdateAccountInput) {
  const result = await t.graphql(UPDATE, { input }, { token });
  expect(result.errors).toBeUndefined();
  return expectData(result).updateAccount;
}

async function uploadPicture(token: string, picture: File, input: UpdateAccountInput = {}) {
  const result = await t.upload(
    UPDATE,
    { input: { ...input, picture: null } },
    { 'input.picture': picture },
    { token },
  );
  expect(result.errors).toBeUndefined();
  return expectData(result).updateAccount;
}

/** The account after an update that must succeed, and the field errors of one that must be refused. */
const updated = async (token: string, input: UpdateAccountInput) =>
  expectTypename(await update(token, input), 'UpdateAccountSuccess');
const refused = async (token: string, input: UpdateAccountInput) =>
  expectTypename(await update(token, input), 'ValidationError');
const uploaded = async (token: string, picture: File) =>
  expectTypename(await uploadPicture(token, picture), 'UpdateAccountSuccess');

const pictureFiles = () => fs.readdirSync(t.picturesDir);

describe('updateAccount: username and email', () => {
  it('requires a login', async () => {
    const result = await t.graphql(UPDATE, { input: { username: 'Someone' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('changes only the fields sent', async () => {
    const ada = await signUp(t, { username: 'Ada', email: 'ada@demo.com' });
    expect(await update(ada.token, { username: '  Countess ' })).toEqual({
      __typename: 'UpdateAccountSuccess',
      user: { username: 'Countess', email: 'ada@demo.com', imageUrl: `${PUBLIC_URL}/pictures/default.jpg` },
    });
    expect(
      (await updated(ada.token, { email: 'Lovelace@Demo.com', currentPassword: ada.password })).user,
    ).toMatchObject({
      username: 'Countess',
      email: 'lovelace@demo.com',
    });
  });

  it('checks uniqueness only when a value changes, with the original messages', async () => {
    const ada = await signUp(t, { username: 'Ada', email: 'ada@demo.com' });
    await signUp(t, { username: 'Bob', email: 'bob@demo.com' });
    expect((await update(ada.token, { username: 'Ada', email: 'ADA@demo.com' })).__typename).toBe(
      'UpdateAccountSuccess',
    );
    expect(
      (await refused(ada.token, { username: 'Bob', email: 'Bob@Demo.com', currentPassword: ada.password })).fieldErrors,
    ).toEqual([
      { field: 'username', message: 'That username is taken. Please choose a different one.' },
      { field: 'email', message: 'That email is taken. Please choose a different one.' },
    ]);
    expect(await t.prisma.user.findUniqueOrThrow({ where: { username: 'Ada' } })).toMatchObject({
      email: 'ada@demo.com',
    });
  });

  it('applies the registration rules', async () => {
    const ada = await signUp(t);
    const input = { username: '', email: 'x@localhost', currentPassword: ada.password };
    expect((await refused(ada.token, input)).fieldErrors).toEqual([
      { field: 'username', message: 'This field is required.' },
      { field: 'email', message: 'Invalid email address.' },
    ]);
  });
});

describe('updateAccount: a new email needs the current password', () => {
  const stored = (username: string) => t.prisma.user.findUniqueOrThrow({ where: { username } });

  it('refuses a missing or wrong password and changes nothing; with the right one, tells the old address', async () => {
    const ada = await signUp(t, { username: 'Ada', email: 'ada@demo.com' });
    const before = await stored('Ada');
    expect(await update(ada.token, { username: 'Countess', email: 'countess@example.com' })).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ field: 'currentPassword', message: 'This field is required.' }],
    });
    for (const currentPassword of ['', 'not the password']) {
      expect(
        await update(ada.token, { username: 'Countess', email: 'countess@example.com', currentPassword }),
      ).toMatchObject({ fieldErrors: [{ field: 'currentPassword', message: expect.any(String) }] });
    }
    expect((await refused(ada.token, { email: 'x@example.com', currentPassword: 'wrong' })).fieldErrors).toEqual([
      { field: 'currentPassword', message: 'That password is not correct.' },
    ]);
    await t.settle();
    expect(await stored('Ada')).toEqual(before);
    expect(t.sent).toEqual([]);

    const changed = await updated(ada.token, { email: ' Countess@Example.com ', currentPassword: ada.password });
    expect(changed.user).toMatchObject({ username: 'Ada', email: 'countess@example.com' });
    await t.settle();
    expect(t.sent).toHaveLength(1);
    const [notice] = t.sent;
    expect(notice).toMatchObject({
      to: 'ada@demo.com',
      subject: 'Your email address was changed',
      tag: 'email-changed',
    });
    expect(notice!.text).toContain('changed to c***@example.com.');
    for (const body of [notice!.text, notice!.html]) {
      expect(body).not.toContain('countess@');
      expect(body).not.toContain('Ada');
    }
    // The old address no longer logs in; resets go to the new one.
    expect(
      expectData(await t.graphql(LOGIN, { input: { email: 'ada@demo.com', password: ada.password } })).login.__typename,
    ).toBe('LoginFailedError');
  });

  it('asks for the password before looking the new address up, so a token alone learns nothing', async () => {
    const ada = await signUp(t, { username: 'Ada', email: 'ada@demo.com' });
    await signUp(t, { username: 'Bob', email: 'bob@demo.com' });
    expect((await refused(ada.token, { email: 'bob@demo.com' })).fieldErrors).toEqual([
      { field: 'currentPassword', message: 'This field is required.' },
    ]);
    expect((await refused(ada.token, { email: 'bob@demo.com', currentPassword: 'guess' })).fieldErrors).toEqual([
      { field: 'currentPassword', message: 'That password is not correct.' },
    ]);
    expect((await refused(ada.token, { email: 'bob@demo.com', currentPassword: ada.password })).fieldErrors).toEqual([
      { field: 'email', message: 'That email is taken. Please choose a different one.' },
    ]);
    expect((await stored('Ada')).email).toBe('ada@demo.com');
  });

  it('needs no password for a username or picture, nor for the same email in another case; sends no notice', async () => {
    const ada = await signUp(t, { username: 'Ada', email: 'ada@demo.com' });
    expect((await update(ada.token, { username: 'Countess', email: 'ADA@Demo.com' })).__typename).toBe(
      'UpdateAccountSuccess',
    );
    expect((await uploadPicture(ada.token, file(await image(40, 40, 'png'), 'a.png'))).__typename).toBe(
      'UpdateAccountSuccess',
    );
    await t.settle();
    expect(t.sent).toEqual([]);
  });

  it('counts wrong passwords against the login failure budget', async () => {
    const ada = await signUp(t, { username: 'Ada', email: 'ada@demo.com' });
    const attempt = (currentPassword: string) =>
      t.graphql(UPDATE, { input: { email: 'new@example.com', currentPassword } }, { token: ada.token });
    for (let i = 0; i < 5; i++) {
      const refusal = expectTypename(expectData(await attempt('wrong password')).updateAccount, 'ValidationError');
      expect(refusal.fieldErrors[0]?.field).toBe('currentPassword');
    }
    expect((await attempt(ada.password)).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await stored('Ada')).email).toBe('ada@demo.com');
    await t.settle();
    expect(t.sent).toEqual([]);
  });
});

describe('updateAccount: profile picture', () => {
  it('fits an uploaded PNG inside 125×125 keeping its shape, serves it, and shows its URL', async () => {
    const ada = await signUp(t);
    const result = await uploaded(ada.token, file(await image(400, 200, 'png'), 'me.png', 'image/png'));
    expect(result.__typename).toBe('UpdateAccountSuccess');
    const url = new URL(result.user.imageUrl);
    expect(url.origin).toBe(PUBLIC_URL);
    expect(url.pathname).toMatch(/^\/pictures\/[0-9a-f]{16}\.png$/);
    expect(pictureFiles()).toEqual([url.pathname.split('/').pop()]);

    const served = await t.app.fetch(`${PUBLIC_URL}${url.pathname}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    const { width, height, format } = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect({ width, format }).toEqual({ width: 125, format: 'png' });
    expect(height).toBeGreaterThanOrEqual(62);
    expect(height).toBeLessThanOrEqual(63);
  });

  it('never enlarges a small picture, judges JPEG by content whatever its name, and turns WebP into PNG', async () => {
    const ada = await signUp(t);
    const jpeg = await uploaded(ada.token, file(await image(100, 80, 'jpeg'), 'photo.png', 'image/png'));
    expect(jpeg.user.imageUrl).toMatch(/\.jpg$/);
    const stored = fs.readFileSync(`${t.picturesDir}/${jpeg.user.imageUrl.split('/').pop()}`);
    expect(await sharp(stored).metadata()).toMatchObject({ width: 100, height: 80, format: 'jpeg' });

    const webp = await uploaded(ada.token, file(await image(300, 300, 'webp'), 'a.webp', 'image/webp'));
    expect(webp.user.imageUrl).toMatch(/\.png$/);
  });

  it('deletes the previous picture when it is replaced, but never the default one', async () => {
    const ada = await signUp(t);
    const first = await uploaded(ada.token, file(await image(200, 200, 'png'), 'a.png'));
    const second = await uploaded(ada.token, file(await image(200, 200, 'jpeg'), 'b.jpg'));
    expect(pictureFiles()).toEqual([second.user.imageUrl.split('/').pop()]);
    expect(first.user.imageUrl).not.toBe(second.user.imageUrl);
    expect((await t.app.fetch(`${PUBLIC_URL}/pictures/default.jpg`)).status).toBe(200);
  });

  it.each([
    ['an empty file', async () => file(new Uint8Array(), 'empty.png', 'image/png'), 'The picture file is empty.'],
    [
      'text named .png',
      async () => file('definitely not an image', 'me.png', 'image/png'),
      'The picture must be a JPEG, PNG or WebP image.',
    ],
    [
      'a GIF',
      async () => file(await image(20, 20, 'gif'), 'a.gif', 'image/gif'),
      'The picture must be a JPEG, PNG or WebP image.',
    ],
    [
      'an SVG',
      async () =>
        file('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>', 'x.png'),
      'The picture must be a JPEG, PNG or WebP image.',
    ],
    [
      'a file over 2 MB',
      async () => file(new Uint8Array(2 * 1024 * 1024 + 1), 'big.png', 'image/png'),
      'The picture must be at most 2 MB.',
    ],
    [
      'a decompression bomb',
      async () => file(pngClaiming(30_000, 30_000), 'bomb.png', 'image/png'),
      'The picture must be at most 25 megapixels.',
    ],
    [
      'a truncated JPEG',
      async () => file((await image(600, 600, 'jpeg')).subarray(0, 2000), 'cut.jpg', 'image/jpeg'),
      'The picture could not be read: the file is damaged or incomplete.',
    ],
  ])('refuses %s on the picture field and changes nothing', async (_case, makeFile, message) => {
    const ada = await signUp(t, { username: 'Ada' });
    const result = await uploadPicture(ada.token, await makeFile(), { username: 'Renamed' });
    expect(result).toEqual({ __typename: 'ValidationError', fieldErrors: [{ field: 'picture', message }] });
    expect(await t.prisma.user.findFirstOrThrow({ where: { username: 'Ada' } })).toMatchObject({
      imageFile: 'default.jpg',
    });
    expect(pictureFiles()).toEqual([]);
  });

  it('keeps no new picture when another field is refused', async () => {
    const ada = await signUp(t, { username: 'Ada' });
    await signUp(t, { username: 'Bob' });
    const result = await uploadPicture(ada.token, file(await image(50, 50, 'png'), 'ok.png'), { username: 'Bob' });
    expect(result.__typename).toBe('ValidationError');
    expect(pictureFiles()).toEqual([]);
    expect(await t.prisma.user.findFirstOrThrow({ where: { username: 'Ada' } })).toMatchObject({
      imageFile: 'default.jpg',
    });
  });
});

describe('updateAccount: pictures under concurrency and failure', () => {
  it('after six simultaneous uploads, exactly the picture the account points to remains', async () => {
    const ada = await signUp(t, { username: 'Ada' });
    for (let round = 0; round < 3; round++) {
      const uploads = await Promise.all(
        Array.from({ length: 6 }, async (_, i) =>
          uploadPicture(ada.token, file(await image(40 + i, 40, 'png'), `p${i}.png`)),
        ),
      );
      expect(uploads.every((upload) => upload.__typename === 'UpdateAccountSuccess')).toBe(true);
      const { imageFile } = await t.prisma.user.findFirstOrThrow({ where: { username: 'Ada' } });
      expect(pictureFiles()).toEqual([imageFile]);
    }
  });

  it('keeps the old picture and no new file when the database write fails', async () => {
    const ada = await signUp(t, { username: 'Ada' });
    const before = await uploaded(ada.token, file(await image(50, 50, 'png'), 'first.png'));
    const kept = before.user.imageUrl.split('/').pop();
    // A real failure inside PostgreSQL, after the new file is stored and before the row changes.
    await t.prisma.$executeRawUnsafe(
      `CREATE FUNCTION refuse_update() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql`,
    );
    await t.prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_update BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION refuse_update()`,
    );
    try {
      const result = await t.upload(
        UPDATE,
        { input: { picture: null } },
        { 'input.picture': file(await image(60, 60, 'png'), 'second.png') },
        { token: ada.token },
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      // What a test that expected data reports: the operation, its errors, and the stack the server logged.
      expect(() => expectData(result)).toThrow(
        /^Operation Update returned no data\.\nOperation:\nmutation Update[\s\S]*"code": "INTERNAL_SERVER_ERROR"[\s\S]*Server logged \(level 50\)[\s\S]*disk full/,
      );
    } finally {
      await t.prisma.$executeRawUnsafe('DROP TRIGGER refuse_update ON users');
      await t.prisma.$executeRawUnsafe('DROP FUNCTION refuse_update()');
    }
    expect(pictureFiles()).toEqual([kept]);
    expect((await t.prisma.user.findFirstOrThrow({ where: { username: 'Ada' } })).imageFile).toBe(kept);
  });
});

describe('updateAccount: picture size over real HTTP', () => {
  /** A multipart upload of `size` bytes sent on a socket; resolves with the status and body, or how it failed. */
  async function sendUpload(url: string, token: string, size: number) {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: textOf(UPDATE), variables: { input: { picture: null } } }));
    form.append('map', JSON.stringify({ 0: ['variables.input.picture'] }));
    form.append('0', file(new Uint8Array(size), 'big.png', 'image/png'));
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'x-graphql-yoga-csrf': '1' },
        body: form,
      });
      return { status: response.status, body: (await response.json()) as GraphQLResponse<ResultOf<typeof UPDATE>> };
    } catch (error) {
      const failure: GraphQLResponse<ResultOf<typeof UPDATE>> = {
        errors: [{ message: `The connection failed: ${String((error as Error).cause ?? error)}` }],
      };
      return { status: 0, body: failure };
    }
  }

  it('answers a ValidationError on the field up to twice the limit, and 413 (never a dropped connection) beyond', async () => {
    const url = await t.listen();
    const ada = await signUp(t, { username: 'Ada' });
    for (const size of [2 * 1024 * 1024 + 100 * 1024, Math.round(3.3 * 1024 * 1024)]) {
      const { status, body } = await sendUpload(url, ada.token, size);
      expect(status, `${size} bytes`).toBe(200);
      expect(expectData(body).updateAccount).toEqual({
        __typename: 'ValidationError',
        fieldErrors: [{ field: 'picture', message: 'The picture must be at most 2 MB.' }],
      });
    }
    // Past the transport limit, repeatedly: the answer must arrive every time, not sometimes.
    for (const size of [
      5 * 1024 * 1024,
      5 * 1024 * 1024,
      5 * 1024 * 1024,
      30 * 1024 * 1024,
      30 * 1024 * 1024,
      60 * 1024 * 1024,
    ]) {
      const { status, body } = await sendUpload(url, ada.token, size);
      expect(status, `${size} bytes: ${JSON.stringify(body).slice(0, 200)}`).toBe(413);
      expect(body.errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
    }
    expect(pictureFiles()).toEqual([]);
  });
});
