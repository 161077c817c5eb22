import type { CourseWithSchedule } from '../../src/features/courses/queries';
import type { InstructorAttention } from '../../src/features/instructors/queries';
import type { SelfWithdrawal } from '../../src/features/enrollment/queries';
import { monthsText } from '../instructors/instructors-page';
import { venueText, programNamesOf } from '../../src/i18n/format';
import { SessionTable, titleOf } from '../courses/course-page';
import { AtRiskList, GoNoGoDecisionList, type GoNoGoDecision } from '../enrollment/decisions-page';
import type { AtRiskCourse } from '../../src/features/courses/at-risk-queries';
import { LettersToPrint, type LetterRow } from '../invites/letters';
import { DeletionRequests } from '../privacy/deletion-requests';
import type { PendingDeletionRequest } from '../../src/features/privacy/queries';
import type { SignedInUser } from '../../src/http/app-env';
import type { AtAGlance } from '../../src/features/home/at-a-glance';
import { AtAGlanceSummary } from './at-a-glance';
import {
  courseTitle,
  formatDate,
  formatDateTime,
  formatLocalDate,
  formatLongDate,
  formatTimeRange,
} from '../../src/i18n/format';
import type { SessionProgress } from '../../src/features/attendance/attendance-sheets';
import type { NextSession } from '../../src/features/attendance/queries';
import type { Language, Translate } from '../../src/i18n';

export function HomePage(props: {
  user: SignedInUser;
  now: Date;
  /** For planners: the term's targets against actual and the to-do counts; null for instructors. */
  glance: AtAGlance | null;
  /** For planners: invitees without e-mail; null for instructors. */
  letters: LetterRow[] | null;
  /** For planners: "delete my data" requests to carry out; null for instructors. */
  deletionRequests: PendingDeletionRequest[] | null;
  /** For planners: courses past their go/no-go date below the minimum; null for instructors. */
  decisions: GoNoGoDecision[] | null;
  /** For planners: courses short of the minimum with the decision within two weeks. */
  atRisk: AtRiskCourse[] | null;
  /** For planners: the participants who withdrew themselves lately; null for instructors. */
  selfWithdrawals: SelfWithdrawal[] | null;
  /** For planners: new instructors with no course planned, and licences about to lapse. */
  licenceItems: InstructorAttention[] | null;
  /** For instructors: the courses they lead; null for planners. */
  ownCourses: OwnCourse[] | null;
  /** For instructors: today's session of their courses, or else the next one. */
  nextSession: (NextSession & { isToday: boolean }) | null;
  /** For instructors: held sessions of their courses where someone is not marked yet. */
  sessionsToMark: { course: CourseWithSchedule; session: SessionProgress }[];
  /** For an instructor whose account is linked to their instructor record: its id, for My hours. */
  ownInstructorId: number | null;
  t: Translate;
  language: Language;
}) {
  const { t, user, language } = props;
  return (
    <section>
      {props.nextSession && <TonightCard session={props.nextSession} t={t} language={language} />}
      <h1>{t('home.greeting', { name: user.name })}</h1>
      <p>{t(`home.${user.role}.intro`)}</p>
      <p>{t('home.today', { date: formatLongDate(props.now, language) })}</p>
      <p class="hint">
        {t('home.sessionEnds', { time: formatDateTime(user.sessionExpiresAt, language) })}
      </p>
      {props.glance && <AtAGlanceSummary glance={props.glance} t={t} language={language} />}
      {props.decisions && props.decisions.length > 0 && (
        <section aria-labelledby="home-decisions-title">
          <h2 id="home-decisions-title">{t('home.decisions')}</h2>
          <GoNoGoDecisionList decisions={props.decisions} t={t} language={language} />
          <p>
            <a href="/decisions">{t('nav.decisions')}</a>
          </p>
        </section>
      )}
      {props.atRisk && props.atRisk.length > 0 && (
        <AtRiskList courses={props.atRisk} t={t} language={language} />
      )}
      {props.selfWithdrawals && props.selfWithdrawals.length > 0 && (
        <SelfWithdrawals items={props.selfWithdrawals} t={t} language={language} />
      )}
      {props.licenceItems && props.licenceItems.length > 0 && (
        <LicenceItems items={props.licenceItems} t={t} language={language} />
      )}
      {props.deletionRequests && (
        <DeletionRequests requests={props.deletionRequests} t={t} language={language} />
      )}
      {props.letters && <LettersToPrint letters={props.letters} t={t} language={language} />}
      {props.sessionsToMark.length > 0 && (
        <SessionsToMark items={props.sessionsToMark} t={t} language={language} />
      )}
      {props.ownCourses && <OwnCourses courses={props.ownCourses} t={t} language={language} />}
      {props.ownInstructorId !== null && (
        <p>
          <a id="my-hours-link" href={`/instructors/${props.ownInstructorId}/hours`}>
            {t('home.myHours')}
          </a>
        </p>
      )}
    </section>
  );
}

/** Who withdrew through their own link lately, newest first, each with the way to the roster. */
function SelfWithdrawals(props: { items: SelfWithdrawal[]; t: Translate; language: Language }) {
  const { t, language } = props;
  return (
    <section aria-labelledby="self-withdrawals-title">
      <h2 id="self-withdrawals-title">{t('home.selfWithdrawals')}</h2>
      <ul id="self-withdrawals">
        {props.items.map((item) => (
          <li id={`self-withdrawal-${item.enrollmentId}`}>
            {t('home.selfWithdrawal', {
              name: item.name,
              date: item.withdrawnAt ? formatDateTime(item.withdrawnAt, language) : '',
              course: courseTitle(item, language),
            })}{' '}
            {item.reason && t('home.selfWithdrawalReason', { reason: item.reason })}{' '}
            <a href={`/courses/${item.courseId}/roster`}>
              {t('home.openRoster')}
              <span class="visually-hidden"> {courseTitle(item, language)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Instructors whose licence needs a course planned, each with the way to plan one. */
function LicenceItems(props: { items: InstructorAttention[]; t: Translate; language: Language }) {
  const { t, language } = props;
  const date = (value: string) => formatDate(value, language);
  return (
    <section aria-labelledby="licence-items-title">
      <h2 id="licence-items-title">{t('home.licenceItems')}</h2>
      <ul id="licence-items">
        {props.items.map(({ id, name, item }) => (
          <li id={`licence-item-${id}`} class={`licence-item-${item.kind}`}>
            <a href={`/instructors/${id}/edit`}>{name}</a>:{' '}
            {item.kind === 'no-course-planned'
              ? t('home.noCoursePlanned', {
                  date: date(item.trainedOn),
                  months: monthsText(item.monthsSinceTraining, t),
                  preferredBy: date(item.preferredBy),
                  validUntil: date(item.validUntil),
                })
              : t('home.aboutToLapse', {
                  date: date(item.lastCourseOn),
                  validUntil: date(item.validUntil),
                })}{' '}
            <a href={`/courses/new?instructor=${id}`}>
              {t('home.planCourse')}
              <span class="visually-hidden"> {name}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A course an instructor leads, with each session's progress as of now. */
export type OwnCourse = { course: CourseWithSchedule; progress: SessionProgress[] };

/** An instructor's own courses, read-only: where and when they lead. */
function OwnCourses(props: { courses: OwnCourse[]; t: Translate; language: Language }) {
  const { t, language } = props;
  return (
    <section aria-labelledby="own-courses-title">
      <h2 id="own-courses-title">{t('home.myCourses')}</h2>
      {props.courses.length === 0 && <p>{t('home.noCourses')}</p>}
      {props.courses.map(({ course, progress }) => (
        <section class="own-course" aria-label={titleOf(course, language)}>
          <h3>{titleOf(course, language)}</h3>
          <p>
            {t(`course.status.${course.course.status}`)}
            {course.venue && ` · ${venueText(course.venue)}`}
          </p>
          <div
            class="table-scroll"
            role="region"
            aria-label={t('home.sessionsOf', { course: titleOf(course, language) })}
            tabindex={0}
          >
            <SessionTable
              course={course}
              progress={progress}
              editable={false}
              t={t}
              language={language}
            />
          </div>
        </section>
      ))}
      {props.courses.length > 0 && <p class="hint">{t('home.feedHint')}</p>}
    </section>
  );
}

/** First on an instructor's phone: the session of today (or the next one) and one big button. */
function TonightCard(props: {
  session: NextSession & { isToday: boolean };
  t: Translate;
  language: Language;
}) {
  const { session, t, language } = props;
  return (
    <section class="tonight" aria-labelledby="tonight-title">
      <h2 id="tonight-title">
        {session.isToday
          ? t('attendance.tonight', { number: session.ordinal })
          : t('attendance.nextSession', { number: session.ordinal })}
      </h2>
      <p>
        {courseTitle(
          {
            program: programNamesOf(session),
            localityName: session.localityName,
          },
          language,
        )}
        <br />
        {formatLocalDate(session.localDate, language)}{' '}
        {formatTimeRange(session.startTime, session.endTime, language)}
        {session.venueName && (
          <>
            <br />
            {venueText({
              name: session.venueName,
              streetAddress: session.venueStreetAddress ?? '',
            })}
          </>
        )}
      </p>
      <a class="button-link wide-button" href={`/sessions/${session.sessionId}/attendance`}>
        {t('attendance.openAttendance')}
      </a>
    </section>
  );
}

function SessionsToMark(props: {
  items: { course: CourseWithSchedule; session: SessionProgress }[];
  t: Translate;
  language: Language;
}) {
  const { t, language } = props;
  return (
    <section aria-labelledby="sessions-to-mark-title">
      <h2 id="sessions-to-mark-title">{t('attendance.unmarkedSessionsTitle')}</h2>
      <ul class="session-links">
        {props.items.map(({ course, session }) => (
          <li>
            <a href={`/sessions/${session.id}/attendance`}>
              {titleOf(course, language)}:{' '}
              {t('attendance.openSession', {
                number: session.ordinal,
                date: formatLocalDate(session.localDate, language),
              })}
            </a>{' '}
            <span class="hint">
              {t('attendance.sessionProgress', { marked: session.marked, due: session.due })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
