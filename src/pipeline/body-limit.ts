import type { CORSOptions, Plugin } from 'graphql-yoga';

export interface HttpSecurity {
  /** Origins allowed to call us from a browser, besides our own (PUBLIC_URL). */
  corsOrigins: string[];
  /** In development, any http://localhost:<port> front-end may call us too. */
  allowLocalhost: boolean;
  publicUrl: string;
  maxBodyBytes: number;
  /** Largest multipart (upload) body: the picture limit plus room for the operation. */
  maxUploadBytes: number;
}

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

/** CORS: our own origin, the configured ones, and localhost front-ends in development; nobody else. */
export function corsPolicy(security: HttpSecurity): (request: Request) => CORSOptions | false {
  const allowed = new Set([new URL(security.publicUrl).origin, ...security.corsOrigins.map((o) => new URL(o).origin)]);
  const isAllowed = (origin: string) =>
    allowed.has(origin) || (security.allowLocalhost && /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin));
  return (request) => {
    const origin = request.headers.get('origin');
    // A refused origin (including "null", which sandboxed frames and local files send) gets no CORS header at all.
    if (!origin || !isAllowed(origin)) return false;
    return {
      origin,
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: [
        'authorization',
        'content-type',
        'x-graphql-yoga-csrf',
        'apollo-require-preflight',
        'x-request-id',
      ],
      exposedHeaders: ['x-request-id', 'retry-after'],
      maxAge: 600,
    };
  };
}

/**
 * Refuses oversized bodies with 413: by Content-Length when there is one, otherwise while reading, so a body
 * without a length cannot get past the limit either. Multipart parts are limited again
 * by formDataLimits.
 */
export function useBodyLimit(security: HttpSecurity): Plugin {
  return {
    // Not async: most requests are decided from their headers, and only the rest should wait for their body.
    onRequest({ request, setRequest, endResponse, fetchAPI }) {
      if (request.method !== 'POST') return;
      const multipart = request.headers.get('content-type')?.toLowerCase().startsWith('multipart/form-data');
      const limit = multipart ? security.maxUploadBytes : security.maxBodyBytes;
      const length = request.headers.get('content-length');
      const declared = Number(length ?? 0);
      // A declared length within the limit is enforced by Node's HTTP parser (the body ends there), so only
      // bodies without one (chunked) or declared too large need reading here.
      if (length !== null && declared <= limit) return;
      if (!request.body) return;
      const tooLarge = () => {
        const error = {
          message: `The request body is larger than ${limit} bytes.`,
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        };
        const headers = { 'content-type': 'application/json', connection: 'close' };
        endResponse(new fetchAPI.Response(JSON.stringify({ errors: [error] }), { status: 413, headers }));
      };
      // Even a body declared too large is read (and dropped) up to ten times the limit: a client still sending
      // when we answer would see its connection reset instead of our 413. Beyond that we answer at once.
      if (declared > limit * DRAIN_FACTOR) return tooLarge();
      return readAtMost(request.body, limit).then((body) => {
        if (!body) return tooLarge();
        setRequest(new fetchAPI.Request(request.url, { method: request.method, headers: request.headers, body }));
      });
    },
  };
}

const DRAIN_FACTOR = 10;

/**
 * The body, or null past `limit`. What follows the limit is still read and dropped (up to ten times the limit)
 * so the client receives our 413 instead of a connection reset; beyond that we stop listening.
 */
async function readAtMost(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size <= limit) chunks.push(chunk);
    else if (size > limit * DRAIN_FACTOR) break;
  }
  return size > limit ? null : new Uint8Array(Buffer.concat(chunks));
}

/**
 * The client's address: the socket's, or with `trustProxy` proxies in front of us, the address the outermost
 * of them saw (X-Forwarded-For, read from the right so a client cannot forge it).
 */
export function clientAddress(request: Request, socketAddress: string | undefined, trustProxy: number): string {
  const socket = socketAddress ?? 'unknown';
  if (trustProxy === 0) return socket;
  const chain = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean);
  return chain[chain.length - trustProxy] ?? chain[0] ?? socket;
}
