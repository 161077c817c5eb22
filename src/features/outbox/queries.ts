import { randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { outbox, type OutboxChannel, type OutboxState } from '../../../db/schema';
import { immediateTransaction, preparedFor, type AppDatabase } from '../../db';
import { pageOf, pageSize } from '../../http/paging';

export type CalendarMethod = '' | 'REQUEST' | 'CANCEL' | 'PUBLISH';

export type NewOutboxMessage = {
  recipientEmail: string;
  recipientName: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  calendarMethod: CalendarMethod;
  calendar: string;
  courseId: number | null;
  /** The participant the message is for (null for staff): erasure finds their messages by it. */
  applicationId: number | null;
  /** A training's message, and the candidate it is for. */
  trainingId?: number | null;
  candidateId?: number | null;
  /** A steering meeting's invitation or minutes. */
  meetingId?: number | null;
};

export type OutboxMessage = typeof outbox.$inferSelect;

/** The database or a transaction handle: mail is written in the same transaction as its cause. */
export type OutboxWriter = Pick<AppDatabase, 'insert'>;

const sendableStates: OutboxState[] = ['queued', 'retry'];

/**
 * Fixed at creation, so a resend after a crash carries the same Message-ID header; the right side
 * is a real domain name (the host of PUBLIC_URL), as mail servers and spam filters expect.
 */
function newMessageId(domain: string): string {
  return `<outbox-${randomBytes(16).toString('hex')}@${domain}>`;
}

/** Queues one message, due now; returns its id. */
export function enqueueMessage(
  db: OutboxWriter,
  message: NewOutboxMessage,
  queued: { now: Date; domain: string },
): number {
  const now = queued.now;
  return db
    .insert(outbox)
    .values({
      ...message,
      messageId: newMessageId(queued.domain),
      state: 'queued',
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
    })
    .returning({ id: outbox.id })
    .get().id;
}

export type NewOutboxText = {
  /** A mobile number in E.164. */
  recipientPhone: string;
  recipientName: string;
  textBody: string;
  courseId: number | null;
  applicationId: number | null;
  /** A reminder's session: a second reminder for the same session and person is not queued. */
  reminderSessionId?: number | null;
};

/**
 * Queues one text message, due now; returns its id, or null when it is a reminder already queued
 * (the unique index on session and person decides, so two processes never queue it twice).
 */
export function enqueueText(
  db: OutboxWriter,
  text: NewOutboxText,
  queued: { now: Date; domain: string },
): number | null {
  const row = db
    .insert(outbox)
    .values({
      ...text,
      channel: 'sms',
      recipientEmail: '',
      subject: '',
      htmlBody: '',
      messageId: newMessageId(queued.domain),
      state: 'queued',
      attempts: 0,
      nextAttemptAt: queued.now,
      createdAt: queued.now,
    })
    .onConflictDoNothing()
    .returning({ id: outbox.id })
    .get();
  return row?.id ?? null;
}

/**
 * How long a claim lasts: well beyond one batch on the pooled transport (its connection, greeting
 * and socket timeouts in mail-sender.ts are at most a minute each), so only a worker that died or
 * hung loses its messages to another.
 */
export const sendLeaseMs = 10 * 60_000;

/** A message taken by one worker: only that worker may settle it. */
export type SendClaim = Pick<OutboxMessage, 'id' | 'claimedBy'>;

/**
 * Takes the due messages for one batch: they become `sending`, leased to `owner` until
 * `now + sendLeaseMs`, with one more attempt counted, in one immediate transaction so two workers
 * never take the same message. Each channel's worker takes only its own channel's messages: the
 * mail worker never sends a text over SMTP, nor the other way round.
 */
export function claimDueMessages(
  db: AppDatabase,
  owner: string,
  now: Date,
  limit: number,
  channel: OutboxChannel = 'email',
): OutboxMessage[] {
  return immediateTransaction(db, (tx) => {
    const due = tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          eq(outbox.channel, channel),
          inArray(outbox.state, sendableStates),
          lte(outbox.nextAttemptAt, now),
        ),
      )
      .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
      .limit(limit)
      .all();
    if (due.length === 0) return [];
    return tx
      .update(outbox)
      .set({
        state: 'sending',
        claimedBy: owner,
        leaseUntil: new Date(now.getTime() + sendLeaseMs),
        attempts: sql`${outbox.attempts} + 1`,
      })
      .where(
        and(
          inArray(
            outbox.id,
            due.map((row) => row.id),
          ),
          inArray(outbox.state, sendableStates),
        ),
      )
      .returning()
      .all()
      .sort((a, b) => a.id - b.id);
  });
}

/**
 * The outcomes below apply only to a message still being sent under the same claim (its lease may
 * have expired and another worker taken it over); each returns whether it did.
 */
function finishSending(db: AppDatabase, claim: SendClaim, changes: Partial<OutboxMessage>) {
  return (
    db
      .update(outbox)
      .set({ ...changes, leaseUntil: null })
      .where(
        and(
          eq(outbox.id, claim.id),
          eq(outbox.state, 'sending'),
          eq(outbox.claimedBy, claim.claimedBy),
        ),
      )
      .run().changes === 1
  );
}

export function markSent(db: AppDatabase, claim: SendClaim, now: Date): boolean {
  return finishSending(db, claim, { state: 'sent', sentAt: now });
}

export function markRetry(db: AppDatabase, claim: SendClaim, error: string, nextAttemptAt: Date) {
  return finishSending(db, claim, { state: 'retry', lastError: error, nextAttemptAt });
}

export function markFailed(db: AppDatabase, claim: SendClaim, error: string): boolean {
  return finishSending(db, claim, { state: 'failed', lastError: error });
}

/**
 * Messages whose worker's lease has run out (it crashed, hung or was killed) go back to the queue,
 * due now; a live lease is another running worker's and is left alone. One of them may have
 * reached the server already; its fixed Message-ID lets the receiving side spot the repeat. A
 * `sending` row without a lease predates leases and counts as expired.
 */
export function requeueExpiredLeases(db: AppDatabase, now: Date): number {
  return db
    .update(outbox)
    .set({ state: 'queued', nextAttemptAt: now, claimedBy: '', leaseUntil: null })
    .where(
      and(eq(outbox.state, 'sending'), or(isNull(outbox.leaseUntil), lte(outbox.leaseUntil, now))),
    )
    .run().changes;
}

/** A failed message is queued again with a fresh count of attempts; false when it had not failed. */
export function retryFailed(db: AppDatabase, id: number, now: Date): boolean {
  return (
    db
      .update(outbox)
      .set({ state: 'queued', attempts: 0, nextAttemptAt: now })
      // A message whose text the retention rule emptied would go out blank.
      .where(and(eq(outbox.id, id), eq(outbox.state, 'failed'), isNull(outbox.bodyPrunedAt)))
      .run().changes === 1
  );
}

const summaryColumns = {
  id: outbox.id,
  recipientEmail: outbox.recipientEmail,
  recipientName: outbox.recipientName,
  recipientPhone: outbox.recipientPhone,
  subject: outbox.subject,
  calendarMethod: outbox.calendarMethod,
  state: outbox.state,
  attempts: outbox.attempts,
  nextAttemptAt: outbox.nextAttemptAt,
  lastError: outbox.lastError,
  sentAt: outbox.sentAt,
  bodyPrunedAt: outbox.bodyPrunedAt,
  createdAt: outbox.createdAt,
};

const newestFirst = [desc(outbox.createdAt), desc(outbox.id)];

/** Both lists walk an index in (created_at, id) order; `after` continues from the cursor's row. */
const afterCursorRow = sql`(${outbox.createdAt}, ${outbox.id}) < (${sql.placeholder('at')}, ${sql.placeholder('id')})`;
const inShownState = eq(outbox.state, sql.placeholder('state'));
const inChannel = eq(outbox.channel, sql.placeholder('channel'));

const listStatement = (where: SQL | undefined) =>
  preparedFor((db) =>
    db
      .select(summaryColumns)
      .from(outbox)
      .where(and(inChannel, where))
      .orderBy(...newestFirst)
      .limit(sql.placeholder('limit'))
      .prepare(),
  );

const allMessages = listStatement(undefined);
const allMessagesAfter = listStatement(afterCursorRow);
const messagesInState = listStatement(inShownState);
const messagesInStateAfter = listStatement(and(inShownState, afterCursorRow));

const messagePosition = preparedFor((db) =>
  db
    .select({ at: outbox.createdAt })
    .from(outbox)
    .where(eq(outbox.id, sql.placeholder('id')))
    .prepare(),
);

const failedCount = preparedFor((db) =>
  db
    .select({ failed: count() })
    .from(outbox)
    .where(and(eq(outbox.state, 'failed'), eq(outbox.channel, 'email')))
    .prepare(),
);

/**
 * E-mail given up on, waiting for someone to look (counted on the state index): the count links to
 * the mail list, which shows only e-mail.
 */
export function countFailedMail(db: AppDatabase): number {
  return failedCount(db).get()!.failed;
}

export type OutboxSummary = ReturnType<typeof pageOfOutbox>['rows'][number];

/**
 * One page of messages without their bodies, newest first, after the message `after` (the first
 * page when it is gone, e.g. erased).
 */
export function pageOfOutbox(
  db: AppDatabase,
  options: { state?: OutboxState; after?: number; channel?: OutboxChannel },
) {
  const { state, after, channel = 'email' } = options;
  const limit = pageSize + 1;
  const cursor = after === undefined ? undefined : messagePosition(db).get({ id: after });
  const position = cursor ? { at: cursor.at.getTime(), id: after } : undefined;
  const rows = state
    ? position
      ? messagesInStateAfter(db).all({ channel, state, ...position, limit })
      : messagesInState(db).all({ channel, state, limit })
    : position
      ? allMessagesAfter(db).all({ channel, ...position, limit })
      : allMessages(db).all({ channel, limit });
  return pageOf(rows);
}

export function findOutboxMessage(db: AppDatabase, id: number): OutboxMessage | undefined {
  return db.select().from(outbox).where(eq(outbox.id, id)).get();
}

/** A page of texts with their (short) bodies: the list reads the bodies of the shown rows only. */
export function pageOfTexts(db: AppDatabase, options: { after?: number }) {
  const page = pageOfOutbox(db, { after: options.after, channel: 'sms' });
  const ids = page.rows.map((row) => row.id);
  const bodies = new Map(
    ids.length === 0
      ? []
      : db
          .select({ id: outbox.id, textBody: outbox.textBody })
          .from(outbox)
          .where(inArray(outbox.id, ids))
          .all()
          .map((row) => [row.id, row.textBody] as const),
  );
  return {
    ...page,
    rows: page.rows.map((row) => ({ ...row, textBody: bodies.get(row.id) ?? '' })),
  };
}
