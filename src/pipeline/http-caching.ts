import type { Plugin } from 'graphql-yoga';

const anonymous = (request: Request) => !request.headers.has('authorization');

/**
 * Cache-Control for browsers and CDNs: anonymous GET answers are public for a short while (and may be served
 * stale while revalidating); everything else is never stored. Vary keeps signed-in requests off public copies.
 */
export function useHttpCaching(maxAgeSeconds: number): Plugin {
  return {
    onResponse({ request, response }) {
      const cacheable =
        request.method === 'GET' && anonymous(request) && (response.status === 200 || response.status === 304);
      if (!new URL(request.url).pathname.endsWith('/graphql')) return; // pictures set their own
      response.headers.set(
        'cache-control',
        cacheable && maxAgeSeconds > 0
          ? `public, max-age=${maxAgeSeconds}, stale-while-revalidate=${maxAgeSeconds * 6}`
          : 'no-store',
      );
      response.headers.append('vary', 'Authorization, Accept'); // JSON and event-stream answers differ
    },
  };
}
