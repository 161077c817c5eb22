import type { PersonRecord } from '../../src/features/people/queries';
import type { Language, Translate } from '../../src/i18n';
import {
  courseTitle,
  formatDateTime,
  postalAddressText,
  programNamesOf,
} from '../../src/i18n/format';
import { formatPhoneForDisplay } from '../../src/lib/phone';
import { UnconfirmedSubmissions } from '../intake/unconfirmed-submissions';
import { TransportStatus } from '../enrollment/needs-parts';
import { CaptionedTable } from '../components/captioned-table';
import { PrivacyActions } from '../privacy/erasure-pages';
import { ReminderChoiceForm } from '../participant/participant-page';

type PageContext = { t: Translate; language: Language };

function Detail(props: { label: string; children: unknown }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

/** One part of the record under its heading; `empty` is said instead when there is nothing. */
function Part(props: { id: string; title: string; empty: string | null; children: unknown }) {
  return (
    <section id={props.id} aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.empty === null ? props.children : <p>{props.empty}</p>}
    </section>
  );
}

/** A wide table in its scrolling region, named by its caption. */
function titleOf(
  course: {
    programNameFi: string;
    programNameSv: string;
    programNameEn: string;
    localityName: string;
  },
  language: Language,
) {
  return courseTitle(
    {
      program: programNamesOf(course),
      localityName: course.localityName,
    },
    language,
  );
}

function ApplicationSection(props: { person: PersonRecord } & PageContext) {
  const { t, language, person } = props;
  const { application } = person;
  const when = (at: Date) => formatDateTime(at, language);
  return (
    <section id="person-application" aria-labelledby="person-application-title">
      <h2 id="person-application-title">{t('people.application')}</h2>
      <dl>
        <Detail label={t('people.state')}>{t(`people.state.${application.state}`)}</Detail>
        {application.closeReason && (
          <Detail label={t('people.closeReason')}>
            {t(`people.closeReason.${application.closeReason}`)}
          </Detail>
        )}
        {application.closeNote && (
          <Detail label={t('people.closeNote')}>{application.closeNote}</Detail>
        )}
        <Detail label={t('people.source')}>{t(`calls.source.${application.source}`)}</Detail>
        <Detail label={t('people.received')}>{when(application.createdAt)}</Detail>
        <Detail label={t('people.phone')}>{formatPhoneForDisplay(application.phone)}</Detail>
        <Detail label={t('people.email')}>{application.email}</Detail>
        <Detail label={t('people.municipality')}>{application.municipality}</Detail>
        <Detail label={t('people.locality')}>{person.localityName ?? ''}</Detail>
        <Detail label={t('people.preferredCourse')}>
          {person.preferredCourse
            ? titleOf(person.preferredCourse, language)
            : t('people.anyCourse')}
        </Detail>
        <Detail label={t('people.goodTimesToCall')}>{application.goodTimesToCall}</Detail>
        <Detail label={t('people.postalAddress')}>{postalAddressText(application)}</Detail>
        <Detail label={t('people.consent')}>
          {application.consentAt === null
            ? t('people.noConsent')
            : person.consentRecordedByName
              ? t('people.consentRecordedBy', {
                  at: when(application.consentAt),
                  name: person.consentRecordedByName,
                })
              : t('people.consentGiven', { at: when(application.consentAt) })}
        </Detail>
        <Detail label={t('people.language')}>{t(`people.language.${application.language}`)}</Detail>
      </dl>
    </section>
  );
}

function ReferrerSection(props: { person: PersonRecord } & PageContext) {
  const { t } = props;
  const { referrerName, referrerUnit, referrerContact } = props.person.application;
  return (
    <section id="person-referrer" aria-labelledby="person-referrer-title">
      <h2 id="person-referrer-title">{t('people.referrer')}</h2>
      {referrerName || referrerUnit || referrerContact ? (
        <dl>
          <Detail label={t('people.referrerName')}>{referrerName}</Detail>
          <Detail label={t('people.referrerUnit')}>{referrerUnit}</Detail>
          <Detail label={t('people.referrerContact')}>{referrerContact}</Detail>
        </dl>
      ) : (
        <p>{t('people.noReferrer')}</p>
      )}
    </section>
  );
}

function CallsSection(props: { person: PersonRecord } & PageContext) {
  const { t, language } = props;
  const { calls } = props.person;
  return (
    <Part
      id="person-calls"
      title={t('people.callsTitle')}
      empty={calls.length === 0 ? t('people.noCallsYet') : null}
    >
      <CaptionedTable
        id="person-calls"
        caption={t('people.callsCaption')}
        headings={[t('people.when'), t('people.outcome'), t('people.callBackAt'), t('people.by')]}
      >
        {calls.map((call) => (
          <tr>
            <td data-label={t('people.when')}>{formatDateTime(call.at, language)}</td>
            <td data-label={t('people.outcome')}>{t(`calls.outcome.${call.outcome}`)}</td>
            <td data-label={t('people.callBackAt')}>
              {call.callBackAt ? formatDateTime(call.callBackAt, language) : ''}
            </td>
            <td data-label={t('people.by')}>{call.byName ?? ''}</td>
          </tr>
        ))}
      </CaptionedTable>
    </Part>
  );
}

function InterviewSection(props: { person: PersonRecord } & PageContext) {
  const { t, language } = props;
  const { interviews } = props.person;
  return (
    <section id="person-interviews" aria-labelledby="person-interviews-title">
      <h2 id="person-interviews-title">{t('people.interviewsTitle')}</h2>
      {interviews.length === 0 && <p>{t('people.noInterview')}</p>}
      {interviews.map((interview) => (
        <article class="interview" aria-labelledby={`interview-${interview.id}-title`}>
          <h3 id={`interview-${interview.id}-title`}>
            {t('people.interviewAt', { at: formatDateTime(interview.at, language) })}
          </h3>
          <dl>
            <Detail label={t('people.by')}>{interview.byName ?? ''}</Detail>
            <Detail label={t('interview.canAttendAll')}>
              {t(`interview.canAttendAll.${interview.canAttendAll}`)}
            </Detail>
            <Detail label={t('people.suitableTimes')}>{interview.suitableTimes}</Detail>
            <Detail label={t('people.needs')}>
              {interview.needs.length === 0
                ? t('people.noNeeds')
                : interview.needs
                    .map((need) =>
                      t(
                        `interview.need.${need}` as `interview.need.${'step-free' | 'transport' | 'hearing' | 'interpreter' | 'assistant' | 'other'}`,
                      ),
                    )
                    .join(', ')}
            </Detail>
            {interview.otherNeeds && (
              <Detail label={t('people.otherNeeds')}>{interview.otherNeeds}</Detail>
            )}
            <Detail label={t('people.notes')}>{interview.notes}</Detail>
            <Detail label={t('people.interviewOutcome')}>
              {t(`interview.outcome.${interview.outcome}`)}
            </Detail>
            {interview.outcomeReason && (
              <Detail label={t('people.outcomeReason')}>{interview.outcomeReason}</Detail>
            )}
          </dl>
        </article>
      ))}
    </section>
  );
}

function EnrollmentsSection(props: { person: PersonRecord } & PageContext) {
  const { t, language } = props;
  const { enrollments } = props.person;
  const when = (at: Date) => formatDateTime(at, language);
  return (
    <Part
      id="person-enrollments"
      title={t('people.enrollmentsTitle')}
      empty={enrollments.length === 0 ? t('people.noEnrollments') : null}
    >
      <CaptionedTable
        id="person-enrollments"
        caption={t('people.enrollmentsCaption')}
        headings={[
          t('people.course'),
          t('people.enrollmentState'),
          t('people.dates'),
          t('people.reason'),
          t('people.attendance'),
        ]}
      >
        {enrollments.map((enrollment) => (
          <tr>
            <th scope="row">
              <a href={`/courses/${enrollment.courseId}/roster`}>{titleOf(enrollment, language)}</a>
            </th>
            <td data-label={t('people.enrollmentState')}>
              {t(`roster.state.${enrollment.state}`)}
              <TransportStatus
                transport={enrollment.transport}
                means={enrollment.transportMeans}
                t={t}
              />
            </td>
            <td data-label={t('people.dates')}>
              {[
                t('people.queuedAt', { at: when(enrollment.queuedAt) }),
                enrollment.placedAt && t('people.placedAt', { at: when(enrollment.placedAt) }),
                enrollment.withdrawnAt &&
                  t('people.withdrawnAt', { at: when(enrollment.withdrawnAt) }),
              ]
                .filter(Boolean)
                .join('; ')}
            </td>
            <td data-label={t('people.reason')}>
              {[
                enrollment.dropOutReason && t(`attendance.dropOut.${enrollment.dropOutReason}`),
                enrollment.withdrawnReason,
                enrollment.movedUpReason,
              ]
                .filter(Boolean)
                .join('; ')}
            </td>
            <td data-label={t('people.attendance')}>
              {enrollment.attendance
                ? t('people.attendanceSummary', {
                    attended: enrollment.attendance.attended,
                    excused: enrollment.attendance.excused,
                    absent: enrollment.attendance.absent,
                  })
                : t('people.noAttendance')}
            </td>
          </tr>
        ))}
      </CaptionedTable>
    </Part>
  );
}

function MessagesSection(props: { person: PersonRecord } & PageContext) {
  const { t, language } = props;
  const { messages } = props.person;
  return (
    <Part
      id="person-messages"
      title={t('people.messagesTitle')}
      empty={messages.length === 0 ? t('people.noMessages') : null}
    >
      <CaptionedTable
        id="person-messages"
        caption={t('people.messagesCaption')}
        headings={[
          t('people.subject'),
          t('people.messageState'),
          t('people.createdAt'),
          t('people.sentAt'),
        ]}
      >
        {messages.map((message) => (
          <tr>
            <td data-label={t('people.subject')}>{message.subject}</td>
            <td data-label={t('people.messageState')}>{t(`outbox.state.${message.state}`)}</td>
            <td data-label={t('people.createdAt')}>
              {formatDateTime(message.createdAt, language)}
            </td>
            <td data-label={t('people.sentAt')}>
              {message.sentAt ? formatDateTime(message.sentAt, language) : ''}
            </td>
          </tr>
        ))}
      </CaptionedTable>
    </Part>
  );
}

/**
 * Everything held about one person: the application, referrer, calls, interview, enrolments,
 * messages sent and unconfirmed submissions. The same view answers a data-access request.
 */
export function PersonPage(
  props: {
    person: PersonRecord;
    showUnconfirmed: boolean;
    /** Only admins read the audit log, so only they get the link to this person's entries. */
    showAuditLink?: boolean;
    /** Planning staff: links to the person's data export and to the erasure. */
    showPrivacyActions: boolean;
    /** Planning staff stop or restart the person's reminder texts; null hides the choice. */
    reminders?: 'on' | 'stopped' | null;
  } & PageContext,
) {
  const { t, language, person } = props;
  return (
    <section id="person-page">
      <h1>{t('people.person.title', { name: person.application.name })}</h1>
      <p>{t('people.person.intro')}</p>
      <p class="actions">
        <a href="/people">{t('people.backToSearch')}</a>
        {props.showAuditLink && (
          <a href={`/admin/audit?person=${person.application.id}`}>{t('audit.personLink')}</a>
        )}
      </p>
      <ApplicationSection {...props} />
      <ReferrerSection {...props} />
      <CallsSection {...props} />
      <InterviewSection {...props} />
      <EnrollmentsSection {...props} />
      <MessagesSection {...props} />
      {props.reminders && (
        <ReminderChoiceForm
          action={`/people/${person.application.id}/reminders`}
          choice={props.reminders}
          t={t}
        />
      )}
      {/* Subject access and erasure (issue 16, item 2–3): kept as its own block. */}
      {props.showPrivacyActions && <PrivacyActions applicationId={person.application.id} t={t} />}
      {props.showUnconfirmed && (
        <UnconfirmedSubmissions
          submissions={person.unconfirmed}
          returnTo={`/people/${person.application.id}`}
          t={t}
          language={language}
        />
      )}
    </section>
  );
}
