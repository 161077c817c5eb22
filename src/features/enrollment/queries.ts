import { and, asc, count, eq, inArray, lte, max, ne, sql } from 'drizzle-orm';
import {
  applications,
  courseSessions,
  courses,
  enrollments,
  localities,
  programs,
  type EnrollmentState,
} from '../../../db/schema';
import {
  preparedFor,
  type AppDatabase,
  type DatabaseOrTransaction,
  immediateTransaction,
} from '../../db';
import { notifyCourseInvitees, type MailContext } from '../invites/invitations';
import { acceptsPlacements, frontOfWaitlist, whoGetsFreedSeats } from './seat-rules';

export class EnrollmentRefused extends Error {
  constructor(readonly reason: 'course-closed' | 'already-enrolled' | 'not-found') {
    super(`Enrollment refused: ${reason}`);
  }
}

function courseCapacity(db: DatabaseOrTransaction, courseId: number) {
  return db
    .select({
      status: courses.status,
      maximum: programs.maxParticipants,
      lastSessionStartsAt: max(courseSessions.startsAt),
    })
    .from(courses)
    .innerJoin(programs, eq(programs.id, courses.programId))
    .leftJoin(
      courseSessions,
      and(eq(courseSessions.courseId, courses.id), eq(courseSessions.status, 'scheduled')),
    )
    .where(eq(courses.id, courseId))
    .groupBy(courses.id)
    .get();
}

function placedCount(db: DatabaseOrTransaction, courseId: number): number {
  return (
    db
      .select({ placed: count() })
      .from(enrollments)
      .where(and(eq(enrollments.courseId, courseId), eq(enrollments.state, 'placed')))
      .get()?.placed ?? 0
  );
}

function lastSessionStart(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(Number(value));
}

/**
 * Counts the placed seats and inserts the enrollment in one immediate transaction, so parallel
 * placements cannot overfill a course; the unique (course, application) index is the last guard.
 */
export function placeOnCourse(
  db: AppDatabase,
  input: { applicationId: number; courseId: number },
  mail: MailContext,
): { enrollmentId: number; state: 'placed' | 'waitlisted' } {
  return immediateTransaction(db, (tx) => {
    const capacity = courseCapacity(tx, input.courseId);
    const application = tx
      .select({ id: applications.id })
      .from(applications)
      .where(eq(applications.id, input.applicationId))
      .get();
    if (!capacity || !application) throw new EnrollmentRefused('not-found');
    const course = {
      status: capacity.status,
      lastSessionStartsAt: lastSessionStart(capacity.lastSessionStartsAt),
    };
    if (!acceptsPlacements(course, mail.now)) throw new EnrollmentRefused('course-closed');
    const existing = tx
      .select()
      .from(enrollments)
      .where(
        and(
          eq(enrollments.courseId, input.courseId),
          eq(enrollments.applicationId, input.applicationId),
        ),
      )
      .get();
    if (existing && (existing.state === 'placed' || existing.state === 'waitlisted')) {
      throw new EnrollmentRefused('already-enrolled');
    }
    const state = placedCount(tx, input.courseId) < capacity.maximum ? 'placed' : 'waitlisted';
    const values = {
      state,
      queuedAt: mail.now,
      updatedAt: mail.now,
      withdrawnReason: '',
      withdrawnBy: '',
      movedUpReason: '',
    } as const;
    const enrollmentId = existing
      ? (tx.update(enrollments).set(values).where(eq(enrollments.id, existing.id)).run(),
        existing.id)
      : tx
          .insert(enrollments)
          .values({
            ...values,
            courseId: input.courseId,
            applicationId: input.applicationId,
            createdAt: mail.now,
          })
          .returning({ id: enrollments.id })
          .get().id;
    tx.update(applications)
      .set({ state: 'placed', updatedAt: mail.now })
      .where(eq(applications.id, input.applicationId))
      .run();
    if (state === 'placed') notifyCourseInvitees(tx, input.courseId, { kind: 'planned' }, mail);
    return { enrollmentId, state };
  });
}

/** Fills free seats from the waitlist, first come first served, and tells the people placed. */
export function fillFreeSeats(
  db: DatabaseOrTransaction,
  courseId: number,
  mail: MailContext,
): number[] {
  const capacity = courseCapacity(db, courseId);
  if (!capacity) return [];
  const course = {
    status: capacity.status,
    lastSessionStartsAt: lastSessionStart(capacity.lastSessionStartsAt),
  };
  if (!acceptsPlacements(course, mail.now)) return [];
  const waitlist = db
    .select({
      enrollmentId: enrollments.id,
      queuedAt: enrollments.queuedAt,
      applicationId: enrollments.applicationId,
    })
    .from(enrollments)
    .where(and(eq(enrollments.courseId, courseId), eq(enrollments.state, 'waitlisted')))
    .all();
  const promoted = whoGetsFreedSeats(waitlist, capacity.maximum - placedCount(db, courseId));
  if (promoted.length === 0) return [];
  db.update(enrollments)
    .set({ state: 'placed', updatedAt: mail.now })
    .where(inArray(enrollments.id, promoted))
    .run();
  notifyCourseInvitees(db, courseId, { kind: 'planned' }, mail);
  return waitlist
    .filter((entry) => promoted.includes(entry.enrollmentId))
    .map((entry) => entry.applicationId);
}

/** The person gets a cancellation; the first waitlisted person gets the freed seat. */
export function withdrawEnrollment(
  db: AppDatabase,
  input: { enrollmentId: number; reason: string; by: 'participant' | 'staff' },
  mail: MailContext,
): { promotedApplicationIds: number[] } {
  return immediateTransaction(db, (tx) => {
    const enrollment = tx
      .select()
      .from(enrollments)
      .where(eq(enrollments.id, input.enrollmentId))
      .get();
    if (!enrollment || (enrollment.state !== 'placed' && enrollment.state !== 'waitlisted')) {
      throw new EnrollmentRefused('not-found');
    }
    tx.update(enrollments)
      .set({
        state: 'withdrawn',
        withdrawnReason: input.reason,
        withdrawnBy: input.by,
        updatedAt: mail.now,
      })
      .where(eq(enrollments.id, enrollment.id))
      .run();
    notifyCourseInvitees(tx, enrollment.courseId, { kind: 'planned' }, mail);
    return { promotedApplicationIds: fillFreeSeats(tx, enrollment.courseId, mail) };
  });
}

export function moveUpOnWaitlist(
  db: AppDatabase,
  input: { enrollmentId: number; reason: string },
  now: Date,
): void {
  immediateTransaction(db, (tx) => {
    const enrollment = tx
      .select()
      .from(enrollments)
      .where(eq(enrollments.id, input.enrollmentId))
      .get();
    if (!enrollment || enrollment.state !== 'waitlisted') throw new EnrollmentRefused('not-found');
    const waitlist = tx
      .select({ enrollmentId: enrollments.id, queuedAt: enrollments.queuedAt })
      .from(enrollments)
      .where(
        and(
          eq(enrollments.courseId, enrollment.courseId),
          eq(enrollments.state, 'waitlisted'),
          ne(enrollments.id, enrollment.id),
        ),
      )
      .all();
    tx.update(enrollments)
      .set({
        queuedAt: frontOfWaitlist(waitlist, now),
        movedUpReason: input.reason,
        updatedAt: now,
      })
      .where(eq(enrollments.id, enrollment.id))
      .run();
  });
}

export type RosterEntry = {
  enrollmentId: number;
  applicationId: number;
  name: string;
  phone: string;
  email: string;
  state: EnrollmentState;
  queuedAt: Date;
  movedUpReason: string;
  withdrawnReason: string;
};

const rosterOrder: Record<EnrollmentState, number> = {
  placed: 0,
  completed: 1,
  waitlisted: 2,
  withdrawn: 3,
  cancelled: 4,
};

/** Placed first, then the waitlist in its order, then those who left. */
export function courseRoster(db: AppDatabase, courseId: number): RosterEntry[] {
  return db
    .select({
      enrollmentId: enrollments.id,
      applicationId: applications.id,
      name: applications.name,
      phone: applications.phone,
      email: applications.email,
      state: enrollments.state,
      queuedAt: enrollments.queuedAt,
      movedUpReason: enrollments.movedUpReason,
      withdrawnReason: enrollments.withdrawnReason,
    })
    .from(enrollments)
    .innerJoin(applications, eq(applications.id, enrollments.applicationId))
    .where(eq(enrollments.courseId, courseId))
    .orderBy(asc(enrollments.queuedAt), asc(enrollments.id))
    .all()
    .sort((a, b) => rosterOrder[a.state] - rosterOrder[b.state]);
}

const coursesAtDecision = preparedFor((db) =>
  db
    .select({
      courseId: courses.id,
      programNameFi: programs.nameFi,
      programNameEn: programs.nameEn,
      localityName: localities.name,
      goNoGoDate: courses.goNoGoDate,
      placed: sql<number>`(select count(*) from ${enrollments} where ${enrollments.courseId} = ${courses.id} and ${enrollments.state} = 'placed')`,
      minimum: programs.minParticipants,
    })
    .from(courses)
    .innerJoin(programs, eq(programs.id, courses.programId))
    .innerJoin(localities, eq(localities.id, courses.localityId))
    .where(
      and(
        inArray(courses.status, ['planned', 'open']),
        lte(courses.goNoGoDate, sql.placeholder('today')),
      ),
    )
    .orderBy(asc(courses.goNoGoDate))
    .prepare(),
);

/** Courses at or past their go/no-go date, still planned or open, below the program minimum. */
export function goNoGoDecisions(db: AppDatabase, today: string) {
  return coursesAtDecision(db)
    .all({ today })
    .filter((course) => course.placed < course.minimum);
}
