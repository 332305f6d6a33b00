import type { CORSOptions } from 'graphql-yoga';

export interface CorsSettings {
  /** Origins allowed to call us from a browser, besides our own (PUBLIC_URL). */
  corsOrigins: string[];
  /** In development, any http://localhost:<port> front-end may call us too. */
  allowLocalhost: boolean;
  publicUrl: string;
}

/** CORS: our own origin, the configured ones, and localhost front-ends in development; nobody else. */
export function corsPolicy(settings: CorsSettings): (request: Request) => CORSOptions | false {
  const allowed = new Set([new URL(settings.publicUrl).origin, ...settings.corsOrigins.map((o) => new URL(o).origin)]);
  const isAllowed = (origin: string) =>
    allowed.has(origin) || (settings.allowLocalhost && /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(origin));
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
