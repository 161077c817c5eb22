import { desc } from 'drizzle-orm';
import { auditLog } from '../../../db/schema';
import type { AppDatabase, DatabaseOrTransaction } from '../../db';
import type { SignedInUser } from '../../http/app-env';

export type AuditEntry = {
  actor: Pick<SignedInUser, 'id' | 'name'>;
  action: 'read' | 'create' | 'update' | 'delete';
  /** What kind of record: 'instructor', 'staff-user', 'invitation', 'outbox-message'. */
  subjectType: string;
  /** The record's id; none when a list was read. */
  subjectId?: number;
  detail?: string;
};

/** Writes in the caller's transaction, so a change and its audit entry are saved together. */
export function recordAudit(db: DatabaseOrTransaction, entry: AuditEntry, at: Date): void {
  db.insert(auditLog)
    .values({
      at,
      actorUserId: entry.actor.id,
      actorName: entry.actor.name,
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId ?? null,
      detail: entry.detail ?? '',
    })
    .run();
}

/** A change to a staff account (disabled, password reset, two-step on…), named in `detail`. */
export function staffAccountChange(
  actor: AuditEntry['actor'],
  detail: string,
  subjectId = actor.id,
): AuditEntry {
  return { actor, action: 'update', subjectType: 'staff-user', subjectId, detail };
}

export function listAuditEntries(db: AppDatabase, limit: number) {
  return db
    .select()
    .from(auditLog)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit)
    .all();
}
