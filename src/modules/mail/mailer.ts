import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { ServerClient } from 'postmark';
import type { Logger } from '../../logger.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Postmark's tag, for its statistics. */
  tag: string;
}

/** One way out for every email. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * Sends through Postmark's API with the official client. A call that gets no answer fails after
 * `timeoutSeconds` (the client aborts it), so a job never holds its lock, renewed while it runs, for longer.
 */
export function postmarkMailer(options: {
  serverToken: string;
  apiUrl: string;
  from: string;
  timeoutSeconds?: number;
}): Mailer {
  const api = new URL(options.apiUrl);
  const client = new ServerClient(options.serverToken, {
    useHttps: api.protocol === 'https:',
    requestHost: api.host,
    timeout: options.timeoutSeconds ?? 10,
  });
  return {
    async send(message) {
      await client.sendEmail({
        From: options.from,
        To: message.to,
        Subject: message.subject,
        TextBody: message.text,
        HtmlBody: message.html,
        Tag: message.tag,
        MessageStream: 'outbound',
      });
    },
  };
}

/**
 * Development mail: each message becomes a file in `dir` (an .eml any mail program opens, and its HTML
 * beside it), and the file is logged, so a reset can be finished by hand. The link is not logged: its token
 * would let anyone who reads the logs take over the account.
 */
export function outboxMailer(options: { dir: string; from: string; log: Logger }): Mailer {
  return {
    async send(message) {
      await fs.mkdir(options.dir, { recursive: true });
      const base = `${new Date().toISOString().replace(/[:.]/g, '-')}-${message.tag}-${randomBytes(3).toString('hex')}`;
      const eml = [
        `From: ${options.from}`,
        `To: ${message.to}`,
        `Subject: ${message.subject}`,
        `Date: ${new Date().toUTCString()}`,
        'Content-Type: text/plain; charset=utf-8',
        '',
        message.text,
      ].join('\r\n');
      const file = path.join(options.dir, `${base}.eml`);
      await fs.writeFile(file, eml);
      await fs.writeFile(path.join(options.dir, `${base}.html`), message.html);
      options.log.info({ subject: message.subject, file }, 'Mail written to the development outbox');
    },
  };
}
