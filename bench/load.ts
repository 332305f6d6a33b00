import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface Load {
  url: string;
  connections: number;
  seconds: number;
  /** A fresh GraphQL request body per request. */
  body: () => unknown;
  headers?: Record<string, string>;
  /** Extra headers chosen per request (e.g. a token for some of them). */
  headersFor?: () => Record<string, string>;
}

/** Drives one endpoint with autocannon (POST, JSON) and summarises what it measured. */
export async function drive({ url, connections, seconds, body, headers = {}, headersFor }: Load): Promise<LoadResult> {
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        setupRequest: (request) => ({
          ...request,
          headers: headersFor ? { ...request.headers, ...headersFor() } : request.headers,
          body: JSON.stringify(body()),
        }),
      },
    ],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}
