import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { eq } from 'drizzle-orm';
import { programs } from '../../../db/schema';
import { CancelCoursePage, CoursePage, titleOf } from '../../../views/courses/course-page';
import {
  EditCourseForm,
  NewCourseForm,
  type CourseFormState,
} from '../../../views/courses/course-form';
import { MovedDatesList, SessionDateList, WarningList } from '../../../views/courses/course-parts';
import type { FieldErrors } from '../../http/form';
import { planningStaff } from '../../http/access';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { validForm } from '../../http/form';
import { instantToWallClock } from '../../lib/helsinki-time';
import { courseSheet } from '../attendance/attendance-sheets';
import { loadCourseAttendance } from '../attendance/queries';
import { courseListRead, recordAudit } from '../audit/audit-log';
import { courseNeeds } from '../enrollment/queries';
import { buildCourseCalendar } from '../invites/course-calendar';
import { calendarCourseOf } from '../invites/invitations';
import { calendarResponse } from '../invites/routes';
import {
  cancelCourseAndTellEveryone,
  changeCourseDetails,
  changeCourseStatus,
  createCourse,
} from './course-changes';
import type { Conflict } from './conflicts';
import {
  courseCancellationForm,
  courseDetailsForm,
  courseStatusForm,
  newCourseForm,
} from './course-input';
import {
  canBeCancelled,
  defaultGoNoGoDate,
  instructorPairWarnings,
  nextStatuses,
  skippedSeriesDates,
} from './course-rules';
import {
  chosenInstructors,
  conflictsFor,
  instructorNameMap,
  previewNewCourse,
  referenceErrors,
  venueIsOnline,
} from './planning';
import {
  findPlanningChoices,
  instructorsByIds,
  listBlockedPeriods,
  type CourseWithSchedule,
} from './queries';
import { NoFreeDates } from './schedule';
import { commandContextFor, loadCourse } from './route-helpers';

export function courseRoutes({ db, clock, mail }: AppDeps) {
  const app = new Hono<SignedInEnv>();
  const today = () => instantToWallClock(clock()).date;
  const commandContext = commandContextFor({ clock, mail });

  const renderNewCourseForm = (c: Context<SignedInEnv>, state: CourseFormState) => {
    const t = c.get('t');
    return c.render(
      <NewCourseForm
        {...state}
        choices={findPlanningChoices(db)}
        t={t}
        language={c.get('language')}
      />,
      { title: t('course.newTitle') },
    );
  };

  app.get('/new', planningStaff, (c) =>
    renderNewCourseForm(c, {
      values: {
        termId: c.req.query('termId') ?? '',
        // "Plan a course" from the home page's licence items names the instructor.
        instructor1: c.req.query('instructor') ?? '',
        audience: 'open',
        startTime: '17:00',
      },
      errors: {},
    }),
  );

  app.post(
    '/',
    planningStaff,
    validForm(newCourseForm(today), (c, invalid) => renderNewCourseForm(c, invalid)),
    async (c) => {
      const input = c.req.valid('form');
      const t = c.get('t');
      const language = c.get('language');
      const values = c.get('formValues');
      const errors = referenceErrors(db, input, t);
      if (Object.keys(errors).length > 0) {
        c.status(422);
        return renderNewCourseForm(c, { values, errors });
      }
      const program = db.select().from(programs).where(eq(programs.id, input.programId)).get()!;
      const instructorIds = chosenInstructors(input);
      let preview;
      try {
        preview = previewNewCourse(db, {
          firstDate: input.firstDate,
          startTime: input.startTime,
          plan: program,
          venueId: input.venueId,
          venueIsOnline: venueIsOnline(db, input.venueId),
          instructorIds,
        });
      } catch (error) {
        if (!(error instanceof NoFreeDates)) throw error;
        c.status(422);
        return renderNewCourseForm(c, {
          values,
          errors: { firstDate: t('validation.noFreeDates') },
        });
      }
      const needsAcceptance = preview.conflicts.length > 0;
      if (input.intent === 'preview' || (needsAcceptance && !input.acceptWarnings)) {
        if (input.intent === 'save') c.status(422);
        const pairWarnings = instructorPairWarnings(instructorsByIds(db, instructorIds));
        return renderNewCourseForm(c, {
          values,
          errors: input.intent === 'save' ? { acceptWarnings: t('validation.acceptWarnings') } : {},
          needsAcceptance,
          preview: (
            <>
              <SessionDateList sessions={preview.sessions} t={t} language={language} />
              <MovedDatesList moved={preview.moved} t={t} language={language} />
              <WarningList
                conflicts={preview.conflicts}
                pairWarnings={pairWarnings}
                instructorNames={instructorNameMap(db, preview.conflicts)}
                t={t}
                language={language}
                withIntro
              />
            </>
          ),
        });
      }
      const courseId = createCourse(
        db,
        {
          termId: input.termId,
          programId: input.programId,
          localityId: input.localityId,
          venueId: input.venueId,
          audience: input.audience,
          targetService: input.targetService,
          goNoGoDate: input.goNoGoDate ?? defaultGoNoGoDate(preview.sessions[0]!.localDate),
          weeklyStartTime: input.startTime,
          instructorIds,
        },
        preview.sessions,
        commandContext(c),
      );
      setFlash(c, { kind: 'success', key: 'course.created' });
      return c.redirect(`/courses/${courseId}`, 303);
    },
  );

  const scheduledConflicts = (course: CourseWithSchedule): Conflict[] => {
    if (course.course.status === 'cancelled') return [];
    return conflictsFor(
      db,
      course.course.id,
      course.sessions
        .filter((session) => session.status === 'scheduled')
        .map((session) => ({ ...session, sessionId: session.id })),
      {
        venueId: course.course.venueId,
        venueIsOnline: course.venue?.kind === 'online',
        instructorIds: course.instructors.map((person) => person.id),
      },
    );
  };

  const renderCoursePage = (
    c: Context<SignedInEnv>,
    course: CourseWithSchedule,
    statusErrors: FieldErrors = {},
  ) => {
    const language = c.get('language');
    const conflicts = scheduledConflicts(course);
    const attendanceSheet = courseSheet(loadCourseAttendance(db, course.course.id)!, clock());
    if (attendanceSheet.rows.length > 0) {
      recordAudit(db, courseListRead(c.get('user'), course.course.id, 'attendance'), clock());
    }
    const needs = courseNeeds(db, { courseId: course.course.id, venue: course.venue });
    if (Object.values(needs.summary.counts).some((count) => count > 0)) {
      recordAudit(
        db,
        {
          actor: c.get('user'),
          action: 'read',
          subjectType: 'enrollment',
          detail: `needs of course ${course.course.id}`,
        },
        clock(),
      );
    }
    return c.render(
      <CoursePage
        course={course}
        pairWarnings={instructorPairWarnings(course.instructors)}
        conflicts={conflicts}
        instructorNames={instructorNameMap(db, conflicts)}
        skipped={skippedSeriesDates(
          course.sessions.map((session) => session.seriesDate),
          course.program.intervalWeeks,
          listBlockedPeriods(db),
        )}
        nextStatuses={nextStatuses[course.course.status]}
        cancellable={canBeCancelled(course.course.status)}
        statusErrors={statusErrors}
        attendance={attendanceSheet}
        needs={needs.summary}
        mismatches={needs.mismatches}
        t={c.get('t')}
        language={language}
      />,
      { title: titleOf(course, language) },
    );
  };

  app.get('/:id', planningStaff, (c) => renderCoursePage(c, loadCourse(db, c)));

  /** The course's series for download: METHOD:PUBLISH, no organizer, no attendees. */
  app.get('/:id/calendar.ics', planningStaff, (c) => {
    const course = loadCourse(db, c);
    const calendar = buildCourseCalendar({
      course: calendarCourseOf(course, c.get('language'), 'published'),
      method: 'PUBLISH',
      stamp: clock(),
      organizer: mail.organizer,
    });
    return calendarResponse(c, calendar, `kurssi-${course.course.id}.ics`);
  });

  const renderEditForm = (
    c: Context<SignedInEnv>,
    course: CourseWithSchedule,
    state: CourseFormState,
  ) => {
    const t = c.get('t');
    const language = c.get('language');
    return c.render(
      <EditCourseForm
        {...state}
        values={{ ...state.values, localityId: String(course.course.localityId) }}
        courseId={course.course.id}
        title={titleOf(course, language)}
        choices={findPlanningChoices(db)}
        t={t}
        language={language}
      />,
      { title: t('course.editTitle') },
    );
  };

  app.get('/:id/edit', planningStaff, (c) => {
    const course = loadCourse(db, c);
    const [first, second] = course.instructors;
    return renderEditForm(c, course, {
      values: {
        venueId: course.course.venueId ? String(course.course.venueId) : '',
        audience: course.course.audience,
        targetService: course.course.targetService,
        instructor1: first ? String(first.id) : '',
        instructor2: second ? String(second.id) : '',
        goNoGoDate: course.course.goNoGoDate,
      },
      errors: {},
    });
  });

  app.post(
    '/:id',
    planningStaff,
    validForm(courseDetailsForm, (c, invalid) => renderEditForm(c, loadCourse(db, c), invalid)),
    async (c) => {
      const course = loadCourse(db, c);
      const input = c.req.valid('form');
      const t = c.get('t');
      const values = c.get('formValues');
      const errors = referenceErrors(db, { ...input, localityId: course.course.localityId }, t);
      if (Object.keys(errors).length > 0) {
        c.status(422);
        return renderEditForm(c, course, { values, errors });
      }
      const instructorIds = chosenInstructors(input);
      const conflicts = conflictsFor(
        db,
        course.course.id,
        course.sessions
          .filter((session) => session.status === 'scheduled')
          .map((session) => ({ ...session, sessionId: session.id })),
        { venueId: input.venueId, venueIsOnline: venueIsOnline(db, input.venueId), instructorIds },
      );
      if (conflicts.length > 0 && !input.acceptWarnings) {
        c.status(422);
        return renderEditForm(c, course, {
          values,
          errors: { acceptWarnings: t('validation.acceptWarnings') },
          needsAcceptance: true,
          preview: (
            <WarningList
              conflicts={conflicts}
              pairWarnings={[]}
              instructorNames={instructorNameMap(db, conflicts)}
              t={t}
              language={c.get('language')}
              withIntro
            />
          ),
        });
      }
      changeCourseDetails(
        db,
        course.course.id,
        {
          venueId: input.venueId,
          audience: input.audience,
          targetService: input.targetService,
          goNoGoDate: input.goNoGoDate ?? course.course.goNoGoDate,
          instructorIds,
        },
        commandContext(c),
      );
      setFlash(c, { kind: 'success', key: 'course.updated' });
      return c.redirect(`/courses/${course.course.id}`, 303);
    },
  );

  app.post(
    '/:id/status',
    planningStaff,
    validForm(courseStatusForm, (c, invalid) =>
      renderCoursePage(c, loadCourse(db, c), invalid.errors),
    ),
    (c) => {
      const course = loadCourse(db, c);
      const { status } = c.req.valid('form');
      const t = c.get('t');
      if (!changeCourseStatus(db, course.course.id, status, commandContext(c))) {
        c.status(422);
        return renderCoursePage(c, course, { status: t('validation.statusChange') });
      }
      setFlash(c, {
        kind: 'success',
        key: 'course.statusChanged',
        params: { status: t(`course.status.${status}`) },
      });
      return c.redirect(`/courses/${course.course.id}`, 303);
    },
  );

  const renderCancelPage = (
    c: Context<SignedInEnv>,
    course: CourseWithSchedule,
    form: { values: Record<string, string>; errors: FieldErrors },
  ) => {
    const t = c.get('t');
    if (!canBeCancelled(course.course.status)) throw new HTTPException(404);
    return c.render(
      <CancelCoursePage course={course} {...form} t={t} language={c.get('language')} />,
      {
        title: t('course.cancelTitle'),
      },
    );
  };

  app.get('/:id/cancellation', planningStaff, (c) =>
    renderCancelPage(c, loadCourse(db, c), { values: {}, errors: {} }),
  );

  app.post(
    '/:id/cancellation',
    planningStaff,
    validForm(courseCancellationForm, (c, invalid) =>
      renderCancelPage(c, loadCourse(db, c), invalid),
    ),
    (c) => {
      const course = loadCourse(db, c);
      const { reason } = c.req.valid('form');
      const courseId = course.course.id;
      if (!cancelCourseAndTellEveryone(db, { courseId, reason }, commandContext(c))) {
        throw new HTTPException(404);
      }
      setFlash(c, { kind: 'info', key: 'course.cancelledFlash' });
      return c.redirect(`/courses/${course.course.id}`, 303);
    },
  );

  return app;
}
