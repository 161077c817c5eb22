import { organisationSettings } from '../../../db/schema';
import { immediateTransaction, type AppDatabase } from '../../db';
import { recordAudit, type Actor } from '../audit/audit-log';
import type { OrganisationInput } from './organisation-input';

/** Saves the one row of organisation settings (id 1) with its audit entry, in one transaction. */
export function saveOrganisationSettings(
  db: AppDatabase,
  change: { actor: Actor; settings: OrganisationInput; now: Date },
): void {
  const row = { ...change.settings, updatedAt: change.now };
  immediateTransaction(db, (tx) => {
    tx.insert(organisationSettings)
      .values({ id: 1, ...row })
      .onConflictDoUpdate({ target: organisationSettings.id, set: row })
      .run();
    recordAudit(
      tx,
      {
        actor: change.actor,
        action: 'update',
        subjectType: 'organisation-settings',
        subjectId: 1,
        detail: 'organisation settings changed',
      },
      change.now,
    );
  });
}
