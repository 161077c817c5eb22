import { and, count, eq, inArray, max, ne } from 'drizzle-orm';
import {
  applications,
  attendance,
  courseSessions,
  courses,
  enrollments,
  programs,
  type DropOutReason,
} from '../../../db/schema';
import { immediateTransaction, type AppDatabase, type Transaction } from '../../db';
import { recordAudit, type Actor } from '../audit/audit-log';
import { notifyCourseInvitees, type MailContext } from '../invites/invitations';
import {
  canStillComplete,
  isCounted,
  offersFreedSeats,
  sessionsLeftToAttend,
} from '../attendance/attendance-rules';
import { sessionsForAttendance } from '../attendance/queries';
import {
  acceptsPlacements,
  frontOfWaitlist,
  isActiveEnrollment,
  whoGetsFreedSeats,
} from './seat-rules';

/**
 * The seat commands: each opens the one immediate transaction of its change (so parallel requests,
 * also from another process, count seats one at a time) and writes the invitees' messages and the
 * audit entry inside it. The building blocks (`placeIn`, `withdrawIn`, `fillFreeSeats`) take the
 * caller's transaction, so a bigger command (an interview, an erasure, a program change) can place
 * or withdraw as part of its own unit of work.
 */
export type SeatCommandContext = {
  /** Who acts; null is the participant themself through their personal link (not audited). */
  actor: Actor | null;
  mail: MailContext;
};

export class EnrollmentRefused extends Error {
  constructor(readonly reason: 'course-closed' | 'already-enrolled' | 'not-found') {
    super(`Enrollment refused: ${reason}`);
  }
}

/**
 * The course has fewer counted sessions left than its program's completion threshold: placing the
 * person now needs the coordinator's confirmation (`confirmCannotComplete`).
 */
export class CompletionOutOfReach extends Error {
  constructor(
    readonly left: number,
    readonly threshold: number,
  ) {
    super(`Completion out of reach: ${left} sessions left, ${threshold} needed`);
  }
}

/** Counted sessions still ahead at placement, of how many the course has; for the flash. */
export type SessionsLeft = { left: number; counted: number; threshold: number };

export type Placement = {
  enrollmentId: number;
  state: 'placed' | 'waitlisted';
  sessions: SessionsLeft;
};

type SeatChange = Placement['state'] | 'moved up' | 'withdrawn';

/** The audit entry of one seat change, in the change's transaction; none for the participant. */
export function recordSeatChange(
  tx: Transaction,
  actor: Actor | null,
  enrollmentId: number,
  change: SeatChange,
  now: Date,
): void {
  if (!actor) return;
  const action = change === 'placed' || change === 'waitlisted' ? 'create' : 'update';
  recordAudit(
    tx,
    { actor, action, subjectType: 'enrollment', subjectId: enrollmentId, detail: change },
    now,
  );
}

function courseCapacity(tx: Transaction, courseId: number) {
  const row = tx
    .select({
      status: courses.status,
      maximum: programs.maxParticipants,
      lastJoiningSession: programs.lastJoiningSession,
      completionThreshold: programs.completionThreshold,
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
  if (!row) return undefined;
  return {
    status: row.status,
    maximum: row.maximum,
    lastJoiningSession: row.lastJoiningSession,
    completionThreshold: row.completionThreshold,
    lastSessionStartsAt: asInstant(row.lastSessionStartsAt),
  };
}

/** `max()` over a timestamp column comes back as the stored number, not as a Date. */
function asInstant(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(Number(value));
}

function placedCount(tx: Transaction, courseId: number): number {
  return (
    tx
      .select({ placed: count() })
      .from(enrollments)
      .where(and(eq(enrollments.courseId, courseId), eq(enrollments.state, 'placed')))
      .get()?.placed ?? 0
  );
}

export type PlacementInput = {
  applicationId: number;
  courseId: number;
  /** The coordinator confirmed placing someone who can no longer reach the completion threshold. */
  confirmCannotComplete?: boolean;
};

/** The sessions still ahead; refuses (CompletionOutOfReach) when too few are left, unless confirmed. */
function sessionsLeftFor(
  tx: Transaction,
  courseId: number,
  placing: { threshold: number; confirmed: boolean; earlierEnrollmentId: number | null },
  now: Date,
): SessionsLeft {
  const { threshold } = placing;
  const sessions = sessionsForAttendance(tx, courseId);
  const left = sessionsLeftToAttend(sessions, now);
  // Someone placed again keeps the marks of their first stint (see countsFor).
  const over = new Set(
    sessions
      .filter((session) => isCounted(session) && session.endsAt.getTime() <= now.getTime())
      .map((session) => session.id),
  );
  const attended =
    placing.earlierEnrollmentId === null
      ? 0
      : tx
          .select({ sessionId: attendance.sessionId })
          .from(attendance)
          .where(
            and(
              eq(attendance.enrollmentId, placing.earlierEnrollmentId),
              eq(attendance.mark, 'present'),
            ),
          )
          .all()
          .filter((row) => over.has(row.sessionId)).length;
  if (!placing.confirmed && !canStillComplete(left, threshold, attended)) {
    throw new CompletionOutOfReach(left, threshold);
  }
  return { left, counted: sessions.filter(isCounted).length, threshold };
}

/**
 * Counts the placed seats and places the person, or queues them when the course is full. Call it
 * inside an immediate transaction, so parallel placements cannot overfill a course; the unique
 * (course, application) index is the last guard. Someone who could no longer complete the course
 * is placed only when the coordinator confirmed it (else CompletionOutOfReach).
 */
export function placeIn(tx: Transaction, input: PlacementInput, mail: MailContext): Placement {
  const capacity = courseCapacity(tx, input.courseId);
  const application = tx
    .select({ id: applications.id })
    .from(applications)
    .where(eq(applications.id, input.applicationId))
    .get();
  if (!capacity || !application) throw new EnrollmentRefused('not-found');
  if (!acceptsPlacements(capacity, mail.now)) throw new EnrollmentRefused('course-closed');
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
  if (existing && isActiveEnrollment(existing.state)) {
    throw new EnrollmentRefused('already-enrolled');
  }
  const sessions = sessionsLeftFor(
    tx,
    input.courseId,
    {
      threshold: capacity.completionThreshold,
      confirmed: input.confirmCannotComplete === true,
      earlierEnrollmentId: existing?.id ?? null,
    },
    mail.now,
  );
  const state = placedCount(tx, input.courseId) < capacity.maximum ? 'placed' : 'waitlisted';
  const values = {
    state,
    queuedAt: mail.now,
    placedAt: state === 'placed' ? mail.now : null,
    updatedAt: mail.now,
    withdrawnReason: '',
    withdrawnBy: '',
    withdrawnAt: null,
    dropOutReason: '',
    movedUpReason: '',
  } as const;
  const enrollmentId = existing
    ? (tx.update(enrollments).set(values).where(eq(enrollments.id, existing.id)).run(), existing.id)
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
  return { enrollmentId, state, sessions };
}

/**
 * Fills free seats from the waitlist, first come first served, and tells the people placed; none
 * once the program's "no joining after session N" has passed.
 */
export function fillFreeSeats(tx: Transaction, courseId: number, mail: MailContext): number[] {
  const capacity = courseCapacity(tx, courseId);
  if (!capacity || !acceptsPlacements(capacity, mail.now)) return [];
  if (!offersFreedSeats(sessionsForAttendance(tx, courseId), capacity.lastJoiningSession, mail.now))
    return [];
  const waitlist = tx
    .select({
      enrollmentId: enrollments.id,
      queuedAt: enrollments.queuedAt,
      applicationId: enrollments.applicationId,
    })
    .from(enrollments)
    .where(and(eq(enrollments.courseId, courseId), eq(enrollments.state, 'waitlisted')))
    .all();
  const promoted = whoGetsFreedSeats(waitlist, capacity.maximum - placedCount(tx, courseId));
  if (promoted.length === 0) return [];
  tx.update(enrollments)
    .set({ state: 'placed', placedAt: mail.now, updatedAt: mail.now })
    .where(inArray(enrollments.id, promoted))
    .run();
  notifyCourseInvitees(tx, courseId, { kind: 'planned' }, mail);
  return waitlist
    .filter((entry) => promoted.includes(entry.enrollmentId))
    .map((entry) => entry.applicationId);
}

/**
 * People whose enrolment ends with the course (it was cancelled, or closed with people still on
 * its waitlist): the enrolments are cancelled and they go back to the locality's demand list.
 */
export function backToDemandList(
  tx: Transaction,
  rows: readonly { id: number; applicationId: number }[],
  localityId: number,
  now: Date,
): void {
  if (rows.length === 0) return;
  tx.update(enrollments)
    .set({ state: 'cancelled', updatedAt: now })
    .where(
      inArray(
        enrollments.id,
        rows.map((row) => row.id),
      ),
    )
    .run();
  tx.update(applications)
    .set({ state: 'waiting', localityId, updatedAt: now })
    .where(
      inArray(
        applications.id,
        rows.map((row) => row.applicationId),
      ),
    )
    .run();
}

export type Withdrawal = { courseId: number; promotedApplicationIds: number[] };

/**
 * The person gets a cancellation; the first waitlisted person gets the freed seat. A drop-out
 * (someone who stopped coming to a running course) carries its reason from the short list.
 */
export function withdrawIn(
  tx: Transaction,
  input: {
    enrollmentId: number;
    reason: string;
    by: 'participant' | 'staff';
    dropOutReason?: DropOutReason;
  },
  mail: MailContext,
): Withdrawal {
  const enrollment = tx
    .select()
    .from(enrollments)
    .where(eq(enrollments.id, input.enrollmentId))
    .get();
  if (!enrollment || !isActiveEnrollment(enrollment.state)) {
    throw new EnrollmentRefused('not-found');
  }
  tx.update(enrollments)
    .set({
      state: 'withdrawn',
      withdrawnReason: input.reason,
      withdrawnBy: input.by,
      withdrawnAt: mail.now,
      dropOutReason: input.dropOutReason ?? '',
      updatedAt: mail.now,
    })
    .where(eq(enrollments.id, enrollment.id))
    .run();
  notifyCourseInvitees(tx, enrollment.courseId, { kind: 'planned' }, mail);
  return {
    courseId: enrollment.courseId,
    promotedApplicationIds: fillFreeSeats(tx, enrollment.courseId, mail),
  };
}

/** Places the person on the course (or its waitlist); throws EnrollmentRefused, leaving nothing. */
export function placeOnCourse(
  db: AppDatabase,
  input: PlacementInput,
  context: SeatCommandContext,
): Placement {
  return immediateTransaction(db, (tx) => {
    const placement = placeIn(tx, input, context.mail);
    recordSeatChange(tx, context.actor, placement.enrollmentId, placement.state, context.mail.now);
    return placement;
  });
}

/** Staff withdraw anyone; the participant (actor null) withdraws themself through their link. */
export function withdrawEnrollment(
  db: AppDatabase,
  input: { enrollmentId: number; reason: string },
  context: SeatCommandContext,
): Withdrawal {
  return immediateTransaction(db, (tx) => {
    const by = context.actor ? 'staff' : 'participant';
    const withdrawal = withdrawIn(tx, { ...input, by }, context.mail);
    recordSeatChange(tx, context.actor, input.enrollmentId, 'withdrawn', context.mail.now);
    return withdrawal;
  });
}

/** Gives a waitlisted person the front of the waitlist; returns the course's id. */
export function moveUpOnWaitlist(
  db: AppDatabase,
  input: { enrollmentId: number; reason: string },
  context: SeatCommandContext,
): number {
  const now = context.mail.now;
  return immediateTransaction(db, (tx) => {
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
    recordSeatChange(tx, context.actor, enrollment.id, 'moved up', now);
    return enrollment.courseId;
  });
}
