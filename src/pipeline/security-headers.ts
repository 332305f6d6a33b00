import type { Plugin } from 'graphql-yoga';

// GraphiQL runs inline scripts and Monaco's workers from blob: URLs; it needs nothing from other hosts.
const GRAPHIQL_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' blob:",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Headers for an API: no sniffing, no framing, no referrer, and a CSP that still lets our GraphiQL run. */
export function useSecurityHeaders(): Plugin {
  return {
    onResponse({ response }) {
      const html = response.headers.get('content-type')?.startsWith('text/html');
      response.headers.set('content-security-policy', html ? GRAPHIQL_CSP : API_CSP);
      response.headers.set('x-content-type-options', 'nosniff');
      response.headers.set('x-frame-options', 'DENY');
      response.headers.set('referrer-policy', 'no-referrer');
      response.headers.set('cross-origin-opener-policy', 'same-origin');
      // CORS headers depend on the Origin header, so caches must keep one answer per origin.
      if (!/\borigin\b/i.test(response.headers.get('vary') ?? '')) response.headers.append('vary', 'Origin');
    },
  };
}
