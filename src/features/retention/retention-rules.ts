import { DateTime, IANAZone } from 'luxon';
import type { ApplicationState, CandidateState, OutboxState } from '../../../db/schema';
import { daysBetween, type LocalDate } from '../../lib/helsinki-time';
import type { RetentionPeriods } from './retention-settings';

/**
 * When each kind of personal data is due to go, as plain functions from facts to a rule, "due this
 * long after that" (null: not due under the facts as they are). The job does what is due now; the admin page shows what
 * becomes due in the next days. Months, days and years are counted on Helsinki calendars, so
 * "12 months after the course ended on 10 Nov 2026" is 10 Nov 2027, summer time or not.
 */

const helsinki = IANAZone.create('Europe/Helsinki');

const inHelsinki = (instant: Date) => DateTime.fromJSDate(instant, { zone: helsinki });

/** A retention period: months, days or years on the Helsinki calendar. */
export type Span = { months?: number; days?: number; years?: number };

/** Something is due `span` after `after`. */
export type DueRule = { after: Date; span: Span };

export function plus(instant: Date, span: Span): Date {
  return inHelsinki(instant).plus(span).toJSDate();
}

export function minus(instant: Date, span: Span): Date {
  return inHelsinki(instant).minus(span).toJSDate();
}

/** When the rule's period has passed. */
export function dueAt(rule: DueRule): Date {
  return plus(rule.after, rule.span);
}

/** The Helsinki date an instant falls on: the day a run belongs to, the day something is due. */
export function helsinkiDateOf(instant: Date): LocalDate {
  return inHelsinki(instant).toFormat('yyyy-MM-dd');
}

const hour = 3_600_000;
/** How far past `horizon − span` a start may still be due: a clamped month end, a clock change. */
const boundaryWindow = 4 * 24 * hour;

/**
 * A bound for the database's prefilter: nothing counted from after it can be due by `horizon`.
 */
export function latestStartDueBy(horizon: Date, span: Span): Date {
  return new Date(minus(horizon, span).getTime() + boundaryWindow);
}

/**
 * Whether a rule is due by `horizon`, deciding by `horizon − span` and calling the calendar only
 * for the few days around it: calendar arithmetic costs tens of microseconds a call, which made
 * reading a national database's 30,000 due applications take seconds. Starting two hours before
 * `horizon − span` is always due (months keep the wall clock and clamp to shorter months, and the
 * clock changes move an instant by an hour at most); starting after the window never is.
 */
export function dueByChecker(horizon: Date): (rule: DueRule) => boolean {
  const surelyDue = new Map<string, number>();
  return (rule) => {
    const key = `${rule.span.months ?? 0}/${rule.span.days ?? 0}/${rule.span.years ?? 0}`;
    let bound = surelyDue.get(key);
    if (bound === undefined) {
      bound = minus(horizon, rule.span).getTime() - 2 * hour;
      surelyDue.set(key, bound);
    }
    const after = rule.after.getTime();
    if (after <= bound) return true;
    if (after > bound + 2 * hour + boundaryWindow) return false;
    return dueAt(rule) <= horizon;
  };
}

/** What the database knows of one application, with its enrolments' courses summed up. */
export type ApplicationFacts = {
  state: ApplicationState;
  anonymisedAt: Date | null;
  /** When it was last changed: for a closed application, when it was closed. */
  updatedAt: Date;
  enrolments: number;
  /** An enrolment ever got a seat (placedAt set). */
  everPlaced: boolean;
  /** The latest end among the courses it was enrolled on (null when none has an end). */
  lastCourseEnd: Date | null;
  /** Courses it was enrolled on that have no end yet (no scheduled session and not cancelled). */
  coursesWithoutEnd: number;
};

/**
 * A participant's application is due `participantMonths` after the last of their courses ended;
 * an application closed without ever getting a place, `closedApplicationMonths` after it was
 * closed. Someone still waiting or on the call queue is never due, nor anyone anonymised already.
 */
export function applicationDue(facts: ApplicationFacts, periods: RetentionPeriods): DueRule | null {
  if (facts.anonymisedAt !== null) return null;
  if (facts.state === 'waiting' || facts.state === 'to-call') return null;
  if (facts.state === 'closed' && !facts.everPlaced) {
    return { after: facts.updatedAt, span: { months: periods.closedApplicationMonths } };
  }
  if (facts.enrolments === 0 || facts.coursesWithoutEnd > 0 || facts.lastCourseEnd === null) {
    return null;
  }
  return { after: facts.lastCourseEnd, span: { months: periods.participantMonths } };
}

/** The free texts of a course's feedback go with its participants, counted from its end. */
export function feedbackDue(courseEnd: Date | null, periods: RetentionPeriods): DueRule | null {
  return courseEnd === null
    ? null
    : { after: courseEnd, span: { months: periods.participantMonths } };
}

export type CandidateFacts = {
  state: CandidateState;
  anonymisedAt: Date | null;
  updatedAt: Date;
  /** The instructor record they became; it stays, and so do they, while it exists. */
  instructorId: number | null;
};

/** A candidate who dropped or completed, and is not an instructor, goes after `candidateMonths`. */
export function candidateDue(facts: CandidateFacts, periods: RetentionPeriods): DueRule | null {
  if (facts.anonymisedAt !== null || facts.instructorId !== null) return null;
  if (facts.state !== 'dropped' && facts.state !== 'completed') return null;
  return { after: facts.updatedAt, span: { months: periods.candidateMonths } };
}

export type MailFacts = {
  state: OutboxState;
  bodyPrunedAt: Date | null;
  sentAt: Date | null;
  createdAt: Date;
};

/**
 * A sent message's body goes `sentMailDays` after it was sent; a failed one's after it was
 * written. Messages still on their way are never due.
 */
export function mailBodyDue(facts: MailFacts, periods: RetentionPeriods): DueRule | null {
  if (facts.bodyPrunedAt !== null) return null;
  const span = { days: periods.sentMailDays };
  if (facts.state === 'sent') return { after: facts.sentAt ?? facts.createdAt, span };
  if (facts.state === 'failed') return { after: facts.createdAt, span };
  return null;
}

/** Audit rows from before this instant are due (calendar years, never fewer days than 365 each). */
export function auditCutoff(now: Date, periods: RetentionPeriods): Date {
  return minus(now, { years: periods.auditYears });
}

/** The kinds of work, in the order every table on the page lists them. */
const retentionKinds = [
  'applications',
  'candidates',
  'mailBodies',
  'feedbackTexts',
  'auditRows',
] as const;
export type RetentionKind = (typeof retentionKinds)[number];
export type RetentionCounts = Record<RetentionKind, number>;

export const noCounts = (): RetentionCounts =>
  Object.fromEntries(retentionKinds.map((kind) => [kind, 0])) as RetentionCounts;

/** Something becoming due: of one kind, by its rule, this many rows. */
export type DueItem = { kind: RetentionKind; rule: DueRule; count: number };

/** What is due now, and what becomes due on each Helsinki date of the next `days` days. */
export function dueSchedule(
  items: Iterable<DueItem>,
  now: Date,
  days = 30,
): { now: RetentionCounts; upcoming: { date: LocalDate; counts: RetentionCounts }[] } {
  const dueNow = noCounts();
  const isDueNow = dueByChecker(now);
  const isDueByHorizon = dueByChecker(plus(now, { days }));
  const byDate = new Map<LocalDate, RetentionCounts>();
  for (const item of items) {
    if (isDueNow(item.rule)) {
      dueNow[item.kind] += item.count;
    } else if (isDueByHorizon(item.rule)) {
      const date = helsinkiDateOf(dueAt(item.rule));
      const counts = byDate.get(date) ?? noCounts();
      counts[item.kind] += item.count;
      byDate.set(date, counts);
    }
  }
  const upcoming = [...byDate]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, counts]) => ({ date, counts }));
  return { now: dueNow, upcoming };
}

/**
 * How long the longest course lasts, in days from its first session's day to its last one's
 * (both counted): of the courses in the database, and of the programs as planned (sessions every
 * interval weeks), whichever is longer, so a new program's first course is covered too.
 */
export function longestCourseDays(
  courses: { firstDate: LocalDate; lastDate: LocalDate }[],
  programs: { sessionCount: number; intervalWeeks: number }[],
): number {
  const held = courses.map((course) => daysBetween(course.firstDate, course.lastDate) + 1);
  const planned = programs.map(
    (program) => Math.max(program.sessionCount - 1, 0) * program.intervalWeeks * 7 + 1,
  );
  return Math.max(0, ...held, ...planned);
}

export const periodFields = [
  'participantMonths',
  'closedApplicationMonths',
  'sentMailDays',
  'candidateMonths',
  'auditYears',
] as const satisfies readonly (keyof RetentionPeriods)[];

/**
 * The periods that would end before the longest course does: data of people on a course must
 * outlive the course. A month counts as its shortest, 28 days, so no month is ever too generous.
 */
export function periodsShorterThanCourse(
  periods: RetentionPeriods,
  longestDays: number,
): (keyof RetentionPeriods)[] {
  const asDays: Partial<Record<keyof RetentionPeriods, number>> = {
    participantMonths: periods.participantMonths * 28,
    closedApplicationMonths: periods.closedApplicationMonths * 28,
    candidateMonths: periods.candidateMonths * 28,
    sentMailDays: periods.sentMailDays,
  };
  return periodFields.filter((field) => (asDays[field] ?? Infinity) < longestDays);
}
