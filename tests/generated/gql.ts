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
    "query Me { me { username } }": typeof types.MeDocument,
    "query Broken($first: Int) { posts(first: $first) { totalCount } }": typeof types.BrokenDocument,
    "mutation AccountManagementChange($input: ChangePasswordInput!) {\n  changePassword(input: $input) { __typename ... on ChangePasswordSuccess { message revokedSessions } ... on ValidationError { fieldErrors { field message } } }\n}": typeof types.AccountManagementChangeDocument,
    "mutation AccountManagementDelete($password: String!) {\n  deleteAccount(password: $password) { __typename ... on DeleteAccountSuccess { message } ... on ValidationError { fieldErrors { field message } } }\n}": typeof types.AccountManagementDeleteDocument,
    "query AccountManagementMe { me { username } }": typeof types.AccountManagementMeDocument,
    "mutation AccountManagementUpdateAccount($p: File) { updateAccount(input: { picture: $p }) { __typename } }": typeof types.AccountManagementUpdateAccountDocument,
    "mutation AccountManagementCreatePost { createPost(input: { title: \"Mine\", content: \"x\" }) { __typename } }": typeof types.AccountManagementCreatePostDocument,
    "mutation AccountManagementCreatePost2 { createPost(input: { title: \"Bob's\", content: \"x\" }) { __typename } }": typeof types.AccountManagementCreatePost2Document,
    "mutation AccountManagementRequestReset { requestReset(email: \"ada@demo.com\") { __typename } }": typeof types.AccountManagementRequestResetDocument,
    "mutation AccountManagementCreatePost3 { createPost(input: { title: \"x\", content: \"y\" }) { __typename } }": typeof types.AccountManagementCreatePost3Document,
    "mutation Update($input: UpdateAccountInput!) {\n  updateAccount(input: $input) {\n    __typename\n    ... on UpdateAccountSuccess { user { username email imageUrl } }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}": typeof types.UpdateDocument,
    "mutation DatabaseOutageCreate($input: CreatePostInput!) { createPost(input: $input) { __typename ... on CreatePostSuccess { post { id } } } }": typeof types.DatabaseOutageCreateDocument,
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    __typename\n    ... on RegisterSuccess { user { id username email imageUrl } }\n    ... on ValidationError { message fieldErrors { field message } }\n  }\n}": typeof types.RegisterDocument,
    "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    __typename\n    ... on LoginSuccess { token expiresAt user { id username email } }\n    ... on Error { message }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}": typeof types.LoginDocument,
    "mutation CreatePost($input: CreatePostInput!) {\n  createPost(input: $input) {\n    __typename\n    ... on CreatePostSuccess { post { id title content datePosted updatedAt author { username } } }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}": typeof types.CreatePostDocument,
    "mutation UpdatePost($id: ID!, $input: UpdatePostInput!) {\n  updatePost(id: $id, input: $input) {\n    __typename\n    ... on UpdatePostSuccess { post { id title content datePosted updatedAt author { username } } }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}": typeof types.UpdatePostDocument,
    "mutation DeletePost($id: ID!) {\n  deletePost(id: $id) { __typename ... on DeletePostSuccess { deletedPostId } }\n}": typeof types.DeletePostDocument,
    "subscription LiveSessionsChanges { postChanged { post { title author { email } } } }": typeof types.LiveSessionsChangesDocument,
    "mutation LiveSessionsLogout { logout { __typename } }": typeof types.LiveSessionsLogoutDocument,
    "mutation LiveSessionsLogin($input: LoginInput!) { login(input: $input) { ... on LoginSuccess { token } } }": typeof types.LiveSessionsLoginDocument,
    "query LoginMe { me { id username email } }": typeof types.LoginMeDocument,
    "mutation LoginLogout { logout { __typename ... on LogoutSuccess { revokedSessions } } }": typeof types.LoginLogoutDocument,
    "mutation LoginLogoutAll { logoutAll { __typename ... on LogoutSuccess { revokedSessions } } }": typeof types.LoginLogoutAllDocument,
    "query LoginMe2 { me { username email postCount } }": typeof types.LoginMe2Document,
    "query LoginQuery { user(username: \"Ada\") { email } me { email } }": typeof types.LoginQueryDocument,
    "mutation MailRequestReset($email: String!) { requestReset(email: $email) { __typename ... on RequestResetSuccess { message } } }": typeof types.MailRequestResetDocument,
    "mutation MailResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) { __typename } }": typeof types.MailResetPasswordDocument,
    "mutation MessagesRegister { register(input: { username: \"Flash\", email: \"flash@demo.com\", password: \"long enough\", confirmPassword: \"long enough\" }) { ... on RegisterSuccess { message } } }": typeof types.MessagesRegisterDocument,
    "mutation MessagesUpdateAccount { updateAccount(input: { username: \"Poster2\" }) { ... on UpdateAccountSuccess { message } } }": typeof types.MessagesUpdateAccountDocument,
    "mutation MessagesCreatePost { createPost(input: { title: \"T\", content: \"C\" }) { ... on CreatePostSuccess { message post { id } } } }": typeof types.MessagesCreatePostDocument,
    "mutation MessagesUpdatePost($id: ID!) { updatePost(id: $id, input: { title: \"T2\" }) { ... on UpdatePostSuccess { message } } }": typeof types.MessagesUpdatePostDocument,
    "mutation MessagesDeletePost($id: ID!) { deletePost(id: $id) { ... on DeletePostSuccess { message } } }": typeof types.MessagesDeletePostDocument,
    "mutation MessagesRequestReset { requestReset(email: \"flash@demo.com\") { ... on RequestResetSuccess { message } } }": typeof types.MessagesRequestResetDocument,
    "mutation MessagesCreatePost2 { createPost(input: { title: \"T\", content: \"C\" }) { __typename } }": typeof types.MessagesCreatePost2Document,
    "query Feed { posts(first: 2) { edges { node { title } } } }": typeof types.FeedDocument,
    "query MetricsBroken { posts(first: 1000) { totalCount } }": typeof types.MetricsBrokenDocument,
    "query NodesNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Post { title } ... on User { username } } }": typeof types.NodesNodesDocument,
    "query NodesNode($id: ID!) { node(id: $id) { id } }": typeof types.NodesNodeDocument,
    "query NodesPost($id: ID!) { post(id: $id) { id title content datePosted updatedAt author { username } } }": typeof types.NodesPostDocument,
    "query NodesPost2($id: ID!) { post(id: $id) { id } }": typeof types.NodesPost2Document,
    "query NodesQuery($username: String!) { user(username: $username) { username } }": typeof types.NodesQueryDocument,
    "query NodesUser { user(username: \"Ada\") { imageUrl email createdAt } }": typeof types.NodesUserDocument,
    "query NodesUserFields { __type(name: \"User\") { fields { name } } }": typeof types.NodesUserFieldsDocument,
    "query PaginationFeed($first: Int, $after: String, $last: Int, $before: String) {\n  posts(first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    edges { cursor node { id title } }\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n  }\n}": typeof types.PaginationFeedDocument,
    "query PaginationUser($username: String!) { user(username: $username) {\n        id postCount posts(first: 3) { totalCount edges { node { title author { username } } } pageInfo { hasNextPage } }\n      } }": typeof types.PaginationUserDocument,
    "mutation PicturesS3Update($input: UpdateAccountInput!) {\n  updateAccount(input: $input) { __typename ... on UpdateAccountSuccess { user { imageUrl } } }\n}": typeof types.PicturesS3UpdateDocument,
    "mutation PicturesS3UpdateAccount($input: UpdateAccountInput!) { updateAccount(input: $input) { __typename } }": typeof types.PicturesS3UpdateAccountDocument,
    "\n  query PostCounts($username: String!) {\n    posts(first: 1) {\n      totalCount\n    }\n    user(username: $username) {\n      postCount\n      posts(first: 1) {\n        totalCount\n      }\n    }\n  }\n": typeof types.PostCountsDocument,
    "\n  mutation PostCountsCreate($input: CreatePostInput!) {\n    createPost(input: $input) {\n      __typename\n      ... on CreatePostSuccess {\n        post {\n          id\n          author {\n            postCount\n          }\n        }\n      }\n    }\n  }\n": typeof types.PostCountsCreateDocument,
    "\n  mutation PostCountsDelete($id: ID!) {\n    deletePost(id: $id) {\n      __typename\n      ... on DeletePostSuccess {\n        deletedPostId\n      }\n    }\n  }\n": typeof types.PostCountsDeleteDocument,
    "\n  mutation PostCountsDeleteAccount($password: String!) {\n    deleteAccount(password: $password) {\n      __typename\n    }\n  }\n": typeof types.PostCountsDeleteAccountDocument,
    "query PostsConsistencyPosts($after: String) { posts(first: 4, after: $after) { edges { node { id datePosted } } pageInfo { hasNextPage endCursor } } }": typeof types.PostsConsistencyPostsDocument,
    "query PostsPostsUser {\n        posts { totalCount edges { node { title } } }\n        user(username: \"Ada\") { postCount posts { totalCount edges { node { title } } } }\n      }": typeof types.PostsPostsUserDocument,
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
    "query TagsFeed { posts(first: 20) { totalCount edges { node { title author { username } } } } }": typeof types.TagsFeedDocument,
    "query TagsUserPage($u: String!) { user(username: $u) { username postCount posts(first: 20) { totalCount edges { node { title } } } } }": typeof types.TagsUserPageDocument,
    "query TagsPost($id: ID!) { post(id: $id) { title author { username } } }": typeof types.TagsPostDocument,
    "query TagsNode($id: ID!) { node(id: $id) { id ... on Post { title } ... on User { username postCount } } }": typeof types.TagsNodeDocument,
    "query TagsNodeName($id: ID!) { node(id: $id) { id ... on User { username } } }": typeof types.TagsNodeNameDocument,
    "query TagsNodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Post { title author { postCount } } } }": typeof types.TagsNodesDocument,
    "query TagsSearch($q: String!) { searchPosts(query: $q, first: 20) { totalCount edges { node { title } } } }": typeof types.TagsSearchDocument,
    "mutation TagsCreate($title: String!) { createPost(input: { title: $title, content: \"x\" }) { __typename ... on CreatePostSuccess { post { id } } } }": typeof types.TagsCreateDocument,
    "mutation TagsUpdatePost($id: ID!, $title: String!) { updatePost(id: $id, input: { title: $title }) { __typename } }": typeof types.TagsUpdatePostDocument,
    "mutation TagsDeletePost($id: ID!) { deletePost(id: $id) { __typename } }": typeof types.TagsDeletePostDocument,
    "mutation TagsRename($username: String!) { updateAccount(input: { username: $username }) { __typename } }": typeof types.TagsRenameDocument,
    "mutation TagsChangeEmail($email: String!, $password: String!) { updateAccount(input: { email: $email, currentPassword: $password }) { __typename } }": typeof types.TagsChangeEmailDocument,
    "mutation TagsDeleteAccount($password: String!) { deleteAccount(password: $password) { __typename } }": typeof types.TagsDeleteAccountDocument,
    "query ResponseCacheFeed($first: Int) { posts(first: $first) { totalCount edges { node { id title author { username email } } } } }": typeof types.ResponseCacheFeedDocument,
    "mutation ResponseCacheCreate($input: CreatePostInput!) { createPost(input: $input) { __typename ... on CreatePostSuccess { post { id } } } }": typeof types.ResponseCacheCreateDocument,
    "query ResponseCachePosts { posts { totalCount } }": typeof types.ResponseCachePostsDocument,
    "query ResponseCacheUser($u: String!) { user(username: $u) { username } }": typeof types.ResponseCacheUserDocument,
    "mutation ResponseCacheUpdatePost($id: ID!) { updatePost(id: $id, input: { title: \"Edited\" }) { __typename } }": typeof types.ResponseCacheUpdatePostDocument,
    "mutation ResponseCacheUpdateAccount { updateAccount(input: { username: \"Ada2\" }) { __typename } }": typeof types.ResponseCacheUpdateAccountDocument,
    "mutation ResponseCacheDeletePost($id: ID!) { deletePost(id: $id) { __typename } }": typeof types.ResponseCacheDeletePostDocument,
    "mutation ResponseCacheWriteThroughFragment { ...Write } fragment Write on Mutation { createPost(input: { title: \"Through a fragment\", content: \"x\" }) { __typename } }": typeof types.ResponseCacheWriteThroughFragmentDocument,
    "mutation ResponseCacheDeletePost2 { deletePost(id: \"UG9zdDox\") { __typename } }": typeof types.ResponseCacheDeletePost2Document,
    "mutation ResponseCacheCreatePost($input: CreatePostInput!) { w: createPost(input: $input) { __typename } }": typeof types.ResponseCacheCreatePostDocument,
    "query ResponseCacheUserPage($u: String!) { user(username: $u) { posts { totalCount } } }": typeof types.ResponseCacheUserPageDocument,
    "query SearchSearch($query: String!, $first: Int, $after: String, $last: Int, $before: String) {\n  searchPosts(query: $query, first: $first, after: $after, last: $last, before: $before) {\n    totalCount totalCountIsCapped\n    edges { cursor rank excerpt { text highlighted } node { title author { username } } }\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n  }\n}": typeof types.SearchSearchDocument,
    "query SearchTitles($query: String!, $first: Int, $after: String) {\n  searchPosts(query: $query, first: $first, after: $after) {\n    totalCount totalCountIsCapped\n    edges { node { title } }\n    pageInfo { hasNextPage endCursor }\n  }\n}": typeof types.SearchTitlesDocument,
    "query SearchUserposts($query: String) { user(username: \"Ada\") { posts(query: $query, first: 20) { totalCount edges { node { title } } } } }": typeof types.SearchUserpostsDocument,
    "query SearchUser { user(username: \"Ada\") { posts(query: \"cat\", first: 5) { totalCount edges { node { title } } } } }": typeof types.SearchUserDocument,
    "query SearchUser2 { user(username: \"Ada\") { posts(query: \"...\") { totalCount } } }": typeof types.SearchUser2Document,
    "query SeedPosts { posts(first: 25) { totalCount edges { node { title datePosted author { username } } } } }": typeof types.SeedPostsDocument,
    "query SessionsSessions { me { sessions { id createdAt lastUsedAt expiresAt userAgent current } } }": typeof types.SessionsSessionsDocument,
    "mutation SessionsRevoke($id: ID!) {\n  revokeSession(id: $id) { __typename ... on RevokeSessionSuccess { message revokedSessionId } ... on Error { message } }\n}": typeof types.SessionsRevokeDocument,
    "mutation SessionsLogout { logout { __typename } }": typeof types.SessionsLogoutDocument,
    "query SessionsUser { user(username: \"Ada\") { sessions { id } } }": typeof types.SessionsUserDocument,
    "query SessionsUser2 { user(username: \"Ada\") { sessions { current } } }": typeof types.SessionsUser2Document,
    "query SessionsMe { me { id } }": typeof types.SessionsMeDocument,
    "query SqlCountPosts { posts(first: 20) { edges { node { title content datePosted author { username imageUrl } } } } }": typeof types.SqlCountPostsDocument,
    "query SqlCountPosts2 { posts { edges { node { title } } } }": typeof types.SqlCountPosts2Document,
    "query SqlCountPosts3 { posts { totalCount edges { node { title } } } }": typeof types.SqlCountPosts3Document,
    "query SqlCountPosts4 { posts(first: 30) { edges { node { author { postCount } } } } }": typeof types.SqlCountPosts4Document,
    "query SqlCountUserPage { user(username: \"user1\") { username posts(first: 3) { totalCount edges { cursor node { title author { username } } } pageInfo { hasNextPage endCursor } } } }": typeof types.SqlCountUserPageDocument,
    "query SqlCountUser { user(username: \"user1\") { username ...Page } } fragment Page on User { posts(first: 3) { totalCount edges { cursor node { title author { username } } } pageInfo { hasNextPage endCursor } } }": typeof types.SqlCountUserDocument,
    "query SqlCountReadAhead { user(username: \"user1\") { posts(first: 2) { edges { node { title author { filtered: posts(first: 2, query: \"post 1\") { pageInfo { hasNextPage } } } } } } } }": typeof types.SqlCountReadAheadDocument,
    "query SqlCountPostById($id: ID!) { post(id: $id) { title author { username } } }": typeof types.SqlCountPostByIdDocument,
    "query SqlCountNode($id: ID!) { node(id: $id) { __typename ... on Post { title author { username } } } }": typeof types.SqlCountNodeDocument,
    "query SqlCountNodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Post { author { username } } ... on User { username } } }": typeof types.SqlCountNodesDocument,
    "query SqlCountLonely { user(username: \"lonely\") { posts { totalCount edges { node { title } } pageInfo { hasNextPage } } } }": typeof types.SqlCountLonelyDocument,
    "query SqlCountUser2 { user(username: \"user1\") { posts(first: 0) { edges { node { title } } pageInfo { hasNextPage } } } }": typeof types.SqlCountUser2Document,
    "query SqlPlansPosts { posts(first: 4) { pageInfo { endCursor } } }": typeof types.SqlPlansPostsDocument,
    "subscription SubscriptionsChanges($author: ID) {\n  postChanged(author: $author) { kind postId post { title author { username email } } }\n}": typeof types.SubscriptionsChangesDocument,
    "mutation TracingCreatePost { createPost(input: { title: \"Inline title\", content: \"inline words\" }) { __typename } }": typeof types.TracingCreatePostDocument,
    "query TracingPosts { posts(first: 1) { totalCount } }": typeof types.TracingPostsDocument,
};
const documents: Documents = {
    "query Me { me { username } }": types.MeDocument,
    "query Broken($first: Int) { posts(first: $first) { totalCount } }": types.BrokenDocument,
    "mutation AccountManagementChange($input: ChangePasswordInput!) {\n  changePassword(input: $input) { __typename ... on ChangePasswordSuccess { message revokedSessions } ... on ValidationError { fieldErrors { field message } } }\n}": types.AccountManagementChangeDocument,
    "mutation AccountManagementDelete($password: String!) {\n  deleteAccount(password: $password) { __typename ... on DeleteAccountSuccess { message } ... on ValidationError { fieldErrors { field message } } }\n}": types.AccountManagementDeleteDocument,
    "query AccountManagementMe { me { username } }": types.AccountManagementMeDocument,
    "mutation AccountManagementUpdateAccount($p: File) { updateAccount(input: { picture: $p }) { __typename } }": types.AccountManagementUpdateAccountDocument,
    "mutation AccountManagementCreatePost { createPost(input: { title: \"Mine\", content: \"x\" }) { __typename } }": types.AccountManagementCreatePostDocument,
    "mutation AccountManagementCreatePost2 { createPost(input: { title: \"Bob's\", content: \"x\" }) { __typename } }": types.AccountManagementCreatePost2Document,
    "mutation AccountManagementRequestReset { requestReset(email: \"ada@demo.com\") { __typename } }": types.AccountManagementRequestResetDocument,
    "mutation AccountManagementCreatePost3 { createPost(input: { title: \"x\", content: \"y\" }) { __typename } }": types.AccountManagementCreatePost3Document,
    "mutation Update($input: UpdateAccountInput!) {\n  updateAccount(input: $input) {\n    __typename\n    ... on UpdateAccountSuccess { user { username email imageUrl } }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}": types.UpdateDocument,
    "mutation DatabaseOutageCreate($input: CreatePostInput!) { createPost(input: $input) { __typename ... on CreatePostSuccess { post { id } } } }": types.DatabaseOutageCreateDocument,
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    __typename\n    ... on RegisterSuccess { user { id username email imageUrl } }\n    ... on ValidationError { message fieldErrors { field message } }\n  }\n}": types.RegisterDocument,
    "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    __typename\n    ... on LoginSuccess { token expiresAt user { id username email } }\n    ... on Error { message }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}": types.LoginDocument,
    "mutation CreatePost($input: CreatePostInput!) {\n  createPost(input: $input) {\n    __typename\n    ... on CreatePostSuccess { post { id title content datePosted updatedAt author { username } } }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}": types.CreatePostDocument,
    "mutation UpdatePost($id: ID!, $input: UpdatePostInput!) {\n  updatePost(id: $id, input: $input) {\n    __typename\n    ... on UpdatePostSuccess { post { id title content datePosted updatedAt author { username } } }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}": types.UpdatePostDocument,
    "mutation DeletePost($id: ID!) {\n  deletePost(id: $id) { __typename ... on DeletePostSuccess { deletedPostId } }\n}": types.DeletePostDocument,
    "subscription LiveSessionsChanges { postChanged { post { title author { email } } } }": types.LiveSessionsChangesDocument,
    "mutation LiveSessionsLogout { logout { __typename } }": types.LiveSessionsLogoutDocument,
    "mutation LiveSessionsLogin($input: LoginInput!) { login(input: $input) { ... on LoginSuccess { token } } }": types.LiveSessionsLoginDocument,
    "query LoginMe { me { id username email } }": types.LoginMeDocument,
    "mutation LoginLogout { logout { __typename ... on LogoutSuccess { revokedSessions } } }": types.LoginLogoutDocument,
    "mutation LoginLogoutAll { logoutAll { __typename ... on LogoutSuccess { revokedSessions } } }": types.LoginLogoutAllDocument,
    "query LoginMe2 { me { username email postCount } }": types.LoginMe2Document,
    "query LoginQuery { user(username: \"Ada\") { email } me { email } }": types.LoginQueryDocument,
    "mutation MailRequestReset($email: String!) { requestReset(email: $email) { __typename ... on RequestResetSuccess { message } } }": types.MailRequestResetDocument,
    "mutation MailResetPassword($input: ResetPasswordInput!) { resetPassword(input: $input) { __typename } }": types.MailResetPasswordDocument,
    "mutation MessagesRegister { register(input: { username: \"Flash\", email: \"flash@demo.com\", password: \"long enough\", confirmPassword: \"long enough\" }) { ... on RegisterSuccess { message } } }": types.MessagesRegisterDocument,
    "mutation MessagesUpdateAccount { updateAccount(input: { username: \"Poster2\" }) { ... on UpdateAccountSuccess { message } } }": types.MessagesUpdateAccountDocument,
    "mutation MessagesCreatePost { createPost(input: { title: \"T\", content: \"C\" }) { ... on CreatePostSuccess { message post { id } } } }": types.MessagesCreatePostDocument,
    "mutation MessagesUpdatePost($id: ID!) { updatePost(id: $id, input: { title: \"T2\" }) { ... on UpdatePostSuccess { message } } }": types.MessagesUpdatePostDocument,
    "mutation MessagesDeletePost($id: ID!) { deletePost(id: $id) { ... on DeletePostSuccess { message } } }": types.MessagesDeletePostDocument,
    "mutation MessagesRequestReset { requestReset(email: \"flash@demo.com\") { ... on RequestResetSuccess { message } } }": types.MessagesRequestResetDocument,
    "mutation MessagesCreatePost2 { createPost(input: { title: \"T\", content: \"C\" }) { __typename } }": types.MessagesCreatePost2Document,
    "query Feed { posts(first: 2) { edges { node { title } } } }": types.FeedDocument,
    "query MetricsBroken { posts(first: 1000) { totalCount } }": types.MetricsBrokenDocument,
    "query NodesNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Post { title } ... on User { username } } }": types.NodesNodesDocument,
    "query NodesNode($id: ID!) { node(id: $id) { id } }": types.NodesNodeDocument,
    "query NodesPost($id: ID!) { post(id: $id) { id title content datePosted updatedAt author { username } } }": types.NodesPostDocument,
    "query NodesPost2($id: ID!) { post(id: $id) { id } }": types.NodesPost2Document,
    "query NodesQuery($username: String!) { user(username: $username) { username } }": types.NodesQueryDocument,
    "query NodesUser { user(username: \"Ada\") { imageUrl email createdAt } }": types.NodesUserDocument,
    "query NodesUserFields { __type(name: \"User\") { fields { name } } }": types.NodesUserFieldsDocument,
    "query PaginationFeed($first: Int, $after: String, $last: Int, $before: String) {\n  posts(first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    edges { cursor node { id title } }\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n  }\n}": types.PaginationFeedDocument,
    "query PaginationUser($username: String!) { user(username: $username) {\n        id postCount posts(first: 3) { totalCount edges { node { title author { username } } } pageInfo { hasNextPage } }\n      } }": types.PaginationUserDocument,
    "mutation PicturesS3Update($input: UpdateAccountInput!) {\n  updateAccount(input: $input) { __typename ... on UpdateAccountSuccess { user { imageUrl } } }\n}": types.PicturesS3UpdateDocument,
    "mutation PicturesS3UpdateAccount($input: UpdateAccountInput!) { updateAccount(input: $input) { __typename } }": types.PicturesS3UpdateAccountDocument,
    "\n  query PostCounts($username: String!) {\n    posts(first: 1) {\n      totalCount\n    }\n    user(username: $username) {\n      postCount\n      posts(first: 1) {\n        totalCount\n      }\n    }\n  }\n": types.PostCountsDocument,
    "\n  mutation PostCountsCreate($input: CreatePostInput!) {\n    createPost(input: $input) {\n      __typename\n      ... on CreatePostSuccess {\n        post {\n          id\n          author {\n            postCount\n          }\n        }\n      }\n    }\n  }\n": types.PostCountsCreateDocument,
    "\n  mutation PostCountsDelete($id: ID!) {\n    deletePost(id: $id) {\n      __typename\n      ... on DeletePostSuccess {\n        deletedPostId\n      }\n    }\n  }\n": types.PostCountsDeleteDocument,
    "\n  mutation PostCountsDeleteAccount($password: String!) {\n    deleteAccount(password: $password) {\n      __typename\n    }\n  }\n": types.PostCountsDeleteAccountDocument,
    "query PostsConsistencyPosts($after: String) { posts(first: 4, after: $after) { edges { node { id datePosted } } pageInfo { hasNextPage endCursor } } }": types.PostsConsistencyPostsDocument,
    "query PostsPostsUser {\n        posts { totalCount edges { node { title } } }\n        user(username: \"Ada\") { postCount posts { totalCount edges { node { title } } } }\n      }": types.PostsPostsUserDocument,
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
    "query TagsFeed { posts(first: 20) { totalCount edges { node { title author { username } } } } }": types.TagsFeedDocument,
    "query TagsUserPage($u: String!) { user(username: $u) { username postCount posts(first: 20) { totalCount edges { node { title } } } } }": types.TagsUserPageDocument,
    "query TagsPost($id: ID!) { post(id: $id) { title author { username } } }": types.TagsPostDocument,
    "query TagsNode($id: ID!) { node(id: $id) { id ... on Post { title } ... on User { username postCount } } }": types.TagsNodeDocument,
    "query TagsNodeName($id: ID!) { node(id: $id) { id ... on User { username } } }": types.TagsNodeNameDocument,
    "query TagsNodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Post { title author { postCount } } } }": types.TagsNodesDocument,
    "query TagsSearch($q: String!) { searchPosts(query: $q, first: 20) { totalCount edges { node { title } } } }": types.TagsSearchDocument,
    "mutation TagsCreate($title: String!) { createPost(input: { title: $title, content: \"x\" }) { __typename ... on CreatePostSuccess { post { id } } } }": types.TagsCreateDocument,
    "mutation TagsUpdatePost($id: ID!, $title: String!) { updatePost(id: $id, input: { title: $title }) { __typename } }": types.TagsUpdatePostDocument,
    "mutation TagsDeletePost($id: ID!) { deletePost(id: $id) { __typename } }": types.TagsDeletePostDocument,
    "mutation TagsRename($username: String!) { updateAccount(input: { username: $username }) { __typename } }": types.TagsRenameDocument,
    "mutation TagsChangeEmail($email: String!, $password: String!) { updateAccount(input: { email: $email, currentPassword: $password }) { __typename } }": types.TagsChangeEmailDocument,
    "mutation TagsDeleteAccount($password: String!) { deleteAccount(password: $password) { __typename } }": types.TagsDeleteAccountDocument,
    "query ResponseCacheFeed($first: Int) { posts(first: $first) { totalCount edges { node { id title author { username email } } } } }": types.ResponseCacheFeedDocument,
    "mutation ResponseCacheCreate($input: CreatePostInput!) { createPost(input: $input) { __typename ... on CreatePostSuccess { post { id } } } }": types.ResponseCacheCreateDocument,
    "query ResponseCachePosts { posts { totalCount } }": types.ResponseCachePostsDocument,
    "query ResponseCacheUser($u: String!) { user(username: $u) { username } }": types.ResponseCacheUserDocument,
    "mutation ResponseCacheUpdatePost($id: ID!) { updatePost(id: $id, input: { title: \"Edited\" }) { __typename } }": types.ResponseCacheUpdatePostDocument,
    "mutation ResponseCacheUpdateAccount { updateAccount(input: { username: \"Ada2\" }) { __typename } }": types.ResponseCacheUpdateAccountDocument,
    "mutation ResponseCacheDeletePost($id: ID!) { deletePost(id: $id) { __typename } }": types.ResponseCacheDeletePostDocument,
    "mutation ResponseCacheWriteThroughFragment { ...Write } fragment Write on Mutation { createPost(input: { title: \"Through a fragment\", content: \"x\" }) { __typename } }": types.ResponseCacheWriteThroughFragmentDocument,
    "mutation ResponseCacheDeletePost2 { deletePost(id: \"UG9zdDox\") { __typename } }": types.ResponseCacheDeletePost2Document,
    "mutation ResponseCacheCreatePost($input: CreatePostInput!) { w: createPost(input: $input) { __typename } }": types.ResponseCacheCreatePostDocument,
    "query ResponseCacheUserPage($u: String!) { user(username: $u) { posts { totalCount } } }": types.ResponseCacheUserPageDocument,
    "query SearchSearch($query: String!, $first: Int, $after: String, $last: Int, $before: String) {\n  searchPosts(query: $query, first: $first, after: $after, last: $last, before: $before) {\n    totalCount totalCountIsCapped\n    edges { cursor rank excerpt { text highlighted } node { title author { username } } }\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n  }\n}": types.SearchSearchDocument,
    "query SearchTitles($query: String!, $first: Int, $after: String) {\n  searchPosts(query: $query, first: $first, after: $after) {\n    totalCount totalCountIsCapped\n    edges { node { title } }\n    pageInfo { hasNextPage endCursor }\n  }\n}": types.SearchTitlesDocument,
    "query SearchUserposts($query: String) { user(username: \"Ada\") { posts(query: $query, first: 20) { totalCount edges { node { title } } } } }": types.SearchUserpostsDocument,
    "query SearchUser { user(username: \"Ada\") { posts(query: \"cat\", first: 5) { totalCount edges { node { title } } } } }": types.SearchUserDocument,
    "query SearchUser2 { user(username: \"Ada\") { posts(query: \"...\") { totalCount } } }": types.SearchUser2Document,
    "query SeedPosts { posts(first: 25) { totalCount edges { node { title datePosted author { username } } } } }": types.SeedPostsDocument,
    "query SessionsSessions { me { sessions { id createdAt lastUsedAt expiresAt userAgent current } } }": types.SessionsSessionsDocument,
    "mutation SessionsRevoke($id: ID!) {\n  revokeSession(id: $id) { __typename ... on RevokeSessionSuccess { message revokedSessionId } ... on Error { message } }\n}": types.SessionsRevokeDocument,
    "mutation SessionsLogout { logout { __typename } }": types.SessionsLogoutDocument,
    "query SessionsUser { user(username: \"Ada\") { sessions { id } } }": types.SessionsUserDocument,
    "query SessionsUser2 { user(username: \"Ada\") { sessions { current } } }": types.SessionsUser2Document,
    "query SessionsMe { me { id } }": types.SessionsMeDocument,
    "query SqlCountPosts { posts(first: 20) { edges { node { title content datePosted author { username imageUrl } } } } }": types.SqlCountPostsDocument,
    "query SqlCountPosts2 { posts { edges { node { title } } } }": types.SqlCountPosts2Document,
    "query SqlCountPosts3 { posts { totalCount edges { node { title } } } }": types.SqlCountPosts3Document,
    "query SqlCountPosts4 { posts(first: 30) { edges { node { author { postCount } } } } }": types.SqlCountPosts4Document,
    "query SqlCountUserPage { user(username: \"user1\") { username posts(first: 3) { totalCount edges { cursor node { title author { username } } } pageInfo { hasNextPage endCursor } } } }": types.SqlCountUserPageDocument,
    "query SqlCountUser { user(username: \"user1\") { username ...Page } } fragment Page on User { posts(first: 3) { totalCount edges { cursor node { title author { username } } } pageInfo { hasNextPage endCursor } } }": types.SqlCountUserDocument,
    "query SqlCountReadAhead { user(username: \"user1\") { posts(first: 2) { edges { node { title author { filtered: posts(first: 2, query: \"post 1\") { pageInfo { hasNextPage } } } } } } } }": types.SqlCountReadAheadDocument,
    "query SqlCountPostById($id: ID!) { post(id: $id) { title author { username } } }": types.SqlCountPostByIdDocument,
    "query SqlCountNode($id: ID!) { node(id: $id) { __typename ... on Post { title author { username } } } }": types.SqlCountNodeDocument,
    "query SqlCountNodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Post { author { username } } ... on User { username } } }": types.SqlCountNodesDocument,
    "query SqlCountLonely { user(username: \"lonely\") { posts { totalCount edges { node { title } } pageInfo { hasNextPage } } } }": types.SqlCountLonelyDocument,
    "query SqlCountUser2 { user(username: \"user1\") { posts(first: 0) { edges { node { title } } pageInfo { hasNextPage } } } }": types.SqlCountUser2Document,
    "query SqlPlansPosts { posts(first: 4) { pageInfo { endCursor } } }": types.SqlPlansPostsDocument,
    "subscription SubscriptionsChanges($author: ID) {\n  postChanged(author: $author) { kind postId post { title author { username email } } }\n}": types.SubscriptionsChangesDocument,
    "mutation TracingCreatePost { createPost(input: { title: \"Inline title\", content: \"inline words\" }) { __typename } }": types.TracingCreatePostDocument,
    "query TracingPosts { posts(first: 1) { totalCount } }": types.TracingPostsDocument,
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
export function graphql(source: "query Me { me { username } }"): (typeof documents)["query Me { me { username } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Broken($first: Int) { posts(first: $first) { totalCount } }"): (typeof documents)["query Broken($first: Int) { posts(first: $first) { totalCount } }"];
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
export function graphql(source: "mutation DatabaseOutageCreate($input: CreatePostInput!) { createPost(input: $input) { __typename ... on CreatePostSuccess { post { id } } } }"): (typeof documents)["mutation DatabaseOutageCreate($input: CreatePostInput!) { createPost(input: $input) { __typename ... on CreatePostSuccess { post { id } } } }"];
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
export function graphql(source: "mutation CreatePost($input: CreatePostInput!) {\n  createPost(input: $input) {\n    __typename\n    ... on CreatePostSuccess { post { id title content datePosted updatedAt author { username } } }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}"): (typeof documents)["mutation CreatePost($input: CreatePostInput!) {\n  createPost(input: $input) {\n    __typename\n    ... on CreatePostSuccess { post { id title content datePosted updatedAt author { username } } }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdatePost($id: ID!, $input: UpdatePostInput!) {\n  updatePost(id: $id, input: $input) {\n    __typename\n    ... on UpdatePostSuccess { post { id title content datePosted updatedAt author { username } } }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}"): (typeof documents)["mutation UpdatePost($id: ID!, $input: UpdatePostInput!) {\n  updatePost(id: $id, input: $input) {\n    __typename\n    ... on UpdatePostSuccess { post { id title content datePosted updatedAt author { username } } }\n    ... on ValidationError { fieldErrors { field message } }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DeletePost($id: ID!) {\n  deletePost(id: $id) { __typename ... on DeletePostSuccess { deletedPostId } }\n}"): (typeof documents)["mutation DeletePost($id: ID!) {\n  deletePost(id: $id) { __typename ... on DeletePostSuccess { deletedPostId } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription LiveSessionsChanges { postChanged { post { title author { email } } } }"): (typeof documents)["subscription LiveSessionsChanges { postChanged { post { title author { email } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveSessionsLogout { logout { __typename } }"): (typeof documents)["mutation LiveSessionsLogout { logout { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveSessionsLogin($input: LoginInput!) { login(input: $input) { ... on LoginSuccess { token } } }"): (typeof documents)["mutation LiveSessionsLogin($input: LoginInput!) { login(input: $input) { ... on LoginSuccess { token } } }"];
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
export function graphql(source: "mutation MessagesRegister { register(input: { username: \"Flash\", email: \"flash@demo.com\", password: \"long enough\", confirmPassword: \"long enough\" }) { ... on RegisterSuccess { message } } }"): (typeof documents)["mutation MessagesRegister { register(input: { username: \"Flash\", email: \"flash@demo.com\", password: \"long enough\", confirmPassword: \"long enough\" }) { ... on RegisterSuccess { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MessagesUpdateAccount { updateAccount(input: { username: \"Poster2\" }) { ... on UpdateAccountSuccess { message } } }"): (typeof documents)["mutation MessagesUpdateAccount { updateAccount(input: { username: \"Poster2\" }) { ... on UpdateAccountSuccess { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MessagesCreatePost { createPost(input: { title: \"T\", content: \"C\" }) { ... on CreatePostSuccess { message post { id } } } }"): (typeof documents)["mutation MessagesCreatePost { createPost(input: { title: \"T\", content: \"C\" }) { ... on CreatePostSuccess { message post { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MessagesUpdatePost($id: ID!) { updatePost(id: $id, input: { title: \"T2\" }) { ... on UpdatePostSuccess { message } } }"): (typeof documents)["mutation MessagesUpdatePost($id: ID!) { updatePost(id: $id, input: { title: \"T2\" }) { ... on UpdatePostSuccess { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MessagesDeletePost($id: ID!) { deletePost(id: $id) { ... on DeletePostSuccess { message } } }"): (typeof documents)["mutation MessagesDeletePost($id: ID!) { deletePost(id: $id) { ... on DeletePostSuccess { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MessagesRequestReset { requestReset(email: \"flash@demo.com\") { ... on RequestResetSuccess { message } } }"): (typeof documents)["mutation MessagesRequestReset { requestReset(email: \"flash@demo.com\") { ... on RequestResetSuccess { message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MessagesCreatePost2 { createPost(input: { title: \"T\", content: \"C\" }) { __typename } }"): (typeof documents)["mutation MessagesCreatePost2 { createPost(input: { title: \"T\", content: \"C\" }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Feed { posts(first: 2) { edges { node { title } } } }"): (typeof documents)["query Feed { posts(first: 2) { edges { node { title } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MetricsBroken { posts(first: 1000) { totalCount } }"): (typeof documents)["query MetricsBroken { posts(first: 1000) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodesNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Post { title } ... on User { username } } }"): (typeof documents)["query NodesNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Post { title } ... on User { username } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodesNode($id: ID!) { node(id: $id) { id } }"): (typeof documents)["query NodesNode($id: ID!) { node(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodesPost($id: ID!) { post(id: $id) { id title content datePosted updatedAt author { username } } }"): (typeof documents)["query NodesPost($id: ID!) { post(id: $id) { id title content datePosted updatedAt author { username } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodesPost2($id: ID!) { post(id: $id) { id } }"): (typeof documents)["query NodesPost2($id: ID!) { post(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodesQuery($username: String!) { user(username: $username) { username } }"): (typeof documents)["query NodesQuery($username: String!) { user(username: $username) { username } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodesUser { user(username: \"Ada\") { imageUrl email createdAt } }"): (typeof documents)["query NodesUser { user(username: \"Ada\") { imageUrl email createdAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NodesUserFields { __type(name: \"User\") { fields { name } } }"): (typeof documents)["query NodesUserFields { __type(name: \"User\") { fields { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PaginationFeed($first: Int, $after: String, $last: Int, $before: String) {\n  posts(first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    edges { cursor node { id title } }\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n  }\n}"): (typeof documents)["query PaginationFeed($first: Int, $after: String, $last: Int, $before: String) {\n  posts(first: $first, after: $after, last: $last, before: $before) {\n    totalCount\n    edges { cursor node { id title } }\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PaginationUser($username: String!) { user(username: $username) {\n        id postCount posts(first: 3) { totalCount edges { node { title author { username } } } pageInfo { hasNextPage } }\n      } }"): (typeof documents)["query PaginationUser($username: String!) { user(username: $username) {\n        id postCount posts(first: 3) { totalCount edges { node { title author { username } } } pageInfo { hasNextPage } }\n      } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PicturesS3Update($input: UpdateAccountInput!) {\n  updateAccount(input: $input) { __typename ... on UpdateAccountSuccess { user { imageUrl } } }\n}"): (typeof documents)["mutation PicturesS3Update($input: UpdateAccountInput!) {\n  updateAccount(input: $input) { __typename ... on UpdateAccountSuccess { user { imageUrl } } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PicturesS3UpdateAccount($input: UpdateAccountInput!) { updateAccount(input: $input) { __typename } }"): (typeof documents)["mutation PicturesS3UpdateAccount($input: UpdateAccountInput!) { updateAccount(input: $input) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PostCounts($username: String!) {\n    posts(first: 1) {\n      totalCount\n    }\n    user(username: $username) {\n      postCount\n      posts(first: 1) {\n        totalCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query PostCounts($username: String!) {\n    posts(first: 1) {\n      totalCount\n    }\n    user(username: $username) {\n      postCount\n      posts(first: 1) {\n        totalCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostCountsCreate($input: CreatePostInput!) {\n    createPost(input: $input) {\n      __typename\n      ... on CreatePostSuccess {\n        post {\n          id\n          author {\n            postCount\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PostCountsCreate($input: CreatePostInput!) {\n    createPost(input: $input) {\n      __typename\n      ... on CreatePostSuccess {\n        post {\n          id\n          author {\n            postCount\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostCountsDelete($id: ID!) {\n    deletePost(id: $id) {\n      __typename\n      ... on DeletePostSuccess {\n        deletedPostId\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PostCountsDelete($id: ID!) {\n    deletePost(id: $id) {\n      __typename\n      ... on DeletePostSuccess {\n        deletedPostId\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PostCountsDeleteAccount($password: String!) {\n    deleteAccount(password: $password) {\n      __typename\n    }\n  }\n"): (typeof documents)["\n  mutation PostCountsDeleteAccount($password: String!) {\n    deleteAccount(password: $password) {\n      __typename\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PostsConsistencyPosts($after: String) { posts(first: 4, after: $after) { edges { node { id datePosted } } pageInfo { hasNextPage endCursor } } }"): (typeof documents)["query PostsConsistencyPosts($after: String) { posts(first: 4, after: $after) { edges { node { id datePosted } } pageInfo { hasNextPage endCursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PostsPostsUser {\n        posts { totalCount edges { node { title } } }\n        user(username: \"Ada\") { postCount posts { totalCount edges { node { title } } } }\n      }"): (typeof documents)["query PostsPostsUser {\n        posts { totalCount edges { node { title } } }\n        user(username: \"Ada\") { postCount posts { totalCount edges { node { title } } } }\n      }"];
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
export function graphql(source: "query TagsFeed { posts(first: 20) { totalCount edges { node { title author { username } } } } }"): (typeof documents)["query TagsFeed { posts(first: 20) { totalCount edges { node { title author { username } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TagsUserPage($u: String!) { user(username: $u) { username postCount posts(first: 20) { totalCount edges { node { title } } } } }"): (typeof documents)["query TagsUserPage($u: String!) { user(username: $u) { username postCount posts(first: 20) { totalCount edges { node { title } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TagsPost($id: ID!) { post(id: $id) { title author { username } } }"): (typeof documents)["query TagsPost($id: ID!) { post(id: $id) { title author { username } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TagsNode($id: ID!) { node(id: $id) { id ... on Post { title } ... on User { username postCount } } }"): (typeof documents)["query TagsNode($id: ID!) { node(id: $id) { id ... on Post { title } ... on User { username postCount } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TagsNodeName($id: ID!) { node(id: $id) { id ... on User { username } } }"): (typeof documents)["query TagsNodeName($id: ID!) { node(id: $id) { id ... on User { username } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TagsNodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Post { title author { postCount } } } }"): (typeof documents)["query TagsNodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Post { title author { postCount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TagsSearch($q: String!) { searchPosts(query: $q, first: 20) { totalCount edges { node { title } } } }"): (typeof documents)["query TagsSearch($q: String!) { searchPosts(query: $q, first: 20) { totalCount edges { node { title } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TagsCreate($title: String!) { createPost(input: { title: $title, content: \"x\" }) { __typename ... on CreatePostSuccess { post { id } } } }"): (typeof documents)["mutation TagsCreate($title: String!) { createPost(input: { title: $title, content: \"x\" }) { __typename ... on CreatePostSuccess { post { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TagsUpdatePost($id: ID!, $title: String!) { updatePost(id: $id, input: { title: $title }) { __typename } }"): (typeof documents)["mutation TagsUpdatePost($id: ID!, $title: String!) { updatePost(id: $id, input: { title: $title }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TagsDeletePost($id: ID!) { deletePost(id: $id) { __typename } }"): (typeof documents)["mutation TagsDeletePost($id: ID!) { deletePost(id: $id) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TagsRename($username: String!) { updateAccount(input: { username: $username }) { __typename } }"): (typeof documents)["mutation TagsRename($username: String!) { updateAccount(input: { username: $username }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TagsChangeEmail($email: String!, $password: String!) { updateAccount(input: { email: $email, currentPassword: $password }) { __typename } }"): (typeof documents)["mutation TagsChangeEmail($email: String!, $password: String!) { updateAccount(input: { email: $email, currentPassword: $password }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TagsDeleteAccount($password: String!) { deleteAccount(password: $password) { __typename } }"): (typeof documents)["mutation TagsDeleteAccount($password: String!) { deleteAccount(password: $password) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResponseCacheFeed($first: Int) { posts(first: $first) { totalCount edges { node { id title author { username email } } } } }"): (typeof documents)["query ResponseCacheFeed($first: Int) { posts(first: $first) { totalCount edges { node { id title author { username email } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResponseCacheCreate($input: CreatePostInput!) { createPost(input: $input) { __typename ... on CreatePostSuccess { post { id } } } }"): (typeof documents)["mutation ResponseCacheCreate($input: CreatePostInput!) { createPost(input: $input) { __typename ... on CreatePostSuccess { post { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResponseCachePosts { posts { totalCount } }"): (typeof documents)["query ResponseCachePosts { posts { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResponseCacheUser($u: String!) { user(username: $u) { username } }"): (typeof documents)["query ResponseCacheUser($u: String!) { user(username: $u) { username } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResponseCacheUpdatePost($id: ID!) { updatePost(id: $id, input: { title: \"Edited\" }) { __typename } }"): (typeof documents)["mutation ResponseCacheUpdatePost($id: ID!) { updatePost(id: $id, input: { title: \"Edited\" }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResponseCacheUpdateAccount { updateAccount(input: { username: \"Ada2\" }) { __typename } }"): (typeof documents)["mutation ResponseCacheUpdateAccount { updateAccount(input: { username: \"Ada2\" }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResponseCacheDeletePost($id: ID!) { deletePost(id: $id) { __typename } }"): (typeof documents)["mutation ResponseCacheDeletePost($id: ID!) { deletePost(id: $id) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResponseCacheWriteThroughFragment { ...Write } fragment Write on Mutation { createPost(input: { title: \"Through a fragment\", content: \"x\" }) { __typename } }"): (typeof documents)["mutation ResponseCacheWriteThroughFragment { ...Write } fragment Write on Mutation { createPost(input: { title: \"Through a fragment\", content: \"x\" }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResponseCacheDeletePost2 { deletePost(id: \"UG9zdDox\") { __typename } }"): (typeof documents)["mutation ResponseCacheDeletePost2 { deletePost(id: \"UG9zdDox\") { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ResponseCacheCreatePost($input: CreatePostInput!) { w: createPost(input: $input) { __typename } }"): (typeof documents)["mutation ResponseCacheCreatePost($input: CreatePostInput!) { w: createPost(input: $input) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ResponseCacheUserPage($u: String!) { user(username: $u) { posts { totalCount } } }"): (typeof documents)["query ResponseCacheUserPage($u: String!) { user(username: $u) { posts { totalCount } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchSearch($query: String!, $first: Int, $after: String, $last: Int, $before: String) {\n  searchPosts(query: $query, first: $first, after: $after, last: $last, before: $before) {\n    totalCount totalCountIsCapped\n    edges { cursor rank excerpt { text highlighted } node { title author { username } } }\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n  }\n}"): (typeof documents)["query SearchSearch($query: String!, $first: Int, $after: String, $last: Int, $before: String) {\n  searchPosts(query: $query, first: $first, after: $after, last: $last, before: $before) {\n    totalCount totalCountIsCapped\n    edges { cursor rank excerpt { text highlighted } node { title author { username } } }\n    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchTitles($query: String!, $first: Int, $after: String) {\n  searchPosts(query: $query, first: $first, after: $after) {\n    totalCount totalCountIsCapped\n    edges { node { title } }\n    pageInfo { hasNextPage endCursor }\n  }\n}"): (typeof documents)["query SearchTitles($query: String!, $first: Int, $after: String) {\n  searchPosts(query: $query, first: $first, after: $after) {\n    totalCount totalCountIsCapped\n    edges { node { title } }\n    pageInfo { hasNextPage endCursor }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchUserposts($query: String) { user(username: \"Ada\") { posts(query: $query, first: 20) { totalCount edges { node { title } } } } }"): (typeof documents)["query SearchUserposts($query: String) { user(username: \"Ada\") { posts(query: $query, first: 20) { totalCount edges { node { title } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchUser { user(username: \"Ada\") { posts(query: \"cat\", first: 5) { totalCount edges { node { title } } } } }"): (typeof documents)["query SearchUser { user(username: \"Ada\") { posts(query: \"cat\", first: 5) { totalCount edges { node { title } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchUser2 { user(username: \"Ada\") { posts(query: \"...\") { totalCount } } }"): (typeof documents)["query SearchUser2 { user(username: \"Ada\") { posts(query: \"...\") { totalCount } } }"];
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SqlCountPosts { posts(first: 20) { edges { node { title content datePosted author { username imageUrl } } } } }"): (typeof documents)["query SqlCountPosts { posts(first: 20) { edges { node { title content datePosted author { username imageUrl } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SqlCountPosts2 { posts { edges { node { title } } } }"): (typeof documents)["query SqlCountPosts2 { posts { edges { node { title } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SqlCountPosts3 { posts { totalCount edges { node { title } } } }"): (typeof documents)["query SqlCountPosts3 { posts { totalCount edges { node { title } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SqlCountPosts4 { posts(first: 30) { edges { node { author { postCount } } } } }"): (typeof documents)["query SqlCountPosts4 { posts(first: 30) { edges { node { author { postCount } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SqlCountUserPage { user(username: \"user1\") { username posts(first: 3) { totalCount edges { cursor node { title author { username } } } pageInfo { hasNextPage endCursor } } } }"): (typeof documents)["query SqlCountUserPage { user(username: \"user1\") { username posts(first: 3) { totalCount edges { cursor node { title author { username } } } pageInfo { hasNextPage endCursor } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SqlCountUser { user(username: \"user1\") { username ...Page } } fragment Page on User { posts(first: 3) { totalCount edges { cursor node { title author { username } } } pageInfo { hasNextPage endCursor } } }"): (typeof documents)["query SqlCountUser { user(username: \"user1\") { username ...Page } } fragment Page on User { posts(first: 3) { totalCount edges { cursor node { title author { username } } } pageInfo { hasNextPage endCursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SqlCountReadAhead { user(username: \"user1\") { posts(first: 2) { edges { node { title author { filtered: posts(first: 2, query: \"post 1\") { pageInfo { hasNextPage } } } } } } } }"): (typeof documents)["query SqlCountReadAhead { user(username: \"user1\") { posts(first: 2) { edges { node { title author { filtered: posts(first: 2, query: \"post 1\") { pageInfo { hasNextPage } } } } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SqlCountPostById($id: ID!) { post(id: $id) { title author { username } } }"): (typeof documents)["query SqlCountPostById($id: ID!) { post(id: $id) { title author { username } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SqlCountNode($id: ID!) { node(id: $id) { __typename ... on Post { title author { username } } } }"): (typeof documents)["query SqlCountNode($id: ID!) { node(id: $id) { __typename ... on Post { title author { username } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SqlCountNodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Post { author { username } } ... on User { username } } }"): (typeof documents)["query SqlCountNodes($ids: [ID!]!) { nodes(ids: $ids) { id ... on Post { author { username } } ... on User { username } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SqlCountLonely { user(username: \"lonely\") { posts { totalCount edges { node { title } } pageInfo { hasNextPage } } } }"): (typeof documents)["query SqlCountLonely { user(username: \"lonely\") { posts { totalCount edges { node { title } } pageInfo { hasNextPage } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SqlCountUser2 { user(username: \"user1\") { posts(first: 0) { edges { node { title } } pageInfo { hasNextPage } } } }"): (typeof documents)["query SqlCountUser2 { user(username: \"user1\") { posts(first: 0) { edges { node { title } } pageInfo { hasNextPage } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SqlPlansPosts { posts(first: 4) { pageInfo { endCursor } } }"): (typeof documents)["query SqlPlansPosts { posts(first: 4) { pageInfo { endCursor } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription SubscriptionsChanges($author: ID) {\n  postChanged(author: $author) { kind postId post { title author { username email } } }\n}"): (typeof documents)["subscription SubscriptionsChanges($author: ID) {\n  postChanged(author: $author) { kind postId post { title author { username email } } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TracingCreatePost { createPost(input: { title: \"Inline title\", content: \"inline words\" }) { __typename } }"): (typeof documents)["mutation TracingCreatePost { createPost(input: { title: \"Inline title\", content: \"inline words\" }) { __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TracingPosts { posts(first: 1) { totalCount } }"): (typeof documents)["query TracingPosts { posts(first: 1) { totalCount } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;