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
