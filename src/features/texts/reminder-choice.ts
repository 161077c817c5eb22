import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import { applications, outbox } from '../../../db/schema';
import { immediateTransaction, type AppDatabase, type Transaction } from '../../db';
import { recordAudit, type Actor } from '../audit/audit-log';
import { isMobileNumber } from './sms-rules';

/** The one field of the stop/restart form: `yes` stops the texts, `no` turns them back on. */
export const reminderChoiceForm = z.object({ stopped: z.enum(['yes', 'no']) });

/** Whether reminder texts go to this person. */
export type ReminderChoice = 'on' | 'stopped';

/**
 * Stops or restarts a person's reminder texts. Stopping also drops the reminders queued for them
 * and not yet sent, so none goes out after they said no.
 */
export function setRemindersStoppedIn(
  tx: Transaction,
  applicationId: number,
  stopped: boolean,
  now: Date,
): void {
  tx.update(applications)
    .set({ remindersStoppedAt: stopped ? now : null, updatedAt: now })
    .where(eq(applications.id, applicationId))
    .run();
  if (!stopped) return;
  tx.delete(outbox)
    .where(
      and(
        eq(outbox.applicationId, applicationId),
        eq(outbox.channel, 'sms'),
        isNotNull(outbox.reminderSessionId),
        inArray(outbox.state, ['queued', 'retry']),
      ),
    )
    .run();
}

/** The person's own choice (personal link) or a staff member's on their behalf (audited). */
export function chooseReminders(
  db: AppDatabase,
  applicationId: number,
  choice: { stopped: boolean; now: Date; actor: Actor | null },
): void {
  immediateTransaction(db, (tx) => {
    setRemindersStoppedIn(tx, applicationId, choice.stopped, choice.now);
    if (choice.actor) {
      recordAudit(
        tx,
        {
          actor: choice.actor,
          action: 'update',
          subjectType: 'application',
          subjectId: applicationId,
          detail: choice.stopped ? 'reminders stopped' : 'reminders restarted',
        },
        choice.now,
      );
    }
  });
}

/** The person's choice, or null when they have no mobile number (no texts to stop). */
export function reminderChoiceOf(db: AppDatabase, applicationId: number): ReminderChoice | null {
  const row = db
    .select({ phone: applications.phone, stoppedAt: applications.remindersStoppedAt })
    .from(applications)
    .where(eq(applications.id, applicationId))
    .get();
  if (!row || !isMobileNumber(row.phone)) return null;
  return row.stoppedAt ? 'stopped' : 'on';
}
