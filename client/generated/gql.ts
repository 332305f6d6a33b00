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
    "mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    __typename\n    ... on ChangePasswordSuccess {\n      message\n      revokedSessions\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}\n\nmutation DeleteAccount($password: String!) {\n  deleteAccount(password: $password) {\n    __typename\n    ... on DeleteAccountSuccess {\n      message\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}": typeof types.ChangePasswordDocument,
    "query Feed($first: Int = 5, $after: String) {\n  posts(first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        title\n        content\n        datePosted\n        author {\n          id\n          username\n          imageUrl\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.FeedDocument,
    "fragment FormErrors on ValidationError {\n  fieldErrors {\n    field\n    message\n  }\n}": typeof types.FormErrorsFragmentDoc,
    "subscription PostChanged($author: ID) {\n  postChanged(author: $author) {\n    kind\n    postId\n    post {\n      id\n      title\n      content\n      datePosted\n      author {\n        id\n        username\n        imageUrl\n      }\n    }\n  }\n}": typeof types.PostChangedDocument,
    "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    __typename\n    ... on LoginSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n        email\n      }\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}": typeof types.LoginDocument,
    "mutation Logout {\n  logout {\n    __typename\n    ... on LogoutSuccess {\n      revokedSessions\n    }\n  }\n}\n\nmutation LogoutAll {\n  logoutAll {\n    __typename\n    ... on LogoutSuccess {\n      revokedSessions\n    }\n  }\n}": typeof types.LogoutDocument,
    "query Me {\n  me {\n    id\n    username\n    email\n    imageUrl\n    postCount\n  }\n}": typeof types.MeDocument,
    "query Post($id: ID!) {\n  post(id: $id) {\n    id\n    title\n    content\n    datePosted\n    updatedAt\n    author {\n      id\n      username\n      imageUrl\n    }\n  }\n}": typeof types.PostDocument,
    "mutation CreatePost($input: CreatePostInput!) {\n  createPost(input: $input) {\n    __typename\n    ... on CreatePostSuccess {\n      message\n      post {\n        id\n        title\n        content\n        datePosted\n        author {\n          id\n          username\n        }\n      }\n    }\n    ...FormErrors\n  }\n}\n\nmutation UpdatePost($id: ID!, $input: UpdatePostInput!) {\n  updatePost(id: $id, input: $input) {\n    __typename\n    ... on UpdatePostSuccess {\n      message\n      post {\n        id\n        title\n        content\n        updatedAt\n      }\n    }\n    ...FormErrors\n  }\n}\n\nmutation DeletePost($id: ID!) {\n  deletePost(id: $id) {\n    __typename\n    ... on DeletePostSuccess {\n      message\n      deletedPostId\n    }\n  }\n}": typeof types.CreatePostDocument,
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    __typename\n    ... on RegisterSuccess {\n      message\n      user {\n        id\n        username\n      }\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}": typeof types.RegisterDocument,
    "mutation RequestReset($email: String!) {\n  requestReset(email: $email) {\n    __typename\n    ... on RequestResetSuccess {\n      message\n    }\n    ...FormErrors\n  }\n}\n\nmutation ResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input) {\n    __typename\n    ... on ResetPasswordSuccess {\n      message\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}": typeof types.RequestResetDocument,
    "query SearchPosts($query: String!, $first: Int = 5, $after: String) {\n  searchPosts(query: $query, first: $first, after: $after) {\n    totalCount\n    totalCountIsCapped\n    edges {\n      cursor\n      rank\n      excerpt {\n        text\n        highlighted\n      }\n      node {\n        id\n        title\n        datePosted\n        author {\n          id\n          username\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": typeof types.SearchPostsDocument,
    "query MySessions {\n  me {\n    id\n    sessions {\n      id\n      createdAt\n      lastUsedAt\n      expiresAt\n      userAgent\n      current\n    }\n  }\n}\n\nmutation RevokeSession($id: ID!) {\n  revokeSession(id: $id) {\n    __typename\n    ... on RevokeSessionSuccess {\n      message\n      revokedSessionId\n    }\n    ... on Error {\n      message\n    }\n  }\n}": typeof types.MySessionsDocument,
    "mutation UpdateAccount($input: UpdateAccountInput!) {\n  updateAccount(input: $input) {\n    __typename\n    ... on UpdateAccountSuccess {\n      message\n      user {\n        id\n        username\n        email\n        imageUrl\n      }\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}": typeof types.UpdateAccountDocument,
    "query UserPage($username: String!, $first: Int = 5, $after: String) {\n  user(username: $username) {\n    id\n    username\n    imageUrl\n    postCount\n    posts(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          datePosted\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": typeof types.UserPageDocument,
};
const documents: Documents = {
    "mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    __typename\n    ... on ChangePasswordSuccess {\n      message\n      revokedSessions\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}\n\nmutation DeleteAccount($password: String!) {\n  deleteAccount(password: $password) {\n    __typename\n    ... on DeleteAccountSuccess {\n      message\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}": types.ChangePasswordDocument,
    "query Feed($first: Int = 5, $after: String) {\n  posts(first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        title\n        content\n        datePosted\n        author {\n          id\n          username\n          imageUrl\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.FeedDocument,
    "fragment FormErrors on ValidationError {\n  fieldErrors {\n    field\n    message\n  }\n}": types.FormErrorsFragmentDoc,
    "subscription PostChanged($author: ID) {\n  postChanged(author: $author) {\n    kind\n    postId\n    post {\n      id\n      title\n      content\n      datePosted\n      author {\n        id\n        username\n        imageUrl\n      }\n    }\n  }\n}": types.PostChangedDocument,
    "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    __typename\n    ... on LoginSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n        email\n      }\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}": types.LoginDocument,
    "mutation Logout {\n  logout {\n    __typename\n    ... on LogoutSuccess {\n      revokedSessions\n    }\n  }\n}\n\nmutation LogoutAll {\n  logoutAll {\n    __typename\n    ... on LogoutSuccess {\n      revokedSessions\n    }\n  }\n}": types.LogoutDocument,
    "query Me {\n  me {\n    id\n    username\n    email\n    imageUrl\n    postCount\n  }\n}": types.MeDocument,
    "query Post($id: ID!) {\n  post(id: $id) {\n    id\n    title\n    content\n    datePosted\n    updatedAt\n    author {\n      id\n      username\n      imageUrl\n    }\n  }\n}": types.PostDocument,
    "mutation CreatePost($input: CreatePostInput!) {\n  createPost(input: $input) {\n    __typename\n    ... on CreatePostSuccess {\n      message\n      post {\n        id\n        title\n        content\n        datePosted\n        author {\n          id\n          username\n        }\n      }\n    }\n    ...FormErrors\n  }\n}\n\nmutation UpdatePost($id: ID!, $input: UpdatePostInput!) {\n  updatePost(id: $id, input: $input) {\n    __typename\n    ... on UpdatePostSuccess {\n      message\n      post {\n        id\n        title\n        content\n        updatedAt\n      }\n    }\n    ...FormErrors\n  }\n}\n\nmutation DeletePost($id: ID!) {\n  deletePost(id: $id) {\n    __typename\n    ... on DeletePostSuccess {\n      message\n      deletedPostId\n    }\n  }\n}": types.CreatePostDocument,
    "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    __typename\n    ... on RegisterSuccess {\n      message\n      user {\n        id\n        username\n      }\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}": types.RegisterDocument,
    "mutation RequestReset($email: String!) {\n  requestReset(email: $email) {\n    __typename\n    ... on RequestResetSuccess {\n      message\n    }\n    ...FormErrors\n  }\n}\n\nmutation ResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input) {\n    __typename\n    ... on ResetPasswordSuccess {\n      message\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}": types.RequestResetDocument,
    "query SearchPosts($query: String!, $first: Int = 5, $after: String) {\n  searchPosts(query: $query, first: $first, after: $after) {\n    totalCount\n    totalCountIsCapped\n    edges {\n      cursor\n      rank\n      excerpt {\n        text\n        highlighted\n      }\n      node {\n        id\n        title\n        datePosted\n        author {\n          id\n          username\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}": types.SearchPostsDocument,
    "query MySessions {\n  me {\n    id\n    sessions {\n      id\n      createdAt\n      lastUsedAt\n      expiresAt\n      userAgent\n      current\n    }\n  }\n}\n\nmutation RevokeSession($id: ID!) {\n  revokeSession(id: $id) {\n    __typename\n    ... on RevokeSessionSuccess {\n      message\n      revokedSessionId\n    }\n    ... on Error {\n      message\n    }\n  }\n}": types.MySessionsDocument,
    "mutation UpdateAccount($input: UpdateAccountInput!) {\n  updateAccount(input: $input) {\n    __typename\n    ... on UpdateAccountSuccess {\n      message\n      user {\n        id\n        username\n        email\n        imageUrl\n      }\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}": types.UpdateAccountDocument,
    "query UserPage($username: String!, $first: Int = 5, $after: String) {\n  user(username: $username) {\n    id\n    username\n    imageUrl\n    postCount\n    posts(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          datePosted\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}": types.UserPageDocument,
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
export function graphql(source: "mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    __typename\n    ... on ChangePasswordSuccess {\n      message\n      revokedSessions\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}\n\nmutation DeleteAccount($password: String!) {\n  deleteAccount(password: $password) {\n    __typename\n    ... on DeleteAccountSuccess {\n      message\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}"): (typeof documents)["mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    __typename\n    ... on ChangePasswordSuccess {\n      message\n      revokedSessions\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}\n\nmutation DeleteAccount($password: String!) {\n  deleteAccount(password: $password) {\n    __typename\n    ... on DeleteAccountSuccess {\n      message\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Feed($first: Int = 5, $after: String) {\n  posts(first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        title\n        content\n        datePosted\n        author {\n          id\n          username\n          imageUrl\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query Feed($first: Int = 5, $after: String) {\n  posts(first: $first, after: $after) {\n    totalCount\n    edges {\n      cursor\n      node {\n        id\n        title\n        content\n        datePosted\n        author {\n          id\n          username\n          imageUrl\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment FormErrors on ValidationError {\n  fieldErrors {\n    field\n    message\n  }\n}"): (typeof documents)["fragment FormErrors on ValidationError {\n  fieldErrors {\n    field\n    message\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription PostChanged($author: ID) {\n  postChanged(author: $author) {\n    kind\n    postId\n    post {\n      id\n      title\n      content\n      datePosted\n      author {\n        id\n        username\n        imageUrl\n      }\n    }\n  }\n}"): (typeof documents)["subscription PostChanged($author: ID) {\n  postChanged(author: $author) {\n    kind\n    postId\n    post {\n      id\n      title\n      content\n      datePosted\n      author {\n        id\n        username\n        imageUrl\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    __typename\n    ... on LoginSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n        email\n      }\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}"): (typeof documents)["mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    __typename\n    ... on LoginSuccess {\n      token\n      expiresAt\n      user {\n        id\n        username\n        email\n      }\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Logout {\n  logout {\n    __typename\n    ... on LogoutSuccess {\n      revokedSessions\n    }\n  }\n}\n\nmutation LogoutAll {\n  logoutAll {\n    __typename\n    ... on LogoutSuccess {\n      revokedSessions\n    }\n  }\n}"): (typeof documents)["mutation Logout {\n  logout {\n    __typename\n    ... on LogoutSuccess {\n      revokedSessions\n    }\n  }\n}\n\nmutation LogoutAll {\n  logoutAll {\n    __typename\n    ... on LogoutSuccess {\n      revokedSessions\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Me {\n  me {\n    id\n    username\n    email\n    imageUrl\n    postCount\n  }\n}"): (typeof documents)["query Me {\n  me {\n    id\n    username\n    email\n    imageUrl\n    postCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Post($id: ID!) {\n  post(id: $id) {\n    id\n    title\n    content\n    datePosted\n    updatedAt\n    author {\n      id\n      username\n      imageUrl\n    }\n  }\n}"): (typeof documents)["query Post($id: ID!) {\n  post(id: $id) {\n    id\n    title\n    content\n    datePosted\n    updatedAt\n    author {\n      id\n      username\n      imageUrl\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreatePost($input: CreatePostInput!) {\n  createPost(input: $input) {\n    __typename\n    ... on CreatePostSuccess {\n      message\n      post {\n        id\n        title\n        content\n        datePosted\n        author {\n          id\n          username\n        }\n      }\n    }\n    ...FormErrors\n  }\n}\n\nmutation UpdatePost($id: ID!, $input: UpdatePostInput!) {\n  updatePost(id: $id, input: $input) {\n    __typename\n    ... on UpdatePostSuccess {\n      message\n      post {\n        id\n        title\n        content\n        updatedAt\n      }\n    }\n    ...FormErrors\n  }\n}\n\nmutation DeletePost($id: ID!) {\n  deletePost(id: $id) {\n    __typename\n    ... on DeletePostSuccess {\n      message\n      deletedPostId\n    }\n  }\n}"): (typeof documents)["mutation CreatePost($input: CreatePostInput!) {\n  createPost(input: $input) {\n    __typename\n    ... on CreatePostSuccess {\n      message\n      post {\n        id\n        title\n        content\n        datePosted\n        author {\n          id\n          username\n        }\n      }\n    }\n    ...FormErrors\n  }\n}\n\nmutation UpdatePost($id: ID!, $input: UpdatePostInput!) {\n  updatePost(id: $id, input: $input) {\n    __typename\n    ... on UpdatePostSuccess {\n      message\n      post {\n        id\n        title\n        content\n        updatedAt\n      }\n    }\n    ...FormErrors\n  }\n}\n\nmutation DeletePost($id: ID!) {\n  deletePost(id: $id) {\n    __typename\n    ... on DeletePostSuccess {\n      message\n      deletedPostId\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    __typename\n    ... on RegisterSuccess {\n      message\n      user {\n        id\n        username\n      }\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}"): (typeof documents)["mutation Register($input: RegisterInput!) {\n  register(input: $input) {\n    __typename\n    ... on RegisterSuccess {\n      message\n      user {\n        id\n        username\n      }\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestReset($email: String!) {\n  requestReset(email: $email) {\n    __typename\n    ... on RequestResetSuccess {\n      message\n    }\n    ...FormErrors\n  }\n}\n\nmutation ResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input) {\n    __typename\n    ... on ResetPasswordSuccess {\n      message\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}"): (typeof documents)["mutation RequestReset($email: String!) {\n  requestReset(email: $email) {\n    __typename\n    ... on RequestResetSuccess {\n      message\n    }\n    ...FormErrors\n  }\n}\n\nmutation ResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input) {\n    __typename\n    ... on ResetPasswordSuccess {\n      message\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SearchPosts($query: String!, $first: Int = 5, $after: String) {\n  searchPosts(query: $query, first: $first, after: $after) {\n    totalCount\n    totalCountIsCapped\n    edges {\n      cursor\n      rank\n      excerpt {\n        text\n        highlighted\n      }\n      node {\n        id\n        title\n        datePosted\n        author {\n          id\n          username\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"): (typeof documents)["query SearchPosts($query: String!, $first: Int = 5, $after: String) {\n  searchPosts(query: $query, first: $first, after: $after) {\n    totalCount\n    totalCountIsCapped\n    edges {\n      cursor\n      rank\n      excerpt {\n        text\n        highlighted\n      }\n      node {\n        id\n        title\n        datePosted\n        author {\n          id\n          username\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MySessions {\n  me {\n    id\n    sessions {\n      id\n      createdAt\n      lastUsedAt\n      expiresAt\n      userAgent\n      current\n    }\n  }\n}\n\nmutation RevokeSession($id: ID!) {\n  revokeSession(id: $id) {\n    __typename\n    ... on RevokeSessionSuccess {\n      message\n      revokedSessionId\n    }\n    ... on Error {\n      message\n    }\n  }\n}"): (typeof documents)["query MySessions {\n  me {\n    id\n    sessions {\n      id\n      createdAt\n      lastUsedAt\n      expiresAt\n      userAgent\n      current\n    }\n  }\n}\n\nmutation RevokeSession($id: ID!) {\n  revokeSession(id: $id) {\n    __typename\n    ... on RevokeSessionSuccess {\n      message\n      revokedSessionId\n    }\n    ... on Error {\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateAccount($input: UpdateAccountInput!) {\n  updateAccount(input: $input) {\n    __typename\n    ... on UpdateAccountSuccess {\n      message\n      user {\n        id\n        username\n        email\n        imageUrl\n      }\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}"): (typeof documents)["mutation UpdateAccount($input: UpdateAccountInput!) {\n  updateAccount(input: $input) {\n    __typename\n    ... on UpdateAccountSuccess {\n      message\n      user {\n        id\n        username\n        email\n        imageUrl\n      }\n    }\n    ...FormErrors\n    ... on Error {\n      message\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UserPage($username: String!, $first: Int = 5, $after: String) {\n  user(username: $username) {\n    id\n    username\n    imageUrl\n    postCount\n    posts(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          datePosted\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"): (typeof documents)["query UserPage($username: String!, $first: Int = 5, $after: String) {\n  user(username: $username) {\n    id\n    username\n    imageUrl\n    postCount\n    posts(first: $first, after: $after) {\n      totalCount\n      edges {\n        node {\n          id\n          title\n          datePosted\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;