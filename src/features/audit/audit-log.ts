import { desc, eq, sql } from 'drizzle-orm';
import { auditLog } from '../../../db/schema';
import { preparedFor, type AppDatabase, type DatabaseOrTransaction } from '../../db';
import { pageOf, pageSize, type Page } from '../../http/paging';

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

const newestFirst = [desc(auditLog.at), desc(auditLog.id)];

const firstEntries = preparedFor((db) =>
  db
    .select()
    .from(auditLog)
    .orderBy(...newestFirst)
    .limit(sql.placeholder('limit'))
    .prepare(),
);

/** The row-value comparison walks the (at, id) index from the cursor on; it never reads older pages. */
const entriesAfter = preparedFor((db) =>
  db
    .select()
    .from(auditLog)
    .where(
      sql`(${auditLog.at}, ${auditLog.id}) < (${sql.placeholder('at')}, ${sql.placeholder('id')})`,
    )
    .orderBy(...newestFirst)
    .limit(sql.placeholder('limit'))
    .prepare(),
);

const entryPosition = preparedFor((db) =>
  db
    .select({ at: auditLog.at })
    .from(auditLog)
    .where(eq(auditLog.id, sql.placeholder('id')))
    .prepare(),
);

export type AuditLogRow = typeof auditLog.$inferSelect;

/** One page of the log, newest first, after the entry `after` (the first page when it is gone). */
export function pageOfAuditEntries(db: AppDatabase, after: number | undefined): Page<AuditLogRow> {
  const limit = pageSize + 1;
  const cursor = after === undefined ? undefined : entryPosition(db).get({ id: after });
  const rows = cursor
    ? entriesAfter(db).all({ at: cursor.at.getTime(), id: after, limit })
    : firstEntries(db).all({ limit });
  return pageOf(rows);
}
