import { and, asc, eq, gte, inArray, notInArray, or, sql } from 'drizzle-orm';
import {
  applications,
  attendance,
  courseInstructors,
  courseSessions,
  courses,
  enrollments,
  instructorLocalities,
  instructors,
  localities,
  programs,
  sessionLeaders,
  venues,
  type AttendanceMark,
} from '../../../db/schema';
import { preparedFor, type AppDatabase, type DatabaseOrTransaction } from '../../db';
import type { AttendanceSession, Participation } from './attendance-rules';
import { programNameColumns } from '../programs/program-names';

/** States of someone who had a seat at some point: the people attendance is about. */
export const seatHolderStates = ['placed', 'withdrawn', 'completed', 'not-completed'] as const;

export type AttendanceParticipant = Participation & {
  enrollmentId: number;
  applicationId: number;
  name: string;
  phone: string;
  email: string;
  dropOutReason: string;
  withdrawnReason: string;
  attendedSessions: number | null;
};

export type StoredMark = { mark: AttendanceMark; markedByName: string; markedAt: Date };

export type AttendanceSessionRow = AttendanceSession & {
  localDate: string;
  startTime: string;
  endTime: string;
};

/** A course's sessions, the people who held a seat, and every mark: what attendance is read from. */
export type CourseAttendance = {
  courseId: number;
  status: (typeof courses.$inferSelect)['status'];
  localityId: number;
  completionThreshold: number;
  sessions: AttendanceSessionRow[];
  participants: AttendanceParticipant[];
  marks: Map<string, StoredMark>;
};

export function markKey(enrollmentId: number, sessionId: number): string {
  return `${enrollmentId}:${sessionId}`;
}

export function markOf(
  attendanceOfCourse: CourseAttendance,
  enrollmentId: number,
  sessionId: number,
): AttendanceMark | null {
  return attendanceOfCourse.marks.get(markKey(enrollmentId, sessionId))?.mark ?? null;
}

/** A course's sessions in time order, with what attendance and the seat rules read of them. */
export function sessionsForAttendance(
  db: DatabaseOrTransaction,
  courseId: number,
): AttendanceSessionRow[] {
  return db
    .select({
      id: courseSessions.id,
      ordinal: courseSessions.ordinal,
      status: courseSessions.status,
      startsAt: courseSessions.startsAt,
      endsAt: courseSessions.endsAt,
      localDate: courseSessions.localDate,
      startTime: courseSessions.startTime,
      endTime: courseSessions.endTime,
    })
    .from(courseSessions)
    .where(eq(courseSessions.courseId, courseId))
    .orderBy(asc(courseSessions.startsAt), asc(courseSessions.ordinal))
    .all();
}

/** One course's attendance: a course has a dozen people and sessions, so this is a few small reads. */
export function loadCourseAttendance(
  db: DatabaseOrTransaction,
  courseId: number,
): CourseAttendance | undefined {
  const course = db
    .select({
      id: courses.id,
      status: courses.status,
      localityId: courses.localityId,
      completionThreshold: programs.completionThreshold,
    })
    .from(courses)
    .innerJoin(programs, eq(programs.id, courses.programId))
    .where(eq(courses.id, courseId))
    .get();
  if (!course) return undefined;
  const sessions = sessionsForAttendance(db, courseId);
  const participants = db
    .select({
      enrollmentId: enrollments.id,
      applicationId: applications.id,
      name: applications.name,
      phone: applications.phone,
      email: applications.email,
      state: enrollments.state,
      placedAt: enrollments.placedAt,
      withdrawnAt: enrollments.withdrawnAt,
      dropOutReason: enrollments.dropOutReason,
      withdrawnReason: enrollments.withdrawnReason,
      attendedSessions: enrollments.attendedSessions,
    })
    .from(enrollments)
    .innerJoin(applications, eq(applications.id, enrollments.applicationId))
    .where(and(eq(enrollments.courseId, courseId), inArray(enrollments.state, seatHolderStates)))
    .orderBy(asc(applications.name), asc(enrollments.id))
    .all()
    .filter((person) => person.placedAt !== null);
  const marks = new Map<string, StoredMark>();
  for (const row of db
    .select({
      enrollmentId: attendance.enrollmentId,
      sessionId: attendance.sessionId,
      mark: attendance.mark,
      markedByName: attendance.markedByName,
      markedAt: attendance.markedAt,
    })
    .from(attendance)
    .innerJoin(courseSessions, eq(courseSessions.id, attendance.sessionId))
    .where(eq(courseSessions.courseId, courseId))
    .all()) {
    marks.set(markKey(row.enrollmentId, row.sessionId), row);
  }
  return {
    courseId: course.id,
    status: course.status,
    localityId: course.localityId,
    completionThreshold: course.completionThreshold,
    sessions,
    participants,
    marks,
  };
}

const courseOfSessionQuery = preparedFor((db) =>
  db
    .select({ courseId: courseSessions.courseId })
    .from(courseSessions)
    .where(eq(courseSessions.id, sql.placeholder('sessionId')))
    .prepare(),
);

/** The course a session belongs to, if the session exists. */
export function courseOfSession(db: AppDatabase, sessionId: number): number | undefined {
  return courseOfSessionQuery(db).get({ sessionId })?.courseId;
}

const participantNameQuery = preparedFor((db) =>
  db
    .select({ name: applications.name })
    .from(enrollments)
    .innerJoin(applications, eq(applications.id, enrollments.applicationId))
    .where(eq(enrollments.id, sql.placeholder('enrollmentId')))
    .prepare(),
);

/** The name a saved mark is announced with. */
export function participantName(db: AppDatabase, enrollmentId: number): string {
  return participantNameQuery(db).get({ enrollmentId })?.name ?? '';
}

/** Who led the session as recorded; empty until its first mark (then the course's pair). */
export function recordedLeaders(db: DatabaseOrTransaction, sessionId: number): number[] {
  return db
    .select({ id: sessionLeaders.instructorId })
    .from(sessionLeaders)
    .where(eq(sessionLeaders.sessionId, sessionId))
    .all()
    .map((row) => row.id);
}

/** The course's own pair first, then the instructors of its locality who may stand in. */
export function leaderChoices(
  db: DatabaseOrTransaction,
  course: { id: number; localityId: number },
) {
  const pair = db
    .select({ id: courseInstructors.instructorId })
    .from(courseInstructors)
    .where(eq(courseInstructors.courseId, course.id));
  const local = db
    .select({ id: instructorLocalities.instructorId })
    .from(instructorLocalities)
    .where(eq(instructorLocalities.localityId, course.localityId));
  const rows = db
    .select({ id: instructors.id, name: instructors.name })
    .from(instructors)
    .where(or(inArray(instructors.id, pair), inArray(instructors.id, local)))
    .orderBy(asc(instructors.name), asc(instructors.id))
    .all();
  const pairIds = new Set(
    db
      .select({ id: courseInstructors.instructorId })
      .from(courseInstructors)
      .where(eq(courseInstructors.courseId, course.id))
      .all()
      .map((row) => row.id),
  );
  return rows.map((row) => ({ ...row, leadsCourse: pairIds.has(row.id) }));
}

const nextSessionQuery = preparedFor((db) =>
  db
    .select({
      sessionId: courseSessions.id,
      courseId: courses.id,
      ordinal: courseSessions.ordinal,
      localDate: courseSessions.localDate,
      startTime: courseSessions.startTime,
      endTime: courseSessions.endTime,
      startsAt: courseSessions.startsAt,
      ...programNameColumns,
      localityName: localities.name,
      venueName: venues.name,
      venueStreetAddress: venues.streetAddress,
    })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .innerJoin(programs, eq(programs.id, courses.programId))
    .innerJoin(localities, eq(localities.id, courses.localityId))
    .leftJoin(venues, eq(venues.id, courses.venueId))
    .innerJoin(courseInstructors, eq(courseInstructors.courseId, courses.id))
    .innerJoin(instructors, eq(instructors.id, courseInstructors.instructorId))
    .where(
      and(
        eq(instructors.userId, sql.placeholder('userId')),
        eq(courseSessions.status, 'scheduled'),
        notInArray(courses.status, ['cancelled', 'completed']),
        gte(courseSessions.endsAt, sql.placeholder('from')),
      ),
    )
    .orderBy(asc(courseSessions.startsAt))
    .limit(1)
    .prepare(),
);

/**
 * The instructor's session of today, or else their next one: what their home page puts first.
 * `from` is the start of today in Helsinki, so a session earlier today is still "tonight's".
 */
export function nextSessionFor(db: AppDatabase, userId: number, from: Date) {
  return nextSessionQuery(db).get({ userId, from: from.getTime() });
}
export type NextSession = NonNullable<ReturnType<typeof nextSessionFor>>;
