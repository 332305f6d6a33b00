import { badUserInput } from './errors.ts';

/** Every type that implements Node; all of them have integer primary keys. */
const NODE_TYPES = ['User', 'Post'] as const;

const MAX_INT4 = 2_147_483_647;

export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${id}`).toString('base64');
}

/** Decodes a Relay global ID; anything that is not "<NodeType>:<positive int>" in base64 is BAD_USER_INPUT. */
export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(globalId) ? Buffer.from(globalId, 'base64').toString('utf8') : '';
  const match = /^([A-Za-z]+):([1-9]\d{0,9})$/.exec(decoded);
  if (!match || !(NODE_TYPES as readonly string[]).includes(match[1]!) || Number(match[2]) > MAX_INT4) {
    throw badUserInput('Invalid ID: expected an ID as the API returns it (`id` of a User or Post).');
  }
  return { typename: match[1]!, id: match[2]! };
}
