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
