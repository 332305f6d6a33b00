export const CREATE_POST = `mutation Create($input: CreatePostInput!) {
  createPost(input: $input) {
    __typename
    ... on CreatePostSuccess { post { id title content datePosted updatedAt author { username } } }
    ... on ValidationError { fieldErrors { field message } }
  }
}`;

export const UPDATE_POST = `mutation Update($id: ID!, $input: UpdatePostInput!) {
  updatePost(id: $id, input: $input) {
    __typename
    ... on UpdatePostSuccess { post { id title content datePosted updatedAt author { username } } }
    ... on ValidationError { fieldErrors { field message } }
  }
}`;

export const DELETE_POST = `mutation Delete($id: ID!) {
  deletePost(id: $id) { __typename ... on DeletePostSuccess { deletedPostId } }
}`;
