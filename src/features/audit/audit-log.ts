import { and, asc, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import {
  applications,
  auditLog,
  enrollments,
  invitations,
  outbox,
  users,
  type StaffRole,
} from '../../../db/schema';
import { preparedFor, type AppDatabase, type DatabaseOrTransaction } from '../../db';
import { pageOf, pageSize, type Page } from '../../http/paging';
import type { AuditFilters } from './audit-filters';

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

/**
 * A read of a course's list of people (its roster, its attendance, the grid, the printed roster):
 * the entry names the course, and the person filter counts it for everyone enrolled on it.
 */
export function courseListRead(actor: Actor, courseId: number, detail: string): AuditEntry {
  return { actor, action: 'read', subjectType: 'course', subjectId: courseId, detail };
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

/**
 * The entries about one person (one application): those naming the application, one of its
 * enrolments, a message sent to them or their invitation (a letter), and the reads and exports
 * of the lists of a course they were enrolled on made after they applied (the log does not keep
 * who was on a list when it was read, so such a read counts for everyone enrolled on the course
 * at any time). Each branch is found through the (subject_type, subject_id, at) index, never by
 * reading the whole log.
 */
function aboutPerson(applicationId: number): SQL {
  const ofPerson = (column: SQLiteColumn, table: SQLiteTable, owner: SQLiteColumn) =>
    sql`${auditLog.subjectId} in (select ${column} from ${table} where ${owner} = ${applicationId})`;
  const personsCourses = sql`select ${enrollments.courseId} from ${enrollments} where ${enrollments.applicationId} = ${applicationId}`;
  const applied = sql`(select ${applications.createdAt} from ${applications} where ${applications.id} = ${applicationId})`;
  return or(
    and(eq(auditLog.subjectType, 'application'), eq(auditLog.subjectId, applicationId)),
    and(
      eq(auditLog.subjectType, 'enrollment'),
      ofPerson(enrollments.id, enrollments, enrollments.applicationId),
    ),
    and(
      eq(auditLog.subjectType, 'outbox-message'),
      ofPerson(outbox.id, outbox, outbox.applicationId),
    ),
    // Invitations are found by the person's courses (their index), then their own row.
    and(
      eq(auditLog.subjectType, 'invitation'),
      sql`${auditLog.subjectId} in (select ${invitations.id} from ${invitations} where ${invitations.courseId} in (${personsCourses}) and ${invitations.applicationId} = ${applicationId})`,
    ),
    and(
      eq(auditLog.subjectType, 'course'),
      sql`+${auditLog.action} in ('read', 'export')`,
      sql`${auditLog.subjectId} in (${personsCourses})`,
      gte(auditLog.at, applied),
    ),
  )!;
}

/**
 * A condition SQLite checks on the rows it finds but does not look up by (the unary `+` keeps it
 * off the column's index): the planner then walks the narrower index — a person's entries rather
 * than every read in the log.
 */
const checkedOnly = (column: SQLiteColumn, value: string | number) => sql`+${column} = ${value}`;

function conditionsOf(filters: AuditFilters): SQL[] {
  const conditions: SQL[] = [];
  const { person, actor, action } = filters;
  if (person !== undefined) conditions.push(aboutPerson(person));
  if (actor !== undefined) {
    conditions.push(
      person === undefined
        ? eq(auditLog.actorUserId, actor)
        : checkedOnly(auditLog.actorUserId, actor),
    );
  }
  if (action !== undefined) {
    conditions.push(
      person === undefined && actor === undefined
        ? eq(auditLog.action, action)
        : checkedOnly(auditLog.action, action),
    );
  }
  if (filters.from !== undefined) conditions.push(gte(auditLog.at, filters.from));
  if (filters.before !== undefined) conditions.push(lt(auditLog.at, filters.before));
  return conditions;
}

/**
 * One page of the entries that match the filters, newest first, after the entry `after`. Keyset
 * on (at, id) like the whole log: each filter has its index (migration 0021), so a page reads
 * what it shows, not the history before it. Built per request: five optional filters are too many
 * combinations to prepare each.
 */
export function pageOfFilteredAuditEntries(
  db: AppDatabase,
  filters: AuditFilters,
  after: number | undefined,
): Page<AuditLogRow> {
  const conditions = conditionsOf(filters);
  if (conditions.length === 0) return pageOfAuditEntries(db, after);
  const cursor = after === undefined ? undefined : entryPosition(db).get({ id: after });
  if (cursor) {
    conditions.push(sql`(${auditLog.at}, ${auditLog.id}) < (${cursor.at.getTime()}, ${after})`);
  }
  return pageOf(newestMatching(db, conditions, pageSize + 1));
}

function newestMatching(db: DatabaseOrTransaction, conditions: SQL[], limit: number) {
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(...newestFirst)
    .limit(limit)
    .all();
}

/**
 * "Who has opened my data": the audit entries about one person (an application id), newest first,
 * at most `limit` (default 500) — the same entries as the audit log's person filter. Each row
 * says who (`actorName`, `actorUserId`), when (`at`), what (`action`, `subjectType`, `detail`) and
 * which record (`subjectId`); none copies the person's data. Takes the database or a transaction,
 * so an export can read it in the transaction that records the export.
 */
export function auditEntriesAboutPerson(
  db: DatabaseOrTransaction,
  applicationId: number,
  { limit = 500 }: { limit?: number } = {},
): AuditLogRow[] {
  return newestMatching(db, conditionsOf({ person: applicationId }), limit);
}

export type StaffChoice = { id: number; name: string; role: StaffRole };

/** Every staff account, disabled ones too (their entries stay), for the "staff member" filter. */
export function listStaffChoices(db: AppDatabase): StaffChoice[] {
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .orderBy(asc(users.name), asc(users.id))
    .all();
}
