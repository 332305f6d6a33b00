import { createServer, type RequestListener, type Server } from 'node:http';

export interface HttpLifecycle {
  server: Server;
  /** Hands requests to the app from now on; until then everything but /health answers 503. */
  serve(handler: RequestListener): void;
  /** From now on /ready answers 503 and every answer carries `Connection: close`, as load balancers expect. */
  startDraining(): void;
  /**
   * Closes the listener: requests in flight finish, their connections closed after `timeoutMs` at the latest.
   * Resolves once no connection is left.
   */
  close(timeoutMs: number): Promise<void>;
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
    startDraining() {
      draining = true;
    },
    async close(timeoutMs) {
      const forced = setTimeout(() => server.closeAllConnections(), timeoutMs);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      clearTimeout(forced);
    },
  };
}
