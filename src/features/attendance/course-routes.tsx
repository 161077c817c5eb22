import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { dropOutReasons } from '../../../db/schema';
import {
  CourseAttendancePage,
  type ClosingProblem,
} from '../../../views/attendance/course-attendance-page';
import { planningStaff } from '../../http/access';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { validForm, type FormState } from '../../http/form';
import { idParam } from '../../http/params';
import { optionalText, wholeNumber } from '../../lib/form-input';
import { courseListRead, recordAudit } from '../audit/audit-log';
import { instructorIdOfUser } from '../calls/queries';
import { findCourse, type CourseWithSchedule } from '../courses/queries';
import { findEnrollment, leadsCourse } from '../enrollment/queries';
import {
  askToCallAboutMissedSessions,
  ClosingRefused,
  closeCourse,
  DropOutRefused,
  recordDropOut,
  type AttendanceContext,
} from './attendance-commands';
import { courseSheet, describeGaps } from './attendance-sheets';
import { loadCourseAttendance } from './queries';
import { rosterWithAttendanceCsv } from './roster-export';
import { attendanceKeepers } from './routes';

const dropOutForm = z.object({
  enrollmentId: wholeNumber(1, Number.MAX_SAFE_INTEGER),
  reason: z.enum(dropOutReasons, 'attendance.dropOutChooseReason'),
  note: optionalText(500),
});

const emptyForm: FormState = { values: {}, errors: {} };

/**
 * A course's attendance page: each person's record with "call them", drop-outs, and closing the
 * course (planning staff), which freezes completion.
 */
export function courseAttendanceRoutes({ db, clock, mail }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  const contextOf = (c: Context<SignedInEnv>): AttendanceContext => ({
    actor: c.get('user'),
    mail: { ...mail, now: clock() },
  });

  /** The course, if the user keeps its attendance: an instructor only their own (403 otherwise). */
  const courseFor = (c: Context<SignedInEnv>, courseId: number): CourseWithSchedule => {
    const course = findCourse(db, courseId);
    if (!course) throw new HTTPException(404);
    const user = c.get('user');
    if (user.role === 'instructor' && !leadsCourse(db, user.id, courseId)) {
      throw new HTTPException(403);
    }
    return course;
  };

  const render = (
    c: Context<SignedInEnv>,
    course: CourseWithSchedule,
    options: { dropOut?: FormState; closing?: ClosingProblem } = {},
  ) => {
    const user = c.get('user');
    const now = clock();
    const courseAttendance = loadCourseAttendance(db, course.course.id);
    if (!courseAttendance) throw new HTTPException(404);
    recordAudit(db, courseListRead(user, course.course.id, 'attendance'), now);
    const t = c.get('t');
    return c.render(
      <CourseAttendancePage
        course={course}
        sheet={courseSheet(courseAttendance, now)}
        canClose={user.role !== 'instructor'}
        dropOut={options.dropOut ?? emptyForm}
        closing={options.closing ?? null}
        t={t}
        language={c.get('language')}
      />,
      { title: t('attendance.courseTitle', { course: '' }) },
    );
  };

  app.get('/courses/:id/attendance', attendanceKeepers, (c) =>
    render(c, courseFor(c, idParam(c, 'id'))),
  );

  /** The roster with attendance as a file for Excel; the export is audited, never its content. */
  app.get('/courses/:id/attendance.csv', attendanceKeepers, (c) => {
    const course = courseFor(c, idParam(c, 'id'));
    const courseAttendance = loadCourseAttendance(db, course.course.id);
    if (!courseAttendance) throw new HTTPException(404);
    recordAudit(
      db,
      {
        actor: c.get('user'),
        action: 'export',
        subjectType: 'course',
        subjectId: course.course.id,
        detail: 'roster with attendance CSV',
      },
      clock(),
    );
    const t = c.get('t');
    const fileName = t('attendance.csv.fileName', { id: course.course.id });
    return c.body(rosterWithAttendanceCsv(courseAttendance, t, c.get('language')), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': 'no-store',
    });
  });

  app.post('/courses/:id/closing', planningStaff, (c) => {
    const course = courseFor(c, idParam(c, 'id'));
    const t = c.get('t');
    try {
      const result = closeCourse(db, { courseId: course.course.id }, contextOf(c));
      setFlash(c, { kind: 'success', key: 'attendance.closed', params: { ...result } });
      return c.redirect(`/courses/${course.course.id}/attendance`, 303);
    } catch (error) {
      if (!(error instanceof ClosingRefused)) throw error;
      if (error.reason === 'not-found') throw new HTTPException(404);
      const courseAttendance = loadCourseAttendance(db, course.course.id)!;
      c.status(422);
      return render(c, course, {
        closing: {
          message: t(`attendance.closeRefused.${error.reason}`, { count: error.gaps.length }),
          gaps: describeGaps(courseAttendance, error.gaps),
        },
      });
    }
  });

  app.post(
    '/courses/:id/drop-outs',
    attendanceKeepers,
    validForm(dropOutForm, (c, invalid) =>
      render(c, courseFor(c, idParam(c, 'id')), { dropOut: invalid }),
    ),
    (c) => {
      const course = courseFor(c, idParam(c, 'id'));
      const input = c.req.valid('form');
      const enrollment = findEnrollment(db, input.enrollmentId);
      try {
        if (enrollment?.courseId !== course.course.id) throw new DropOutRefused('not-found');
        const { promotedApplicationIds } = recordDropOut(db, input, contextOf(c));
        setFlash(
          c,
          promotedApplicationIds.length > 0
            ? {
                kind: 'success',
                key: 'attendance.droppedOutAndPromoted',
                params: { count: promotedApplicationIds.length },
              }
            : { kind: 'success', key: 'attendance.droppedOut' },
        );
        return c.redirect(`/courses/${course.course.id}/attendance`, 303);
      } catch (error) {
        if (!(error instanceof DropOutRefused)) throw error;
        c.status(422);
        return render(c, course, {
          dropOut: {
            values: c.get('formValues'),
            errors: { enrollmentId: c.get('t')('attendance.dropOutRefused') },
          },
        });
      }
    },
  );

  app.post('/enrollments/:id/missed-sessions-call', attendanceKeepers, (c) => {
    const enrollment = findEnrollment(db, idParam(c, 'id'));
    if (!enrollment) throw new HTTPException(404);
    const course = courseFor(c, enrollment.courseId);
    const user = c.get('user');
    const assignTo = user.role === 'instructor' ? instructorIdOfUser(db, user.id) : null;
    const name = loadCourseAttendance(db, course.course.id)?.participants.find(
      (person) => person.enrollmentId === enrollment.id,
    )?.name;
    const outcome = askToCallAboutMissedSessions(
      db,
      { enrollmentId: enrollment.id, assignTo },
      contextOf(c),
    );
    if (outcome === 'not-placed') throw new HTTPException(404);
    setFlash(c, {
      kind: outcome === 'added' ? 'success' : 'info',
      key: outcome === 'added' ? 'attendance.callAdded' : 'attendance.callAlreadyQueued',
      params: { name: name ?? '' },
    });
    return c.redirect(`/courses/${course.course.id}/attendance`, 303);
  });

  return app;
}
