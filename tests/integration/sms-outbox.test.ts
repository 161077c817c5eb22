import { afterEach, describe, expect, it } from 'vitest';
import type { AppDatabase } from '../../src/db';
import { startOutboxWorker, type OutboxWorker } from '../../src/features/outbox/outbox-worker';
import { createMailSender } from '../../src/features/outbox/mail-sender';
import {
  enqueueMessage,
  enqueueText,
  findOutboxMessage,
  pageOfOutbox,
} from '../../src/features/outbox/queries';
import { createTextSender } from '../../src/features/outbox/sms-sender';
import { startTestSmsProvider } from '../support/sms-provider';
import { startTestSmtpServer } from '../support/smtp-server';
import { freshDatabase, manualClock } from '../support/test-app';

const queuedAt = (now: Date) => ({ now, domain: 'kurssipolku.test' });

const toStop: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of toStop.splice(0)) await stop();
});

async function aProvider() {
  const provider = await startTestSmsProvider();
  toStop.push(() => provider.close());
  return provider;
}

function aTextWorker(
  db: AppDatabase,
  clock: () => Date,
  url: string | null,
  options: { token?: string; timeoutMs?: number } = {},
) {
  const worker: OutboxWorker = startOutboxWorker({
    db,
    clock,
    channel: 'sms',
    sender: url ? createTextSender(url, options.token ?? null, options.timeoutMs) : null,
    intervalMs: 60_000,
  });
  toStop.unshift(() => worker.stop());
  return worker;
}

function aText(db: AppDatabase, now: Date, textBody = 'Muistutus: Arkeen Voimaa huomenna') {
  return enqueueText(
    db,
    {
      recipientPhone: '+358401234567',
      recipientName: 'Aino Osallistuja',
      textBody,
      courseId: null,
      applicationId: null,
    },
    queuedAt(now),
  )!;
}

describe('sending texts through the HTTP provider', () => {
  it('posts the number, the text and the fixed reference with the Bearer token', async () => {
    const db = freshDatabase();
    const clock = manualClock();
    const provider = await aProvider();
    const id = aText(db, clock(), 'Muistutus: huomenna klo 17.00, Seurakuntatalo');

    expect(await aTextWorker(db, clock, provider.url, { token: 's3cret' }).runOnce()).toBe(1);

    const row = findOutboxMessage(db, id)!;
    expect(row.state).toBe('sent');
    expect(provider.received).toHaveLength(1);
    const [request] = provider.received;
    expect(request!.headers.authorization).toBe('Bearer s3cret');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.body).toEqual({
      to: '+358401234567',
      message: 'Muistutus: huomenna klo 17.00, Seurakuntatalo',
      reference: row.messageId,
    });
  });

  it('retries after a 500 and sends later with the same reference', async () => {
    const db = freshDatabase();
    const clock = manualClock();
    const provider = await aProvider();
    provider.answerNext({ status: 500, body: 'busy' });
    const id = aText(db, clock());
    const worker = aTextWorker(db, clock, provider.url);

    expect(await worker.runOnce()).toBe(0);
    const waiting = findOutboxMessage(db, id)!;
    expect(waiting.state).toBe('retry');
    expect(waiting.lastError).toContain('500');
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(clock().getTime());

    clock.advanceMinutes(1);
    expect(await worker.runOnce()).toBe(1);
    expect(findOutboxMessage(db, id)!.state).toBe('sent');
    expect(provider.received.map((r) => r.body.reference)).toEqual([
      waiting.messageId,
      waiting.messageId,
    ]);
  });

  it('retries when the provider does not answer in time', async () => {
    const db = freshDatabase();
    const clock = manualClock();
    const provider = await aProvider();
    provider.answerNext('hang');
    const id = aText(db, clock());

    expect(await aTextWorker(db, clock, provider.url, { timeoutMs: 300 }).runOnce()).toBe(0);
    const waiting = findOutboxMessage(db, id)!;
    expect(waiting.state).toBe('retry');
    expect(waiting.lastError).toMatch(/No answer from the text provider/);
  });

  it('retries when nothing listens at the address', async () => {
    const db = freshDatabase();
    const clock = manualClock();
    const provider = await startTestSmsProvider();
    await provider.close();
    const id = aText(db, clock());

    expect(await aTextWorker(db, clock, provider.url).runOnce()).toBe(0);
    expect(findOutboxMessage(db, id)!.state).toBe('retry');
  });

  it('gives up on a 400 and keeps the provider status and reason', async () => {
    const db = freshDatabase();
    const clock = manualClock();
    const provider = await aProvider();
    provider.answerNext({ status: 400, body: '{"error":"invalid number"}' });
    const id = aText(db, clock());

    expect(await aTextWorker(db, clock, provider.url).runOnce()).toBe(0);
    const failed = findOutboxMessage(db, id)!;
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toBe('HTTP 400: {"error":"invalid number"}');
  });

  it('keeps texts queued without a provider, and keeps mail and texts apart', async () => {
    const db = freshDatabase();
    const clock = manualClock();
    const smtp = await startTestSmtpServer();
    toStop.push(() => smtp.close());
    const provider = await aProvider();
    const text = aText(db, clock());
    const mail = enqueueMessage(
      db,
      {
        recipientEmail: 'aino@test.example',
        recipientName: 'Aino',
        subject: 'Hei',
        textBody: 'Hei',
        htmlBody: '<p>Hei</p>',
        calendarMethod: '',
        calendar: '',
        courseId: null,
        applicationId: null,
      },
      queuedAt(clock()),
    );

    expect(await aTextWorker(db, clock, null).runOnce()).toBe(0);
    expect(findOutboxMessage(db, text)!.state).toBe('queued');

    const mailWorker = startOutboxWorker({
      db,
      clock,
      sender: createMailSender(smtp.url, 'Kurssipolku <no-reply@kurssipolku.example>'),
      intervalMs: 60_000,
    });
    toStop.unshift(() => mailWorker.stop());
    expect(await mailWorker.runOnce()).toBe(1);
    expect(findOutboxMessage(db, text)!.state).toBe('queued');
    expect(smtp.messages).toHaveLength(1);

    expect(await aTextWorker(db, clock, provider.url).runOnce()).toBe(1);
    expect(provider.received).toHaveLength(1);
    expect(findOutboxMessage(db, mail)!.state).toBe('sent');
    expect(findOutboxMessage(db, text)!.state).toBe('sent');

    expect(pageOfOutbox(db, {}).rows.map((row) => row.id)).toEqual([mail]);
    expect(pageOfOutbox(db, { channel: 'sms' }).rows.map((row) => row.id)).toEqual([text]);
  });
});
