import { eq } from 'drizzle-orm';
import { retentionSettings } from '../../../db/schema';
import type { DatabaseOrTransaction } from '../../db';

/** How long each kind of personal data is kept; the privacy notices quote these figures. */
export type RetentionPeriods = Omit<typeof retentionSettings.$inferSelect, 'id' | 'updatedAt'>;

/** Until an admin saves the settings, the periods the county's data-collection principles set. */
export const defaultRetentionPeriods: RetentionPeriods = {
  participantMonths: 12,
  closedApplicationMonths: 6,
  sentMailDays: 90,
  candidateMonths: 12,
  auditYears: 5,
};

export function retentionPeriods(db: DatabaseOrTransaction): RetentionPeriods {
  return (
    db
      .select({
        participantMonths: retentionSettings.participantMonths,
        closedApplicationMonths: retentionSettings.closedApplicationMonths,
        sentMailDays: retentionSettings.sentMailDays,
        candidateMonths: retentionSettings.candidateMonths,
        auditYears: retentionSettings.auditYears,
      })
      .from(retentionSettings)
      .where(eq(retentionSettings.id, 1))
      .get() ?? defaultRetentionPeriods
  );
}
