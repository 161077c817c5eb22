import { randomUUID } from 'node:crypto';
import type { OutboxChannel } from '../../../db/schema';
import type { AppDatabase } from '../../db';
import type { Clock } from '../../lib/clock';
import { withFreshPersonalLink } from './personal-links';
import type { MailSender } from './mail-sender';
import type { TextSender } from './sms-sender';
import {
  claimDueMessages,
  markFailed,
  markRetry,
  markSent,
  requeueExpiredLeases,
  type OutboxMessage,
} from './queries';
import { describeSendError, outcomeOfFailedSend } from './retry-policy';

export type OutboxWorkerOptions = {
  db: AppDatabase;
  clock: Clock;
  /**
   * null when no SMTP_URL (or SMS_URL) is set: nothing is sent and the messages wait, queued. A
   * mail sender for the `email` channel, a text sender for `sms`.
   */
  sender: MailSender | TextSender | null;
  /** The channel whose messages this worker sends; `email` unless told. */
  channel?: OutboxChannel;
  intervalMs?: number;
  batchSize?: number;
};

export type OutboxWorker = {
  /** Sends one batch of due messages; resolves to how many were delivered. */
  runOnce(): Promise<number>;
  /** Stops the timer, lets a running batch finish, then closes the sender. */
  stop(): Promise<void>;
};

export function startOutboxWorker({
  db,
  clock,
  sender,
  channel = 'email',
  intervalMs = 2000,
  batchSize = 20,
}: OutboxWorkerOptions): OutboxWorker {
  // Claims carry this worker's own id: another process on the same database never settles or
  // requeues them while their lease lasts.
  const owner = randomUUID();
  requeueExpiredLeases(db, clock());

  let stopped = false;
  let pendingBatches = 0;
  // Batches run one after another, so a manual runOnce never overlaps the timer's.
  let lastBatch: Promise<unknown> = Promise.resolve();

  async function deliver(
    sending: MailSender | TextSender,
    message: OutboxMessage,
  ): Promise<boolean> {
    try {
      // A text carries no personal link; an e-mail's is renewed at sending.
      await sending.send(
        channel === 'email' ? withFreshPersonalLink(db, message, clock()) : message,
      );
    } catch (error) {
      const outcome = outcomeOfFailedSend(error, message.attempts, clock());
      const reason = describeSendError(error);
      if (outcome.state === 'retry') markRetry(db, message, reason, outcome.retryAt);
      else markFailed(db, message, reason);
      return false;
    }
    markSent(db, message, clock());
    return true;
  }

  async function sendBatch(): Promise<number> {
    if (stopped || !sender) return 0;
    // Also while running: a worker that died next to this one leaves its messages here.
    requeueExpiredLeases(db, clock());
    const claimed = claimDueMessages(db, owner, clock(), batchSize, channel);
    // Each message settles on its own: one failure never stops the others.
    const delivered = await Promise.all(claimed.map((message) => deliver(sender, message)));
    return delivered.filter(Boolean).length;
  }

  function runOnce(): Promise<number> {
    pendingBatches += 1;
    const batch = lastBatch.then(sendBatch).finally(() => {
      pendingBatches -= 1;
    });
    lastBatch = batch.catch(() => undefined);
    return batch;
  }

  const timer = sender
    ? setInterval(() => {
        if (pendingBatches > 0) return;
        runOnce().catch((error: unknown) => console.error('Sending the outbox failed:', error));
      }, intervalMs)
    : null;
  timer?.unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await lastBatch;
      await sender?.close();
    },
  };
}
