// SMTP delivery with nodemailer (configured by SMTP_URL and MAIL_FROM), loaded on the first message.
import type { Transporter } from 'nodemailer';
import type { Mailer } from '../../app/ports.js';

/**
 * A mailer over one SMTP server.
 * @param url e.g. smtp://user:pass@mail.example.gov.cn:587 or smtps://…:465
 * @param from the sender, e.g. "示例区政务公开办 <gk@example.gov.cn>"
 */
export function smtpMailer(url: string, from: string): Mailer {
  let transport: Promise<Transporter> | undefined;
  return {
    async send(m) {
      transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(url));
      await (await transport).sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}
