import type { AttendanceMark, StaffRole } from '../../../db/schema';
import {
  hasStarted,
  completionOf,
  countsFor,
  summaryOf,
  type AttendanceSummary,
  type Gap,
} from './attendance-rules';
import {
  markKey,
  markOf,
  type AttendanceParticipant,
  type AttendanceSessionRow,
  type CourseAttendance,
} from './queries';

/**
 * What the attendance pages show, shaped from one course's loaded attendance: plain functions, so
 * the pages get data, not rules.
 */
export type MarkingState = 'open' | 'correction' | 'not-started' | 'closed' | 'cancelled';

export type SheetRow = {
  enrollmentId: number;
  name: string;
  phone: string;
  mark: AttendanceMark | null;
  markedByName: string | null;
  markedAt: Date | null;
};

export type SessionSheet = {
  session: AttendanceSessionRow;
  marking: MarkingState;
  /** Only the people due at this session: late joiners and leavers appear where they belong. */
  rows: SheetRow[];
};

/** What the course as a whole allows: marking, a coordinator's correction, or nothing. */
export type CourseMarking = 'open' | 'correction' | 'closed' | 'cancelled';

export function courseMarkingOf(
  courseAttendance: CourseAttendance,
  role: StaffRole,
): CourseMarking {
  if (courseAttendance.status === 'cancelled') return 'cancelled';
  if (courseAttendance.status !== 'completed') return 'open';
  return role === 'instructor' ? 'closed' : 'correction';
}

export function markingStateOf(
  courseAttendance: CourseAttendance,
  session: AttendanceSessionRow,
  role: StaffRole,
  now: Date,
): MarkingState {
  if (session.status === 'cancelled') return 'cancelled';
  const course = courseMarkingOf(courseAttendance, role);
  if (course === 'cancelled') return course;
  return hasStarted(session, now) ? course : 'not-started';
}

export function sessionSheet(
  courseAttendance: CourseAttendance,
  sessionId: number,
  role: StaffRole,
  now: Date,
): SessionSheet | undefined {
  const session = courseAttendance.sessions.find((each) => each.id === sessionId);
  if (!session) return undefined;
  const rows = courseAttendance.participants
    .filter((person) =>
      countsFor(person, session, markOf(courseAttendance, person.enrollmentId, session.id)),
    )
    .map((person) => {
      const stored = courseAttendance.marks.get(markKey(person.enrollmentId, session.id));
      return {
        enrollmentId: person.enrollmentId,
        name: person.name,
        phone: person.phone,
        mark: stored?.mark ?? null,
        markedByName: stored?.markedByName ?? null,
        markedAt: stored?.markedAt ?? null,
      };
    });
  return { session, marking: markingStateOf(courseAttendance, session, role, now), rows };
}

export type SessionProgress = AttendanceSessionRow & {
  started: boolean;
  /**
   * Past its start, so no longer to be moved or cancelled: held. A cancelled course's past
   * sessions count as held only where attendance was marked.
   */
  held: boolean;
  due: number;
  marked: number;
  present: number;
};

export type CourseSheetRow = {
  enrollmentId: number;
  name: string;
  phone: string;
  state: CourseAttendance['participants'][number]['state'];
  dropOutReason: string;
  summary: AttendanceSummary;
  /** Per session in course order: the mark, or 'not-due' where the person was not expected. */
  cells: { sessionId: number; mark: AttendanceMark | null | 'not-due' }[];
};

export type CourseSheet = { sessions: SessionProgress[]; rows: CourseSheetRow[] };

export function courseSheet(courseAttendance: CourseAttendance, now: Date): CourseSheet {
  const { sessions, participants } = courseAttendance;
  const mark = (enrollmentId: number, sessionId: number) =>
    markOf(courseAttendance, enrollmentId, sessionId);
  return {
    sessions: sessions.map((session) => {
      const due = participants.filter((person) =>
        countsFor(person, session, mark(person.enrollmentId, session.id)),
      );
      const marks = due.map((person) => mark(person.enrollmentId, session.id));
      const started = hasStarted(session, now);
      const marked = marks.filter((each) => each !== null).length;
      return {
        ...session,
        started,
        held: started && (courseAttendance.status !== 'cancelled' || marked > 0),
        due: due.length,
        marked,
        present: marks.filter((each) => each === 'present').length,
      };
    }),
    rows: participants.map((person) => ({
      enrollmentId: person.enrollmentId,
      name: person.name,
      phone: person.phone,
      state: person.state,
      dropOutReason: person.dropOutReason,
      summary: summaryOf(person, sessions, (sessionId) => mark(person.enrollmentId, sessionId)),
      cells: sessions.map((session) => ({
        sessionId: session.id,
        mark: countsFor(person, session, mark(person.enrollmentId, session.id))
          ? mark(person.enrollmentId, session.id)
          : 'not-due',
      })),
    })),
  };
}

/** The gaps that stop closing, with the name and session number the message lists. */
export function describeGaps(courseAttendance: CourseAttendance, gaps: readonly Gap[]) {
  return gaps.map((gap) => ({
    ...gap,
    name:
      courseAttendance.participants.find((person) => person.enrollmentId === gap.enrollmentId)
        ?.name ?? '',
    ordinal:
      courseAttendance.sessions.find((session) => session.id === gap.sessionId)?.ordinal ?? 0,
  }));
}

/** Sessions attended (present at a counted session) and whether that meets the threshold. */
export function completionOfPerson(
  courseAttendance: CourseAttendance,
  person: AttendanceParticipant,
) {
  const marks = courseAttendance.sessions
    .filter((session) =>
      countsFor(person, session, markOf(courseAttendance, person.enrollmentId, session.id)),
    )
    .map((session) => ({
      session,
      mark: markOf(courseAttendance, person.enrollmentId, session.id),
    }));
  return completionOf(marks, courseAttendance.completionThreshold);
}
