import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';

export const EXAMPLE_QUERY = `# The newest posts, five at a time, with their authors.
# Pass pageInfo.endCursor as "after" to read the next page.
query Feed($after: String) {
  posts(first: 5, after: $after) {
    totalCount
    edges {
      node {
        id
        title
        content
        datePosted
        author {
          username
          imageUrl
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`;

let cached: { key: string; html: string } | undefined;

/**
 * GraphiQL with its scripts, styles and workers inlined from @graphql-yoga/render-graphiql, so it works
 * offline and loads nothing from a CDN. The page is about 9 MB of text: render it once, not per request.
 */
export function renderLocalGraphiQL(options?: GraphiQLOptions): string {
  const key = JSON.stringify(options ?? {});
  if (cached?.key !== key) cached = { key, html: renderGraphiQL(options) };
  return cached.html;
}
