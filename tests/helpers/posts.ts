import { graphql } from '../generated/gql.ts';

export const CREATE_POST = graphql(`mutation CreatePost($input: CreatePostInput!) {
  createPost(input: $input) {
    __typename
    ... on CreatePostSuccess { post { id title content datePosted updatedAt author { username } } }
    ... on ValidationError { fieldErrors { field message } }
  }
}`);

export const UPDATE_POST = graphql(`mutation UpdatePost($id: ID!, $input: UpdatePostInput!) {
  updatePost(id: $id, input: $input) {
    __typename
    ... on UpdatePostSuccess { post { id title content datePosted updatedAt author { username } } }
    ... on ValidationError { fieldErrors { field message } }
  }
}`);

export const DELETE_POST = graphql(`mutation DeletePost($id: ID!) {
  deletePost(id: $id) { __typename ... on DeletePostSuccess { deletedPostId } }
}`);
