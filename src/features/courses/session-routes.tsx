import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { MoveSessionPage, SessionStartedPage } from '../../../views/courses/course-page';
import { planningStaff } from '../../http/access';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { validForm, type FieldErrors } from '../../http/form';
import { idParam } from '../../http/params';
import { instantToWallClock, wallClockToInstant } from '../../lib/helsinki-time';
import { hasStarted } from '../attendance/attendance-rules';
import type { Conflict } from './conflicts';
import { cancelCourseSession, moveSession } from './course-changes';
import { sessionMoveForm } from './course-input';
import { conflictsFor, instructorNameMap } from './planning';
import type { CourseWithSchedule } from './queries';
import { commandContextFor, loadCourse } from './route-helpers';

/** Moving or cancelling one session of a course. */
export function courseSessionRoutes({ db, clock, mail }: AppDeps) {
  const app = new Hono<SignedInEnv>();
  const today = () => instantToWallClock(clock()).date;
  const commandContext = commandContextFor({ clock, mail });

  const loadSession = (c: Context, course: CourseWithSchedule) => {
    const sessionId = idParam(c, 'sessionId');
    const session = course.sessions.find((candidate) => candidate.id === sessionId);
    if (!session || session.status !== 'scheduled' || course.course.status === 'cancelled') {
      throw new HTTPException(404);
    }
    return session;
  };

  /** A session that has started has been held: it is no longer moved or cancelled. */
  const refuseStarted = (
    c: Context<SignedInEnv>,
    course: CourseWithSchedule,
    session: CourseWithSchedule['sessions'][number],
  ) => {
    if (!hasStarted(session, clock())) return null;
    const t = c.get('t');
    c.status(422);
    return c.render(
      <SessionStartedPage
        course={course}
        ordinal={session.ordinal}
        startsAt={session.startsAt}
        t={t}
        language={c.get('language')}
      />,
      { title: t('course.session.startedTitle', { number: session.ordinal }) },
    );
  };

  const renderMovePage = (
    c: Context<SignedInEnv>,
    course: CourseWithSchedule,
    form: { values: Record<string, string>; errors: FieldErrors; conflicts?: Conflict[] },
  ) => {
    const session = loadSession(c, course);
    const refused = refuseStarted(c, course, session);
    if (refused) return refused;
    const t = c.get('t');
    return c.render(
      <MoveSessionPage
        course={course}
        sessionId={session.id}
        ordinal={session.ordinal}
        values={form.values}
        errors={form.errors}
        conflicts={form.conflicts ?? []}
        instructorNames={instructorNameMap(db, form.conflicts ?? [])}
        t={t}
        language={c.get('language')}
      />,
      { title: t('course.session.moveTitle', { number: session.ordinal }) },
    );
  };

  app.get('/:id/sessions/:sessionId/rescheduling', planningStaff, (c) => {
    const course = loadCourse(db, c);
    const session = loadSession(c, course);
    return renderMovePage(c, course, {
      values: {
        localDate: session.localDate,
        startTime: session.startTime,
        endTime: session.endTime,
      },
      errors: {},
    });
  });

  app.post(
    '/:id/sessions/:sessionId/rescheduling',
    planningStaff,
    validForm(sessionMoveForm(today), (c, invalid) =>
      renderMovePage(c, loadCourse(db, c), invalid),
    ),
    async (c) => {
      const course = loadCourse(db, c);
      const session = loadSession(c, course);
      const refused = refuseStarted(c, course, session);
      if (refused) return refused;
      const input = c.req.valid('form');
      const moved = {
        sessionId: session.id,
        localDate: input.localDate,
        startsAt: wallClockToInstant(input.localDate, input.startTime),
        endsAt: wallClockToInstant(input.localDate, input.endTime),
      };
      const conflicts = conflictsFor(db, course.course.id, [moved], {
        venueId: course.course.venueId,
        venueIsOnline: course.venue?.kind === 'online',
        instructorIds: course.instructors.map((person) => person.id),
      });
      if (conflicts.length > 0 && !input.acceptWarnings) {
        c.status(422);
        return renderMovePage(c, course, {
          values: c.get('formValues'),
          errors: { acceptWarnings: c.get('t')('validation.acceptWarnings') },
          conflicts,
        });
      }
      moveSession(
        db,
        {
          courseId: course.course.id,
          sessionId: session.id,
          localDate: input.localDate,
          startTime: input.startTime,
          endTime: input.endTime,
        },
        commandContext(c),
      );
      setFlash(c, { kind: 'success', key: 'course.session.moved' });
      return c.redirect(`/courses/${course.course.id}`, 303);
    },
  );

  app.post('/:id/sessions/:sessionId/cancellation', planningStaff, (c) => {
    const course = loadCourse(db, c);
    const session = loadSession(c, course);
    const refused = refuseStarted(c, course, session);
    if (refused) return refused;
    cancelCourseSession(
      db,
      { courseId: course.course.id, sessionId: session.id },
      commandContext(c),
    );
    setFlash(c, { kind: 'info', key: 'course.session.cancelledFlash' });
    return c.redirect(`/courses/${course.course.id}`, 303);
  });

  return app;
}
