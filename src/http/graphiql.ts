import fs from 'node:fs';
import path from 'node:path';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';

/** GraphiQL opens on the feed query that client developers also get as a typed document. */
export const EXAMPLE_QUERY = fs.readFileSync(
  path.resolve(import.meta.dirname, '../../client/operations/feed.graphql'),
  'utf8',
);

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
