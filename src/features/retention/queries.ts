import { desc, sql, type SQL } from 'drizzle-orm';
import { programs, retentionRuns, type ApplicationState } from '../../../db/schema';
import type { DatabaseOrTransaction } from '../../db';
import {
  applicationDue,
  auditCutoff,
  candidateDue,
  feedbackDue as feedbackRule,
  latestStartDueBy,
  longestCourseDays,
  mailBodyDue,
  plus,
  type ApplicationFacts,
  type CandidateFacts,
  type DueItem,
  type DueRule,
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
 * A course's end for retention (over `courses c`, joined directly: a joined subquery of all courses'
 * ends took four times as long on national data): when it was cancelled, or its last scheduled session's end (null
 * for a course with no scheduled session, which is then never due).
 */
const courseEnd = sql`case when c.status = 'cancelled' then c.updated_at else (
  select max(s.ends_at) from course_sessions s where s.course_id = c.id and s.status = 'scheduled'
) end`;

/** A row the rules give a due rule; whether it is due by a moment is the caller's question. */
export type Due<Facts> = Facts & { id: number; rule: DueRule };

function withRules<Facts>(
  rows: (Facts & { id: number })[],
  ruleOf: (facts: Facts) => DueRule | null,
) {
  const due: Due<Facts>[] = [];
  for (const row of rows) {
    const rule = ruleOf(row);
    if (rule !== null) due.push({ ...row, rule });
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
      max(${courseEnd}) as lastCourseEnd,
      coalesce(sum(e.id is not null and ${courseEnd} is null), 0) as coursesWithoutEnd
    from applications a
    left join enrollments e on e.application_id = a.id
    left join courses c on c.id = e.course_id
    where a.anonymised_at is null and a.state in ('placed', 'closed')
      and ${idIn(sql`a.id`, scope.ids)}
    group by a.id
    having (a.state = 'closed' and everPlaced = 0 and a.updated_at <= ${closedBound})
      or (coursesWithoutEnd = 0 and lastCourseEnd <= ${endedBound})`);
  return withRules(
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
    (facts) => applicationDue(facts, periods),
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
  return withRules(
    rows.map((row) => ({
      id: row.id,
      state: row.state,
      anonymisedAt: null,
      instructorId: null,
      updatedAt: new Date(row.updatedAt),
    })),
    (facts) => candidateDue(facts, periods),
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
    where f.free_text_emptied = 0 and ${idIn(sql`c.id`, scope.ids)}
    group by c.id
    having courseEnd <= ${bound}`);
  return withRules(
    rows.map((row) => ({ id: row.id, answers: row.answers, courseEnd: instant(row.courseEnd) })),
    (facts) => feedbackRule(facts.courseEnd, periods),
  );
}

/** Whose message it is, when it is a participant's or a candidate's. */
export type MailOwner = { applicationId: number | null; candidateId: number | null };

export function mailBodiesDue(
  db: DatabaseOrTransaction,
  periods: RetentionPeriods,
  scope: Scope,
): Due<MailFacts & MailOwner>[] {
  const bound = latestStartDueBy(scope.horizon, { days: periods.sentMailDays }).getTime();
  const rows = db.all<
    {
      id: number;
      state: MailFacts['state'];
      sentAt: number | null;
      createdAt: number;
    } & MailOwner
  >(sql`
    select id, state, sent_at as sentAt, created_at as createdAt,
      application_id as applicationId, candidate_id as candidateId from outbox
    where body_pruned_at is null and ${idIn(sql`id`, scope.ids)}
      and ((state = 'sent' and sent_at <= ${bound}) or (state = 'failed' and created_at <= ${bound}))`);
  return withRules(
    rows.map((row) => ({
      id: row.id,
      state: row.state,
      bodyPrunedAt: null,
      sentAt: instant(row.sentAt),
      createdAt: new Date(row.createdAt),
      applicationId: row.applicationId,
      candidateId: row.candidateId,
    })),
    (facts) => mailBodyDue(facts, periods),
  );
}

/**
 * Audit rows becoming due after `now` and by `horizon`, counted per hour of their time (a Helsinki
 * day is whole hours); what is due now is counted on its own (`auditRowsDueNow`).
 */
function auditRowsBecomingDue(
  db: DatabaseOrTransaction,
  periods: RetentionPeriods,
  now: Date,
  horizon: Date,
) {
  const from = auditCutoff(now, periods).getTime();
  const to = auditCutoff(horizon, periods).getTime();
  return db
    .all<{ hour: number; rows: number }>(
      sql`select at / 3600000 as hour, count(*) as rows from audit_log
        where at >= ${from} and at < ${to} group by hour`,
    )
    .map((bucket): DueItem => ({
      kind: 'auditRows',
      // An hour is due whole only by its end: take the end, never early.
      rule: {
        after: new Date((bucket.hour + 1) * 3_600_000 - 1),
        span: { years: periods.auditYears },
      },
      count: bucket.rows,
    }));
}

/** Everything due by `days` from now, as items for the admin page's schedule (audit rows: after now). */
export function dueItems(
  db: DatabaseOrTransaction,
  periods: RetentionPeriods,
  now: Date,
  days: number,
): DueItem[] {
  const scope = { horizon: plus(now, { days }) };
  const items: DueItem[] = [];
  for (const row of applicationsDue(db, periods, scope)) {
    items.push({ kind: 'applications', rule: row.rule, count: 1 });
  }
  for (const row of candidatesDue(db, periods, scope)) {
    items.push({ kind: 'candidates', rule: row.rule, count: 1 });
  }
  for (const row of mailBodiesDue(db, periods, scope)) {
    items.push({ kind: 'mailBodies', rule: row.rule, count: 1 });
  }
  for (const row of feedbackDue(db, periods, scope)) {
    items.push({ kind: 'feedbackTexts', rule: row.rule, count: row.answers });
  }
  items.push(...auditRowsBecomingDue(db, periods, now, scope.horizon));
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
