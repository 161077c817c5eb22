import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import {
  blockedPeriods,
  courseInstructors,
  courseSessions,
  courses,
  instructors,
  localities,
  programs,
  terms,
  users,
  venues,
  type CourseStatus,
} from '../../../db/schema';
import { type AppDatabase, type DatabaseOrTransaction, type Transaction } from '../../db';
import type { Language } from '../../i18n';
import type { LocalDate } from '../../lib/helsinki-time';
import type { ScheduledSession } from './conflicts';
import type { BlockedPeriod } from './holidays';
import type { GeneratedSession } from './schedule';

export function findCourse(db: DatabaseOrTransaction, courseId: number) {
  const course = db
    .select({
      course: courses,
      program: programs,
      locality: localities,
      venue: venues,
      term: terms,
    })
    .from(courses)
    .innerJoin(programs, eq(programs.id, courses.programId))
    .innerJoin(localities, eq(localities.id, courses.localityId))
    .innerJoin(terms, eq(terms.id, courses.termId))
    .leftJoin(venues, eq(venues.id, courses.venueId))
    .where(eq(courses.id, courseId))
    .get();
  if (!course) return undefined;
  return {
    ...course,
    instructors: db
      .select({
        id: instructors.id,
        name: instructors.name,
        kind: instructors.kind,
        email: instructors.email,
        phone: instructors.phone,
        sharePhoneWithParticipants: instructors.sharePhoneWithParticipants,
        /** A staff member's own language; an instructor without an account is written to in Finnish. */
        language: sql<Language>`coalesce(${users.language}, 'fi')`,
      })
      .from(courseInstructors)
      .innerJoin(instructors, eq(instructors.id, courseInstructors.instructorId))
      .leftJoin(users, eq(users.id, instructors.userId))
      .where(eq(courseInstructors.courseId, courseId))
      .orderBy(asc(instructors.name))
      .all(),
    sessions: db
      .select()
      .from(courseSessions)
      .where(eq(courseSessions.courseId, courseId))
      .orderBy(asc(courseSessions.ordinal))
      .all(),
  };
}
export type CourseWithSchedule = NonNullable<ReturnType<typeof findCourse>>;

/** Everything the course form offers to choose from. */
export function findPlanningChoices(db: AppDatabase) {
  return {
    terms: db.select().from(terms).orderBy(asc(terms.startsOn)).all(),
    programs: db.select().from(programs).orderBy(asc(programs.nameFi)).all(),
    localities: db.select().from(localities).orderBy(asc(localities.name)).all(),
    venues: db
      .select()
      .from(venues)
      .where(isNull(venues.archivedAt))
      .orderBy(asc(venues.name))
      .all(),
    instructors: db
      .select({ id: instructors.id, name: instructors.name, kind: instructors.kind })
      .from(instructors)
      .orderBy(asc(instructors.name))
      .all(),
  };
}
export type PlanningChoices = ReturnType<typeof findPlanningChoices>;

export function listBlockedPeriods(db: DatabaseOrTransaction): (BlockedPeriod & { id: number })[] {
  return db
    .select({
      id: blockedPeriods.id,
      name: blockedPeriods.name,
      startsOn: blockedPeriods.startsOn,
      endsOn: blockedPeriods.endsOn,
    })
    .from(blockedPeriods)
    .orderBy(asc(blockedPeriods.startsOn))
    .all();
}

/**
 * Scheduled sessions of courses that still take place, overlapping [from, to), in the shape the
 * conflict check reads: with each session's venue and instructors.
 */
/**
 * Other courses' sessions between two instants that could collide with a course using `sharing`:
 * the same venue or one of the same instructors (a collision needs one of them), so a country's
 * thousand courses in the same weeks are not read to check one.
 */
export function findSessionsBetween(
  db: DatabaseOrTransaction,
  from: Date,
  to: Date,
  sharing: { venueId: number | null; instructorIds: readonly number[] },
): ScheduledSession[] {
  if (sharing.venueId === null && sharing.instructorIds.length === 0) return [];
  const rows = db
    .select({
      sessionId: courseSessions.id,
      courseId: courses.id,
      programName: programs.nameFi,
      localityName: localities.name,
      localDate: courseSessions.localDate,
      startsAt: courseSessions.startsAt,
      endsAt: courseSessions.endsAt,
      venueId: courses.venueId,
      venueKind: venues.kind,
      instructorIds: sql<
        string | null
      >`(select group_concat(${courseInstructors.instructorId}) from ${courseInstructors} where ${courseInstructors.courseId} = ${courses.id})`,
    })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .innerJoin(programs, eq(programs.id, courses.programId))
    .innerJoin(localities, eq(localities.id, courses.localityId))
    .leftJoin(venues, eq(venues.id, courses.venueId))
    .where(
      and(
        eq(courseSessions.status, 'scheduled'),
        ne(courses.status, 'cancelled'),
        lt(courseSessions.startsAt, to),
        gt(courseSessions.endsAt, from),
        // Found from the venue's and the instructors' courses (indexed), not by reading every
        // session in the country in those weeks.
        or(
          sharing.venueId === null
            ? undefined
            : inArray(
                courseSessions.courseId,
                db
                  .select({ id: courses.id })
                  .from(courses)
                  .where(eq(courses.venueId, sharing.venueId)),
              ),
          sharing.instructorIds.length === 0
            ? undefined
            : inArray(
                courseSessions.courseId,
                db
                  .select({ id: courseInstructors.courseId })
                  .from(courseInstructors)
                  .where(inArray(courseInstructors.instructorId, [...sharing.instructorIds])),
              ),
        ),
      ),
    )
    .all();
  return rows.map((row) => ({
    sessionId: row.sessionId,
    courseId: row.courseId,
    courseName: `${row.programName} · ${row.localityName}`,
    localDate: row.localDate,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    venueId: row.venueId,
    venueIsOnline: row.venueKind === 'online',
    instructorIds: row.instructorIds ? row.instructorIds.split(',').map(Number) : [],
  }));
}

export type NewCourse = {
  termId: number;
  programId: number;
  localityId: number;
  venueId: number | null;
  audience: 'open' | 'targeted';
  targetService: string;
  goNoGoDate: LocalDate;
  weeklyStartTime: string;
  instructorIds: number[];
  status?: CourseStatus;
  cancellationReason?: string;
};

/**
 * A calendar UID no other installation (another county, a staging copy, a re-seeded database)
 * gives out: a random part and the host people reach this one at.
 */
export function newCalendarUid(
  host: string,
  kind: 'course' | 'training' | 'meeting' = 'course',
): string {
  return `${kind}-${randomBytes(12).toString('hex')}@${host}`;
}

/** The course, its instructor pair and all its sessions are saved together or not at all. */
export function createCourseWithSessions(
  tx: Transaction,
  course: NewCourse,
  sessions: GeneratedSession[],
  at: { now: Date; calendarHost: string },
): number {
  const now = at.now;
  const { id } = tx
    .insert(courses)
    .values({
      calendarUid: newCalendarUid(at.calendarHost),
      termId: course.termId,
      programId: course.programId,
      localityId: course.localityId,
      venueId: course.venueId,
      audience: course.audience,
      targetService: course.audience === 'targeted' ? course.targetService : '',
      goNoGoDate: course.goNoGoDate,
      weeklyStartTime: course.weeklyStartTime,
      status: course.status ?? 'planned',
      cancellationReason: course.cancellationReason ?? '',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: courses.id })
    .get();
  if (course.instructorIds.length > 0) {
    tx.insert(courseInstructors)
      .values(course.instructorIds.map((instructorId) => ({ courseId: id, instructorId })))
      .run();
  }
  tx.insert(courseSessions)
    .values(
      sessions.map((session) => ({
        courseId: id,
        ordinal: session.ordinal,
        localDate: session.localDate,
        startTime: session.startTime,
        endTime: session.endTime,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        seriesDate: session.localDate,
      })),
    )
    .run();
  return id;
}

export type CourseDetails = {
  venueId: number | null;
  audience: 'open' | 'targeted';
  targetService: string;
  goNoGoDate: LocalDate;
  instructorIds: number[];
};

/** Invitations carry the venue and the instructor pair, so any change raises the sequence. */
export function updateCourseDetails(
  tx: Transaction,
  courseId: number,
  details: CourseDetails,
  now: Date,
): void {
  tx.update(courses)
    .set({
      venueId: details.venueId,
      audience: details.audience,
      targetService: details.audience === 'targeted' ? details.targetService : '',
      goNoGoDate: details.goNoGoDate,
      updatedAt: now,
      scheduleSequence: sql`${courses.scheduleSequence} + 1`,
    })
    .where(eq(courses.id, courseId))
    .run();
  tx.delete(courseInstructors).where(eq(courseInstructors.courseId, courseId)).run();
  if (details.instructorIds.length > 0) {
    tx.insert(courseInstructors)
      .values(details.instructorIds.map((instructorId) => ({ courseId, instructorId })))
      .run();
  }
}

function touchSchedule(db: DatabaseOrTransaction, courseId: number, now: Date) {
  db.update(courses)
    .set({ scheduleSequence: sql`${courses.scheduleSequence} + 1`, updatedAt: now })
    .where(eq(courses.id, courseId))
    .run();
}

export function rescheduleSession(
  tx: Transaction,
  session: {
    id: number;
    courseId: number;
    localDate: LocalDate;
    startTime: string;
    endTime: string;
    startsAt: Date;
    endsAt: Date;
  },
  now: Date,
): void {
  tx.update(courseSessions)
    .set({
      localDate: session.localDate,
      startTime: session.startTime,
      endTime: session.endTime,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
    })
    .where(and(eq(courseSessions.id, session.id), eq(courseSessions.courseId, session.courseId)))
    .run();
  touchSchedule(tx, session.courseId, now);
}

export function cancelSession(tx: Transaction, courseId: number, sessionId: number, now: Date) {
  tx.update(courseSessions)
    .set({ status: 'cancelled' })
    .where(and(eq(courseSessions.id, sessionId), eq(courseSessions.courseId, courseId)))
    .run();
  touchSchedule(tx, courseId, now);
}

export function cancelCourse(tx: Transaction, courseId: number, reason: string, now: Date) {
  tx.update(courses)
    .set({ status: 'cancelled', cancellationReason: reason, updatedAt: now })
    .where(eq(courses.id, courseId))
    .run();
  touchSchedule(tx, courseId, now);
}

export function instructorsByIds(db: DatabaseOrTransaction, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: instructors.id, name: instructors.name, kind: instructors.kind })
    .from(instructors)
    .where(inArray(instructors.id, ids))
    .all();
}
