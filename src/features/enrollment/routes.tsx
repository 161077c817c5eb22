import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { regionShown } from '../places/regions';
import { DecisionsPage } from '../../../views/enrollment/decisions-page';
import { RosterPage } from '../../../views/enrollment/roster-page';
import { NeedsBlock, needsBlockId, transportFormId } from '../../../views/enrollment/needs-parts';
import type { InvalidRowForm } from '../../../views/enrollment/row-field';
import { access, planningStaff } from '../../http/access';
import { isHtmxRequestFor } from '../../http/htmx';
import { idParam } from '../../http/params';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { validForm } from '../../http/form';
import { instantToWallClock } from '../../lib/helsinki-time';
import { checkbox, requiredText, wholeNumber } from '../../lib/form-input';
import { transportMeans, transportStates } from '../../../db/schema';
import { courseListRead, recordAudit } from '../audit/audit-log';
import {
  awaitingDecision,
  cancelCourseAndTellEveryone,
  confirmCourseAnyway,
  postponeCourse,
  type CourseCommandContext,
} from '../courses/course-changes';
import { coursesAtRisk } from '../courses/at-risk-queries';
import { findCourse, type CourseWithSchedule } from '../courses/queries';
import {
  courseRoster,
  demandListFor,
  findEnrollment,
  goNoGoDecisions,
  leadsCourse,
  courseNeeds,
} from './queries';
import { recordTransport } from './transport';
import {
  CompletionOutOfReach,
  EnrollmentRefused,
  moveUpOnWaitlist,
  placeOnCourse,
  withdrawEnrollment,
  type SeatCommandContext,
} from './seats';

const anId = wholeNumber(1, Number.MAX_SAFE_INTEGER);
const reasonForm = z.object({ reason: requiredText(500) });
const placementForm = z.object({
  applicationId: anId,
  courseId: anId,
  confirmCannotComplete: checkbox,
});
const transportForm = z
  .object({
    state: z.enum(transportStates, 'validation.unknownChoice'),
    means: z.enum(['', ...transportMeans], 'validation.unknownChoice').default(''),
  })
  .superRefine((form, ctx) => {
    if (form.state === 'arranged' && form.means === '') {
      ctx.addIssue({ code: 'custom', path: ['means'], message: 'transport.meansRequired' });
    }
  });
const goDecisionForm = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('confirm') }),
  z.object({ decision: z.literal('postpone'), weeks: wholeNumber(1, 12) }),
  z.object({ decision: z.literal('cancel'), reason: requiredText(500) }),
]);

/** The enrollment is gone or no longer in the state the action needs: nothing to act on. */
function refusedAs404<Result>(command: () => Result): Result {
  try {
    return command();
  } catch (error) {
    if (error instanceof EnrollmentRefused) throw new HTTPException(404);
    throw error;
  }
}

/**
 * Staff actions on enrollments: the course roster, placing from the demand list, moving up on the
 * waitlist, withdrawing, and the go/no-go decisions on courses short of their minimum.
 */
export function enrollmentRoutes({ db, clock, mail }: AppDeps) {
  const app = new Hono<SignedInEnv>();
  const commandContext = (c: Context<SignedInEnv>): SeatCommandContext & CourseCommandContext => ({
    actor: c.get('user'),
    mail: { ...mail, now: clock() },
  });
  const today = () => instantToWallClock(clock()).date;

  const loadCourse = (courseId: number) => {
    const course = findCourse(db, courseId);
    if (!course) throw new HTTPException(404);
    return course;
  };

  const enrollmentOr404 = (c: Context) => {
    const enrollment = findEnrollment(db, idParam(c, 'id'));
    if (!enrollment) throw new HTTPException(404);
    return enrollment;
  };

  const renderRoster = (
    c: Context<SignedInEnv>,
    course: CourseWithSchedule,
    invalid: InvalidRowForm | null,
  ) => {
    const user = c.get('user');
    const canManage = user.role !== 'instructor';
    recordAudit(db, courseListRead(user, course.course.id, 'roster'), clock());
    const t = c.get('t');
    const needs = courseNeeds(db, { courseId: course.course.id, venue: course.venue });
    return c.render(
      <RosterPage
        course={course}
        roster={courseRoster(db, course.course.id)}
        canManage={canManage}
        demand={canManage ? demandListFor(db, course.course, course.venue) : []}
        invalid={invalid}
        needs={needs.summary}
        mismatches={needs.mismatches}
        t={t}
        language={c.get('language')}
      />,
      { title: t('roster.title') },
    );
  };

  app.get('/courses/:id/roster', access(['coordinator', 'admin', 'instructor']), (c) => {
    const course = loadCourse(idParam(c, 'id'));
    const user = c.get('user');
    if (user.role === 'instructor' && !leadsCourse(db, user.id, course.course.id)) {
      throw new HTTPException(403);
    }
    return renderRoster(c, course, null);
  });

  /** Places an applicant; a full course puts them on its waitlist. */
  app.post(
    '/enrollments',
    planningStaff,
    validForm(placementForm, (c, invalid) => {
      const courseId = Number(invalid.values.courseId);
      if (!Number.isSafeInteger(courseId) || courseId <= 0) throw new HTTPException(400);
      return renderRoster(c, loadCourse(courseId), { form: 'place', ...invalid });
    }),
    (c) => {
      const input = c.req.valid('form');
      try {
        const placed = placeOnCourse(db, input, commandContext(c));
        const { left, counted } = placed.sessions;
        setFlash(
          c,
          placed.state === 'waitlisted'
            ? { kind: 'success', key: 'roster.waitlisted' }
            : left < counted
              ? { kind: 'success', key: 'roster.placedSessionsLeft', params: placed.sessions }
              : { kind: 'success', key: 'roster.placed' },
        );
      } catch (error) {
        if (error instanceof CompletionOutOfReach) {
          c.status(422);
          return renderRoster(c, loadCourse(input.courseId), {
            form: 'place',
            values: c.get('formValues'),
            errors: {
              confirmCannotComplete: c.get('t')('placement.cannotComplete', {
                left: error.left,
                threshold: error.threshold,
              }),
            },
          });
        }
        if (!(error instanceof EnrollmentRefused)) throw error;
        if (error.reason === 'not-found') throw new HTTPException(404);
        setFlash(c, { kind: 'error', key: `roster.refused.${error.reason}` });
      }
      return c.redirect(`/courses/${input.courseId}/roster`, 303);
    },
  );

  app.post(
    '/enrollments/:id/move-up',
    planningStaff,
    validForm(reasonForm, (c, invalid) => {
      const enrollment = enrollmentOr404(c);
      return renderRoster(c, loadCourse(enrollment.courseId), {
        form: `move-up-${enrollment.id}`,
        ...invalid,
      });
    }),
    (c) => {
      const input = { enrollmentId: idParam(c), reason: c.req.valid('form').reason };
      const courseId = refusedAs404(() => moveUpOnWaitlist(db, input, commandContext(c)));
      setFlash(c, { kind: 'success', key: 'roster.movedUp' });
      return c.redirect(`/courses/${courseId}/roster`, 303);
    },
  );

  app.post(
    '/enrollments/:id/withdrawal',
    planningStaff,
    validForm(reasonForm, (c, invalid) => {
      const enrollment = enrollmentOr404(c);
      return renderRoster(c, loadCourse(enrollment.courseId), {
        form: `withdraw-${enrollment.id}`,
        ...invalid,
      });
    }),
    (c) => {
      const input = { enrollmentId: idParam(c), reason: c.req.valid('form').reason };
      const { courseId, promotedApplicationIds } = refusedAs404(() =>
        withdrawEnrollment(db, input, commandContext(c)),
      );
      setFlash(
        c,
        promotedApplicationIds.length > 0
          ? {
              kind: 'success',
              key: 'roster.withdrawnAndPromoted',
              params: { count: promotedApplicationIds.length },
            }
          : { kind: 'success', key: 'roster.withdrawn' },
      );
      return c.redirect(`/courses/${courseId}/roster`, 303);
    },
  );

  /**
   * After a transport save: an htmx request that targets the person's needs gets just those back
   * (with the messages when invalid); anything else the whole roster.
   */
  const respondWithNeeds = (
    c: Context<SignedInEnv>,
    enrollment: { id: number; courseId: number },
    invalid: InvalidRowForm | null,
  ) => {
    const row = courseRoster(db, enrollment.courseId).find(
      (entry) => entry.enrollmentId === enrollment.id,
    );
    if (!row) throw new HTTPException(404);
    if (invalid !== null) {
      // A saved change has its own entry; a refused one still shows the person's needs again.
      recordAudit(
        db,
        {
          actor: c.get('user'),
          action: 'read',
          subjectType: 'enrollment',
          subjectId: enrollment.id,
          detail: 'needs',
        },
        clock(),
      );
    }
    const t = c.get('t');
    return c.render(
      <NeedsBlock row={row} canManage invalid={invalid} saved={invalid === null} t={t} />,
      { title: t('roster.title') },
    );
  };

  /** How a placed participant's transport stands: to arrange, arranged (and how), not needed. */
  app.post(
    '/enrollments/:id/transport',
    planningStaff,
    validForm(transportForm, (c, invalid) => {
      const enrollment = enrollmentOr404(c);
      const rowForm = { form: transportFormId(enrollment.id), ...invalid };
      if (isHtmxRequestFor(c, needsBlockId(enrollment.id))) {
        return respondWithNeeds(c, enrollment, rowForm);
      }
      return renderRoster(c, loadCourse(enrollment.courseId), rowForm);
    }),
    (c) => {
      const enrollmentId = idParam(c);
      const input = c.req.valid('form');
      const { courseId } = refusedAs404(() =>
        recordTransport(
          db,
          { enrollmentId, state: input.state, means: input.means },
          { actor: c.get('user'), now: clock() },
        ),
      );
      if (isHtmxRequestFor(c, needsBlockId(enrollmentId))) {
        return respondWithNeeds(c, { id: enrollmentId, courseId }, null);
      }
      setFlash(c, { kind: 'success', key: 'transport.saved' });
      return c.redirect(`/courses/${courseId}/roster#enrollment-${enrollmentId}`, 303);
    },
  );

  const renderDecisions = (c: Context<SignedInEnv>, invalid: InvalidRowForm | null) => {
    const t = c.get('t');
    const region = regionShown(db, c);
    return c.render(
      <DecisionsPage
        region={region}
        decisions={goNoGoDecisions(db, today(), region.region)}
        atRisk={coursesAtRisk(db, today(), region.region)}
        invalid={invalid}
        t={t}
        language={c.get('language')}
      />,
      { title: t('decision.title') },
    );
  };

  app.get('/decisions', planningStaff, (c) => renderDecisions(c, null));

  app.post(
    '/courses/:id/go-decision',
    planningStaff,
    validForm(goDecisionForm, (c, invalid) =>
      renderDecisions(c, {
        form: `${invalid.values.decision ?? ''}-${c.req.param('id')}`,
        ...invalid,
      }),
    ),
    (c) => {
      const course = loadCourse(idParam(c, 'id'));
      if (!awaitingDecision.includes(course.course.status)) throw new HTTPException(404);
      const input = c.req.valid('form');
      const courseId = course.course.id;
      const context = commandContext(c);
      // Another coordinator may have decided first: the course is then no longer waiting.
      const decided = (done: boolean) => {
        if (!done) throw new HTTPException(404);
      };
      switch (input.decision) {
        case 'confirm':
          decided(confirmCourseAnyway(db, courseId, context));
          setFlash(c, { kind: 'success', key: 'decision.confirmed' });
          break;
        case 'postpone':
          decided(postponeCourse(db, { courseId, weeks: input.weeks }, context));
          setFlash(c, {
            kind: 'success',
            key: 'decision.postponed',
            params: { weeks: input.weeks },
          });
          break;
        case 'cancel':
          decided(cancelCourseAndTellEveryone(db, { courseId, reason: input.reason }, context));
          setFlash(c, { kind: 'info', key: 'decision.cancelled' });
          break;
      }
      return c.redirect('/decisions', 303);
    },
  );

  return app;
}
