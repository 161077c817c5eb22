import { outbox } from '../../db/schema';
import { gt } from 'drizzle-orm';
import { enqueueMessage } from '../../src/features/outbox/queries';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AppDatabase } from '../../src/db';
import type { Clock } from '../../src/lib/clock';
import { createMailSender } from '../../src/features/outbox/mail-sender';
import { startOutboxWorker } from '../../src/features/outbox/outbox-worker';

export type CapturedMail = ParsedMail & { envelopeTo: string[] };

/**
 * A real SMTP peer on 127.0.0.1 for mail tests: it accepts every message (or answers with the
 * status a test asks for) and keeps each one parsed by mailparser. With `holdUntil` it answers no
 * message before that promise settles, so the sender stays in the middle of sending.
 */
export async function startTestSmtpServer(
  options: { rejectWith?: { code: number; message: string }; holdUntil?: Promise<unknown> } = {},
) {
  const messages: CapturedMail[] = [];
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      if (options.rejectWith) {
        stream.resume();
        stream.on('end', () =>
          callback(
            Object.assign(new Error(options.rejectWith!.message), {
              responseCode: options.rejectWith!.code,
            }),
          ),
        );
        return;
      }
      simpleParser(stream)
        .then(async (parsed) => {
          await options.holdUntil;
          messages.push({
            ...parsed,
            envelopeTo: session.envelope.rcptTo.map((recipient) => recipient.address),
          });
          waiters.splice(0).forEach((wake) => wake());
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** Resolves when at least `count` messages have arrived, or rejects after `timeoutMs`. */
    async waitForMessages(count: number, timeoutMs = 5000): Promise<CapturedMail[]> {
      const deadline = Date.now() + timeoutMs;
      while (messages.length < count) {
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw new Error(`Expected ${count} messages, got ${messages.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, remaining);
        });
      }
      return messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestSmtpServer = Awaited<ReturnType<typeof startTestSmtpServer>>;

/** Sends whatever is queued with one batch of a real worker, and returns the mail that arrived. */
export async function deliverQueuedMail(db: AppDatabase, clock: Clock, smtp: TestSmtpServer) {
  const before = smtp.messages.length;
  const worker = startOutboxWorker({
    db,
    clock,
    sender: createMailSender(smtp.url, 'Kurssipolku <no-reply@kurssipolku.example>'),
    intervalMs: 60_000,
  });
  await worker.runOnce();
  await worker.stop();
  return smtp.messages.slice(before);
}

/** `count` plain messages in the outbox, numbered, as if the app had queued them just now. */
export function queueNumberedMessages(db: AppDatabase, count: number) {
  const now = new Date();
  for (let index = 1; index <= count; index += 1) {
    enqueueMessage(
      db,
      {
        recipientEmail: `osallistuja${index}@test.example`,
        recipientName: `Osallistuja ${index}`,
        subject: `Viesti ${index}`,
        textBody: `Viesti numero ${index}`,
        htmlBody: `<p>Viesti numero ${index}</p>`,
        calendarMethod: '',
        calendar: '',
        courseId: null,
        applicationId: null,
      },
      { now, domain: 'kurssipolku.test' },
    );
  }
}

/** Reads the outbox as it grows: each call returns the messages queued since the last, oldest first. */
export function outboxWatcher(db: AppDatabase) {
  let lastSeenId = 0;
  return () => {
    const fresh = db
      .select()
      .from(outbox)
      .where(gt(outbox.id, lastSeenId))
      .orderBy(outbox.id)
      .all();
    lastSeenId = fresh.at(-1)?.id ?? lastSeenId;
    return fresh;
  };
}
