import { and, asc, between, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { union } from 'drizzle-orm/sqlite-core';
import {
  applications,
  attendance,
  courseInstructors,
  courseSessions,
  callAttempts,
  courses,
  dropOutReasons,
  enrollments,
  interviews,
  localities,
  programs,
  sessionLeaders,
  terms,
  trainingCandidates,
  applicationSources,
  type Audience,
  type CourseStatus,
  type DropOutReason,
} from '../../../db/schema';
import type { AppDatabase } from '../../db';
import type { Language } from '../../i18n';
import { programName } from '../../i18n/format';

type ApplicationSource = (typeof applicationSources)[number];

/**
 * The term report's real numbers, per course; the "< 5" rule is applied only when they are shown.
 * Applications are counted through the course's enrolments (a person who got a seat or a
 * waitlist place on it), so an application counts for the course it ended up on, not the one it
 * first asked for. Each figure family is one GROUP BY query over the whole term.
 */
export type CourseFigures = {
  courseId: number;
  title: string;
  locality: string;
  audience: Audience;
  status: CourseStatus;
  seats: number;
  bySource: Record<ApplicationSource, number>;
  applications: number;
  reached: number;
  notReached: number;
  /** Ever given a seat (placedAt set), whatever happened afterwards. */
  placed: number;
  /** Placed and present at one session at least. */
  started: number;
  completed: number;
  dropOuts: Record<DropOutReason, number>;
  /**
   * Waiting for a seat when the first session began: queued before it, not yet placed and not
   * withdrawn by then. Derived from the enrolment's own times, so no history table is needed.
   */
  waitlistAtStart: number;
  /** Holding a seat now: placed, or completed once the course is closed. */
  seatsFilled: number;
};

export type TermHeading = { id: number; name: string; startsOn: string; endsOn: string };

export function findTerm(db: AppDatabase, termId: number): TermHeading | undefined {
  return db
    .select({ id: terms.id, name: terms.name, startsOn: terms.startsOn, endsOn: terms.endsOn })
    .from(terms)
    .where(eq(terms.id, termId))
    .get();
}

export function listTerms(db: AppDatabase): TermHeading[] {
  return db
    .select({ id: terms.id, name: terms.name, startsOn: terms.startsOn, endsOn: terms.endsOn })
    .from(terms)
    .orderBy(asc(terms.startsOn))
    .all();
}

const sourcesZero = (): Record<ApplicationSource, number> => ({ public: 0, referral: 0, phone: 0 });
const dropOutsZero = () =>
  Object.fromEntries(dropOutReasons.map((reason) => [reason, 0])) as Record<DropOutReason, number>;

/** Every people figure at zero: a course (or group) with nobody yet. */
function noPeople() {
  return {
    bySource: sourcesZero(),
    applications: 0,
    reached: 0,
    notReached: 0,
    placed: 0,
    started: 0,
    completed: 0,
    dropOuts: dropOutsZero(),
    waitlistAtStart: 0,
    seatsFilled: 0,
  };
}

export function termCourseFigures(
  db: AppDatabase,
  termId: number,
  language: Language,
): CourseFigures[] {
  const courseRows = db
    .select({
      courseId: courses.id,
      nameFi: programs.nameFi,
      nameSv: programs.nameSv,
      nameEn: programs.nameEn,
      locality: localities.name,
      audience: courses.audience,
      status: courses.status,
      seats: programs.maxParticipants,
    })
    .from(courses)
    .innerJoin(programs, eq(programs.id, courses.programId))
    .innerJoin(localities, eq(localities.id, courses.localityId))
    .where(eq(courses.termId, termId))
    .orderBy(asc(localities.name), asc(courses.id))
    .all();
  const figures = new Map<number, CourseFigures>(
    courseRows.map((row) => [
      row.courseId,
      {
        courseId: row.courseId,
        title: programName(row, language),
        locality: row.locality,
        audience: row.audience,
        status: row.status,
        ...noPeople(),
        seats: row.seats,
      },
    ]),
  );
  const inTerm = eq(courses.termId, termId);

  const sources = db
    .select({
      courseId: enrollments.courseId,
      source: applications.source,
      count: sql<number>`count(*)`,
    })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .innerJoin(applications, eq(applications.id, enrollments.applicationId))
    .where(inTerm)
    .groupBy(enrollments.courseId, applications.source)
    .all();
  for (const row of sources) {
    const course = figures.get(row.courseId)!;
    course.bySource[row.source] = row.count;
    course.applications += row.count;
  }

  const firstSessions = db
    .select({
      courseId: courseSessions.courseId,
      startsAt: sql<number>`min(${courseSessions.startsAt})`.as('first_starts_at'),
    })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .where(and(inTerm, eq(courseSessions.status, 'scheduled')))
    .groupBy(courseSessions.courseId)
    .as('first_sessions');
  const waitingAtFirstSession = sql`${firstSessions.startsAt} is not null
    and ${enrollments.queuedAt} <= ${firstSessions.startsAt}
    and coalesce(${enrollments.placedAt} > ${firstSessions.startsAt}, 1)
    and coalesce(${enrollments.withdrawnAt} > ${firstSessions.startsAt}, 1)`;
  // Reached: a call that got through, or an interview (held on the phone, so they were reached).
  const reachedApplication = sql`(exists (select 1 from ${callAttempts} where ${callAttempts.applicationId} = ${enrollments.applicationId} and ${callAttempts.outcome} = 'reached')
    or exists (select 1 from ${interviews} where ${interviews.applicationId} = ${enrollments.applicationId}))`;
  const seatFigures = db
    .select({
      courseId: enrollments.courseId,
      placed: sql<number>`sum(${enrollments.placedAt} is not null)`,
      completed: sql<number>`sum(${enrollments.state} = 'completed')`,
      seatsFilled: sql<number>`sum(${enrollments.state} in ('placed', 'completed'))`,
      reached: sql<number>`sum(${reachedApplication})`,
      waitlistAtStart: sql<number>`sum(${waitingAtFirstSession})`,
    })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .leftJoin(firstSessions, eq(firstSessions.courseId, enrollments.courseId))
    .where(inTerm)
    .groupBy(enrollments.courseId)
    .all();
  for (const row of seatFigures) {
    const course = figures.get(row.courseId)!;
    course.placed = row.placed;
    course.completed = row.completed;
    course.seatsFilled = row.seatsFilled;
    course.reached = row.reached;
    course.waitlistAtStart = row.waitlistAtStart;
  }

  const started = db
    .select({
      courseId: enrollments.courseId,
      count: sql<number>`count(distinct ${enrollments.id})`,
    })
    .from(attendance)
    .innerJoin(enrollments, eq(enrollments.id, attendance.enrollmentId))
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(and(inTerm, eq(attendance.mark, 'present'), isNotNull(enrollments.placedAt)))
    .groupBy(enrollments.courseId)
    .all();
  for (const row of started) figures.get(row.courseId)!.started = row.count;

  const dropOuts = db
    .select({
      courseId: enrollments.courseId,
      reason: enrollments.dropOutReason,
      count: sql<number>`count(*)`,
    })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(and(inTerm, ne(enrollments.dropOutReason, '')))
    .groupBy(enrollments.courseId, enrollments.dropOutReason)
    .all();
  for (const row of dropOuts) {
    figures.get(row.courseId)!.dropOuts[row.reason as DropOutReason] = row.count;
  }

  for (const course of figures.values()) course.notReached = course.applications - course.reached;
  return [...figures.values()];
}

/** Sums real numbers; masking comes after. Seats are counted only for courses not cancelled. */
export function totalOf(
  rows: CourseFigures[],
): Omit<CourseFigures, 'courseId' | 'title' | 'locality' | 'audience' | 'status'> {
  const total = { ...noPeople(), seats: 0 };
  for (const row of rows) {
    if (row.status !== 'cancelled') total.seats += row.seats;
    for (const source of applicationSources) total.bySource[source] += row.bySource[source];
    for (const reason of dropOutReasons) total.dropOuts[reason] += row.dropOuts[reason];
    total.applications += row.applications;
    total.reached += row.reached;
    total.notReached += row.notReached;
    total.placed += row.placed;
    total.started += row.started;
    total.completed += row.completed;
    total.waitlistAtStart += row.waitlistAtStart;
    total.seatsFilled += row.seatsFilled;
  }
  return total;
}

export type TotalFigures = ReturnType<typeof totalOf>;

/** Totals grouped by a key of the course (its locality or its audience), in first-seen order. */
export function totalsBy(
  rows: CourseFigures[],
  key: (row: CourseFigures) => string,
): { key: string; total: TotalFigures }[] {
  const groups = new Map<string, CourseFigures[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups.entries()].map(([groupKey, group]) => ({
    key: groupKey,
    total: totalOf(group),
  }));
}

export function existingTermIds(db: AppDatabase, ids: number[]): number[] {
  if (ids.length === 0) return [];
  return db
    .select({ id: terms.id })
    .from(terms)
    .where(inArray(terms.id, ids))
    .all()
    .map((row) => row.id);
}

/** Instructors paired on a course of the term that was not cancelled, each counted once. */
export function activeInstructorCount(db: AppDatabase, termId: number): number {
  return db
    .select({ count: sql<number>`count(distinct ${courseInstructors.instructorId})` })
    .from(courseInstructors)
    .innerJoin(courses, eq(courses.id, courseInstructors.courseId))
    .where(and(eq(courses.termId, termId), ne(courses.status, 'cancelled')))
    .get()!.count;
}

/** Candidates who completed a training within the term's dates (new instructors). */
export function trainedInstructorCount(db: AppDatabase, term: TermHeading): number {
  return db
    .select({ count: sql<number>`count(*)` })
    .from(trainingCandidates)
    .where(
      and(
        eq(trainingCandidates.state, 'completed'),
        between(trainingCandidates.completedOn, term.startsOn, term.endsOn),
      ),
    )
    .get()!.count;
}

/**
 * Everyone whose ArVo hours fall in the term: the pairs of its courses, those recorded as leading
 * one of its sessions, and new instructors trained within its dates.
 */
export function instructorIdsOfTerm(db: AppDatabase, term: TermHeading): number[] {
  const paired = db
    .select({ id: courseInstructors.instructorId })
    .from(courseInstructors)
    .innerJoin(courses, eq(courses.id, courseInstructors.courseId))
    .where(eq(courses.termId, term.id));
  const led = db
    .select({ id: sessionLeaders.instructorId })
    .from(sessionLeaders)
    .innerJoin(courseSessions, eq(courseSessions.id, sessionLeaders.sessionId))
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .where(eq(courses.termId, term.id));
  const trained = db
    .select({ id: sql<number>`${trainingCandidates.instructorId}` })
    .from(trainingCandidates)
    .where(
      and(
        isNotNull(trainingCandidates.instructorId),
        between(trainingCandidates.completedOn, term.startsOn, term.endsOn),
      ),
    );
  return union(paired, led, trained)
    .all()
    .map((row) => row.id);
}
