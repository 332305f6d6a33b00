import type { Post, User } from '../../generated/prisma/client.ts';
import type { Context } from '../../graphql/context.ts';
import { codedError, FieldErrors } from '../../graphql/errors.ts';
import { hasInvisibleCharacters, isMalformedText, MESSAGES } from '../users/user.validation.ts';

type Deps = Pick<Context, 'prisma'>;

export const TITLE_MAX_LENGTH = 100;
/** Generous for a blog post (about ten thousand words), small enough to keep a feed page light. */
export const CONTENT_MAX_LENGTH = 50_000;

export interface PostInput {
  title?: string | null;
  content?: string | null;
}

/** Control characters other than tab and line breaks: PostgreSQL refuses NUL, and none belongs in prose. */
const CONTROL_EXCEPT_WHITESPACE = /[^\P{Cc}\t\n\r]/u;

/** The original PostForm's rules (both fields required; whitespace alone is empty) and our length limits. */
function checkPost(input: { title: string; content: string }, idempotencyKey?: string): void {
  const errors = new FieldErrors();
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    errors.add('idempotencyKey', 'Field must be 1 to 64 letters, digits, or . _ : -');
  }
  const check = (field: 'title' | 'content', value: string, max: number) => {
    if (!value.trim()) return errors.add(field, MESSAGES.required);
    if ([...value].length > max) errors.add(field, `Field cannot be longer than ${max} characters.`);
    if (CONTROL_EXCEPT_WHITESPACE.test(value) || (field === 'title' && /[\t\n\r]/.test(value))) {
      errors.add(field, MESSAGES.controlCharacters);
    } else if (isMalformedText(value)) {
      errors.add(field, MESSAGES.malformedText);
    } else if (field === 'title' && hasInvisibleCharacters(value, { allowEmoji: true })) {
      errors.add(field, MESSAGES.invisibleCharacters);
    }
  };
  check('title', input.title, TITLE_MAX_LENGTH);
  check('content', input.content, CONTENT_MAX_LENGTH);
  errors.throwIfAny();
}

const notFound = () => codedError('NOT_FOUND', 'That post does not exist.');

const IDEMPOTENCY_KEY = /^[\w.:-]{1,64}$/;

/**
 * Publishes a post. With an idempotency key, a retry (after a timeout, say) returns the post the first attempt
 * created instead of a second one (`created` false: nothing new to announce): the key is unique per author in
 * the database. The same key with another title or content is a ValidationError, not someone else's post.
 */
export async function createPost(
  { prisma }: Deps,
  author: User,
  input: { title: string; content: string; idempotencyKey?: string | null },
): Promise<{ post: Post; created: boolean }> {
  const post = { title: input.title.trim(), content: input.content };
  const key = input.idempotencyKey ?? undefined;
  checkPost(post, key);
  try {
    return {
      post: await prisma.post.create({ data: { ...post, authorId: author.id, idempotencyKey: key } }),
      created: true,
    };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'P2002' && key) {
      const first = await prisma.post.findUnique({
        where: { authorId_idempotencyKey: { authorId: author.id, idempotencyKey: key } },
      });
      if (first && first.title === post.title && first.content === post.content) return { post: first, created: false };
      if (first) {
        const errors = new FieldErrors();
        errors.add('idempotencyKey', 'This idempotency key was used for a different post.');
        errors.throwIfAny();
      }
    }
    // The account was deleted after this request authenticated: the foreign key refuses the orphan.
    if (code === 'P2003') throw codedError('UNAUTHENTICATED', 'Your account no longer exists.');
    throw error;
  }
}

/**
 * Like the original: a missing post is NOT_FOUND, someone else's is FORBIDDEN, in that order and before the
 * input is validated.
 */
async function ownPost({ prisma }: Deps, viewer: User, id: number): Promise<Post> {
  const post = await prisma.post.findUnique({ where: { id } });
  if (!post) throw notFound();
  if (post.authorId !== viewer.id) throw codedError('FORBIDDEN', 'You can only change your own posts.');
  return post;
}

/** Changes the title and/or content in one statement, so concurrent edits never mix. datePosted stays. */
export async function updatePost(deps: Deps, viewer: User, id: number, input: PostInput): Promise<Post> {
  const post = await ownPost(deps, viewer, id);
  const changes = {
    title: input.title == null ? post.title : input.title.trim(),
    content: input.content == null ? post.content : input.content,
  };
  checkPost(changes);
  try {
    return await deps.prisma.post.update({ where: { id, authorId: viewer.id }, data: changes });
  } catch (error) {
    if ((error as { code?: string }).code === 'P2025') throw notFound(); // deleted since we looked
    throw error;
  }
}

export async function deletePost(deps: Deps, viewer: User, id: number): Promise<void> {
  await ownPost(deps, viewer, id);
  const { count } = await deps.prisma.post.deleteMany({ where: { id, authorId: viewer.id } });
  if (count === 0) throw notFound(); // a concurrent delete got there first
}
