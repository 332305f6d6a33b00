import type { MailMessage } from './mailer.ts';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The original's reset email, word for word, with an HTML version. */
export function passwordResetEmail(to: string, link: string): MailMessage {
  const text = `To reset your password, visit the following link:
${link}

If you did not make this request then simply ignore this email and no changes will be made.
`;
  const html = `<!doctype html>
<html><body style="font-family: sans-serif; line-height: 1.5">
<p>To reset your password, visit the following link:</p>
<p><a href="${escapeHtml(link)}">Reset your password</a></p>
<p style="color: #555; font-size: 0.9em">${escapeHtml(link)}</p>
<p>If you did not make this request then simply ignore this email and no changes will be made.</p>
</body></html>
`;
  return { to, subject: 'Password Reset Request', text, html, tag: 'password-reset' };
}

/** An address with all but the first character of its local part hidden: `c***@example.com`. */
function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const first = [...email.slice(0, at)][0] ?? '';
  return `${first}***${email.slice(at)}`;
}

/**
 * Tells the previous address that the account's email changed (password resets now go to the new one). It shows
 * the new address masked and nothing else the client sent, so it cannot carry someone's text to a stranger.
 */
export function emailChangedEmail(to: string, newEmail: string): MailMessage {
  const masked = maskEmail(newEmail);
  const text = `The email address of your account was changed to ${masked}.

If you made this change, there is nothing to do. If you did not, someone else knows your password: contact the site's administrators at once, since password reset emails now go to the new address.
`;
  const html = `<!doctype html>
<html><body style="font-family: sans-serif; line-height: 1.5">
<p>The email address of your account was changed to <strong>${escapeHtml(masked)}</strong>.</p>
<p>If you made this change, there is nothing to do. If you did not, someone else knows your password: contact the
site's administrators at once, since password reset emails now go to the new address.</p>
</body></html>
`;
  return { to, subject: 'Your email address was changed', text, html, tag: 'email-changed' };
}
