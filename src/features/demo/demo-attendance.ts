import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import {
  applications,
  enrollments,
  outbox,
  type AttendanceMark,
  type DropOutReason,
} from '../../../db/schema';
import type { Transaction } from '../../db';
import { addDays, wallClockToInstant } from '../../lib/helsinki-time';
import {
  closeCourseIn,
  recordDropOutIn,
  writeMarks,
  type AttendanceContext,
} from '../attendance/attendance-commands';
import { hasStarted, isDueAt } from '../attendance/attendance-rules';
import { loadCourseAttendance, type AttendanceSessionRow } from '../attendance/queries';
import type { MailSettings } from '../invites/invitations';

type Staff = AttendanceContext['actor'];

/**
 * How the demo's people come to sessions 1, 2, 3…, one habit each in turn (P present, E excused,
 * A absent); everyone comes to an info session. Most reach the threshold of four; the one who
 * comes now and then does not, and the last one stopped coming after the first session: the
 * ended course's drop-out, and on a running course someone to call.
 */
const habits = ['PPPPPP', 'PPEPPP', 'PPPAPP', 'PAPAPE', 'PPPPEP', 'EPPPAP', 'PAAAAA'];
const markOfHabit = { P: 'present', E: 'excused', A: 'absent' } as const;

/** The person who "stopped coming" (the last habit) on the completed course becomes its drop-out. */
const stoppedComing = habits.length - 1;

function habitualMark(person: number, ordinal: number): AttendanceMark {
  if (ordinal < 1) return 'present';
  const habit = habits[person % habits.length]!;
  return markOfHabit[habit[(ordinal - 1) % habit.length] as keyof typeof markOfHabit];
}

/** Ten in the morning, `days` after the session: when a drop-out or the closing happens. */
function morningAfter(session: AttendanceSessionRow, days: number): Date {
  return wallClockToInstant(addDays(session.localDate, days), '10:00');
}

export type DemoDropOut = { afterSession: number; reason: DropOutReason; note: string };

/**
 * Marks everyone due at each session of the course that has started by `until`, by the course's
 * instructor as the session ends (or at `until` for one under way), with the habits above. A
 * drop-out is recorded two mornings after its session, so they are not due at the sessions after.
 */
export function markDemoSessions(
  tx: Transaction,
  input: { courseId: number; marker: Staff; until: Date; dropOut?: DemoDropOut },
  mail: MailSettings,
): void {
  const { dropOut } = input;
  const before = loadCourseAttendance(tx, input.courseId)!;
  // The order in which people were placed, so each keeps their habit from session to session.
  const placedOrder = before.participants
    .map((person) => person.enrollmentId)
    .sort((a, b) => a - b);
  let droppedOut = false;
  for (const session of before.sessions.filter((each) => hasStarted(each, input.until))) {
    if (dropOut && !droppedOut && session.ordinal > dropOut.afterSession) {
      const after = before.sessions.find((each) => each.ordinal === dropOut.afterSession)!;
      recordDropOutIn(
        tx,
        { enrollmentId: placedOrder[stoppedComing]!, reason: dropOut.reason, note: dropOut.note },
        { actor: input.marker, mail: { ...mail, now: morningAfter(after, 2) } },
      );
      droppedOut = true;
    }
    // Read again for each session: the drop-out and the marks so far are in it.
    const courseAttendance = loadCourseAttendance(tx, input.courseId)!;
    const marks = courseAttendance.participants
      .filter((person) => isDueAt(person, session))
      .map((person) => ({
        sessionId: session.id,
        enrollmentId: person.enrollmentId,
        mark: habitualMark(placedOrder.indexOf(person.enrollmentId), session.ordinal),
      }));
    const markedAt = new Date(Math.min(session.endsAt.getTime(), input.until.getTime()));
    writeMarks(tx, courseAttendance, marks, {
      actor: input.marker,
      mail: { ...mail, now: markedAt },
    });
  }
}

/**
 * A course that ended before the demo's time: every session marked, one drop-out, and closed by
 * the coordinator the morning after its last session. Its news went out then, so its mail counts
 * as sent and nobody is left on the call queue to be told about it.
 */
export function runDemoCourseToItsEnd(
  tx: Transaction,
  input: { courseId: number; marker: Staff; closer: Staff; dropOut: DemoDropOut },
  mail: MailSettings,
): void {
  const sessions = loadCourseAttendance(tx, input.courseId)!.sessions.filter(
    (session) => session.status === 'scheduled',
  );
  const closedAt = morningAfter(sessions.at(-1)!, 1);
  markDemoSessions(tx, { ...input, until: closedAt }, mail);
  closeCourseIn(tx, input.courseId, { actor: input.closer, mail: { ...mail, now: closedAt } });

  tx.update(outbox)
    .set({ state: 'sent', sentAt: sql`${outbox.createdAt}` })
    .where(and(eq(outbox.courseId, input.courseId), eq(outbox.state, 'queued')))
    .run();
  const people = tx
    .select({ applicationId: enrollments.applicationId })
    .from(enrollments)
    .where(eq(enrollments.courseId, input.courseId));
  tx.update(applications)
    .set({ callReason: 'intake' })
    .where(and(inArray(applications.id, people), ne(applications.callReason, 'intake')))
    .run();
}
