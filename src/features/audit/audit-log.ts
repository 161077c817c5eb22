import { desc } from 'drizzle-orm';
import { auditLog } from '../../../db/schema';
import type { AppDatabase, DatabaseOrTransaction } from '../../db';

/** Who acts: a signed-in staff member, or the system itself (demo data, scripts) with no id. */
export type Actor = { id: number | null; name: string };

/** Changes made by the application itself, e.g. loading the demo data. */
export const systemActor: Actor = { id: null, name: 'Kurssipolku' };

export type AuditEntry = {
  actor: Actor;
  /** 'export': personal data written to a file that leaves the application (a CSV). */
  action: 'read' | 'create' | 'update' | 'delete' | 'export';
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
  subjectId = actor.id ?? undefined,
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
