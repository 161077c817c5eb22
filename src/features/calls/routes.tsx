import { regionShown } from '../places/regions';
import { interviewNotesMax } from './interview-input';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  CallQueueItemRows,
  CallQueuePage,
  type RowProblem,
} from '../../../views/calls/call-queue-page';
import { isHtmxRequestFor } from '../../http/htmx';
import { afterCursor } from '../../http/paging';
import { InterviewPage, type InterviewFormState } from '../../../views/calls/interview-page';
import type { FieldErrors, FormState } from '../../http/form';
import { access, planningStaff } from '../../http/access';
import { idParam } from '../../http/params';
import { findApplicantChoices, findApplication, type ApplicationRow } from '../intake/queries';
import { candidatesToCall } from '../candidates/queries';
import { listUnconfirmedSubmissions } from '../intake/unconfirmed-submissions';
import { listLocalities } from '../places/queries';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { typedValues, validForm, type InvalidFormRenderer } from '../../http/form';
import { recordAudit } from '../audit/audit-log';
import { chooseReminders, reminderChoiceForm, reminderChoiceOf } from '../texts/reminder-choice';
import { CompletionOutOfReach, EnrollmentRefused } from '../enrollment/seats';
import {
  correctApplicantDetails,
  InterviewAlreadyDone,
  recordInterview,
  type InterviewResult,
} from './interview-command';
import {
  applicantDetailsInputFor,
  assignmentInputFor,
  callAttemptInputFor,
  closureInput,
  interviewInputFor,
} from './interview-input';
import {
  assignCall,
  closeApplication,
  instructorIdOfUser,
  pageOfCallQueue,
  listInstructorChoices,
  listPlacementCourses,
  recordCallAttempt,
} from './queries';

/** Planning staff call anyone; an instructor calls the applicants assigned to them. */
const callers = access(['coordinator', 'admin', 'instructor']);

function isOnTheQueue(application: ApplicationRow): boolean {
  return (
    application.state === 'to-call' ||
    (application.callReason !== 'intake' && application.state !== 'closed')
  );
}

/** Checkbox groups do not fit the typed values (text only), so the ticked needs are read again. */
async function tickedNeeds(c: Context<SignedInEnv>): Promise<string[]> {
  const body = await c.req.parseBody({ all: true });
  return [body.needs ?? []].flat().filter((value): value is string => typeof value === 'string');
}

export function callRoutes({ db, clock, config, mail }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  /** An instructor's queue is scoped in the query; the same rule guards every single item. */
  const callerScope = (c: Context<SignedInEnv>): { assignedTo: number | null } | 'nothing' => {
    const user = c.get('user');
    if (user.role !== 'instructor') return { assignedTo: null };
    const instructorId = instructorIdOfUser(db, user.id);
    return instructorId === null ? 'nothing' : { assignedTo: instructorId };
  };

  /** An instructor places people only on the courses they lead; planning staff on any. */
  const placementCoursesFor = (c: Context<SignedInEnv>) => {
    const scope = callerScope(c);
    return scope === 'nothing' ? [] : listPlacementCourses(db, { ledBy: scope.assignedTo });
  };

  const applicationForCaller = (c: Context<SignedInEnv>): ApplicationRow => {
    const application = findApplication(db, idParam(c));
    if (!application) throw new HTTPException(404);
    const scope = callerScope(c);
    if (
      scope === 'nothing' ||
      (scope.assignedTo !== null && application.assignedInstructorId !== scope.assignedTo)
    ) {
      throw new HTTPException(403);
    }
    return application;
  };

  const queuedApplicationForCaller = (c: Context<SignedInEnv>): ApplicationRow => {
    const application = applicationForCaller(c);
    if (!isOnTheQueue(application)) throw new HTTPException(404);
    return application;
  };

  /**
   * A GET may ask for a later page; a form that came back with a problem shows the page its row
   * is on (the first page, or one starting at that row).
   */
  const renderQueue = (c: Context<SignedInEnv>, problem?: RowProblem) => {
    const t = c.get('t');
    const user = c.get('user');
    const language = c.get('language');
    const scope = callerScope(c);
    // The region only narrows: an instructor's queue stays their own assigned calls.
    const region = regionShown(db, c);
    const after = problem ? undefined : afterCursor(c);
    const pageAt = (position: { after?: number; from?: number }) =>
      scope === 'nothing'
        ? { rows: [], nextAfter: null }
        : pageOfCallQueue(
            db,
            { ...scope, region: region.region },
            config.unreachableRule,
            position,
          );
    let page = pageAt({ after });
    let laterPage = after !== undefined;
    if (problem && !page.rows.some((row) => row.id === problem.applicationId)) {
      page = pageAt({ from: problem.applicationId });
      laterPage = true;
    }
    recordAudit(
      db,
      { actor: user, action: 'read', subjectType: 'application', detail: 'call-queue' },
      clock(),
    );
    if (problem) {
      // The item whose form came back is shown with what was typed for that person.
      recordAudit(
        db,
        {
          actor: user,
          action: 'read',
          subjectType: 'application',
          subjectId: problem.applicationId,
          detail: 'call queue item',
        },
        clock(),
      );
    }
    const instructors =
      user.role === 'instructor' ? null : listInstructorChoices(db, region.region);
    if (!problem && isHtmxRequestFor(c, 'call-queue-more')) {
      return c.html(
        <CallQueueItemRows
          moreAnswer
          page={page}
          region={region}
          instructors={instructors}
          t={t}
          language={language}
        />,
      );
    }
    return c.render(
      <CallQueuePage
        page={page}
        laterPage={laterPage}
        instructors={instructors}
        unconfirmed={user.role === 'instructor' ? [] : listUnconfirmedSubmissions(db, null)}
        candidates={user.role === 'instructor' ? [] : candidatesToCall(db, clock())}
        problem={problem}
        region={region}
        t={t}
        language={language}
      />,
      { title: t('calls.title') },
    );
  };

  const renderRowProblem: InvalidFormRenderer = (c, invalid) =>
    renderQueue(c, { applicationId: idParam(c), ...invalid });

  app.get('/calls', callers, (c) => renderQueue(c));

  app.post(
    '/applications/:id/call-attempts',
    callers,
    async (c, next) => {
      queuedApplicationForCaller(c);
      await next();
    },
    validForm(callAttemptInputFor(clock), renderRowProblem),
    (c) => {
      const application = queuedApplicationForCaller(c);
      const call = c.req.valid('form');
      recordCallAttempt(db, application, call, { actor: c.get('user'), now: clock() });
      const t = c.get('t');
      setFlash(c, {
        kind: 'success',
        key: 'calls.flash.recorded',
        params: { outcome: t(`calls.outcome.${call.outcome}`) },
      });
      const interviewNext = call.outcome === 'reached' && application.callReason === 'intake';
      return c.redirect(
        interviewNext ? `/applications/${application.id}/interview` : '/calls',
        303,
      );
    },
  );

  app.post(
    '/applications/:id/closure',
    planningStaff,
    validForm(closureInput, renderRowProblem),
    (c) => {
      const application = findApplication(db, idParam(c));
      if (!application || application.state === 'closed') throw new HTTPException(404);
      const closure = c.req.valid('form');
      closeApplication(db, application.id, closure, { actor: c.get('user'), now: clock() });
      setFlash(c, {
        kind: 'success',
        key: 'calls.flash.closed',
        params: { reason: c.get('t')(`calls.closeReason.${closure.reason}`) },
      });
      return c.redirect('/calls', 303);
    },
  );

  app.post(
    '/applications/:id/assignment',
    planningStaff,
    validForm(assignmentInputFor(db), renderRowProblem),
    (c) => {
      const application = findApplication(db, idParam(c));
      if (!application) throw new HTTPException(404);
      const { instructorId } = c.req.valid('form');
      assignCall(db, application.id, instructorId, { actor: c.get('user'), now: clock() });
      setFlash(c, { kind: 'success', key: 'calls.flash.assigned' });
      return c.redirect('/calls', 303);
    },
  );

  /** The interview is the intake step, so it is open while the application waits for it. */
  const applicationToInterview = (c: Context<SignedInEnv>): ApplicationRow => {
    const application = applicationForCaller(c);
    if (application.state !== 'to-call') throw new HTTPException(404);
    return application;
  };

  const renderInterview = (
    c: Context<SignedInEnv>,
    application: ApplicationRow,
    form: InterviewFormState,
    details?: FormState,
  ) => {
    const t = c.get('t');
    recordAudit(
      db,
      {
        actor: c.get('user'),
        action: 'read',
        subjectType: 'application',
        subjectId: application.id,
        detail: 'interview',
      },
      clock(),
    );
    return c.render(
      <InterviewPage
        application={application}
        applicant={findApplicantChoices(db, application)}
        details={details}
        unconfirmed={
          c.get('user').role === 'instructor' ? [] : listUnconfirmedSubmissions(db, application.id)
        }
        choices={{
          courses: placementCoursesFor(c),
          localities: listLocalities(db),
          notesMax: interviewNotesMax,
        }}
        reminders={
          c.get('user').role === 'instructor' ? null : reminderChoiceOf(db, application.id)
        }
        {...form}
        t={t}
        language={c.get('language')}
      />,
      { title: t('interview.title', { name: application.name }) },
    );
  };

  /** The person says on the phone they want no reminder texts: stopped from the call record. */
  app.post(
    '/applications/:id/reminders',
    planningStaff,
    validForm(reminderChoiceForm, () => {
      // Only the page's own hidden field sends this.
      throw new HTTPException(422);
    }),
    (c) => {
      const application = applicationToInterview(c);
      const stopped = c.req.valid('form').stopped === 'yes';
      chooseReminders(db, application.id, { stopped, now: clock(), actor: c.get('user') });
      setFlash(c, {
        kind: 'success',
        key: stopped ? 'texts.remindersStoppedFlash' : 'texts.remindersRestartedFlash',
      });
      return c.redirect(`/applications/${application.id}/interview`, 303);
    },
  );

  /** Verbal consent is asked for only when none was given with the application. */
  const consentErrors = (
    c: Context<SignedInEnv>,
    application: ApplicationRow,
    confirmed: boolean,
  ): FieldErrors =>
    application.consentAt === null && !confirmed
      ? { consentConfirmed: c.get('t')('interview.validation.consent') }
      : {};

  const emptyInterview: InterviewFormState = { values: {}, checkedNeeds: [], errors: {} };

  app.get('/applications/:id/interview', callers, (c) =>
    renderInterview(c, applicationToInterview(c), emptyInterview),
  );

  /** Corrects what the applicant told, from the interview page, while the interview is to do. */
  app.post(
    '/applications/:id/details',
    callers,
    async (c, next) => {
      applicationToInterview(c);
      await next();
    },
    validForm(applicantDetailsInputFor(db), (c, invalid) =>
      renderInterview(c, applicationToInterview(c), emptyInterview, invalid),
    ),
    (c) => {
      const application = applicationToInterview(c);
      try {
        correctApplicantDetails(db, application.id, c.req.valid('form'), {
          actor: c.get('user'),
          now: clock(),
        });
      } catch (error) {
        if (error instanceof InterviewAlreadyDone) throw new HTTPException(404);
        throw error;
      }
      setFlash(c, { kind: 'success', key: 'interview.details.flash' });
      return c.redirect(`/applications/${application.id}/interview`, 303);
    },
  );

  app.post(
    '/applications/:id/interview',
    callers,
    async (c, next) => {
      applicationToInterview(c);
      await next();
    },
    validForm(interviewInputFor(db), async (c, invalid) => {
      const application = applicationToInterview(c);
      return renderInterview(c, application, {
        values: invalid.values,
        checkedNeeds: await tickedNeeds(c),
        errors: {
          ...invalid.errors,
          ...consentErrors(c, application, invalid.values.consentConfirmed !== undefined),
        },
      });
    }),
    async (c) => {
      const application = applicationToInterview(c);
      const input = c.req.valid('form');
      const refuse = async (errors: FieldErrors) => {
        c.status(422);
        return renderInterview(c, application, {
          values: typedValues(await c.req.parseBody()),
          checkedNeeds: input.needs,
          errors,
        });
      };
      const missingConsent = consentErrors(c, application, input.consentConfirmed);
      if (Object.keys(missingConsent).length > 0) return refuse(missingConsent);
      if (
        input.outcome === 'place' &&
        !placementCoursesFor(c).some((course) => course.id === input.courseId)
      ) {
        return refuse({ courseId: c.get('t')('interview.validation.notYourCourse') });
      }

      let result: InterviewResult;
      try {
        result = recordInterview(db, application.id, input, {
          actor: c.get('user'),
          mail: { ...mail, now: clock() },
        });
      } catch (error) {
        if (error instanceof InterviewAlreadyDone) throw new HTTPException(404);
        if (error instanceof CompletionOutOfReach) {
          return refuse({
            confirmCannotComplete: c.get('t')('placement.cannotComplete', {
              left: error.left,
              threshold: error.threshold,
            }),
          });
        }
        if (!(error instanceof EnrollmentRefused)) throw error;
        return refuse({ courseId: c.get('t')('interview.validation.courseRefused') });
      }
      if (result.kind === 'placed' && result.sessions.left < result.sessions.counted) {
        setFlash(c, {
          kind: 'success',
          key: 'interview.flash.placedSessionsLeft',
          params: result.sessions,
        });
        return c.redirect('/calls', 303);
      }
      const flashKey =
        result.kind === 'placed'
          ? 'interview.flash.placed'
          : result.kind === 'waitlisted'
            ? 'interview.flash.waitlisted'
            : result.kind === 'wait'
              ? 'interview.flash.waiting'
              : 'interview.flash.closed';
      setFlash(c, { kind: 'success', key: flashKey });
      return c.redirect('/calls', 303);
    },
  );

  return app;
}
