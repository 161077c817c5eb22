import type { EnrollmentState } from '../../db/schema';
import type { CourseWithSchedule } from '../../src/features/courses/queries';
import type { OrganisationContact } from '../../src/features/organisation/queries';
import type { PrivacyFacts } from '../../src/features/privacy-notice/queries';
import { formatDateTime, formatLocalDate, formatTimeRange } from '../../src/i18n/format';
import type { Language, Translate } from '../../src/i18n';
import type { FormState } from '../../src/http/form';
import { ContactBlock } from '../components/contact-block';
import { PrivacyNotice } from '../components/privacy-notice';
import { titleOf } from '../courses/course-page';
import { FeedbackForm, FeedbackGiven, type FeedbackStatus } from '../feedback/feedback-form';

type PageContext = { t: Translate; language: Language };

export type ParticipantCourse = {
  enrollmentId: number;
  state: EnrollmentState;
  /** Placed or waitlisted: "I can't come" still applies. */
  active: boolean;
  course: CourseWithSchedule;
  /** The questionnaire after the last session: open, already answered, closed, or none. */
  feedback: FeedbackStatus;
};

/** A feedback answer that came back invalid, for the course it was about. */
export type InvalidFeedback = { enrollmentId: number; form: FormState };

function SessionList(props: { course: CourseWithSchedule } & PageContext) {
  const { t, language } = props;
  return (
    <>
      <h3>{t('participant.sessions')}</h3>
      <ol class="participant-sessions">
        {props.course.sessions.map((session) => {
          const date = formatLocalDate(session.localDate, language);
          const time = formatTimeRange(session.startTime, session.endTime, language);
          return session.status === 'cancelled' ? (
            <li class="cancelled">{t('participant.sessionCancelled', { date, time })}</li>
          ) : (
            <li>
              {date} {time}
            </li>
          );
        })}
      </ol>
    </>
  );
}

function VenueDetails(props: { venue: CourseWithSchedule['venue'] } & PageContext) {
  const { venue, t } = props;
  return (
    <>
      <h3>{t('participant.venue')}</h3>
      {!venue ? (
        <p>{t('participant.venueLater')}</p>
      ) : (
        <div class="participant-venue">
          <p>
            {venue.name}
            {venue.streetAddress && (
              <>
                <br />
                {venue.streetAddress}
              </>
            )}
          </p>
          {venue.kind === 'online' && <p>{t('participant.venueOnline')}</p>}
          {venue.stepFreeAccess && <p>{t('participant.stepFree')}</p>}
          {venue.hearingLoop && <p>{t('participant.hearingLoop')}</p>}
          {venue.accessibilityNotes && (
            <p>{t('participant.accessibility', { notes: venue.accessibilityNotes })}</p>
          )}
        </div>
      )}
    </>
  );
}

function CourseCard(
  props: {
    token: string;
    entry: ParticipantCourse;
    invalidFeedback: InvalidFeedback | null;
    feedbackTextMax: number;
  } & PageContext,
) {
  const { entry, t, language } = props;
  const { active } = entry;
  return (
    <article class="participant-course" id={`enrollment-${entry.enrollmentId}`}>
      <h2>{titleOf(entry.course, language)}</h2>
      <p class={`participant-state state-${entry.state}`}>
        <strong>{t(`participant.state.${entry.state}`)}</strong>
      </p>
      <SessionList course={entry.course} t={t} language={language} />
      <VenueDetails venue={entry.course.venue} t={t} language={language} />
      {active && (
        <p>
          <a href={`/p/${props.token}/calendar.ics/${entry.course.course.id}`} download>
            {t('participant.calendar')}
          </a>
        </p>
      )}
      {active && (
        <div class="participant-withdrawal">
          <h3>{t('participant.withdrawTitle')}</h3>
          <p>
            <a class="button-link" href={`/p/${props.token}/withdrawal/${entry.enrollmentId}`}>
              {t('participant.withdrawOpen')}
            </a>
          </p>
        </div>
      )}
      {entry.feedback === 'open' && (
        <FeedbackForm
          action={`/p/${props.token}/feedback/${entry.enrollmentId}`}
          prefix={`feedback-${entry.enrollmentId}`}
          form={
            props.invalidFeedback?.enrollmentId === entry.enrollmentId
              ? props.invalidFeedback.form
              : null
          }
          textMax={props.feedbackTextMax}
          t={t}
        />
      )}
      {entry.feedback === 'given' && <FeedbackGiven t={t} />}
    </article>
  );
}

/** The "delete my data" request, inside the shared privacy notice. */
function DeletionRequest(props: { token: string; deletionRequestedAt: Date | null } & PageContext) {
  const { t, language } = props;
  return props.deletionRequestedAt ? (
    <p class="deletion-pending">
      {t('participant.deletionPending', {
        date: formatDateTime(props.deletionRequestedAt, language),
      })}
    </p>
  ) : (
    <form method="post" action={`/p/${props.token}/deletion-request`}>
      <button type="submit" class="danger">
        {t('participant.deletionSubmit')}
      </button>
    </form>
  );
}

/** Reminder texts: one button to stop them, one to turn them back on (plain forms). */
export function ReminderChoiceForm(
  props: { action: string; choice: 'on' | 'stopped' } & Pick<PageContext, 't'>,
) {
  const { t } = props;
  const stopped = props.choice === 'stopped';
  return (
    <section id="reminder-choice" aria-labelledby="reminder-choice-title">
      <h2 id="reminder-choice-title">{t('texts.remindersHeading')}</h2>
      <p>{t(stopped ? 'texts.remindersStopped' : 'texts.remindersOn')}</p>
      <form method="post" action={props.action}>
        <input type="hidden" name="stopped" value={stopped ? 'no' : 'yes'} />
        <button type="submit" class={stopped ? undefined : 'secondary'}>
          {t(stopped ? 'texts.restartReminders' : 'texts.stopReminders')}
        </button>
      </form>
    </section>
  );
}

/** The participant's own page behind their personal link: only their name and their courses. */
export function ParticipantPage(
  props: PrivacyFacts & {
    token: string;
    name: string;
    courses: ParticipantCourse[];
    deletionRequestedAt: Date | null;
    /** Reminder texts on or stopped; null without a mobile number. */
    reminders: 'on' | 'stopped' | null;
    invalidFeedback?: InvalidFeedback | null;
    /** The longest free text the questionnaire takes (the route's validation limit). */
    feedbackTextMax: number;
  } & PageContext,
) {
  const { t, language } = props;
  return (
    <section id="participant-page">
      <h1>{t('participant.title')}</h1>
      <p>{t('participant.greeting', { name: props.name })}</p>
      <p>{t('participant.intro')}</p>
      {props.courses.length === 0 ? (
        <p>{t('participant.noEnrollments')}</p>
      ) : (
        props.courses.map((entry) => (
          <CourseCard
            token={props.token}
            entry={entry}
            invalidFeedback={props.invalidFeedback ?? null}
            feedbackTextMax={props.feedbackTextMax}
            t={t}
            language={language}
          />
        ))
      )}
      {props.reminders && (
        <ReminderChoiceForm action={`/p/${props.token}/reminders`} choice={props.reminders} t={t} />
      )}
      <ContactBlock contact={props.contact} t={t} heading />
      <PrivacyNotice
        class="participant-privacy"
        contact={props.contact}
        periods={props.periods}
        t={t}
        language={language}
      >
        <DeletionRequest
          token={props.token}
          deletionRequestedAt={props.deletionRequestedAt}
          t={t}
          language={language}
        />
      </PrivacyNotice>
    </section>
  );
}

/** An unknown or expired personal link: says what happened without revealing whose link it was. */
export function ParticipantLinkProblem(props: {
  reason: 'unknown' | 'expired';
  contact: OrganisationContact;
  t: Translate;
}) {
  const { t } = props;
  return (
    <section class="error-page" id="participant-link-problem">
      <h1>{t(`participant.${props.reason}Title`)}</h1>
      <p>{t(`participant.${props.reason}Body`)}</p>
      {props.reason === 'expired' && <p id="feedback-closed">{t('feedback.closed')}</p>}
      <ContactBlock contact={props.contact} t={t} heading />
    </section>
  );
}
