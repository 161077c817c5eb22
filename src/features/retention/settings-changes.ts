import { retentionSettings } from '../../../db/schema';
import { immediateTransaction, type AppDatabase } from '../../db';
import { recordAudit, type Actor } from '../audit/audit-log';
import { longestCourseInDays } from './queries';
import { periodsShorterThanCourse } from './retention-rules';
import type { RetentionPeriods } from './retention-settings';

export type SettingsSaved =
  | { ok: true }
  /** Periods that would end before the longest course does, and that course's length in days. */
  | { ok: false; tooShort: (keyof RetentionPeriods)[]; longestDays: number };

/**
 * Saves the retention periods (the one row, id 1) with its audit entry, in one transaction; refused
 * when a period is shorter than the longest course, measured in the same transaction.
 */
export function saveRetentionSettings(
  db: AppDatabase,
  change: { actor: Actor; periods: RetentionPeriods; now: Date },
): SettingsSaved {
  return immediateTransaction(db, (tx) => {
    const longestDays = longestCourseInDays(tx);
    const tooShort = periodsShorterThanCourse(change.periods, longestDays);
    if (tooShort.length > 0) return { ok: false, tooShort, longestDays };
    const row = { ...change.periods, updatedAt: change.now };
    tx.insert(retentionSettings)
      .values({ id: 1, ...row })
      .onConflictDoUpdate({ target: retentionSettings.id, set: row })
      .run();
    recordAudit(
      tx,
      {
        actor: change.actor,
        action: 'update',
        subjectType: 'retention-settings',
        subjectId: 1,
        detail: 'retention periods changed',
      },
      change.now,
    );
    return { ok: true };
  });
}
