import type { ExportedApplication, PersonExport } from '../../src/features/privacy/subject-access';
import type { Language, Translate } from '../../src/i18n';
import { courseTitle, formatDateTime, postalAddressText } from '../../src/i18n/format';
import { formatPhoneForDisplay } from '../../src/lib/phone';
import { CaptionedTable } from '../components/captioned-table';

type PageContext = { t: Translate; language: Language };
type CourseRef = {
  courseId: number;
  programFi: string;
  programSv: string;
  programEn: string;
  locality: string;
};

const titleOf = (course: CourseRef, language: Language) =>
  courseTitle(
    {
      program: { nameFi: course.programFi, nameSv: course.programSv, nameEn: course.programEn },
      localityName: course.locality,
    },
    language,
  );

/** Label–value pairs as one description list; a pair whose value is null is left out. */
function Facts(props: { rows: [string, unknown][] }) {
  return (
    <dl>
      {props.rows
        .filter(([, value]) => value !== null)
        .map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </>
        ))}
    </dl>
  );
}

/**
 * One part of an application under its heading; `empty` is said when it holds nothing. Its name
 * also says whose application it is, so a person with two applications gets distinct regions.
 */
function Part(props: {
  applicationId: number;
  id: string;
  title: string;
  empty: string | null;
  children?: unknown;
}) {
  return (
    <section aria-labelledby={`${props.id}-title export-application-${props.applicationId}-title`}>
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      {props.empty === null ? props.children : <p>{props.empty}</p>}
    </section>
  );
}

function ApplicationFacts(props: { application: ExportedApplication } & PageContext) {
  const { application: held, t, language } = props;
  const when = (at: Date | null) => (at ? formatDateTime(at, language) : null);
  return (
    <Facts
      rows={[
        [t('people.name'), held.name],
        [t('people.state'), t(`people.state.${held.state}`)],
        [
          t('people.closeReason'),
          held.closeReason ? t(`people.closeReason.${held.closeReason}`) : null,
        ],
        [t('people.closeNote'), held.closeNote || null],
        [t('privacy.export.callReason'), t(`calls.reason.${held.callReason}`)],
        [t('people.source'), t(`calls.source.${held.source}`)],
        [t('people.received'), when(held.receivedAt)],
        [t('privacy.export.updatedAt'), when(held.updatedAt)],
        [t('people.phone'), formatPhoneForDisplay(held.phone)],
        [t('people.email'), held.email],
        [t('people.municipality'), held.municipality],
        [t('people.locality'), held.locality ?? ''],
        [
          t('people.preferredCourse'),
          held.preferredCourse ? titleOf(held.preferredCourse, language) : t('people.anyCourse'),
        ],
        [t('people.goodTimesToCall'), held.goodTimesToCall],
        [
          t('people.postalAddress'),
          postalAddressText({
            postalStreet: held.postalAddress.street,
            postalCode: held.postalAddress.postcode,
            postOffice: held.postalAddress.postOffice,
          }),
        ],
        [
          t('people.consent'),
          held.consent.at === null
            ? t('people.noConsent')
            : held.consent.recordedBy
              ? t('people.consentRecordedBy', {
                  at: when(held.consent.at)!,
                  name: held.consent.recordedBy,
                })
              : when(held.consent.at),
        ],
        [t('people.language'), t(`people.language.${held.language}`)],
      ]}
    />
  );
}

function Calls(props: { application: ExportedApplication } & PageContext) {
  const { application: held, t, language } = props;
  const id = `export-${held.id}-calls`;
  return (
    <Part
      applicationId={held.id}
      id={id}
      title={t('people.callsTitle')}
      empty={held.calls.length ? null : t('people.noCallsYet')}
    >
      <CaptionedTable
        id={id}
        caption={t('people.callsCaption')}
        headings={[t('people.when'), t('people.outcome'), t('people.callBackAt'), t('people.by')]}
      >
        {held.calls.map((call) => (
          <tr>
            <td>{formatDateTime(call.at, language)}</td>
            <td>{t(`calls.outcome.${call.outcome}`)}</td>
            <td>{call.callBackAt ? formatDateTime(call.callBackAt, language) : ''}</td>
            <td>{call.by ?? ''}</td>
          </tr>
        ))}
      </CaptionedTable>
    </Part>
  );
}

function Interviews(props: { application: ExportedApplication } & PageContext) {
  const { application: held, t, language } = props;
  return (
    <Part
      applicationId={held.id}
      id={`export-${held.id}-interviews`}
      title={t('people.interviewsTitle')}
      empty={held.interviews.length ? null : t('people.noInterview')}
    >
      {held.interviews.map((interview) => (
        <article class="interview">
          <h4>{t('people.interviewAt', { at: formatDateTime(interview.at, language) })}</h4>
          <Facts
            rows={[
              [t('people.by'), interview.by ?? ''],
              [t('interview.canAttendAll'), t(`interview.canAttendAll.${interview.canAttendAll}`)],
              [t('people.suitableTimes'), interview.suitableTimes],
              [
                t('people.needs'),
                interview.needs.length === 0
                  ? t('people.noNeeds')
                  : interview.needs.map((need) => t(`interview.need.${need}` as never)).join(', '),
              ],
              [t('people.otherNeeds'), interview.otherNeeds],
              [t('people.notes'), interview.notes],
              [t('people.interviewOutcome'), t(`interview.outcome.${interview.outcome}`)],
              [t('people.outcomeReason'), interview.outcomeReason],
            ]}
          />
        </article>
      ))}
    </Part>
  );
}

function Enrollments(props: { application: ExportedApplication } & PageContext) {
  const { application: held, t, language } = props;
  const when = (at: Date | null) => (at ? formatDateTime(at, language) : null);
  return (
    <Part
      applicationId={held.id}
      id={`export-${held.id}-enrollments`}
      title={t('people.enrollmentsTitle')}
      empty={held.enrollments.length ? null : t('people.noEnrollments')}
    >
      {held.enrollments.map((enrollment) => {
        const course = titleOf(enrollment.course, language);
        return (
          <article class="export-enrollment">
            <h4>{course}</h4>
            <Facts
              rows={[
                [t('people.locality'), enrollment.course.locality],
                [
                  t('people.enrollmentState'),
                  enrollment.state === 'waitlisted'
                    ? t('privacy.export.waitlisted')
                    : t(`roster.state.${enrollment.state}`),
                ],
                [
                  t('people.dates'),
                  [
                    t('people.queuedAt', { at: when(enrollment.queuedAt)! }),
                    enrollment.placedAt && t('people.placedAt', { at: when(enrollment.placedAt)! }),
                    enrollment.withdrawnAt &&
                      t('people.withdrawnAt', { at: when(enrollment.withdrawnAt)! }),
                  ]
                    .filter(Boolean)
                    .join('; '),
                ],
                [
                  t('privacy.export.withdrawnBy'),
                  enrollment.withdrawnBy
                    ? t(`privacy.export.withdrawnBy.${enrollment.withdrawnBy}`)
                    : null,
                ],
                [
                  t('people.reason'),
                  [
                    enrollment.dropOutReason && t(`attendance.dropOut.${enrollment.dropOutReason}`),
                    enrollment.withdrawnReason,
                    enrollment.movedUpReason,
                  ]
                    .filter(Boolean)
                    .join('; ') || null,
                ],
                [
                  t('privacy.export.transport'),
                  [
                    enrollment.transportState && t(`transport.state.${enrollment.transportState}`),
                    enrollment.transportMeans && t(`transport.means.${enrollment.transportMeans}`),
                  ]
                    .filter(Boolean)
                    .join(', ') || null,
                ],
              ]}
            />
            {enrollment.attendance.length === 0 ? (
              <p>{t('people.noAttendance')}</p>
            ) : (
              <CaptionedTable
                id={`export-enrollment-${enrollment.id}-attendance`}
                caption={t('privacy.export.attendanceCaption', { course })}
                headings={[
                  t('privacy.export.session'),
                  t('privacy.export.mark'),
                  t('privacy.export.markedBy'),
                ]}
              >
                {enrollment.attendance.map((mark) => (
                  <tr>
                    <td>
                      {mark.session}. ({mark.date})
                    </td>
                    <td>{t(`attendance.mark.${mark.mark}`)}</td>
                    <td>
                      {mark.markedBy}, {formatDateTime(mark.markedAt, language)}
                    </td>
                  </tr>
                ))}
              </CaptionedTable>
            )}
          </article>
        );
      })}
    </Part>
  );
}

function Submissions(props: { application: ExportedApplication } & PageContext) {
  const { application: held, t, language } = props;
  return (
    <Part
      applicationId={held.id}
      id={`export-${held.id}-submissions`}
      title={t('privacy.export.submissionsTitle')}
      empty={held.unconfirmedSubmissions.length ? null : t('privacy.export.noSubmissions')}
    >
      {held.unconfirmedSubmissions.map((submission) => (
        <article>
          <h4>
            {t('privacy.export.submissionAt', {
              at: formatDateTime(submission.receivedAt, language),
            })}
          </h4>
          <Facts
            rows={[
              [t('people.source'), t(`calls.source.${submission.source}`)],
              [
                t('privacy.export.reviewedAt'),
                submission.reviewedAt
                  ? formatDateTime(submission.reviewedAt, language)
                  : t('privacy.export.notReviewed'),
              ],
              [t('people.name'), submission.name],
              [t('people.phone'), formatPhoneForDisplay(submission.phone)],
              [t('people.email'), submission.email],
              [t('people.municipality'), submission.municipality],
              [t('people.goodTimesToCall'), submission.goodTimesToCall],
              [t('people.referrerName'), submission.referrerName],
              [t('people.referrerUnit'), submission.referrerUnit],
              [t('people.referrerContact'), submission.referrerContact],
            ]}
          />
        </article>
      ))}
    </Part>
  );
}

function Invitations(props: { application: ExportedApplication } & PageContext) {
  const { application: held, t, language } = props;
  const id = `export-${held.id}-invitations`;
  return (
    <Part
      applicationId={held.id}
      id={id}
      title={t('privacy.export.invitationsTitle')}
      empty={held.invitations.length ? null : t('privacy.export.noInvitations')}
    >
      <CaptionedTable
        id={id}
        caption={t('privacy.export.invitationsCaption')}
        headings={[
          t('people.course'),
          t('privacy.export.invitationBy'),
          t('people.state'),
          t('people.createdAt'),
          t('privacy.export.letterPosted'),
        ]}
      >
        {held.invitations.map((invitation) => (
          <tr>
            <td>{titleOf(invitation.course, language)}</td>
            <td>
              {invitation.by === 'email'
                ? t('privacy.export.invitationBy.email', { email: invitation.email })
                : t('privacy.export.invitationBy.letter')}
            </td>
            <td>{t(`privacy.export.invitationState.${invitation.state}`)}</td>
            <td>{formatDateTime(invitation.createdAt, language)}</td>
            <td>
              {invitation.letterPostedAt ? formatDateTime(invitation.letterPostedAt, language) : ''}
            </td>
          </tr>
        ))}
      </CaptionedTable>
    </Part>
  );
}

function Messages(props: { application: ExportedApplication } & PageContext) {
  const { application: held, t, language } = props;
  return (
    <Part
      applicationId={held.id}
      id={`export-${held.id}-messages`}
      title={t('people.messagesTitle')}
      empty={held.messages.length ? null : t('people.noMessages')}
    >
      {held.messages.map((message) => (
        <article class="export-message" id={`export-message-${message.id}`}>
          <h4>{message.subject || t('people.messagesTitle')}</h4>
          <Facts
            rows={[
              [
                t('privacy.export.messageTo'),
                message.channel === 'sms' ? message.recipientPhone : message.recipientEmail,
              ],
              [t('people.messageState'), t(`outbox.state.${message.state}`)],
              [t('people.createdAt'), formatDateTime(message.createdAt, language)],
              [
                t('people.sentAt'),
                message.sentAt ? formatDateTime(message.sentAt, language) : null,
              ],
            ]}
          />
          {message.bodyRemovedAt ? (
            <p class="body-removed">
              {t('privacy.export.bodyRemoved', {
                at: formatDateTime(message.bodyRemovedAt, language),
              })}
            </p>
          ) : (
            <>
              <h5>{t('privacy.export.messageBody')}</h5>
              <p class="preserve-lines message-body">{message.textBody}</p>
            </>
          )}
        </article>
      ))}
    </Part>
  );
}

function DeletionRequests(props: { application: ExportedApplication } & PageContext) {
  const { application: held, t, language } = props;
  return (
    <Part
      applicationId={held.id}
      id={`export-${held.id}-deletion`}
      title={t('privacy.export.deletionTitle')}
      empty={held.deletionRequests.length ? null : t('privacy.export.noDeletion')}
    >
      <ul>
        {held.deletionRequests.map((request) => (
          <li>
            {t('privacy.export.deletionAt', { at: formatDateTime(request.requestedAt, language) })}{' '}
            ({t(`privacy.export.channel.${request.channel}`)}).{' '}
            {request.handledAt
              ? t('privacy.export.handled', { at: formatDateTime(request.handledAt, language) })
              : t('privacy.export.notHandled')}
          </li>
        ))}
      </ul>
    </Part>
  );
}

function ApplicationRecord(props: { application: ExportedApplication } & PageContext) {
  const { application: held, t, language } = props;
  const link = held.personalLink;
  return (
    <section
      class="export-application"
      id={`export-application-${held.id}`}
      aria-labelledby={`export-application-${held.id}-title`}
    >
      <h2 id={`export-application-${held.id}-title`}>
        {t('privacy.export.applicationTitle', { id: held.id })}
      </h2>
      <ApplicationFacts {...props} />
      <Part
        applicationId={held.id}
        id={`export-${held.id}-referrer`}
        title={t('people.referrer')}
        empty={held.referrer ? null : t('people.noReferrer')}
      >
        {held.referrer && (
          <Facts
            rows={[
              [t('people.referrerName'), held.referrer.name],
              [t('people.referrerUnit'), held.referrer.unit],
              [t('people.referrerContact'), held.referrer.contact],
            ]}
          />
        )}
      </Part>
      <Calls {...props} />
      <Interviews {...props} />
      <Enrollments {...props} />
      <Submissions {...props} />
      <Invitations {...props} />
      <Messages {...props} />
      <DeletionRequests {...props} />
      <Part
        applicationId={held.id}
        id={`export-${held.id}-link`}
        title={t('privacy.export.linkTitle')}
        empty={null}
      >
        <p>
          {link.expiresAt
            ? t('privacy.export.linkUntil', { at: formatDateTime(link.expiresAt, language) })
            : t('privacy.export.noLink')}
        </p>
      </Part>
      <Part
        applicationId={held.id}
        id={`export-${held.id}-feedback`}
        title={t('privacy.export.feedbackTitle')}
        empty={null}
      >
        <p>
          {held.feedbackGiven ? t('privacy.export.feedbackGiven') : t('privacy.export.noFeedback')}
        </p>
      </Part>
    </section>
  );
}

function Openings(props: { openedBy: PersonExport['openedBy'] } & PageContext) {
  const { openedBy, t, language } = props;
  return (
    <section id="export-openings" aria-labelledby="export-openings-title">
      <h2 id="export-openings-title">{t('privacy.export.openedTitle')}</h2>
      {openedBy.entries.length === 0 ? (
        <p>{t('privacy.export.noOpenings')}</p>
      ) : (
        <CaptionedTable
          id="export-openings"
          caption={t('privacy.export.openedCaption')}
          headings={[
            t('people.when'),
            t('privacy.export.staff'),
            t('privacy.export.action'),
            t('privacy.export.what'),
          ]}
        >
          {openedBy.entries.map((entry) => (
            <tr>
              <td>{formatDateTime(entry.at, language)}</td>
              <td>{entry.staffName}</td>
              <td>{t(`privacy.action.${entry.action}`)}</td>
              <td>
                {entry.subjectType === 'application'
                  ? t('privacy.export.applicationTitle', { id: entry.subjectId ?? '' })
                  : `${entry.subjectType} ${entry.subjectId ?? ''}`}
                {entry.detail ? `: ${entry.detail}` : ''}
              </td>
            </tr>
          ))}
        </CaptionedTable>
      )}
      {openedBy.more && <p>{t('privacy.export.openedMore', { count: openedBy.limit })}</p>}
    </section>
  );
}

/**
 * Everything held about one person, to print and give to them (subject access). The links are
 * left out of the print; each application is its own section, then who opened their data.
 */
export function PersonExportPage(props: { data: PersonExport } & PageContext) {
  const { data, t, language } = props;
  const asked = data.applications[0]!;
  return (
    <article class="printable-export" id="person-export">
      <h1>{t('privacy.export.title', { name: asked.name })}</h1>
      <p>{t('privacy.export.intro')}</p>
      <p>{t('privacy.export.generated', { at: formatDateTime(data.generatedAt, language) })}</p>
      <p class="no-print hint">{t('privacy.export.print')}</p>
      <p class="actions no-print">
        <a href={`/people/${data.askedAbout}/export.json`} download>
          {t('privacy.export.download')}
        </a>
        <a href={`/people/${data.askedAbout}`}>{t('privacy.export.backToPerson')}</a>
      </p>
      <section id="export-matched" aria-labelledby="export-matched-title">
        <h2 id="export-matched-title">{t('privacy.export.matchedTitle')}</h2>
        <p>{t('privacy.export.matchedIntro')}</p>
        <ul>
          {data.applications.map((application) => (
            <li>
              <a href={`#export-application-${application.id}`}>
                {t(`privacy.export.matched.${application.matchedBy}`, { id: application.id })}
              </a>
            </li>
          ))}
        </ul>
      </section>
      {data.applications.map((application) => (
        <ApplicationRecord application={application} t={t} language={language} />
      ))}
      <Openings openedBy={data.openedBy} t={t} language={language} />
    </article>
  );
}

/** Said instead of a record: nobody by that number, or a person whose data was erased. */
export function NothingHeldPage(props: {
  reason: { found: 'none' } | { found: 'anonymised'; anonymisedAt: Date };
  t: Translate;
  language: Language;
}) {
  const { reason, t, language } = props;
  return (
    <section class="nothing-held">
      <h1>{t(reason.found === 'none' ? 'privacy.notFound.title' : 'privacy.anonymised.title')}</h1>
      <p>
        {reason.found === 'none'
          ? t('privacy.notFound.body')
          : t('privacy.anonymised.body', { date: formatDateTime(reason.anonymisedAt, language) })}
      </p>
      <p class="actions">
        <a href="/people">{t('people.backToSearch')}</a>
      </p>
    </section>
  );
}
