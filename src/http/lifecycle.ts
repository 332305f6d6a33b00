import { createServer, type RequestListener, type Server } from 'node:http';

export interface HttpLifecycle {
  server: Server;
  /** Hands requests to the app from now on; until then everything but /health answers 503. */
  serve(handler: RequestListener): void;
  /**
   * The drain load balancers expect: /ready answers 503 at once; for `graceMs` every request is still served,
   * each answer with `Connection: close`; then the listener closes and in-flight requests finish (closed
   * after `timeoutMs` at the latest). Resolves once no connection is left. `beforeClose` runs when the grace
   * period ends: long-lived streams (subscriptions) are ended there, so they do not hold the drain open.
   */
  drain(graceMs: number, timeoutMs: number, beforeClose?: () => Promise<void>): Promise<void>;
}

export class PortInUseError extends Error {}

const unavailable = JSON.stringify({
  errors: [{ message: 'The server is starting or stopping.', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
});

/**
 * Listens before anything else is done, so a port in use stops start-up at once. Requests that come before
 * the app is ready, and readiness checks while draining, get 503 with Retry-After.
 */
export async function listen(
  port: number,
  host: string,
  timeouts: { requestTimeoutMs: number },
): Promise<HttpLifecycle> {
  let handler: RequestListener | undefined;
  let draining = false;
  const server = createServer((request, response) => {
    if (draining) response.setHeader('connection', 'close');
    const path = request.url?.split('?')[0];
    if (handler && !(draining && path === '/ready')) return handler(request, response);
    if (path === '/health' && !draining) return response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    response.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' }).end(unavailable);
  });
  server.requestTimeout = timeouts.requestTimeoutMs;
  server.headersTimeout = Math.min(timeouts.requestTimeoutMs, 20_000);
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(`Port ${port} on ${host} is already in use: stop the other server or set PORT.`)
          : error,
      ),
    );
    server.listen(port, host, () => resolve());
  });
  return {
    server,
    serve(next) {
      handler = next;
    },
    async drain(graceMs, timeoutMs, beforeClose) {
      draining = true;
      if (graceMs > 0) await new Promise((resolve) => setTimeout(resolve, graceMs));
      await beforeClose?.();
      const forced = setTimeout(() => server.closeAllConnections(), timeoutMs);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      clearTimeout(forced);
    },
  };
}
