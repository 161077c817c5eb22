import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { OutboxMessage } from './queries';

export type OutgoingMail = Pick<
  OutboxMessage,
  | 'messageId'
  | 'recipientEmail'
  | 'recipientName'
  | 'subject'
  | 'textBody'
  | 'htmlBody'
  | 'calendarMethod'
  | 'calendar'
>;

/** Sends one message or rejects with nodemailer's error; the worker depends on this only. */
export type MailSender = {
  send(message: OutgoingMail): Promise<void>;
  close(): Promise<void>;
};

/**
 * An outbox row as nodemailer mail. A calendar message goes as the text/calendar alternative
 * (mail clients show it as an invitation) and once more as `kurssi.ics` for the rest: two copies,
 * not three. nodemailer's `icalEvent` is not used because it adds its own `invite.ics` as
 * application/ics beside any attachment of ours.
 */
export function mailOptionsFor(from: string, message: OutgoingMail): SendMailOptions {
  const mail: SendMailOptions = {
    from,
    to: { name: message.recipientName, address: message.recipientEmail },
    subject: message.subject,
    text: message.textBody,
    html: message.htmlBody,
    messageId: message.messageId,
  };
  if (message.calendarMethod) {
    const contentType = `text/calendar; charset=utf-8; method=${message.calendarMethod}`;
    mail.alternatives = [{ contentType, content: message.calendar }];
    mail.attachments = [{ filename: 'kurssi.ics', contentType, content: message.calendar }];
  }
  return mail;
}

/** Pooled SMTP from a connection URL (smtp://user:pass@host:587 or smtps://…). */
export function createMailSender(smtpUrl: string, from: string): MailSender {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    // Shorter than nodemailer's minutes-long defaults, so a silent server neither holds a batch
    // nor a shutdown for long; the URL may still set its own.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  return {
    async send(message) {
      await transport.sendMail(mailOptionsFor(from, message));
    },
    async close() {
      transport.close();
    },
  };
}
