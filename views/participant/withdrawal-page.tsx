import type { CourseWithSchedule } from '../../src/features/courses/queries';
import type { OrganisationContact } from '../../src/features/organisation/queries';
import type { PrivacyFacts } from '../../src/features/privacy-notice/queries';
import { formatLocalDate, formatTimeRange } from '../../src/i18n/format';
import type { Language, Translate } from '../../src/i18n';
import { ContactBlock } from '../components/contact-block';
import { PrivacyNotice } from '../components/privacy-notice';
import { ErrorSummary } from '../components/form-fields';
import { titleOf } from '../courses/course-page';
import { RowField, type InvalidRowForm } from '../enrollment/row-field';

type UpcomingSession = CourseWithSchedule['sessions'][number];

/**
 * "I can't come", asked twice: the second page of withdrawing, without JavaScript. It says what
 * happens and offers the two choices: not at all (the place goes on), or one session (it stays).
 */
export function WithdrawalPage(props: {
  token: string;
  enrollmentId: number;
  course: CourseWithSchedule;
  /** Only a placed person can miss one session; null for someone on the waitlist. */
  upcoming: UpcomingSession[] | null;
  /** `withdraw` or `miss-one`: the form that came back invalid. */
  invalid: InvalidRowForm | null;
  /** Someone unsure can call instead; the form carries the privacy notice too. */
  contact: OrganisationContact;
  periods: PrivacyFacts['periods'];
  t: Translate;
  language: Language;
}) {
  const { t, language, invalid } = props;
  const base = `/p/${props.token}/withdrawal/${props.enrollmentId}`;
  const withdrawing = invalid?.form === 'withdraw' ? invalid : null;
  const missing = invalid?.form === 'miss-one' ? invalid : null;
  const sessionError = missing?.errors.sessionId;
  return (
    <section id="participant-withdrawal">
      <h1>{t('participant.confirmTitle')}</h1>
      {invalid && <ErrorSummary errors={invalid.errors} t={t} />}
      <p>{t('participant.confirmIntro', { course: titleOf(props.course, language) })}</p>
      {props.upcoming && (
        <form method="post" action={`${base}/missed-session`} id="missed-session-form">
          <h2>{t('participant.missOneTitle')}</h2>
          <p>{t('participant.missOneExplained')}</p>
          {props.upcoming.length === 0 ? (
            <p>{t('participant.missOneNone')}</p>
          ) : (
            <>
              <fieldset
                class={sessionError ? 'field field-invalid' : 'field'}
                aria-describedby={sessionError ? 'sessionId-error' : undefined}
              >
                <legend>{t('participant.missOneSession')}</legend>
                {sessionError && (
                  <p id="sessionId-error" class="field-error">
                    {sessionError}
                  </p>
                )}
                {props.upcoming.map((session) => (
                  <div class="field-checkbox">
                    <input
                      id={`session-${session.id}`}
                      name="sessionId"
                      type="radio"
                      value={String(session.id)}
                      checked={missing?.values.sessionId === String(session.id)}
                      required
                    />
                    <label for={`session-${session.id}`}>
                      {formatLocalDate(session.localDate, language)}{' '}
                      {formatTimeRange(session.startTime, session.endTime, language)}
                    </label>
                  </div>
                ))}
              </fieldset>
              <button type="submit" class="secondary">
                {t('participant.missOneSubmit')}
              </button>
            </>
          )}
        </form>
      )}
      <form method="post" action={base} id="withdraw-form">
        <h2>{t('participant.confirmAllTitle')}</h2>
        <p>{t('participant.confirmAllExplained')}</p>
        <RowField
          id="withdraw-reason"
          name="reason"
          label={t('participant.withdrawReason')}
          value={withdrawing?.values.reason}
          error={withdrawing?.errors.reason}
          maxlength={500}
          t={t}
        />
        <button type="submit" class="danger">
          {t('participant.confirmAllSubmit')}
        </button>
      </form>
      <p>
        <a href={`/p/${props.token}`} id="withdrawal-back">
          {t('participant.back')}
        </a>
      </p>
      <ContactBlock contact={props.contact} t={t} heading />
      <PrivacyNotice
        contact={props.contact}
        periods={props.periods}
        controller="name"
        t={t}
        language={language}
      />
    </section>
  );
}
