import { parseCursorConnectionArgs } from '@pothos/core';
import type { PageInfoShape } from '@pothos/plugin-relay';
import { badUserInput } from './errors.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-size.ts';

// Relay connections read by keyset (a position, not an offset), whatever they list.

export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** first and last beyond 0..MAX_PAGE_SIZE are BAD_USER_INPUT, with a clearer message than a cost error. */
export function checkPageSizes(args: PageArgs): void {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value != null && (value < 0 || value > MAX_PAGE_SIZE)) {
      throw badUserInput(`Argument "${name}" must be between 0 and ${MAX_PAGE_SIZE}.`);
    }
  }
}

/**
 * A Relay page over rows that `read` fetches (one more than the page, to know whether another follows): Pothos
 * reads the arguments (size, direction, the neighbouring pages), `edgeOf` makes the edges. pageInfo's cursors
 * are read from the first and last edge when selected, null on an empty page.
 */
export async function connection<Row, Edge extends { cursor: string }>(
  args: PageArgs,
  read: (limit: number, inverted: boolean) => Promise<Row[]>,
  edgeOf: (row: Row) => Edge,
): Promise<{ edges: Edge[]; pageInfo: PageInfoShape }> {
  const { limit, inverted, expectedSize, hasPreviousPage, hasNextPage } = parseCursorConnectionArgs({
    args,
    defaultSize: DEFAULT_PAGE_SIZE,
    maxSize: MAX_PAGE_SIZE,
  });
  const rows = await read(limit, inverted);
  const trimmed = rows.slice(0, expectedSize);
  if (inverted) trimmed.reverse();
  const edges = trimmed.map(edgeOf);
  const pageInfo = {
    hasPreviousPage: hasPreviousPage(rows.length),
    hasNextPage: hasNextPage(rows.length),
    get startCursor() {
      return edges[0]?.cursor ?? null;
    },
    get endCursor() {
      return edges.at(-1)?.cursor ?? null;
    },
  };
  return { edges, pageInfo };
}

/** A page of a connection, with its count read only when a client selects `totalCount`. */
export interface Page<Edge> {
  edges: Edge[];
  pageInfo: PageInfoShape;
  totalCount: () => Promise<number>;
}

const MAX_ID = 2_147_483_647;

export interface CursorCodec<Position> {
  encode(position: Position): string;
  /** The position in a cursor a client sent as `after` or `before`; anything else is BAD_USER_INPUT. */
  decode(cursor: string, argument: 'after' | 'before'): Position;
}

/**
 * Cursors for a list ordered by a key, then by id: `<prefix>:<key>:<id>` in base64url. `key` is the pattern of
 * the key's text, `read` its value (undefined when out of range); `of` says, in the refusal, where a cursor comes from.
 */
export function cursorCodec<Position extends { id: number }>(spec: {
  prefix: string;
  maxLength: number;
  key: string;
  write: (position: Position) => string | number;
  read: (key: string, id: number) => Position | undefined;
  of: string;
}): CursorCodec<Position> {
  const pattern = new RegExp(`^${spec.prefix}:(${spec.key}):([1-9]\\d{0,9})$`);
  return {
    encode: (position) => Buffer.from(`${spec.prefix}:${spec.write(position)}:${position.id}`).toString('base64url'),
    decode(cursor, argument) {
      const text = cursor.length <= spec.maxLength ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
      const match = pattern.exec(text);
      const id = match ? Number(match[2]) : 0;
      const position = match && id <= MAX_ID ? spec.read(match[1]!, id) : undefined;
      if (!position) {
        throw badUserInput(
          `Argument "${argument}" must be a cursor from ${spec.of} (an edge's cursor, startCursor or endCursor).`,
        );
      }
      return position;
    },
  };
}
