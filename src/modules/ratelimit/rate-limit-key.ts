import { isIPv6 } from 'node:net';

/**
 * The key a client address is counted under in per-IP budgets. IPv4 as it is; an IPv4-mapped IPv6 address
 * (`::ffff:1.2.3.4`, how a dual-stack socket reports IPv4 clients) as that IPv4; any other IPv6 address by its
 * /64 prefix, since one subscriber is routinely given a whole /64 and could otherwise take a fresh address (and
 * a fresh budget) for every request. Logs keep the full address; only budgets group it.
 */
export function rateLimitKey(address: string): string {
  const plain = address.replace(/%.*$/, ''); // a zone id (fe80::1%eth0) names our interface, not the client
  if (!isIPv6(plain)) return address;
  const groups = ipv6Groups(plain);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, a dotted IPv4 tail as two groups). */
function ipv6Groups(address: string): number[] {
  const parse = (part: string) =>
    part
      .split(':')
      .filter(Boolean)
      .flatMap((piece) => {
        if (!piece.includes('.')) return [Number.parseInt(piece, 16)];
        const [a, b, c, d] = piece.split('.').map(Number) as [number, number, number, number];
        return [(a << 8) | b, (c << 8) | d];
      });
  const [head = '', tail] = address.split('::');
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}
