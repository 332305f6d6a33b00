import { badUserInput } from '../../graphql/errors.ts';

/** Where a reader stopped in a newest-first list: the post's timestamp and id, not its offset. */
export interface PostPosition {
  datePosted: Date;
  id: number;
}

const PREFIX = 'post:';

export function encodePostCursor({ datePosted, id }: PostPosition): string {
  return Buffer.from(`${PREFIX}${datePosted.getTime()}:${id}`).toString('base64url');
}

export function decodePostCursor(cursor: string, argument: 'after' | 'before'): PostPosition {
  const text = cursor.length <= 64 ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = new RegExp(`^${PREFIX}(\\d{1,15}):([1-9]\\d{0,9})$`).exec(text);
  const position = match && { datePosted: new Date(Number(match[1])), id: Number(match[2]) };
  if (!position || Number.isNaN(position.datePosted.getTime()) || position.id > 2_147_483_647) {
    throw badUserInput(
      `Argument "${argument}" must be a cursor from a page of posts (an edge's cursor, startCursor or endCursor).`,
    );
  }
  return position;
}
