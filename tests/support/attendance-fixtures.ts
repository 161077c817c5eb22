import { and, eq } from 'drizzle-orm';
import {
  applications,
  attendance,
  courseInstructors,
  courses,
  enrollments,
  instructorLocalities,
  instructors,
  type AttendanceMark,
} from '../../db/schema';
import { immediateTransaction, type AppDatabase } from '../../src/db';
import { markAttendance } from '../../src/features/attendance/attendance-commands';
import { mailSettingsFrom, notifyCourseInvitees } from '../../src/features/invites/invitations';
import { testConfig } from './test-app';
import {
  aLocality,
  anInstructor,
  anOpenCourse,
  aWaitingApplicant,
  sessionsOf,
} from './planning-fixtures';

/**
 * A running six-session course (weekly from Tue 6 Oct 2026 at 17:00 Helsinki) with its instructor
 * pair and people placed before it starts, saved straight into the database.
 */
export function aRunningCourse(
  db: AppDatabase,
  options: {
    participants?: number;
    /** Staff accounts that sign in as the course's two instructors. */
    instructorUserIds?: number[];
    seats?: number;
    firstDate?: string;
  } = {},
) {
  const localityId = aLocality(db);
  const courseId = anOpenCourse(db, {
    seats: options.seats ?? 12,
    localityId,
    firstDate: options.firstDate,
  });
  db.update(courses).set({ status: 'running' }).where(eq(courses.id, courseId)).run();
  const pair = [anInstructor(db), anInstructor(db, 'peer')];
  (options.instructorUserIds ?? []).forEach((userId, index) => {
    db.update(instructors).set({ userId }).where(eq(instructors.id, pair[index]!)).run();
  });
  db.insert(courseInstructors)
    .values(pair.map((instructorId) => ({ courseId, instructorId })))
    .run();
  const placedAt = new Date(sessionsOf(db, courseId)[0]!.startsAt.getTime() - 14 * 86_400_000);
  const people = Array.from({ length: options.participants ?? 4 }, (_, index) => {
    const applicationId = aWaitingApplicant(db, localityId, { name: `Osallistuja ${index + 1}` });
    db.update(applications)
      .set({ state: 'placed' })
      .where(eq(applications.id, applicationId))
      .run();
    const enrollmentId = db
      .insert(enrollments)
      .values({
        courseId,
        applicationId,
        state: 'placed',
        queuedAt: placedAt,
        placedAt,
        createdAt: placedAt,
        updatedAt: placedAt,
      })
      .returning({ id: enrollments.id })
      .get().id;
    return { applicationId, enrollmentId };
  });
  // Everyone placed holds the calendar series, as after a placement through the app.
  immediateTransaction(db, (tx) =>
    notifyCourseInvitees(
      tx,
      courseId,
      { kind: 'planned' },
      { ...mailSettingsFrom(testConfig()), now: placedAt },
    ),
  );
  return { courseId, localityId, pair, people, sessions: sessionsOf(db, courseId) };
}

/** Someone on the course's waitlist since the given moment; returns the enrolment id. */
export function aWaitlisted(db: AppDatabase, courseId: number, applicationId: number, at: Date) {
  return db
    .insert(enrollments)
    .values({
      courseId,
      applicationId,
      state: 'waitlisted',
      queuedAt: at,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: enrollments.id })
    .get().id;
}

/** An instructor of the locality who can stand in for the pair. */
export function aSubstituteIn(db: AppDatabase, localityId: number) {
  const id = anInstructor(db);
  db.insert(instructorLocalities).values({ instructorId: id, localityId }).run();
  return id;
}

export function storedMark(db: AppDatabase, sessionId: number, enrollmentId: number) {
  return db
    .select()
    .from(attendance)
    .where(and(eq(attendance.sessionId, sessionId), eq(attendance.enrollmentId, enrollmentId)))
    .get();
}

/** During the given session (1-based), ten minutes after it started. */
export function duringSession(sessions: { startsAt: Date }[], ordinal: number): Date {
  return new Date(sessions[ordinal - 1]!.startsAt.getTime() + 10 * 60_000);
}

/** Every session marked for the given people (by their place on the course), as a coordinator. */
export function everySessionMarked(
  db: AppDatabase,
  course: ReturnType<typeof aRunningCourse>,
  now: Date,
  markFor: (index: number) => AttendanceMark = () => 'present',
  people = course.people,
) {
  markAttendance(
    db,
    {
      courseId: course.courseId,
      marks: people.flatMap((person, index) =>
        course.sessions.map((session) => ({
          sessionId: session.id,
          enrollmentId: person.enrollmentId,
          mark: markFor(index),
        })),
      ),
    },
    {
      actor: { id: null, name: 'Testi', role: 'coordinator' },
      mail: { ...mailSettingsFrom(testConfig()), now },
    },
  );
}
