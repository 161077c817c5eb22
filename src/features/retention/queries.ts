import { desc, sql, type SQL } from 'drizzle-orm';
import { programs, retentionRuns, type ApplicationState } from '../../../db/schema';
import type { DatabaseOrTransaction } from '../../db';
import {
  applicationDueAt,
  auditCutoff,
  candidateDueAt,
  feedbackDueAt,
  latestStartDueBy,
  longestCourseDays,
  mailBodyDueAt,
  plusDays,
  plusYears,
  type ApplicationFacts,
  type CandidateFacts,
  type DueItem,
  type MailFacts,
} from './retention-rules';
import type { RetentionPeriods } from './retention-settings';

/**
 * The facts the retention rules decide on, read with a prefilter that can only leave out what is
 * not due by `horizon` (the rules then decide exactly). `ids` narrows a read to one batch, so a
 * batch's transaction checks again what it is about to change.
 */
export type Scope = { horizon: Date; ids?: number[] };

const instant = (ms: number | null) => (ms === null ? null : new Date(ms));
const idIn = (column: SQL, ids: number[] | undefined) =>
  ids === undefined
    ? sql`1`
    : sql`${column} in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`;

/**
 * A course's end for retention: when it was cancelled, or its last scheduled session's end (null
 * for a course with no scheduled session, which is then never due).
 */
const courseEnd = sql`case when c.status = 'cancelled' then c.updated_at else (
  select max(s.ends_at) from course_sessions s where s.course_id = c.id and s.status = 'scheduled'
) end`;

export type Due<Facts> = Facts & { id: number; dueAt: Date };

function dueBy<Facts>(rows: (Facts & { id: number })[], dueAt: (facts: Facts) => Date | null) {
  const due: Due<Facts>[] = [];
  for (const row of rows) {
    const at = dueAt(row);
    if (at !== null) due.push({ ...row, dueAt: at });
  }
  return due;
}

export function applicationsDue(
  db: DatabaseOrTransaction,
  periods: RetentionPeriods,
  scope: Scope,
): Due<ApplicationFacts>[] {
  const closedBound = latestStartDueBy(scope.horizon, {
    months: periods.closedApplicationMonths,
  }).getTime();
  const endedBound = latestStartDueBy(scope.horizon, {
    months: periods.participantMonths,
  }).getTime();
  const rows = db.all<{
    id: number;
    state: ApplicationState;
    updatedAt: number;
    enrolments: number;
    everPlaced: number;
    lastCourseEnd: number | null;
    coursesWithoutEnd: number;
  }>(sql`
    select a.id, a.state, a.updated_at as updatedAt, count(e.id) as enrolments,
      coalesce(max(e.placed_at is not null), 0) as everPlaced,
      max(ce.ended_at) as lastCourseEnd,
      coalesce(sum(e.id is not null and ce.ended_at is null), 0) as coursesWithoutEnd
    from applications a
    left join enrollments e on e.application_id = a.id
    left join (select c.id as course_id, ${courseEnd} as ended_at from courses c) ce
      on ce.course_id = e.course_id
    where a.anonymised_at is null and a.state in ('placed', 'closed')
      and ${idIn(sql`a.id`, scope.ids)}
    group by a.id
    having (a.state = 'closed' and everPlaced = 0 and a.updated_at <= ${closedBound})
      or (coursesWithoutEnd = 0 and lastCourseEnd <= ${endedBound})`);
  return dueBy(
    rows.map((row) => ({
      id: row.id,
      state: row.state,
      anonymisedAt: null,
      updatedAt: new Date(row.updatedAt),
      enrolments: row.enrolments,
      everPlaced: row.everPlaced === 1,
      lastCourseEnd: instant(row.lastCourseEnd),
      coursesWithoutEnd: row.coursesWithoutEnd,
    })),
    (facts) => applicationDueAt(facts, periods),
  );
}

export function candidatesDue(
  db: DatabaseOrTransaction,
  periods: RetentionPeriods,
  scope: Scope,
): Due<CandidateFacts>[] {
  const bound = latestStartDueBy(scope.horizon, { months: periods.candidateMonths }).getTime();
  const rows = db.all<{ id: number; state: CandidateFacts['state']; updatedAt: number }>(sql`
    select id, state, updated_at as updatedAt from training_candidates
    where anonymised_at is null and instructor_id is null and state in ('dropped', 'completed')
      and updated_at <= ${bound} and ${idIn(sql`id`, scope.ids)}`);
  return dueBy(
    rows.map((row) => ({
      id: row.id,
      state: row.state,
      anonymisedAt: null,
      instructorId: null,
      updatedAt: new Date(row.updatedAt),
    })),
    (facts) => candidateDueAt(facts, periods),
  );
}

/** Courses whose feedback still has free texts, with how many answers hold them. */
export function feedbackDue(
  db: DatabaseOrTransaction,
  periods: RetentionPeriods,
  scope: Scope,
): Due<{ answers: number }>[] {
  const bound = latestStartDueBy(scope.horizon, { months: periods.participantMonths }).getTime();
  const rows = db.all<{ id: number; courseEnd: number | null; answers: number }>(sql`
    select c.id, ${courseEnd} as courseEnd, count(f.id) as answers
    from course_feedback f join courses c on c.id = f.course_id
    where f.free_text_emptied_at is null and ${idIn(sql`c.id`, scope.ids)}
    group by c.id
    having courseEnd <= ${bound}`);
  return dueBy(
    rows.map((row) => ({ id: row.id, answers: row.answers, courseEnd: instant(row.courseEnd) })),
    (facts) => feedbackDueAt(facts.courseEnd, periods),
  );
}

export function mailBodiesDue(
  db: DatabaseOrTransaction,
  periods: RetentionPeriods,
  scope: Scope,
): Due<MailFacts>[] {
  const bound = latestStartDueBy(scope.horizon, { days: periods.sentMailDays }).getTime();
  const rows = db.all<{
    id: number;
    state: MailFacts['state'];
    sentAt: number | null;
    createdAt: number;
  }>(sql`
    select id, state, sent_at as sentAt, created_at as createdAt from outbox
    where body_pruned_at is null and ${idIn(sql`id`, scope.ids)}
      and ((state = 'sent' and sent_at <= ${bound}) or (state = 'failed' and created_at <= ${bound}))`);
  return dueBy(
    rows.map((row) => ({
      id: row.id,
      state: row.state,
      bodyPrunedAt: null,
      sentAt: instant(row.sentAt),
      createdAt: new Date(row.createdAt),
    })),
    (facts) => mailBodyDueAt(facts, periods),
  );
}

/** Audit rows due by `horizon`, counted per hour of their time (a Helsinki day is whole hours). */
function auditRowsDue(db: DatabaseOrTransaction, periods: RetentionPeriods, horizon: Date) {
  const cutoff = auditCutoff(horizon, periods).getTime();
  return db
    .all<{ hour: number; rows: number }>(
      sql`select at / 3600000 as hour, count(*) as rows from audit_log where at < ${cutoff} group by hour`,
    )
    .map((bucket): DueItem => {
      // An hour whose start is due is due whole only by its end: take the end, never early.
      const dueAt = plusYears(new Date((bucket.hour + 1) * 3_600_000 - 1), periods.auditYears);
      return { kind: 'auditRows', dueAt, count: bucket.rows };
    });
}

/** Everything due by `days` from now, as items for the admin page's schedule. */
export function dueItems(
  db: DatabaseOrTransaction,
  periods: RetentionPeriods,
  now: Date,
  days: number,
): DueItem[] {
  const scope = { horizon: plusDays(now, days) };
  const items: DueItem[] = [];
  for (const row of applicationsDue(db, periods, scope)) {
    items.push({ kind: 'applications', dueAt: row.dueAt, count: 1 });
  }
  for (const row of candidatesDue(db, periods, scope)) {
    items.push({ kind: 'candidates', dueAt: row.dueAt, count: 1 });
  }
  for (const row of mailBodiesDue(db, periods, scope)) {
    items.push({ kind: 'mailBodies', dueAt: row.dueAt, count: 1 });
  }
  for (const row of feedbackDue(db, periods, scope)) {
    items.push({ kind: 'feedbackTexts', dueAt: row.dueAt, count: row.answers });
  }
  items.push(...auditRowsDue(db, periods, scope.horizon));
  return items;
}

/** Audit rows the job deletes now: older than the audit period in calendar years. */
export function auditRowsDueNow(
  db: DatabaseOrTransaction,
  periods: RetentionPeriods,
  now: Date,
): number {
  const cutoff = auditCutoff(now, periods).getTime();
  return db.get<{ rows: number }>(sql`select count(*) as rows from audit_log where at < ${cutoff}`)!
    .rows;
}

/** The longest course in days: the longest held or planned one, and the longest program. */
export function longestCourseInDays(db: DatabaseOrTransaction): number {
  const longestHeld = db.all<{ firstDate: string; lastDate: string }>(sql`
    select min(local_date) as firstDate, max(local_date) as lastDate from course_sessions
    where status = 'scheduled' group by course_id
    order by julianday(max(local_date)) - julianday(min(local_date)) desc limit 1`);
  const plans = db
    .select({ sessionCount: programs.sessionCount, intervalWeeks: programs.intervalWeeks })
    .from(programs)
    .all();
  return longestCourseDays(longestHeld, plans);
}

export type RetentionRun = typeof retentionRuns.$inferSelect;

export function lastRuns(db: DatabaseOrTransaction, limit = 10): RetentionRun[] {
  return db.select().from(retentionRuns).orderBy(desc(retentionRuns.runOn)).limit(limit).all();
}
