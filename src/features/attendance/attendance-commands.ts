import { and, eq } from 'drizzle-orm';
import {
  applications,
  attendance,
  courses,
  enrollments,
  sessionLeaders,
  type AttendanceMark,
  type DropOutReason,
  type StaffRole,
} from '../../../db/schema';
import { immediateTransaction, type AppDatabase, type Transaction } from '../../db';
import { recordAudit, type Actor } from '../audit/audit-log';
import {
  backToDemandList,
  recordSeatChange,
  withdrawIn,
  type Withdrawal,
} from '../enrollment/seats';
import { queueFeedbackInvitationsIn } from '../feedback/feedback-mail';
import type { MailContext } from '../invites/invitations';
import {
  closingRefusal,
  isDueAt,
  markingRefusal,
  unmarkedGaps,
  type ClosingRefusal,
  type Gap,
  type MarkingRefusal,
} from './attendance-rules';
import { completionOfPerson } from './attendance-sheets';
import {
  leaderChoices,
  loadCourseAttendance,
  markKey,
  markOf,
  recordedLeaders,
  type AttendanceParticipant,
  type CourseAttendance,
} from './queries';

/**
 * The attendance commands: each opens the one immediate transaction of its change, so two
 * instructors marking the same person at once are applied one after the other (the later mark
 * stays) and a refused batch leaves nothing behind. The audit entry is written inside it. The
 * building blocks (`writeMarks`, `recordDropOutIn`, `closeCourseIn`) take the caller's
 * transaction, so a bigger unit of work (the demo data) can mark, record a drop-out and close.
 */
export type AttendanceContext = { actor: Actor & { role: StaffRole }; mail: MailContext };

export class AttendanceRefused extends Error {
  constructor(
    readonly reason: MarkingRefusal | 'not-found',
    readonly enrollmentId: number | null = null,
    /** The session of the refused mark, so a grid can say which cell was wrong. */
    readonly sessionId: number | null = null,
  ) {
    super(`Attendance refused: ${reason}`);
  }
}

export type NewMark = { sessionId: number; enrollmentId: number; mark: AttendanceMark };

function loadOr404(tx: Transaction, courseId: number): CourseAttendance {
  const loaded = loadCourseAttendance(tx, courseId);
  if (!loaded) throw new AttendanceRefused('not-found');
  return loaded;
}

/** The course's pair leads a session unless someone recorded otherwise: fixed with the first mark. */
function recordDefaultLeaders(
  tx: Transaction,
  courseAttendance: CourseAttendance,
  sessionId: number,
) {
  if (recordedLeaders(tx, sessionId).length > 0) return;
  const pair = leaderChoices(tx, {
    id: courseAttendance.courseId,
    localityId: courseAttendance.localityId,
  })
    .filter((choice) => choice.leadsCourse)
    .map((choice) => ({ sessionId, instructorId: choice.id }));
  if (pair.length > 0) tx.insert(sessionLeaders).values(pair).run();
}

/**
 * Freezes the person's completion on their enrolment: when the course is closed, and again when a
 * mark is corrected after closing. Returns the state it froze.
 */
function freezeCompletion(
  tx: Transaction,
  courseAttendance: CourseAttendance,
  person: AttendanceParticipant,
  now: Date,
) {
  const completion = completionOfPerson(courseAttendance, person);
  const state =
    person.state === 'withdrawn'
      ? 'withdrawn'
      : completion.completed
        ? 'completed'
        : 'not-completed';
  tx.update(enrollments)
    .set({ state, attendedSessions: completion.attended, updatedAt: now })
    .where(eq(enrollments.id, person.enrollmentId))
    .run();
  return state;
}

/**
 * Writes the marks (a double click or a repeat is no change and is skipped), after checking every
 * one: a single refusal refuses the whole batch. A building block: it takes the caller's
 * transaction and the course's attendance loaded in it.
 */
export function writeMarks(
  tx: Transaction,
  courseAttendance: CourseAttendance,
  marks: readonly NewMark[],
  context: AttendanceContext,
): number {
  const now = context.mail.now;
  const checked = marks.map((mark) => {
    const session = courseAttendance.sessions.find((each) => each.id === mark.sessionId);
    const person = courseAttendance.participants.find(
      (each) => each.enrollmentId === mark.enrollmentId,
    );
    if (!session || !person) {
      throw new AttendanceRefused('not-found', mark.enrollmentId, mark.sessionId);
    }
    const before = markOf(courseAttendance, mark.enrollmentId, mark.sessionId);
    const refusal = markingRefusal({
      courseStatus: courseAttendance.status,
      session,
      participation: person,
      mark: before,
      role: context.actor.role,
      now,
    });
    if (refusal) throw new AttendanceRefused(refusal, mark.enrollmentId, mark.sessionId);
    return { ...mark, person, before };
  });
  const changes = checked.filter((mark) => mark.before !== mark.mark);
  const closed = courseAttendance.status === 'completed';
  for (const change of changes) {
    const values = {
      mark: change.mark,
      markedBy: context.actor.id,
      markedByName: context.actor.name,
      markedAt: now,
    };
    tx.insert(attendance)
      .values({ sessionId: change.sessionId, enrollmentId: change.enrollmentId, ...values })
      .onConflictDoUpdate({ target: [attendance.sessionId, attendance.enrollmentId], set: values })
      .run();
    courseAttendance.marks.set(markKey(change.enrollmentId, change.sessionId), values);
    recordDefaultLeaders(tx, courseAttendance, change.sessionId);
    recordAudit(
      tx,
      {
        actor: context.actor,
        action: 'update',
        subjectType: 'attendance',
        subjectId: change.enrollmentId,
        // After closing, the correction names both values (the rule for audited changes).
        detail: closed
          ? `session ${change.sessionId}: ${change.before ?? 'unmarked'} -> ${change.mark} after closing`
          : `session ${change.sessionId}`,
      },
      now,
    );
  }
  if (closed) {
    for (const person of new Set(changes.map((change) => change.person))) {
      freezeCompletion(tx, courseAttendance, person, now);
    }
  }
  return changes.length;
}

/** Marks people at sessions of one course (one mark, or the whole grid); returns how many changed. */
export function markAttendance(
  db: AppDatabase,
  input: { courseId: number; marks: readonly NewMark[] },
  context: AttendanceContext,
): number {
  return immediateTransaction(db, (tx) =>
    writeMarks(tx, loadOr404(tx, input.courseId), input.marks, context),
  );
}

/** "Mark the rest present": everyone due at the session who has no mark yet. */
export function markRestPresent(
  db: AppDatabase,
  input: { courseId: number; sessionId: number },
  context: AttendanceContext,
): number {
  return immediateTransaction(db, (tx) => {
    const courseAttendance = loadOr404(tx, input.courseId);
    const session = courseAttendance.sessions.find((each) => each.id === input.sessionId);
    if (!session) throw new AttendanceRefused('not-found');
    const rest = courseAttendance.participants
      .filter(
        (person) =>
          isDueAt(person, session) &&
          markOf(courseAttendance, person.enrollmentId, session.id) === null,
      )
      .map((person) => ({
        sessionId: session.id,
        enrollmentId: person.enrollmentId,
        mark: 'present' as const,
      }));
    return writeMarks(tx, courseAttendance, rest, context);
  });
}

export class LeadersRefused extends Error {
  constructor(readonly reason: 'not-found' | 'none-chosen' | 'not-a-choice' | 'closed') {
    super(`Session leaders refused: ${reason}`);
  }
}

/** Who actually led the session: the pair, or a substitute from the course's locality. */
export function setSessionLeaders(
  db: AppDatabase,
  input: { courseId: number; sessionId: number; instructorIds: readonly number[] },
  context: AttendanceContext,
): void {
  immediateTransaction(db, (tx) => {
    const courseAttendance = loadOr404(tx, input.courseId);
    const session = courseAttendance.sessions.find((each) => each.id === input.sessionId);
    if (!session || session.status !== 'scheduled' || courseAttendance.status === 'cancelled') {
      throw new LeadersRefused('not-found');
    }
    if (courseAttendance.status === 'completed' && context.actor.role === 'instructor') {
      throw new LeadersRefused('closed');
    }
    const chosen = [...new Set(input.instructorIds)];
    if (chosen.length === 0) throw new LeadersRefused('none-chosen');
    const allowed = new Set(
      leaderChoices(tx, {
        id: courseAttendance.courseId,
        localityId: courseAttendance.localityId,
      }).map((choice) => choice.id),
    );
    if (chosen.some((id) => !allowed.has(id))) throw new LeadersRefused('not-a-choice');
    tx.delete(sessionLeaders).where(eq(sessionLeaders.sessionId, session.id)).run();
    tx.insert(sessionLeaders)
      .values(chosen.map((instructorId) => ({ sessionId: session.id, instructorId })))
      .run();
    recordAudit(
      tx,
      {
        actor: context.actor,
        action: 'update',
        subjectType: 'session',
        subjectId: session.id,
        detail: `leaders ${chosen.join(',')}`,
      },
      context.mail.now,
    );
  });
}

export class DropOutRefused extends Error {
  constructor(readonly reason: 'not-found' | 'not-placed') {
    super(`Drop-out refused: ${reason}`);
  }
}

/**
 * Someone stopped coming: withdrawn from the remaining sessions (their calendar events cancelled
 * through the outbox), and the seat offered to the waitlist only before "no joining after N".
 */
export function recordDropOut(
  db: AppDatabase,
  input: DropOut,
  context: AttendanceContext,
): Withdrawal {
  return immediateTransaction(db, (tx) => recordDropOutIn(tx, input, context));
}

export type DropOut = { enrollmentId: number; reason: DropOutReason; note: string };

/** The drop-out in the caller's transaction (the building block of `recordDropOut`). */
export function recordDropOutIn(
  tx: Transaction,
  input: DropOut,
  context: AttendanceContext,
): Withdrawal {
  const enrollment = tx
    .select({ state: enrollments.state, courseStatus: courses.status })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .where(eq(enrollments.id, input.enrollmentId))
    .get();
  if (!enrollment) throw new DropOutRefused('not-found');
  if (
    enrollment.state !== 'placed' ||
    ['cancelled', 'completed'].includes(enrollment.courseStatus)
  ) {
    throw new DropOutRefused('not-placed');
  }
  const withdrawal = withdrawIn(
    tx,
    {
      enrollmentId: input.enrollmentId,
      reason: input.note,
      by: 'staff',
      dropOutReason: input.reason,
    },
    context.mail,
  );
  recordSeatChange(tx, context.actor, input.enrollmentId, 'withdrawn', context.mail.now);
  return withdrawal;
}

/**
 * Puts the person on the call queue ("missed sessions"; not an intake call). An instructor's item
 * is assigned to them, so it is on their own queue. Someone on the queue already stays as they are.
 */
export function askToCallAboutMissedSessions(
  db: AppDatabase,
  input: { enrollmentId: number; assignTo: number | null },
  context: AttendanceContext,
): 'added' | 'already-queued' | 'not-placed' {
  const now = context.mail.now;
  return immediateTransaction(db, (tx) => {
    const person = tx
      .select({
        applicationId: applications.id,
        state: applications.state,
        callReason: applications.callReason,
      })
      .from(enrollments)
      .innerJoin(applications, eq(applications.id, enrollments.applicationId))
      .where(and(eq(enrollments.id, input.enrollmentId), eq(enrollments.state, 'placed')))
      .get();
    if (!person) return 'not-placed';
    if (person.state === 'to-call' || person.callReason !== 'intake') return 'already-queued';
    tx.update(applications)
      .set({
        callReason: 'missed-sessions',
        callDueAt: now,
        ...(input.assignTo === null ? {} : { assignedInstructorId: input.assignTo }),
        updatedAt: now,
      })
      .where(eq(applications.id, person.applicationId))
      .run();
    recordAudit(
      tx,
      {
        actor: context.actor,
        action: 'update',
        subjectType: 'application',
        subjectId: person.applicationId,
        detail: 'call: missed sessions',
      },
      now,
    );
    return 'added';
  });
}

export class ClosingRefused extends Error {
  constructor(
    readonly reason: ClosingRefusal | 'gaps' | 'not-found',
    readonly gaps: Gap[] = [],
  ) {
    super(`Closing refused: ${reason}`);
  }
}

export type ClosingResult = { completed: number; notCompleted: number };

/**
 * Closes a course after its last session: refused while anyone due at a held session is unmarked;
 * otherwise completion is frozen on each enrolment and the course becomes `completed`. Anyone
 * still on the waitlist goes back to their locality's demand list.
 */
export function closeCourse(
  db: AppDatabase,
  input: { courseId: number },
  context: AttendanceContext,
): ClosingResult {
  return immediateTransaction(db, (tx) => {
    const result = closeCourseIn(tx, input.courseId, context);
    // The thank-you with the feedback invitation goes only from a real closing, not the demo's.
    queueFeedbackInvitationsIn(tx, input.courseId, context.mail);
    return result;
  });
}

/** The closing in the caller's transaction (the building block of `closeCourse`). */
export function closeCourseIn(
  tx: Transaction,
  courseId: number,
  context: AttendanceContext,
): ClosingResult {
  const now = context.mail.now;
  const courseAttendance = loadOr404(tx, courseId);
  const refusal = closingRefusal(courseAttendance, now);
  if (refusal) throw new ClosingRefused(refusal);
  const gaps = unmarkedGaps(
    courseAttendance.participants,
    courseAttendance.sessions,
    (enrollmentId, sessionId) => markOf(courseAttendance, enrollmentId, sessionId),
    now,
  );
  if (gaps.length > 0) throw new ClosingRefused('gaps', gaps);
  const result: ClosingResult = { completed: 0, notCompleted: 0 };
  for (const person of courseAttendance.participants) {
    const state = freezeCompletion(tx, courseAttendance, person, now);
    if (state === 'completed') result.completed++;
    if (state === 'not-completed') result.notCompleted++;
  }
  const waitlisted = tx
    .select({ id: enrollments.id, applicationId: enrollments.applicationId })
    .from(enrollments)
    .where(and(eq(enrollments.courseId, courseId), eq(enrollments.state, 'waitlisted')))
    .all();
  backToDemandList(tx, waitlisted, courseAttendance.localityId, now);
  tx.update(courses)
    .set({ status: 'completed', updatedAt: now })
    .where(eq(courses.id, courseId))
    .run();
  recordAudit(
    tx,
    {
      actor: context.actor,
      action: 'update',
      subjectType: 'course',
      subjectId: courseId,
      detail: `closed: ${result.completed} completed, ${result.notCompleted} not completed`,
    },
    now,
  );
  return result;
}
