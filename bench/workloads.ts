import { BENCH_PASSWORD, TOPICS, USERS } from './data.ts';

const random = (n: number) => 1 + Math.floor(Math.random() * n);

export const FEED = `{ posts(first: 20) { edges { node { title content datePosted author { username imageUrl } } } } }`;

/** The GraphQL bodies of the workloads, (a) to (e) in the issue. */
export function workloads(deepCursor: string) {
  return {
    feed: () => ({ query: FEED }),
    userPage: () => ({
      query: `query ($username: String!) { user(username: $username) { username posts(first: 20) { totalCount edges { node { title datePosted } } } } }`,
      variables: { username: `bench${random(USERS)}` },
    }),
    deepPage: () => ({
      query: `query ($after: String) { posts(first: 20, after: $after) { edges { node { title content datePosted author { username imageUrl } } } } }`,
      variables: { after: deepCursor },
    }),
    createPost: () => ({
      query: `mutation ($input: CreatePostInput!) { createPost(input: $input) { __typename ... on CreatePostSuccess { post { id author { username } } } } }`,
      variables: { input: { title: `Bench post ${random(1e9)}`, content: 'Written by the benchmark. '.repeat(20) } },
    }),
    search: () => ({
      query: `query ($q: String!) { searchPosts(query: $q, first: 20) { edges { rank excerpt { text highlighted } node { title author { username } } } } }`,
      variables: { q: `topic${random(TOPICS) - 1}` },
    }),
    login: () => ({
      query: `mutation ($input: LoginInput!) { login(input: $input) { __typename } }`,
      variables: { input: { email: `bench${random(USERS)}@bench.test`, password: BENCH_PASSWORD } },
    }),
  };
}
