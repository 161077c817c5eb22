import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  AttendanceGridPage,
  type GridProblem,
} from '../../../views/attendance/attendance-grid-page';
import { PrintableRosterPage } from '../../../views/attendance/printable-roster-page';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { idParam } from '../../http/params';
import { courseTitle } from '../../i18n/format';
import { courseListRead, recordAudit } from '../audit/audit-log';
import { findCourse } from '../courses/queries';
import { leadsCourse } from '../enrollment/queries';
import { AttendanceRefused, markAttendance } from './attendance-commands';
import { attendanceGrid, markField, readGridForm, type GridFormProblem } from './attendance-grid';
import { loadCourseAttendance, type CourseAttendance } from './queries';
import { attendanceKeepers } from './routes';

type Loaded = {
  course: NonNullable<ReturnType<typeof findCourse>>;
  courseAttendance: CourseAttendance;
};

/**
 * A whole course's attendance at once: the printed roster for a venue without a phone, and the
 * grid that types it in afterwards (one form, one transaction: a refused box saves nothing).
 */
export function attendanceGridRoutes({ db, clock, mail }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  /** The course, if the user may keep its attendance: an instructor only a course they lead. */
  const load = (c: Context<SignedInEnv>): Loaded => {
    const courseId = idParam(c, 'id');
    const user = c.get('user');
    const course = findCourse(db, courseId);
    const courseAttendance = loadCourseAttendance(db, courseId);
    if (!course || !courseAttendance) throw new HTTPException(404);
    if (user.role === 'instructor' && !leadsCourse(db, user.id, courseId)) {
      throw new HTTPException(403);
    }
    return { course, courseAttendance };
  };

  const auditedGrid = (c: Context<SignedInEnv>, loaded: Loaded, detail: string) => {
    const { course, courseAttendance } = loaded;
    const user = c.get('user');
    const now = clock();
    recordAudit(db, courseListRead(user, course.course.id, detail), now);
    return attendanceGrid(courseAttendance, user.role, now);
  };

  const titleOf = (c: Context<SignedInEnv>, { course }: Loaded) =>
    courseTitle({ program: course.program, localityName: course.locality.name }, c.get('language'));

  const renderGrid = (
    c: Context<SignedInEnv>,
    loaded: Loaded,
    form: { values: Record<string, string>; problems: GridProblem[] } = {
      values: {},
      problems: [],
    },
  ) => {
    const grid = auditedGrid(c, loaded, 'attendance grid');
    const t = c.get('t');
    return c.render(
      <AttendanceGridPage
        course={loaded.course}
        grid={grid}
        values={form.values}
        problems={form.problems}
        t={t}
        language={c.get('language')}
      />,
      { title: `${t('attendance.grid.title')}: ${titleOf(c, loaded)}` },
    );
  };

  /** A problem with one box names the person and the session, in the summary and at the box. */
  const boxProblem = (
    c: Context<SignedInEnv>,
    { courseAttendance }: Loaded,
    at: { enrollmentId: number; sessionId: number },
    text: string,
  ): GridProblem => {
    const name =
      courseAttendance.participants.find((person) => person.enrollmentId === at.enrollmentId)
        ?.name ?? '';
    const number =
      courseAttendance.sessions.find((session) => session.id === at.sessionId)?.ordinal ?? 0;
    return {
      field: markField(at.enrollmentId, at.sessionId),
      text,
      summary: c.get('t')('attendance.grid.cellError', { name, number, problem: text }),
    };
  };

  const formProblem = (
    c: Context<SignedInEnv>,
    loaded: Loaded,
    problem: GridFormProblem,
  ): GridProblem => {
    const t = c.get('t');
    if (problem.kind === 'unknown-field') {
      const text = t('attendance.grid.unknownField');
      return { field: null, text, summary: text };
    }
    return boxProblem(c, loaded, problem, t('attendance.grid.badValue'));
  };

  app.get('/courses/:id/attendance/grid', attendanceKeepers, (c) => renderGrid(c, load(c)));

  app.post('/courses/:id/attendance/grid', attendanceKeepers, async (c) => {
    const loaded = load(c);
    const courseId = loaded.course.course.id;
    const form = readGridForm(loaded.courseAttendance, await c.req.parseBody({ all: true }));
    if (form.problems.length > 0) {
      c.status(422);
      return renderGrid(c, loaded, {
        values: form.values,
        problems: form.problems.map((problem) => formProblem(c, loaded, problem)),
      });
    }
    let changed: number;
    try {
      changed = markAttendance(
        db,
        { courseId, marks: form.marks },
        { actor: c.get('user'), mail: { ...mail, now: clock() } },
      );
    } catch (error) {
      if (!(error instanceof AttendanceRefused)) throw error;
      if (error.reason === 'not-found' || error.enrollmentId === null || error.sessionId === null) {
        throw new HTTPException(404);
      }
      c.status(422);
      const at = { enrollmentId: error.enrollmentId, sessionId: error.sessionId };
      const text = c.get('t')(`attendance.refused.${error.reason}`);
      return renderGrid(c, loaded, {
        values: form.values,
        problems: [boxProblem(c, loaded, at, text)],
      });
    }
    setFlash(c, { kind: 'success', key: 'attendance.grid.saved', params: { count: changed } });
    return c.redirect(`/courses/${courseId}/attendance`, 303);
  });

  app.get('/courses/:id/attendance/print', attendanceKeepers, (c) => {
    const loaded = load(c);
    const grid = auditedGrid(c, loaded, 'printed roster');
    const t = c.get('t');
    return c.render(
      <PrintableRosterPage course={loaded.course} grid={grid} t={t} language={c.get('language')} />,
      { title: `${t('attendance.print.title')}: ${titleOf(c, loaded)}` },
    );
  });

  return app;
}
