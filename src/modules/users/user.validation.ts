import { domainToASCII } from 'node:url';
import type { PrismaClient } from '../../generated/prisma/client.ts';
import type { FieldErrors } from '../../graphql/errors.ts';

/** The original's messages (WTForms 2.1 defaults and the Flask Blog's own), plus our stricter limits. */
export const MESSAGES = {
  required: 'This field is required.',
  usernameLength: 'Field must be between 2 and 20 characters long.',
  controlCharacters: 'Field must not contain control characters.',
  invisibleCharacters: 'Field must not contain invisible or text-direction characters.',
  malformedText: 'Field must be valid Unicode text.',
  invalidEmail: 'Invalid email address.',
  emailTooLong: 'Field cannot be longer than 120 characters.',
  passwordTooShort: 'Field must be at least 8 characters long.',
  passwordTooLong: 'Field cannot be longer than 72 bytes.',
  passwordMismatch: 'Field must be equal to password.',
  wrongPassword: 'That password is not correct.',
  usernameTaken: 'That username is taken. Please choose a different one.',
  emailTaken: 'That email is taken. Please choose a different one.',
} as const;

const PASSWORD_MIN_LENGTH = 8;
/** bcrypt ignores everything after 72 bytes: a longer password would only look stronger than it is. */
const PASSWORD_MAX_BYTES = 72;
const EMAIL_MAX_LENGTH = 120;

const CONTROL = /\p{Cc}/u;

/**
 * Characters that show nothing or reorder the text around them: zero-width and format characters (U+200B,
 * U+FEFF), bidirectional overrides and isolates (U+202E), line separators, fillers and variation selectors;
 * and half of a surrogate pair. Two names that differ only by these would look identical.
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: lone surrogate halves are exactly what it looks for
  /[\p{Cf}\p{Zl}\p{Zp}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]|[\uD800-\uDFFF]/u;
/** Emoji sequences use some of those (👩‍💻 joins with U+200D, ❤️ ends with U+FE0F); titles may have them. */
const EMOJI_SEQUENCE =
  /[#*0-9]\uFE0F?\u20E3|[\p{Extended_Pictographic}\p{Emoji_Modifier}][\uFE0E\uFE0F]?(\u200D(?=\p{Extended_Pictographic}))?/gu;

/** Half of a surrogate pair, alone: PostgreSQL would silently store U+FFFD instead. */
export function isMalformedText(text: string): boolean {
  return /[\uD800-\uDFFF]/u.test(text);
}

/** True when the text holds a character that renders as nothing or reorders text (see INVISIBLE). */
export function hasInvisibleCharacters(text: string, { allowEmoji }: { allowEmoji: boolean }): boolean {
  return INVISIBLE.test(allowEmoji ? text.replace(EMOJI_SEQUENCE, '') : text);
}

/** Surrounding spaces go; the same text typed two ways (composed or not) becomes one. */
export function normalizeUsername(raw: string): string {
  return raw.normalize('NFC').trim();
}

/** Emails are stored in lower case; the database compares them ignoring case anyway (citext). */
export function normalizeEmail(raw: string): string {
  return raw.normalize('NFC').trim().toLowerCase();
}

/** Username rules; true when the value is well-formed (worth checking for uniqueness). */
export function checkUsername(errors: FieldErrors, field: string, username: string): boolean {
  if (!username) {
    errors.add(field, MESSAGES.required);
    return false;
  }
  const length = [...username].length;
  if (length < 2 || length > 20) errors.add(field, MESSAGES.usernameLength);
  if (CONTROL.test(username)) errors.add(field, MESSAGES.controlCharacters);
  else if (isMalformedText(username)) errors.add(field, MESSAGES.malformedText);
  else if (hasInvisibleCharacters(username, { allowEmoji: false })) errors.add(field, MESSAGES.invisibleCharacters);
  return !errors.has(field);
}

/** Email rules: WTForms 2.1's Email() (a local part, an @, a host name with a real TLD) and our 120 limit. */
export function checkEmail(errors: FieldErrors, field: string, email: string): boolean {
  if (!email) {
    errors.add(field, MESSAGES.required);
    return false;
  }
  if (isMalformedText(email) || !isEmailAddress(email)) errors.add(field, MESSAGES.invalidEmail);
  if ([...email].length > EMAIL_MAX_LENGTH) errors.add(field, MESSAGES.emailTooLong);
  return !errors.has(field);
}

function isEmailAddress(email: string): boolean {
  const match = /^(.+)@([^.@][^@]+)$/.exec(email);
  if (!match || /[\s\p{Cc}]/u.test(email)) return false;
  const host = domainToASCII(match[2]!); // '' when the name is not valid IDNA, e.g. an empty label
  const labels = host.split('.');
  return (
    host.length > 0 &&
    host.length <= 253 &&
    labels.length >= 2 &&
    labels.every((label) => label.length <= 63 && /^(xn-|[a-z0-9]+)(-[a-z0-9]+)*$/i.test(label)) &&
    /^([a-z]{2,20}|xn--([a-z0-9]+-)*[a-z0-9]+)$/i.test(labels.at(-1)!)
  );
}

/** A new password and its confirmation (registration and reset). Never trimmed: spaces may be part of it. */
export function checkNewPassword(
  errors: FieldErrors,
  password: string,
  confirmPassword: string,
  field = 'password',
): void {
  if (!password.trim()) {
    errors.add(field, MESSAGES.required);
  } else {
    if ([...password].length < PASSWORD_MIN_LENGTH) errors.add(field, MESSAGES.passwordTooShort);
    if (Buffer.byteLength(password) > PASSWORD_MAX_BYTES) errors.add(field, MESSAGES.passwordTooLong);
  }
  if (!confirmPassword.trim()) errors.add('confirmPassword', MESSAGES.required);
  else if (confirmPassword !== password) errors.add('confirmPassword', MESSAGES.passwordMismatch);
}

/** Adds "taken" errors for a username or email that another account already has (one query). */
export async function checkTaken(
  prisma: PrismaClient,
  errors: FieldErrors,
  wanted: { username?: string; email?: string },
  exceptUserId?: number,
): Promise<void> {
  const or = [
    ...(wanted.username ? [{ username: wanted.username }] : []),
    ...(wanted.email ? [{ email: wanted.email }] : []),
  ];
  if (!or.length) return;
  const holders = await prisma.user.findMany({
    where: { OR: or, ...(exceptUserId ? { id: { not: exceptUserId } } : {}) },
    select: { username: true, email: true },
  });
  if (holders.some((user) => user.username === wanted.username)) errors.add('username', MESSAGES.usernameTaken);
  if (holders.some((user) => user.email.toLowerCase() === wanted.email)) errors.add('email', MESSAGES.emailTaken);
}

/** Maps a unique-constraint violation from a write that raced our check to the matching "taken" error. */
export function takenFieldOf(error: unknown): 'username' | 'email' | undefined {
  if ((error as { code?: string }).code !== 'P2002') return undefined;
  const constraint = /users_(username|email)_key/.exec(JSON.stringify((error as { meta?: unknown }).meta ?? {}));
  return constraint?.[1] as 'username' | 'email' | undefined;
}
