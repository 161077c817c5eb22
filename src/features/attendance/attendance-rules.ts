import type { AttendanceMark, CourseStatus, EnrollmentState, StaffRole } from '../../../db/schema';

/**
 * The rules of attendance, completion and closing, as plain functions over data: who is due at
 * which session, when a session may be marked, who completed, who to call, and whether a freed
 * seat is still offered.
 */
export type AttendanceSession = {
  id: number;
  /** 1..n; an info session ("session zero") has ordinal 0 and never counts. */
  ordinal: number;
  status: 'scheduled' | 'cancelled';
  startsAt: Date;
  endsAt: Date;
};

export type Participation = {
  state: EnrollmentState;
  /** When the seat was got; null for someone who never had one (waitlisted). */
  placedAt: Date | null;
  withdrawnAt: Date | null;
};

/** Completion is counted from the scheduled sessions numbered from 1. */
export function isCounted(session: AttendanceSession): boolean {
  return session.status === 'scheduled' && session.ordinal >= 1;
}

/** A session is held once it has started (and was not cancelled): from then on it can be marked. */
export function hasStarted(session: AttendanceSession, now: Date): boolean {
  return session.status === 'scheduled' && session.startsAt.getTime() <= now.getTime();
}

const seatHolders: readonly EnrollmentState[] = [
  'placed',
  'withdrawn',
  'completed',
  'not-completed',
];

/**
 * Whether the person was expected at the session: they had a seat before it ended (a late joiner
 * is not due at what they missed) and had not left before it started (someone who stopped coming
 * is not due at the sessions after).
 */
export function isDueAt(participation: Participation, session: AttendanceSession): boolean {
  if (session.status !== 'scheduled' || !seatHolders.includes(participation.state)) return false;
  const { placedAt, withdrawnAt } = participation;
  if (placedAt === null || placedAt.getTime() >= session.endsAt.getTime()) return false;
  return withdrawnAt === null || withdrawnAt.getTime() > session.startsAt.getTime();
}

/**
 * Whether a session is on the person's record: they were due at it, or they were marked there.
 * Someone who left and was placed again keeps the marks of their first stint, which still count.
 */
export function countsFor(
  participation: Participation,
  session: AttendanceSession,
  mark: AttendanceMark | null,
): boolean {
  return session.status === 'scheduled' && (mark !== null || isDueAt(participation, session));
}

export type Completion = { attended: number; completed: boolean };

/**
 * Completion by the program's threshold: only `present` at a counted session is attended (excused
 * is not), so 4 of 6 means four sessions numbered 1..6 marked present.
 */
export function completionOf(
  marks: readonly { session: AttendanceSession; mark: AttendanceMark | null }[],
  threshold: number,
): Completion {
  const attended = marks.filter(
    ({ session, mark }) => mark === 'present' && isCounted(session),
  ).length;
  return { attended, completed: attended >= threshold };
}

/**
 * "Call them": the person's latest marks (sessions in order, unmarked ones skipped) end with two
 * or more absences. Someone who came back after a gap is not flagged, and an excused absence
 * means they were in touch already.
 */
export function missedTwoInARow(marksInOrder: readonly (AttendanceMark | null)[]): boolean {
  const marked = marksInOrder.filter((mark): mark is AttendanceMark => mark !== null);
  return marked.length >= 2 && marked.slice(-2).every((mark) => mark === 'absent');
}

/**
 * "No joining after session N": a freed seat goes to the waitlist only while at most N counted
 * sessions have been held, so someone who joins can still reach the completion threshold.
 */
export function offersFreedSeats(
  sessions: readonly AttendanceSession[],
  lastJoiningSession: number,
  now: Date,
): boolean {
  const held = sessions.filter((session) => isCounted(session) && hasStarted(session, now)).length;
  return held <= lastJoiningSession;
}

/**
 * The counted sessions someone placed now could still attend: scheduled, numbered from 1, and not
 * ended yet (a session under way still counts, as a late joiner is due at it).
 */
export function sessionsLeftToAttend(sessions: readonly AttendanceSession[], now: Date): number {
  return sessions.filter(
    (session) => isCounted(session) && session.endsAt.getTime() > now.getTime(),
  ).length;
}

/**
 * Whether someone with `left` sessions ahead can still reach the program's completion threshold;
 * someone placed again keeps what they attended before (`attended`, at sessions already over).
 */
export function canStillComplete(left: number, threshold: number, attended = 0): boolean {
  return attended + left >= threshold;
}

export type MarkingRefusal =
  'course-cancelled' | 'session-cancelled' | 'not-started' | 'closed' | 'not-due';

/**
 * Marking opens when the session starts and stays open until the course is closed; after that
 * only planning staff correct a mark (and the correction is audited with both values).
 */
export function markingRefusal(input: {
  courseStatus: CourseStatus;
  session: AttendanceSession;
  participation: Participation;
  /** The person's stored mark at this session: an earlier stint's mark can still be corrected. */
  mark: AttendanceMark | null;
  role: StaffRole;
  now: Date;
}): MarkingRefusal | null {
  if (input.courseStatus === 'cancelled') return 'course-cancelled';
  if (input.session.status === 'cancelled') return 'session-cancelled';
  if (!hasStarted(input.session, input.now)) return 'not-started';
  if (input.courseStatus === 'completed' && input.role === 'instructor') return 'closed';
  if (!countsFor(input.participation, input.session, input.mark)) return 'not-due';
  return null;
}

export type ClosingRefusal = 'not-running' | 'not-ended';

/** A course is closed by planning staff after its last session, unless cancelled or closed already. */
export function closingRefusal(
  course: { status: CourseStatus; sessions: readonly AttendanceSession[] },
  now: Date,
): ClosingRefusal | null {
  if (!['open', 'confirmed', 'running'].includes(course.status)) return 'not-running';
  const scheduled = course.sessions.filter((session) => session.status === 'scheduled');
  if (scheduled.length === 0) return 'not-ended';
  const lastEnd = Math.max(...scheduled.map((session) => session.endsAt.getTime()));
  return lastEnd <= now.getTime() ? null : 'not-ended';
}

export type Gap = { enrollmentId: number; sessionId: number };

/** Due at a held session and not marked: what stops a course from being closed. */
export function unmarkedGaps(
  participants: readonly (Participation & { enrollmentId: number })[],
  sessions: readonly AttendanceSession[],
  markOf: (enrollmentId: number, sessionId: number) => AttendanceMark | null,
  now: Date,
): Gap[] {
  const gaps: Gap[] = [];
  for (const session of sessions) {
    if (!hasStarted(session, now)) continue;
    for (const person of participants) {
      if (isDueAt(person, session) && markOf(person.enrollmentId, session.id) === null) {
        gaps.push({ enrollmentId: person.enrollmentId, sessionId: session.id });
      }
    }
  }
  return gaps;
}

export type AttendanceSummary = {
  attended: number;
  excused: number;
  absent: number;
  /** Held sessions the person was due at and that are not marked yet, plus those still to come. */
  due: number;
  callThem: boolean;
};

/** One person's line on the course page: counts over the sessions they were due at. */
export function summaryOf(
  participation: Participation,
  sessions: readonly AttendanceSession[],
  markAt: (sessionId: number) => AttendanceMark | null,
): AttendanceSummary {
  const theirs = sessions
    .filter((session) => countsFor(participation, session, markAt(session.id)))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const marks = theirs.map((session) => markAt(session.id));
  return {
    attended: marks.filter((mark) => mark === 'present').length,
    excused: marks.filter((mark) => mark === 'excused').length,
    absent: marks.filter((mark) => mark === 'absent').length,
    due: marks.filter((mark) => mark === null).length,
    callThem: missedTwoInARow(marks),
  };
}
