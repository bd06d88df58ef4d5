// SMTP delivery with nodemailer (configured by SMTP_URL and MAIL_FROM).
import nodemailer from 'nodemailer';
import type { Mailer } from '../../app/ports.js';

/**
 * A mailer over one SMTP server.
 * @param url e.g. smtp://user:pass@mail.example.gov.cn:587 or smtps://…:465
 * @param from the sender, e.g. "示例区政务公开办 <gk@example.gov.cn>"
 */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}
