import type { ApolloClient } from '@apollo/client';
import type { Client } from '@urql/core';
import { expect } from 'vitest';
import { LoginDocument, RegisterDocument } from '../../client/generated/graphql.ts';
import type { TestApp } from './test-app.ts';
import { graphql } from '../generated/gql.ts';

export const REGISTER = graphql(`mutation Register($input: RegisterInput!) {
  register(input: $input) {
    __typename
    ... on RegisterSuccess { user { id username email imageUrl } }
    ... on ValidationError { message fieldErrors { field message } }
  }
}`);

export const LOGIN = graphql(`mutation Login($input: LoginInput!) {
  login(input: $input) {
    __typename
    ... on LoginSuccess { token expiresAt user { id username email } }
    ... on Error { message }
    ... on ValidationError { fieldErrors { field message } }
  }
}`);

let sequence = 0;

/** Registers an account through the API and logs it in; returns its token. */
export async function signUp(t: TestApp, overrides: { username?: string; email?: string; password?: string } = {}) {
  sequence++;
  const input = {
    username: overrides.username ?? `member${sequence}`,
    email: overrides.email ?? `member${sequence}@example.com`,
    password: overrides.password ?? 'correct horse battery',
  };
  const registered = await t.graphql(REGISTER, { input: { ...input, confirmPassword: input.password } });
  if (registered.data?.register.__typename !== 'RegisterSuccess') {
    throw new Error(`register failed: ${JSON.stringify(registered)}`);
  }
  const login = await t.graphql(LOGIN, { input: { email: input.email, password: input.password } });
  if (login.data?.login.__typename !== 'LoginSuccess') throw new Error(`login failed: ${JSON.stringify(login)}`);
  return { ...input, id: registered.data.register.user.id as string, token: login.data.login.token as string };
}

export interface Account {
  username: string;
  email: string;
  password: string;
}

/** Registers through Apollo Client and logs in, as an app would; returns the token for the client to send. */
export async function signUpWithApollo(client: ApolloClient, account: Account): Promise<string> {
  const registered = await client.mutate({
    mutation: RegisterDocument,
    variables: { input: { ...account, confirmPassword: account.password } },
  });
  expect(registered.data?.register.__typename).toBe('RegisterSuccess');
  const login = await client.mutate({
    mutation: LoginDocument,
    variables: { input: { email: account.email, password: account.password } },
  });
  if (login.data?.login.__typename !== 'LoginSuccess') throw new Error('login failed');
  return login.data.login.token;
}

/** The same through urql. */
export async function signUpWithUrql(client: Client, account: Account): Promise<string> {
  const registered = await client.mutation(RegisterDocument, {
    input: { ...account, confirmPassword: account.password },
  });
  expect(registered.data?.register.__typename).toBe('RegisterSuccess');
  const login = await client.mutation(LoginDocument, { input: { email: account.email, password: account.password } });
  if (login.data?.login.__typename !== 'LoginSuccess') throw new Error(`login failed: ${login.error?.message}`);
  return login.data.login.token;
}
