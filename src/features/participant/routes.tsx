import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { InvalidRowForm } from '../../../views/enrollment/row-field';
import { WithdrawalPage } from '../../../views/participant/withdrawal-page';
import {
  ParticipantLinkProblem,
  ParticipantPage,
  type InvalidFeedback,
  type ParticipantCourse,
} from '../../../views/participant/participant-page';
import { access } from '../../http/access';
import { idParam } from '../../http/params';
import type { AppDeps, AppEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { validPublicForm } from '../../http/form';
import { translatorFor } from '../../i18n';
import { formatLocalDate } from '../../i18n/format';
import { optionalText, wholeNumber } from '../../lib/form-input';
import { findCourse, type CourseWithSchedule } from '../courses/queries';
import { giveFeedback } from '../feedback/feedback-commands';
import { feedbackForm } from '../feedback/feedback-input';
import { feedbackTextMax, isFeedbackOpen, mayGiveFeedback } from '../feedback/feedback-rules';
import { isActiveEnrollment } from '../enrollment/seat-rules';
import { EnrollmentRefused, withdrawEnrollment } from '../enrollment/seats';
import { buildCourseCalendar } from '../invites/course-calendar';
import { calendarCourseOf, participantCalendarNotes } from '../invites/invitations';
import { calendarResponse } from '../invites/routes';
import { organisationContact } from '../organisation/queries';
import { privacyFacts } from '../privacy-notice/queries';
import { pendingDeletionRequestOf, requestDeletion } from '../privacy/queries';
import { chooseReminders, reminderChoiceForm, reminderChoiceOf } from '../texts/reminder-choice';
import { findParticipantByToken, type ParticipantView } from './links';
import { MissedSessionRefused, reportMissedSession, upcomingSessionsOf } from './missed-session';

const withdrawalForm = z.object({ reason: optionalText(500) });
const missedSessionForm = z.object({ sessionId: wholeNumber(1, Number.MAX_SAFE_INTEGER) });

type OwnEnrollment = ParticipantView['enrollments'][number];

/** Whether the person's course offers the questionnaire now, or they have answered it. */
function feedbackStatusOf(enrollment: OwnEnrollment, course: CourseWithSchedule, now: Date) {
  if (!mayGiveFeedback(enrollment)) return null;
  if (enrollment.feedbackGiven) return 'given';
  return isFeedbackOpen({ status: course.course.status, sessions: course.sessions }, now)
    ? 'open'
    : null;
}

/** The page speaks the participant's language, whatever the browser asked for. */
function speakTheirLanguage(c: Context<AppEnv>, participant: ParticipantView) {
  c.set('language', participant.language);
  c.set('t', translatorFor(participant.language));
}

/**
 * The participant's self-service behind their personal link. There is no sign-in: the random token
 * in the address is the key, and every lookup is scoped to the one application it belongs to.
 */
export function participantRoutes({ db, clock, mail }: AppDeps) {
  const app = new Hono<AppEnv>();

  /** The person behind the token, or a localized page saying the link is unknown (404) or expired (410). */
  const participantOr = (c: Context<AppEnv>) => {
    const found = findParticipantByToken(db, c.req.param('token') ?? '', clock());
    // The address is a secret: never cache it or hand it on as a referrer.
    c.header('Cache-Control', 'no-store');
    if (found.ok) return { participant: found.participant, problem: null };
    const t = c.get('t');
    c.status(found.reason === 'expired' ? 410 : 404);
    return {
      participant: null,
      problem: c.render(
        <ParticipantLinkProblem reason={found.reason} contact={organisationContact(db)} t={t} />,
        {
          title: t(`participant.${found.reason}Title`),
        },
      ),
    };
  };

  const renderPage = (
    c: Context<AppEnv>,
    participant: ParticipantView,
    invalidFeedback: InvalidFeedback | null = null,
  ) => {
    speakTheirLanguage(c, participant);
    const t = c.get('t');
    const now = clock();
    const courses: ParticipantCourse[] = participant.enrollments.flatMap((enrollment) => {
      const course = findCourse(db, enrollment.courseId);
      return course
        ? [
            {
              enrollmentId: enrollment.enrollmentId,
              state: enrollment.state,
              active: isActiveEnrollment(enrollment.state),
              course,
              feedback: feedbackStatusOf(enrollment, course, now),
            },
          ]
        : [];
    });
    return c.render(
      <ParticipantPage
        token={c.req.param('token') ?? ''}
        name={participant.name}
        feedbackTextMax={feedbackTextMax}
        courses={courses}
        deletionRequestedAt={pendingDeletionRequestOf(db, participant.applicationId)}
        reminders={reminderChoiceOf(db, participant.applicationId)}
        {...privacyFacts(db)}
        invalidFeedback={invalidFeedback}
        t={t}
        language={participant.language}
      />,
      { title: t('participant.title') },
    );
  };

  app.get('/p/:token', access('public'), (c) => {
    const { participant, problem } = participantOr(c);
    if (!participant) return problem;
    return renderPage(c, participant);
  });

  app.get('/p/:token/calendar.ics/:courseId', access('public'), (c) => {
    const { participant, problem } = participantOr(c);
    if (!participant) return problem;
    const courseId = idParam(c, 'courseId');
    const own = participant.enrollments.find(
      (enrollment) => enrollment.courseId === courseId && isActiveEnrollment(enrollment.state),
    );
    const course = own && findCourse(db, own.courseId);
    if (!course) throw new HTTPException(404);
    const calendar = buildCourseCalendar({
      course: calendarCourseOf(
        course,
        participant.language,
        'invitation',
        participantCalendarNotes(course.venue, organisationContact(db), participant.language),
      ),
      method: 'PUBLISH',
      stamp: clock(),
      organizer: mail.organizer,
    });
    c.header('Referrer-Policy', 'no-referrer');
    return calendarResponse(c, calendar, `kurssi-${course.course.id}.ics`);
  });

  /** The person's own active enrollment named in the address, or 404. */
  const ownEnrollment = (c: Context<AppEnv>, participant: ParticipantView) => {
    const enrollmentId = idParam(c, 'enrollmentId');
    const own = participant.enrollments.find(
      (enrollment) =>
        enrollment.enrollmentId === enrollmentId && isActiveEnrollment(enrollment.state),
    );
    // Another person's enrollment, or one already ended, is simply not found from here.
    const course = own && findCourse(db, own.courseId);
    if (!own || !course) throw new HTTPException(404);
    return { ...own, course };
  };

  /** The second step of "I can't come": what happens, and the two choices. */
  const renderWithdrawal = (
    c: Context<AppEnv>,
    participant: ParticipantView,
    invalid: InvalidRowForm | null,
  ) => {
    const own = ownEnrollment(c, participant);
    speakTheirLanguage(c, participant);
    const t = c.get('t');
    return c.render(
      <WithdrawalPage
        token={c.req.param('token') ?? ''}
        enrollmentId={own.enrollmentId}
        course={own.course}
        upcoming={own.state === 'placed' ? upcomingSessionsOf(own.course, clock()) : null}
        invalid={invalid}
        {...privacyFacts(db)}
        t={t}
        language={participant.language}
      />,
      { title: t('participant.confirmTitle') },
    );
  };

  app.get('/p/:token/withdrawal/:enrollmentId', access('public'), (c) => {
    const { participant, problem } = participantOr(c);
    if (!participant) return problem;
    return renderWithdrawal(c, participant, null);
  });

  app.post(
    '/p/:token/withdrawal/:enrollmentId',
    access('public'),
    validPublicForm(withdrawalForm, (c, invalid) => {
      const { participant, problem } = participantOr(c);
      if (!participant) return problem;
      return renderWithdrawal(c, participant, { form: 'withdraw', ...invalid });
    }),
    (c) => {
      const { participant, problem } = participantOr(c);
      if (!participant) return problem;
      const own = ownEnrollment(c, participant);
      try {
        // No actor: the person withdraws themself, with no staff member to audit.
        withdrawEnrollment(
          db,
          { enrollmentId: own.enrollmentId, reason: c.req.valid('form').reason },
          { actor: null, mail: { ...mail, now: clock() } },
        );
      } catch (error) {
        if (error instanceof EnrollmentRefused) throw new HTTPException(404);
        throw error;
      }
      setFlash(c, { kind: 'success', key: 'participant.withdrawn' });
      return c.redirect(`/p/${c.req.param('token')}`, 303);
    },
  );

  app.post(
    '/p/:token/withdrawal/:enrollmentId/missed-session',
    access('public'),
    validPublicForm(missedSessionForm, (c, invalid) => {
      const { participant, problem } = participantOr(c);
      if (!participant) return problem;
      return renderWithdrawal(c, participant, { form: 'miss-one', ...invalid });
    }),
    (c) => {
      const { participant, problem } = participantOr(c);
      if (!participant) return problem;
      const own = ownEnrollment(c, participant);
      const { sessionId } = c.req.valid('form');
      try {
        reportMissedSession(
          db,
          { applicationId: participant.applicationId, enrollmentId: own.enrollmentId, sessionId },
          { ...mail, now: clock() },
        );
      } catch (error) {
        if (!(error instanceof MissedSessionRefused)) throw error;
        c.status(422);
        const key =
          error.reason === 'started'
            ? 'participant.missOneStarted'
            : 'participant.missOneNotTheirs';
        const t = translatorFor(participant.language);
        return renderWithdrawal(c, participant, {
          form: 'miss-one',
          errors: { sessionId: t(key) },
          values: { sessionId: String(sessionId) },
        });
      }
      const session = own.course.sessions.find((candidate) => candidate.id === sessionId)!;
      setFlash(c, {
        kind: 'success',
        key: 'participant.missOneSent',
        params: { date: formatLocalDate(session.localDate, participant.language) },
      });
      return c.redirect(`/p/${c.req.param('token')}`, 303);
    },
  );

  /** A second answer is not an error: the person is thanked again and nothing is saved. */
  const alreadyAnswered = (c: Context<AppEnv>) => {
    setFlash(c, { kind: 'info', key: 'feedback.alreadyGiven' });
    return c.redirect(`/p/${c.req.param('token')}`, 303);
  };

  /** The person's own enrolment named in the address whose questionnaire is open now, or 404. */
  const feedbackEnrollment = (c: Context<AppEnv>, participant: ParticipantView) => {
    const enrollmentId = idParam(c, 'enrollmentId');
    const own = participant.enrollments.find(
      (enrollment) => enrollment.enrollmentId === enrollmentId,
    );
    const course = own && findCourse(db, own.courseId);
    if (!own || !course || feedbackStatusOf(own, course, clock()) === null) {
      throw new HTTPException(404);
    }
    return own;
  };

  app.post(
    '/p/:token/feedback/:enrollmentId',
    access('public'),
    validPublicForm(feedbackForm, (c, invalid) => {
      const { participant, problem } = participantOr(c);
      if (!participant) return problem;
      const own = feedbackEnrollment(c, participant);
      // An invalid answer after the first one was saved needs no messages: it is refused anyway.
      if (own.feedbackGiven) return alreadyAnswered(c);
      return renderPage(c, participant, {
        enrollmentId: own.enrollmentId,
        form: invalid,
      });
    }),
    (c) => {
      const { participant, problem } = participantOr(c);
      if (!participant) return problem;
      const own = feedbackEnrollment(c, participant);
      const outcome = giveFeedback(db, {
        enrollmentId: own.enrollmentId,
        courseId: own.courseId,
        answers: c.req.valid('form'),
      });
      if (outcome === 'already-given') return alreadyAnswered(c);
      setFlash(c, { kind: 'success', key: 'feedback.thanks' });
      return c.redirect(`/p/${c.req.param('token')}`, 303);
    },
  );

  app.post(
    '/p/:token/reminders',
    access('public'),
    validPublicForm(reminderChoiceForm, (c) => {
      // Only the page's own hidden field sends this: anything else leaves the choice as it was.
      const { participant, problem } = participantOr(c);
      if (!participant) return problem;
      c.status(422);
      return renderPage(c, participant);
    }),
    (c) => {
      const { participant, problem } = participantOr(c);
      if (!participant) return problem;
      const stopped = c.req.valid('form').stopped === 'yes';
      chooseReminders(db, participant.applicationId, { stopped, now: clock(), actor: null });
      setFlash(c, {
        kind: 'success',
        key: stopped ? 'texts.remindersStoppedFlash' : 'texts.remindersRestartedFlash',
      });
      return c.redirect(`/p/${c.req.param('token')}`, 303);
    },
  );

  app.post('/p/:token/deletion-request', access('public'), (c) => {
    const { participant, problem } = participantOr(c);
    if (!participant) return problem;
    requestDeletion(db, participant.applicationId, clock());
    setFlash(c, { kind: 'success', key: 'participant.deletionReceived' });
    return c.redirect(`/p/${c.req.param('token')}`, 303);
  });

  return app;
}
