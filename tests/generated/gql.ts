/* eslint-disable */
import * as types from './graphql.ts';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "mutation AccountManagementChange($input: ChangePasswordInput!) {\n  changePassword(input: $input) { __typename ... on ChangePasswordSuccess { message revokedSessions } ... on ValidationError { fieldErrors { field message } } }\n}": typeof types.AccountManagementChangeDocument,
    "mutation AccountManagementDelete($password: String!) {\n  deleteAccount(password: $password) { __typename ... on DeleteAccountSuccess { message } ... on ValidationError { fieldErrors { field message } } }\n}": typeof types.AccountManagementDeleteDocument,
    "query AccountManagementMe { me { username } }": typeof types.AccountManagementMeDocument,
    "mutation AccountManagementUpdateAccount($p: File) { updateAccount(input: { picture: $p }) { __typename } }": typeof types.AccountManagementUpdateAccountDocument,
    "mutation AccountManagementCreatePost { createPost(input: { title: \"Mine\", content: \"x\" }) { __typename } }": typeof types.AccountManagementCreatePostDocument,
    "mutation AccountManagementCreatePost2 { createPost(input: { title: \"Bob's\", content: \"x\" }) { __typename } }": typeof types.AccountManagementCreatePost2Document,
    "mutation AccountManagementRequestReset { requestReset(email: \"ada@demo.com\") { __typename } }": typeof types.AccountManagementRequestResetDocument,
    "mutation AccountManagementCreatePost3 { createPost(input: { title: \"x\", content: \"y\" }) { __typename } }": typeof types.AccountManagementCreatePost3Document,
    "mutation Update($input: UpdateAccountInput!) {\n  updateAccount(input: $input) {\n    __typename\n    ... on UpdateAccountSuccess { user { username email imageUrl } }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}": typeof types.UpdateDocument,
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    __typename\n    ... on RegisterSuccess { user { id username email imageUrl } }\n    ... on ValidationError { message fieldErrors { field message } }\n  }\n}": typeof types.RegisterDocument,
    "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    __typename\n    ... on LoginSuccess { token expiresAt user { id username email } }\n    ... on Error { message }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}": typeof types.LoginDocument,
    "query LoginMe { me { id username email } }": typeof types.LoginMeDocument,
    "mutation LoginLogout { logout { __typename ... on LogoutSuccess { revokedSessions } } }": typeof types.LoginLogoutDocument,
    "mutation LoginLogoutAll { logoutAll { __typename ... on LogoutSuccess { revokedSessions } } }": typeof types.LoginLogoutAllDocument,
    "query LoginMe2 { me { username email postCount } }": typeof types.LoginMe2Document,
    "query LoginQuery { user(username: \"Ada\") { email } me { email } }": typeof types.LoginQueryDocument,
    "mutation MailRequestReset($email: String!) { requestReset(email: $email) { __typename ... on RequestResetSuccess { message } } }": typeof types.MailRequestResetDocument,
    "mutation MailResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) { __typename } }": typeof types.MailResetPasswordDocument,
    "mutation RatelimitRequestReset { requestReset(email: \"ada@demo.com\") { __typename } }": typeof types.RatelimitRequestResetDocument,
    "mutation RatelimitUpdate($input: UpdateAccountInput!) {\n    updateAccount(input: $input) {\n      __typename\n      ... on ValidationError { fieldErrors { field message } }\n    }\n  }": typeof types.RatelimitUpdateDocument,
    "mutation RatelimitRequestReset2 { requestReset(email: \"x@demo.com\") { __typename } }": typeof types.RatelimitRequestReset2Document,
    "query RatelimitPosts { posts { totalCount } }": typeof types.RatelimitPostsDocument,
    "mutation ResetRequestReset($email: String!) {\n  requestReset(email: $email) { __typename ... on Error { message } ... on RequestResetSuccess { message } ... on ValidationError { fieldErrors { field message } } }\n}": typeof types.ResetRequestResetDocument,
    "mutation ResetResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input) { __typename ... on Error { message } ... on ResetPasswordSuccess { message } ... on ValidationError { fieldErrors { field message } } }\n}": typeof types.ResetResetPasswordDocument,
    "query ResetMe { me { id } }": typeof types.ResetMeDocument,
    "query ResponseCacheReplayMe { me { username } }": typeof types.ResponseCacheReplayMeDocument,
    "mutation ResponseCacheReplayLogout { logout { __typename } }": typeof types.ResponseCacheReplayLogoutDocument,
    "mutation ResponseCacheReplayRequestReset($email: String!) { requestReset(email: $email) { __typename } }": typeof types.ResponseCacheReplayRequestResetDocument,
    "query ResponseCacheReplayFeed { posts(first: 2) { edges { node { title } } } }": typeof types.ResponseCacheReplayFeedDocument,
    "mutation ResponseCacheReplayCreatePost($input: CreatePostInput!) { createPost(input: $input) { __typename } }": typeof types.ResponseCacheReplayCreatePostDocument,
    "query SeedPosts { posts(first: 25) { totalCount edges { node { title datePosted author { username } } } } }": typeof types.SeedPostsDocument,
    "query SessionsSessions { me { sessions { id createdAt lastUsedAt expiresAt userAgent current } } }": typeof types.SessionsSessionsDocument,
    "mutation SessionsRevoke($id: ID!) {\n  revokeSession(id: $id) { __typename ... on RevokeSessionSuccess { message revokedSessionId } ... on Error { message } }\n}": typeof types.SessionsRevokeDocument,
    "mutation SessionsLogout { logout { __typename } }": typeof types.SessionsLogoutDocument,
    "query SessionsUser { user(username: \"Ada\") { sessions { id } } }": typeof types.SessionsUserDocument,
    "query SessionsUser2 { user(username: \"Ada\") { sessions { current } } }": typeof types.SessionsUser2Document,
    "query SessionsMe { me { id } }": typeof types.SessionsMeDocument,
};
const documents: Documents = {
    "mutation AccountManagementChange($input: ChangePasswordInput!) {\n  changePassword(input: $input) { __typename ... on ChangePasswordSuccess { message revokedSessions } ... on ValidationError { fieldErrors { field message } } }\n}": types.AccountManagementChangeDocument,
    "mutation AccountManagementDelete($password: String!) {\n  deleteAccount(password: $password) { __typename ... on DeleteAccountSuccess { message } ... on ValidationError { fieldErrors { field message } } }\n}": types.AccountManagementDeleteDocument,
    "query AccountManagementMe { me { username } }": types.AccountManagementMeDocument,
    "mutation AccountManagementUpdateAccount($p: File) { updateAccount(input: { picture: $p }) { __typename } }": types.AccountManagementUpdateAccountDocument,
    "mutation AccountManagementCreatePost { createPost(input: { title: \"Mine\", content: \"x\" }) { __typename } }": types.AccountManagementCreatePostDocument,
    "mutation AccountManagementCreatePost2 { createPost(input: { title: \"Bob's\", content: \"x\" }) { __typename } }": types.AccountManagementCreatePost2Document,
    "mutation AccountManagementRequestReset { requestReset(email: \"ada@demo.com\") { __typename } }": types.AccountManagementRequestResetDocument,
    "mutation AccountManagementCreatePost3 { createPost(input: { title: \"x\", content: \"y\" }) { __typename } }": types.AccountManagementCreatePost3Document,
    "mutation Update($input: UpdateAccountInput!) {\n  updateAccount(input: $input) {\n    __typename\n    ... on UpdateAccountSuccess { user { username email imageUrl } }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}": types.UpdateDocument,
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    __typename\n    ... on RegisterSuccess { user { id username email imageUrl } }\n    ... on ValidationError { message fieldErrors { field message } }\n  }\n}": types.RegisterDocument,
    "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    __typename\n    ... on LoginSuccess { token expiresAt user { id username email } }\n    ... on Error { message }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}": types.LoginDocument,
    "query LoginMe { me { id username email } }": types.LoginMeDocument,
    "mutation LoginLogout { logout { __typename ... on LogoutSuccess { revokedSessions } } }": types.LoginLogoutDocument,
    "mutation LoginLogoutAll { logoutAll { __typename ... on LogoutSuccess { revokedSessions } } }": types.LoginLogoutAllDocument,
    "query LoginMe2 { me { username email postCount } }": types.LoginMe2Document,
    "query LoginQuery { user(username: \"Ada\") { email } me { email } }": types.LoginQueryDocument,
    "mutation MailRequestReset($email: String!) { requestReset(email: $email) { __typename ... on RequestResetSuccess { message } } }": types.MailRequestResetDocument,
    "mutation MailResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) { __typename } }": types.MailResetPasswordDocument,
    "mutation RatelimitRequestReset { requestReset(email: \"ada@demo.com\") { __typename } }": types.RatelimitRequestResetDocument,
    "mutation RatelimitUpdate($input: UpdateAccountInput!) {\n    updateAccount(input: $input) {\n      __typename\n      ... on ValidationError { fieldErrors { field message } }\n    }\n  }": types.RatelimitUpdateDocument,
    "mutation RatelimitRequestReset2 { requestReset(email: \"x@demo.com\") { __typename } }": types.RatelimitRequestReset2Document,
    "query RatelimitPosts { posts { totalCount } }": types.RatelimitPostsDocument,
    "mutation ResetRequestReset($email: String!) {\n  requestReset(email: $email) { __typename ... on Error { message } ... on RequestResetSuccess { message } ... on ValidationError { fieldErrors { field message } } }\n}": types.ResetRequestResetDocument,
    "mutation ResetResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input) { __typename ... on Error { message } ... on ResetPasswordSuccess { message } ... on ValidationError { fieldErrors { field message } } }\n}": types.ResetResetPasswordDocument,
    "query ResetMe { me { id } }": types.ResetMeDocument,
    "query ResponseCacheReplayMe { me { username } }": types.ResponseCacheReplayMeDocument,
    "mutation ResponseCacheReplayLogout { logout { __typename } }": types.ResponseCacheReplayLogoutDocument,
    "mutation ResponseCacheReplayRequestReset($email: String!) { requestReset(email: $email) { __typename } }": types.ResponseCacheReplayRequestResetDocument,
    "query ResponseCacheReplayFeed { posts(first: 2) { edges { node { title } } } }": types.ResponseCacheReplayFeedDocument,
    "mutation ResponseCacheReplayCreatePost($input: CreatePostInput!) { createPost(input: $input) { __typename } }": types.ResponseCacheReplayCreatePostDocument,
    "query SeedPosts { posts(first: 25) { totalCount edges { node { title datePosted author { username } } } } }": types.SeedPostsDocument,
    "query SessionsSessions { me { sessions { id createdAt lastUsedAt expiresAt userAgent current } } }": types.SessionsSessionsDocument,
    "mutation SessionsRevoke($id: ID!) {\n  revokeSession(id: $id) { __typename ... on RevokeSessionSuccess { message revokedSessionId } ... on Error { message } }\n}": types.SessionsRevokeDocument,
    "mutation SessionsLogout { logout { __typename } }": types.SessionsLogoutDocument,
    "query SessionsUser { user(username: \"Ada\") { sessions { id } } }": types.SessionsUserDocument,
    "query SessionsUser2 { user(username: \"Ada\") { sessions { current } } }": types.SessionsUser2Document,
    "query SessionsMe { me { id } }": types.SessionsMeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountManagementChange($input: ChangePasswordInput!) {\n  changePassword(input: $input) { __typename ... on ChangePasswordSuccess { message revokedSessions } ... on ValidationError { fieldErrors { field message } } }\n}"): (typeof documents)["mutation AccountManagementChange($input: ChangePasswordInput!) {\n  changePassword(input: $input) { __typename ... on ChangePasswordSuccess { message revokedSessions } ... on ValidationError { fieldErrors { field message } } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountManagementDelete($password: String!) {\n  deleteAccount(password: $password) { __typename ... on DeleteAccountSuccess { message } ... on ValidationError { fieldErrors { field message } } }\n}"): (typeof documents)["mutation AccountManagementDelete($password: String!) {\n  deleteAccount(password: $password) { __typename ... on DeleteAccountSuccess { message } ... on ValidationError { fieldErrors { field message } } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccountManagementMe { me { username } }"): (typeof documents)["query AccountManagementMe { me { username } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountManagementUpdateAccount($p: File) { updateAccount(input: { picture: $p }) { __typename } }"): (typeof documents)["mutation AccountManagementUpdateAccount($p: File) { updateAccount(input: { picture: $p }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountManagementCreatePost { createPost(input: { title: \"Mine\", content: \"x\" }) { __typename } }"): (typeof documents)["mutation AccountManagementCreatePost { createPost(input: { title: \"Mine\", content: \"x\" }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountManagementCreatePost2 { createPost(input: { title: \"Bob's\", content: \"x\" }) { __typename } }"): (typeof documents)["mutation AccountManagementCreatePost2 { createPost(input: { title: \"Bob's\", content: \"x\" }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountManagementRequestReset { requestReset(email: \"ada@demo.com\") { __typename } }"): (typeof documents)["mutation AccountManagementRequestReset { requestReset(email: \"ada@demo.com\") { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccountManagementCreatePost3 { createPost(input: { title: \"x\", content: \"y\" }) { __typename } }"): (typeof documents)["mutation AccountManagementCreatePost3 { createPost(input: { title: \"x\", content: \"y\" }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Update($input: UpdateAccountInput!) {\n  updateAccount(input: $input) {\n    __typename\n    ... on UpdateAccountSuccess { user { username email imageUrl } }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}"): (typeof documents)["mutation Update($input: UpdateAccountInput!) {\n  updateAccount(input: $input) {\n    __typename\n    ... on UpdateAccountSuccess { user { username email imageUrl } }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    __typename\n    ... on RegisterSuccess { user { id username email imageUrl } }\n    ... on ValidationError { message fieldErrors { field message } }\n  }\n}"): (typeof documents)["mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    __typename\n    ... on RegisterSuccess { user { id username email imageUrl } }\n    ... on ValidationError { message fieldErrors { field message } }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    __typename\n    ... on LoginSuccess { token expiresAt user { id username email } }\n    ... on Error { message }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}"): (typeof documents)["mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    __typename\n    ... on LoginSuccess { token expiresAt user { id username email } }\n    ... on Error { message }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LoginMe { me { id username email } }"): (typeof documents)["query LoginMe { me { id username email } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LoginLogout { logout { __typename ... on LogoutSuccess { revokedSessions } } }"): (typeof documents)["mutation LoginLogout { logout { __typename ... on LogoutSuccess { revokedSessions } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LoginLogoutAll { logoutAll { __typename ... on LogoutSuccess { revokedSessions } } }"): (typeof documents)["mutation LoginLogoutAll { logoutAll { __typename ... on LogoutSuccess { revokedSessions } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LoginMe2 { me { username email postCount } }"): (typeof documents)["query LoginMe2 { me { username email postCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LoginQuery { user(username: \"Ada\") { email } me { email } }"): (typeof documents)["query LoginQuery { user(username: \"Ada\") { email } me { email } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MailRequestReset($email: String!) { requestReset(email: $email) { __typename ... on RequestResetSuccess { message } } }"): (typeof documents)["mutation MailRequestReset($email: String!) { requestReset(email: $email) { __typename ... on RequestResetSuccess { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MailResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) { __typename } }"): (typeof documents)["mutation MailResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RatelimitRequestReset { requestReset(email: \"ada@demo.com\") { __typename } }"): (typeof documents)["mutation RatelimitRequestReset { requestReset(email: \"ada@demo.com\") { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RatelimitUpdate($input: UpdateAccountInput!) {\n    updateAccount(input: $input) {\n      __typename\n      ... on ValidationError { fieldErrors { field message } }\n    }\n  }"): (typeof documents)["mutation RatelimitUpdate($input: UpdateAccountInput!) {\n    updateAccount(input: $input) {\n      __typename\n      ... on ValidationError { fieldErrors { field message } }\n    }\n  }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RatelimitRequestReset2 { requestReset(email: \"x@demo.com\") { __typename } }"): (typeof documents)["mutation RatelimitRequestReset2 { requestReset(email: \"x@demo.com\") { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RatelimitPosts { posts { totalCount } }"): (typeof documents)["query RatelimitPosts { posts { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetRequestReset($email: String!) {\n  requestReset(email: $email) { __typename ... on Error { message } ... on RequestResetSuccess { message } ... on ValidationError { fieldErrors { field message } } }\n}"): (typeof documents)["mutation ResetRequestReset($email: String!) {\n  requestReset(email: $email) { __typename ... on Error { message } ... on RequestResetSuccess { message } ... on ValidationError { fieldErrors { field message } } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResetResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input) { __typename ... on Error { message } ... on ResetPasswordSuccess { message } ... on ValidationError { fieldErrors { field message } } }\n}"): (typeof documents)["mutation ResetResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input) { __typename ... on Error { message } ... on ResetPasswordSuccess { message } ... on ValidationError { fieldErrors { field message } } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResetMe { me { id } }"): (typeof documents)["query ResetMe { me { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResponseCacheReplayMe { me { username } }"): (typeof documents)["query ResponseCacheReplayMe { me { username } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResponseCacheReplayLogout { logout { __typename } }"): (typeof documents)["mutation ResponseCacheReplayLogout { logout { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResponseCacheReplayRequestReset($email: String!) { requestReset(email: $email) { __typename } }"): (typeof documents)["mutation ResponseCacheReplayRequestReset($email: String!) { requestReset(email: $email) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResponseCacheReplayFeed { posts(first: 2) { edges { node { title } } } }"): (typeof documents)["query ResponseCacheReplayFeed { posts(first: 2) { edges { node { title } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResponseCacheReplayCreatePost($input: CreatePostInput!) { createPost(input: $input) { __typename } }"): (typeof documents)["mutation ResponseCacheReplayCreatePost($input: CreatePostInput!) { createPost(input: $input) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SeedPosts { posts(first: 25) { totalCount edges { node { title datePosted author { username } } } } }"): (typeof documents)["query SeedPosts { posts(first: 25) { totalCount edges { node { title datePosted author { username } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SessionsSessions { me { sessions { id createdAt lastUsedAt expiresAt userAgent current } } }"): (typeof documents)["query SessionsSessions { me { sessions { id createdAt lastUsedAt expiresAt userAgent current } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SessionsRevoke($id: ID!) {\n  revokeSession(id: $id) { __typename ... on RevokeSessionSuccess { message revokedSessionId } ... on Error { message } }\n}"): (typeof documents)["mutation SessionsRevoke($id: ID!) {\n  revokeSession(id: $id) { __typename ... on RevokeSessionSuccess { message revokedSessionId } ... on Error { message } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SessionsLogout { logout { __typename } }"): (typeof documents)["mutation SessionsLogout { logout { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SessionsUser { user(username: \"Ada\") { sessions { id } } }"): (typeof documents)["query SessionsUser { user(username: \"Ada\") { sessions { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SessionsUser2 { user(username: \"Ada\") { sessions { current } } }"): (typeof documents)["query SessionsUser2 { user(username: \"Ada\") { sessions { current } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SessionsMe { me { id } }"): (typeof documents)["query SessionsMe { me { id } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;