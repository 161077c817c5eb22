import type { DatabaseOrTransaction } from '../../db';
import { organisationContact, type OrganisationContact } from '../organisation/queries';
import { retentionPeriods, type RetentionPeriods } from '../retention/retention-settings';

/** What every privacy notice quotes: who the controller is and the retention periods in force. */
export type PrivacyFacts = { contact: OrganisationContact; periods: RetentionPeriods };

export function privacyFacts(db: DatabaseOrTransaction): PrivacyFacts {
  return { contact: organisationContact(db), periods: retentionPeriods(db) };
}
