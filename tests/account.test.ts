import fs from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signUp } from './helpers/accounts.ts';
import { file, image, pngClaiming } from './helpers/images.ts';
import { PUBLIC_URL, startTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const UPDATE = `mutation Update($input: UpdateAccountInput!) {
  updateAccount(input: $input) {
    __typename
    ... on UpdateAccountSuccess { user { username email imageUrl } }
    ... on ValidationError { fieldErrors { field message } }
  }
}`;

async function update(token: string, input: Record<string, unknown>) {
  const result = await t.graphql(UPDATE, { input }, { token });
  expect(result.errors).toBeUndefined();
  return result.data.updateAccount;
}

async function uploadPicture(token: string, picture: File, input: Record<string, unknown> = {}) {
  const result = await t.upload(UPDATE, { input: { ...input, picture: null } }, { 'input.picture': picture }, { token });
  expect(result.errors).toBeUndefined();
  return result.data.updateAccount;
}

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
    expect((await update(ada.token, { email: 'Lovelace@Demo.com' })).user).toMatchObject({
      username: 'Countess',
      email: 'lovelace@demo.com',
    });
  });

  it('checks uniqueness only when a value changes, with the original messages', async () => {
    const ada = await signUp(t, { username: 'Ada', email: 'ada@demo.com' });
    await signUp(t, { username: 'Bob', email: 'bob@demo.com' });
    expect((await update(ada.token, { username: 'Ada', email: 'ADA@demo.com' })).__typename).toBe('UpdateAccountSuccess');
    expect((await update(ada.token, { username: 'Bob', email: 'Bob@Demo.com' })).fieldErrors).toEqual([
      { field: 'username', message: 'That username is taken. Please choose a different one.' },
      { field: 'email', message: 'That email is taken. Please choose a different one.' },
    ]);
    expect(await t.prisma.user.findUniqueOrThrow({ where: { username: 'Ada' } })).toMatchObject({ email: 'ada@demo.com' });
  });

  it('applies the registration rules', async () => {
    const ada = await signUp(t);
    expect((await update(ada.token, { username: '', email: 'x@localhost' })).fieldErrors).toEqual([
      { field: 'username', message: 'This field is required.' },
      { field: 'email', message: 'Invalid email address.' },
    ]);
  });
});

describe('updateAccount: profile picture', () => {
  it('fits an uploaded PNG inside 125×125 keeping its shape, serves it, and shows its URL', async () => {
    const ada = await signUp(t);
    const result = await uploadPicture(ada.token, file(await image(400, 200, 'png'), 'me.png', 'image/png'));
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
    const jpeg = await uploadPicture(ada.token, file(await image(100, 80, 'jpeg'), 'photo.png', 'image/png'));
    expect(jpeg.user.imageUrl).toMatch(/\.jpg$/);
    const stored = fs.readFileSync(`${t.picturesDir}/${jpeg.user.imageUrl.split('/').pop()}`);
    expect(await sharp(stored).metadata()).toMatchObject({ width: 100, height: 80, format: 'jpeg' });

    const webp = await uploadPicture(ada.token, file(await image(300, 300, 'webp'), 'a.webp', 'image/webp'));
    expect(webp.user.imageUrl).toMatch(/\.png$/);
  });

  it('deletes the previous picture when it is replaced, but never the default one', async () => {
    const ada = await signUp(t);
    const first = await uploadPicture(ada.token, file(await image(200, 200, 'png'), 'a.png'));
    const second = await uploadPicture(ada.token, file(await image(200, 200, 'jpeg'), 'b.jpg'));
    expect(pictureFiles()).toEqual([second.user.imageUrl.split('/').pop()]);
    expect(first.user.imageUrl).not.toBe(second.user.imageUrl);
    expect((await t.app.fetch(`${PUBLIC_URL}/pictures/default.jpg`)).status).toBe(200);
  });

  it.each([
    ['an empty file', async () => file(new Uint8Array(), 'empty.png', 'image/png'), 'The picture file is empty.'],
    ['text named .png', async () => file('definitely not an image', 'me.png', 'image/png'), 'The picture must be a JPEG, PNG or WebP image.'],
    ['a GIF', async () => file(await image(20, 20, 'gif'), 'a.gif', 'image/gif'), 'The picture must be a JPEG, PNG or WebP image.'],
    [
      'an SVG',
      async () => file('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>', 'x.png'),
      'The picture must be a JPEG, PNG or WebP image.',
    ],
    ['a file over 2 MB', async () => file(new Uint8Array(2 * 1024 * 1024 + 1), 'big.png', 'image/png'), 'The picture must be at most 2 MB.'],
    ['a decompression bomb', async () => file(pngClaiming(30_000, 30_000), 'bomb.png', 'image/png'), 'The picture must be at most 25 megapixels.'],
    [
      'a truncated JPEG',
      async () => file((await image(600, 600, 'jpeg')).subarray(0, 2000), 'cut.jpg', 'image/jpeg'),
      'The picture could not be read: the file is damaged or incomplete.',
    ],
  ])('refuses %s on the picture field and changes nothing', async (_case, makeFile, message) => {
    const ada = await signUp(t, { username: 'Ada' });
    const result = await uploadPicture(ada.token, await makeFile(), { username: 'Renamed' });
    expect(result).toEqual({ __typename: 'ValidationError', fieldErrors: [{ field: 'picture', message }] });
    expect(await t.prisma.user.findFirstOrThrow({ where: { username: 'Ada' } })).toMatchObject({ imageFile: 'default.jpg' });
    expect(pictureFiles()).toEqual([]);
  });

  it('keeps no new picture when another field is refused', async () => {
    const ada = await signUp(t, { username: 'Ada' });
    await signUp(t, { username: 'Bob' });
    const result = await uploadPicture(ada.token, file(await image(50, 50, 'png'), 'ok.png'), { username: 'Bob' });
    expect(result.__typename).toBe('ValidationError');
    expect(pictureFiles()).toEqual([]);
    expect(await t.prisma.user.findFirstOrThrow({ where: { username: 'Ada' } })).toMatchObject({ imageFile: 'default.jpg' });
  });
});
