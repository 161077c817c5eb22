import { attendanceMarks, type AttendanceMark, type StaffRole } from '../../../db/schema';
import type { NewMark } from './attendance-commands';
import { courseMarkingOf, markingStateOf, type CourseMarking } from './attendance-sheets';
import { countsFor } from './attendance-rules';
import { markOf, type AttendanceSessionRow, type CourseAttendance } from './queries';

/**
 * A whole course as one grid, rows = people, columns = sessions: the form that types in a paper
 * roster afterwards, and the printed roster itself. Each cell has one form field name, so the
 * posted form maps back to (person, session) without hidden fields.
 */
export type GridCellState = 'not-due' | 'to-come' | 'editable' | 'read-only';

export type GridCell = {
  sessionId: number;
  field: string;
  state: GridCellState;
  mark: AttendanceMark | null;
};

export type GridRow = { enrollmentId: number; name: string; cells: GridCell[] };

export type AttendanceGrid = {
  /** The scheduled sessions in course order (a cancelled one has nothing to mark or print). */
  sessions: AttendanceSessionRow[];
  rows: GridRow[];
  /** What the whole grid allows: a note above it says why it cannot be changed. */
  marking: CourseMarking;
};

export function markField(enrollmentId: number, sessionId: number): string {
  return `mark-${enrollmentId}-${sessionId}`;
}

export function attendanceGrid(
  courseAttendance: CourseAttendance,
  role: StaffRole,
  now: Date,
): AttendanceGrid {
  const sessions = courseAttendance.sessions.filter((session) => session.status === 'scheduled');
  const rows = courseAttendance.participants.map((person) => ({
    enrollmentId: person.enrollmentId,
    name: person.name,
    cells: sessions.map((session): GridCell => {
      const marking = markingStateOf(courseAttendance, session, role, now);
      const stored = markOf(courseAttendance, person.enrollmentId, session.id);
      const state: GridCellState = !countsFor(person, session, stored)
        ? 'not-due'
        : marking === 'not-started'
          ? 'to-come'
          : marking === 'open' || marking === 'correction'
            ? 'editable'
            : 'read-only';
      return {
        sessionId: session.id,
        field: markField(person.enrollmentId, session.id),
        state,
        mark: markOf(courseAttendance, person.enrollmentId, session.id),
      };
    }),
  }));
  return { sessions, rows, marking: courseMarkingOf(courseAttendance, role) };
}

export type GridFormProblem =
  { kind: 'unknown-field' } | { kind: 'bad-value'; enrollmentId: number; sessionId: number };

export type GridForm = {
  /** The cells whose choice differs from the stored mark; an empty choice leaves a mark as it is. */
  marks: NewMark[];
  /** What was chosen, by field name, to show again when the form comes back. */
  values: Record<string, string>;
  problems: GridFormProblem[];
};

const fieldPattern = /^mark-(\d+)-(\d+)$/;
const isMark = (value: string): value is AttendanceMark =>
  (attendanceMarks as readonly string[]).includes(value);

/**
 * Reads the posted grid: every field must name a person and a session of this course and carry
 * one of the marks or nothing. Whether the person may be marked there is the command's to decide.
 */
export function readGridForm(
  courseAttendance: CourseAttendance,
  body: Record<string, unknown>,
): GridForm {
  const form: GridForm = { marks: [], values: {}, problems: [] };
  for (const [name, value] of Object.entries(body)) {
    const match = fieldPattern.exec(name);
    const enrollmentId = Number(match?.[1]);
    const sessionId = Number(match?.[2]);
    const known =
      courseAttendance.participants.some((person) => person.enrollmentId === enrollmentId) &&
      courseAttendance.sessions.some((session) => session.id === sessionId);
    if (!known) {
      form.problems.push({ kind: 'unknown-field' });
      continue;
    }
    if (typeof value !== 'string' || (value !== '' && !isMark(value))) {
      form.problems.push({ kind: 'bad-value', enrollmentId, sessionId });
      continue;
    }
    form.values[name] = value;
    if (isMark(value) && value !== markOf(courseAttendance, enrollmentId, sessionId)) {
      form.marks.push({ enrollmentId, sessionId, mark: value });
    }
  }
  return form;
}
