import fs from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN, signUp } from './helpers/accounts.ts';
import { file, image } from './helpers/images.ts';
import type { ChangePasswordInput } from './generated/graphql.ts';
import { graphql } from './generated/gql.ts';
import { expectData, expectTypename, startTestApp, type TestApp } from './helpers/test-app.ts';

let t: TestApp;
let removalFails = false;
beforeAll(async () => {
  t = await startTestApp({
    protection: { mutationsPerMinute: 100_000 },
    wrapPictures: (storage) => ({
      ...storage,
      remove: async (name) => {
        if (removalFails) throw new Error('storage is down');
        return storage.remove(name);
      },
    }),
  });
});
afterAll(() => t.close());
beforeEach(async () => {
  removalFails = false;
  await t.reset();
});

const CHANGE = graphql(`mutation AccountManagementChange($input: ChangePasswordInput!) {
  changePassword(input: $input) { __typename ... on ChangePasswordSuccess { message revokedSessions } ... on ValidationError { fieldErrors { field message } } }
}`);
const DELETE = graphql(`mutation AccountManagementDelete($password: String!) {
  deleteAccount(password: $password) { __typename ... on DeleteAccountSuccess { message } ... on ValidationError { fieldErrors { field message } } }
}`);
const ME = graphql(`query AccountManagementMe { me { username } }`);
async function login(email: string, password: string) {
  return expectData(await t.graphql(LOGIN, { input: { email, password } })).login;
}

describe('changePassword', () => {
  it('checks the current password and the new one, then ends every other session and keeps this one', async () => {
    const ada = await signUp(t, { email: 'ada@demo.com', password: 'old password' });
    const other = expectTypename(await login('ada@demo.com', 'old password'), 'LoginSuccess').token;
    const change = (input: ChangePasswordInput) => t.graphql(CHANGE, { input }, { token: ada.token });

    expect(
      expectData(
        await change({ currentPassword: 'wrong one!', newPassword: 'new password', confirmPassword: 'new password' }),
      ).changePassword,
    ).toEqual({
      __typename: 'ValidationError',
      fieldErrors: [{ field: 'currentPassword', message: 'That password is not correct.' }],
    });
    expect(
      expectTypename(
        expectData(await change({ currentPassword: 'old password', newPassword: 'short', confirmPassword: 'other' }))
          .changePassword,
        'ValidationError',
      ).fieldErrors,
    ).toEqual([
      { field: 'newPassword', message: 'Field must be at least 8 characters long.' },
      { field: 'confirmPassword', message: 'Field must be equal to password.' },
    ]);
    const done = await change({
      currentPassword: 'old password',
      newPassword: 'new password',
      confirmPassword: 'new password',
    });
    expect(expectData(done).changePassword).toEqual({
      __typename: 'ChangePasswordSuccess',
      message: 'Your password has been updated!',
      revokedSessions: 1,
    });
    expect(expectData(await t.graphql(ME, {}, { token: ada.token })).me).toEqual({ username: ada.username });
    expect(expectData(await t.graphql(ME, {}, { token: other })).me).toBeNull();
    expect((await login('ada@demo.com', 'new password')).__typename).toBe('LoginSuccess');
    expect((await login('ada@demo.com', 'old password')).__typename).toBe('LoginFailedError');
  });

  it('counts wrong current passwords against the login failure budget', async () => {
    const ada = await signUp(t, { email: 'ada@demo.com', password: 'old password' });
    for (let i = 0; i < 5; i++) {
      await t.graphql(
        CHANGE,
        { input: { currentPassword: `guess ${i}!!`, newPassword: 'new password', confirmPassword: 'new password' } },
        { token: ada.token },
      );
    }
    const limited = await t.graphql(LOGIN, { input: { email: 'ada@demo.com', password: 'old password' } });
    expect(limited.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});

describe('deleteAccount', () => {
  it('refuses a wrong password and changes nothing', async () => {
    const ada = await signUp(t, { password: 'the password' });
    expect(
      expectTypename(
        expectData(await t.graphql(DELETE, { password: 'not it at all' }, { token: ada.token })).deleteAccount,
        'ValidationError',
      ).fieldErrors,
    ).toEqual([{ field: 'password', message: 'That password is not correct.' }]);
    expect(await t.prisma.user.count()).toBe(1);
  });

  it('removes the user, posts, sessions, reset tokens and picture; the token stops working at once', async () => {
    const ada = await signUp(t, { email: 'ada@demo.com', password: 'the password' });
    const bob = await signUp(t);
    await t.upload(
      graphql(
        `mutation AccountManagementUpdateAccount($p: File) { updateAccount(input: { picture: $p }) { __typename } }`,
      ),
      { p: null },
      { p: file(await image(40, 40, 'png'), 'me.png') },
      { token: ada.token },
    );
    await t.graphql(
      graphql(
        `mutation AccountManagementCreatePost { createPost(input: { title: "Mine", content: "x" }) { __typename } }`,
      ),
      {},
      { token: ada.token },
    );
    await t.graphql(
      graphql(
        `mutation AccountManagementCreatePost2 { createPost(input: { title: "Bob's", content: "x" }) { __typename } }`,
      ),
      {},
      { token: bob.token },
    );
    await t.graphql(
      graphql(`mutation AccountManagementRequestReset { requestReset(email: "ada@demo.com") { __typename } }`),
    );
    await t.settle();
    expect(fs.readdirSync(t.picturesDir)).toHaveLength(1);

    const deleted = await t.graphql(DELETE, { password: 'the password' }, { token: ada.token });
    expect(expectData(deleted).deleteAccount).toEqual({
      __typename: 'DeleteAccountSuccess',
      message: 'Your account has been deleted.',
    });
    expect(await t.prisma.user.count()).toBe(1);
    expect((await t.prisma.post.findMany()).map((post) => post.title)).toEqual(["Bob's"]);
    expect(await t.prisma.session.count({ where: { user: { email: 'ada@demo.com' } } })).toBe(0);
    expect(await t.prisma.passwordResetToken.count()).toBe(0);
    expect(fs.readdirSync(t.picturesDir)).toEqual([]);
    expect(expectData(await t.graphql(ME, {}, { token: ada.token })).me).toBeNull();
    expect(
      (
        await t.graphql(
          graphql(
            `mutation AccountManagementCreatePost3 { createPost(input: { title: "x", content: "y" }) { __typename } }`,
          ),
          {},
          { token: ada.token },
        )
      ).errors?.[0]?.extensions?.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('when removing the picture fails, the account is still wholly deleted and the file is logged', async () => {
    const ada = await signUp(t, { password: 'the password' });
    await t.upload(
      graphql(
        `mutation AccountManagementUpdateAccount($p: File) { updateAccount(input: { picture: $p }) { __typename } }`,
      ),
      { p: null },
      { p: file(await image(40, 40, 'png'), 'me.png') },
      { token: ada.token },
    );
    removalFails = true;
    const deleted = await t.graphql(DELETE, { password: 'the password' }, { token: ada.token });
    expect(expectData(deleted).deleteAccount.__typename).toBe('DeleteAccountSuccess');
    expect(await t.prisma.user.count()).toBe(0);
    expect(t.logs.some((line) => line.msg === 'Could not delete the picture of a deleted account')).toBe(true);
  });
});
