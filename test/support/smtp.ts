// A real SMTP server on loopback (smtp-server) that keeps every message it accepts: the mail capture of the
// email and job-engine tests.
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { SMTPServer } from 'smtp-server';

/** One accepted message: its envelope recipients and raw text. */
export type Received = { to: string[]; raw: string };

/** A started capture server. */
export type SmtpCapture = { server: SMTPServer; port: number; url: string; close: () => Promise<void> };

/**
 * Starts the server; each message is pushed to `inbox` when its data is received.
 * @param opts.delayMs how long the server takes to accept each message (a slow mail server)
 */
export async function startSmtp(inbox: Received[], opts: { delayMs?: number } = {}): Promise<SmtpCapture> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        void sleep(opts.delayMs ?? 0).then(() => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          inbox.push({ to, raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The decoded text of a message (nodemailer encodes Chinese bodies as quoted-printable or base64). */
export function bodyOf(raw: string): string {
  const [, body = ''] =
    raw.split(/\r?\n\r?\n/, 2).length > 1
      ? [raw.slice(0, raw.search(/\r?\n\r?\n/)), raw.slice(raw.search(/\r?\n\r?\n/))]
      : [raw, ''];
  if (/Content-Transfer-Encoding: base64/i.test(raw)) {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  return Buffer.from(
    body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');
}
