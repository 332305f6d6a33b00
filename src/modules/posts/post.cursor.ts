import { cursorCodec } from '../../graphql/connection.ts';

/** Where a reader stopped in a newest-first list: the post's timestamp and id, not its offset. */
export interface PostPosition {
  datePosted: Date;
  id: number;
}

export const postCursor = cursorCodec<PostPosition>({
  prefix: 'post',
  maxLength: 64,
  key: '\\d{1,15}',
  write: ({ datePosted }) => datePosted.getTime(),
  read: (key, id) => {
    const datePosted = new Date(Number(key));
    return Number.isNaN(datePosted.getTime()) ? undefined : { datePosted, id };
  },
  of: 'a page of posts',
});
