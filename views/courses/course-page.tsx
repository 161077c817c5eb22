import type { CourseStatus } from '../../db/schema';
import type { Conflict } from '../../src/features/courses/conflicts';
import type { PairWarning, SkippedDate } from '../../src/features/courses/course-rules';
import type { CourseWithSchedule } from '../../src/features/courses/queries';
import { formatDateTime, formatLocalDate, formatTimeRange } from '../../src/i18n/format';
import type { Language, Translate } from '../../src/i18n';
import {
  ErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  CheckboxField,
  type FieldErrors,
  FormFields,
} from '../components/form-fields';
import type { CourseSheet, SessionProgress } from '../../src/features/attendance/attendance-sheets';
import { AttendanceSummaryTable } from '../attendance/course-attendance-page';
import { WarningList, type InstructorNames } from './course-parts';
import type { NeedsSummary, VenueMismatch } from '../../src/features/enrollment/needs';
import { NeedsSummaryList, VenueMismatchWarning } from '../enrollment/needs-parts';
import { courseTitle } from '../../src/i18n/format';

type PageContext = { t: Translate; language: Language };

export function titleOf(course: CourseWithSchedule, language: Language): string {
  return courseTitle({ program: course.program, localityName: course.locality.name }, language);
}

type Session = CourseWithSchedule['sessions'][number];

function SessionNote(props: { session: Session } & PageContext) {
  const { session, t, language } = props;
  if (session.localDate === session.seriesDate) return null;
  return (
    <>{t('course.session.movedFrom', { date: formatLocalDate(session.seriesDate, language) })}</>
  );
}

/** Scheduled, cancelled, or held (past its start), with the attendance once it is marked. */
function SessionState(props: { session: Session; progress?: SessionProgress } & PageContext) {
  const { session, progress, t } = props;
  if (!progress?.held) return <>{t(`course.session.${session.status}`)}</>;
  if (progress.marked === 0) return <>{t('course.session.held')}</>;
  return (
    <>{t('course.session.heldWithAttendance', { present: progress.present, due: progress.due })}</>
  );
}

export function SessionTable(
  props: {
    course: CourseWithSchedule;
    /** Each session's progress as of now (the clock's), from the course's attendance sheet. */
    progress: SessionProgress[];
    editable: boolean;
    id?: string;
  } & PageContext,
) {
  const { course, t, language } = props;
  const progressOf = (session: Session) => props.progress.find((each) => each.id === session.id);
  return (
    <table id={props.id}>
      <caption>{t('course.sessions')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('course.session.number')}</th>
          <th scope="col">{t('course.session.date')}</th>
          <th scope="col">{t('course.session.time')}</th>
          <th scope="col">{t('course.session.state')}</th>
          <th scope="col">{t('course.session.note')}</th>
          {props.editable && <th scope="col">{t('course.session.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {course.sessions.map((session) => {
          const progress = progressOf(session);
          return (
            <tr class={session.status === 'cancelled' ? 'cancelled' : undefined}>
              <td data-label={t('course.session.number')}>{session.ordinal}</td>
              <td data-label={t('course.session.date')}>
                {formatLocalDate(session.localDate, language)}
              </td>
              <td data-label={t('course.session.time')}>
                {formatTimeRange(session.startTime, session.endTime, language)}
              </td>
              <td data-label={t('course.session.state')}>
                <SessionState session={session} progress={progress} t={t} language={language} />
              </td>
              <td data-label={t('course.session.note')}>
                <SessionNote session={session} t={t} language={language} />
              </td>
              {props.editable && (
                <td data-label={t('course.session.actions')}>
                  {session.status === 'scheduled' && !progress?.started && (
                    <div class="actions">
                      <a href={`/courses/${course.course.id}/sessions/${session.id}/rescheduling`}>
                        {t('course.session.move', { number: session.ordinal })}
                      </a>
                      <form
                        method="post"
                        action={`/courses/${course.course.id}/sessions/${session.id}/cancellation`}
                      >
                        <button type="submit" class="danger">
                          {t('course.session.cancel', { number: session.ordinal })}
                        </button>
                      </form>
                    </div>
                  )}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function SkippedDates(props: { skipped: SkippedDate[] } & PageContext) {
  const { t, language } = props;
  if (props.skipped.length === 0) return null;
  return (
    <section aria-labelledby="skipped-title">
      <h2 id="skipped-title">{t('course.movedTitle')}</h2>
      <ul>
        {props.skipped.map((skip) => (
          <li>
            {formatLocalDate(skip.date, language)}
            {skip.reason && `: ${skip.reason.name} (${t(`course.dayOff.${skip.reason.kind}`)})`}
          </li>
        ))}
      </ul>
    </section>
  );
}

function StatusForm(
  props: { courseId: number; next: CourseStatus[]; errors: FieldErrors } & PageContext,
) {
  const { t } = props;
  if (props.next.length === 0) return null;
  return (
    <form method="post" action={`/courses/${props.courseId}/status`} class="inline-form">
      <FormFields errors={props.errors} t={t}>
        <SelectField
          name="status"
          label={t('course.newStatus')}
          placeholder={t('course.newStatus')}
          options={props.next.map((status) => ({
            value: status,
            label: t(`course.status.${status}`),
          }))}
          required
        />
        <button type="submit">{t('course.changeStatus')}</button>
      </FormFields>
    </form>
  );
}

export function CoursePage(
  props: {
    course: CourseWithSchedule;
    pairWarnings: PairWarning[];
    conflicts: Conflict[];
    instructorNames: InstructorNames;
    skipped: SkippedDate[];
    nextStatuses: CourseStatus[];
    cancellable: boolean;
    statusErrors: FieldErrors;
    /** Each participant's attendance so far; empty until someone holds a seat. */
    attendance: CourseSheet;
    /** The needs of the people with a place, and those the venue cannot meet. */
    needs: NeedsSummary;
    mismatches: VenueMismatch[];
  } & PageContext,
) {
  const { course, t, language } = props;
  const { course: row, program, venue } = course;
  return (
    <section id="course-page">
      <p>
        <a href={`/terms/${row.termId}`}>{t('course.backToPlan')}</a>
      </p>
      <h1>{titleOf(course, language)}</h1>
      {row.status === 'cancelled' && (
        <p class="flash flash-error">
          {t('course.cancelledBecause', { reason: row.cancellationReason })}
        </p>
      )}
      <WarningList
        conflicts={props.conflicts}
        pairWarnings={row.status === 'cancelled' ? [] : props.pairWarnings}
        instructorNames={props.instructorNames}
        t={t}
        language={language}
      />
      <VenueMismatchWarning mismatches={props.mismatches} t={t} />
      <h2>{t('course.details')}</h2>
      <dl class="details">
        <dt>{t('course.term')}</dt>
        <dd>{course.term.name}</dd>
        <dt>{t('course.session.state')}</dt>
        <dd>{t(`course.status.${row.status}`)}</dd>
        <dt>{t('course.audience')}</dt>
        <dd>
          {t(`course.audience.${row.audience}`)}
          {row.targetService && `: ${row.targetService}`}
        </dd>
        <dt>{t('course.venue')}</dt>
        <dd>
          {venue
            ? `${venue.name}${venue.streetAddress ? `, ${venue.streetAddress}` : ''}`
            : t('course.noVenue')}
        </dd>
        <dt>{t('course.instructors')}</dt>
        <dd>
          {course.instructors.map((instructor) => instructor.name).join(', ') ||
            t('course.noInstructor')}
        </dd>
        <dt>{t('course.groupSize')}</dt>
        <dd>
          {t('course.participantRange', {
            min: program.minParticipants,
            max: program.maxParticipants,
          })}
        </dd>
        <dt>{t('course.goNoGoDate')}</dt>
        <dd>{formatLocalDate(row.goNoGoDate, language)}</dd>
      </dl>
      <p class="actions">
        {row.status !== 'cancelled' && <a href={`/courses/${row.id}/edit`}>{t('course.edit')}</a>}
        <a href={`/courses/${row.id}/roster`}>{t('course.roster')}</a>
        <a href={`/courses/${row.id}/attendance`}>{t('attendance.courseLink')}</a>
        <a href={`/courses/${row.id}/feedback`}>{t('feedback.resultsLink')}</a>
        <a href={`/courses/${row.id}/calendar.ics`} download>
          {t('course.calendarFile')}
        </a>
      </p>
      <NeedsSummaryList summary={props.needs} t={t} />
      <SessionTable
        id="session-table"
        course={course}
        progress={props.attendance.sessions}
        editable={row.status !== 'cancelled' && row.status !== 'completed'}
        t={t}
        language={language}
      />
      <SkippedDates skipped={props.skipped} t={t} language={language} />
      {props.attendance.rows.length > 0 && (
        <section aria-labelledby="course-attendance-title">
          <h2 id="course-attendance-title">{t('attendance.summaryCaption')}</h2>
          <AttendanceSummaryTable
            courseId={row.id}
            sheet={props.attendance}
            canFollowUp={row.status !== 'completed' && row.status !== 'cancelled'}
            t={t}
            language={language}
          />
        </section>
      )}
      <div class="actions">
        <StatusForm
          courseId={row.id}
          next={props.nextStatuses}
          errors={props.statusErrors}
          t={t}
          language={language}
        />
        {props.cancellable && (
          <a href={`/courses/${row.id}/cancellation`}>{t('course.cancelTitle')}</a>
        )}
      </div>
    </section>
  );
}

/** The answer to moving or cancelling a session that has already started. */
export function SessionStartedPage(
  props: { course: CourseWithSchedule; ordinal: number; startsAt: Date } & PageContext,
) {
  const { t, language, course } = props;
  return (
    <section id="session-started">
      <h1>{t('course.session.startedTitle', { number: props.ordinal })}</h1>
      <p class="flash flash-error">
        {t('course.session.started', {
          number: props.ordinal,
          date: formatDateTime(props.startsAt, language),
        })}
      </p>
      <p>
        <a href={`/courses/${course.course.id}`}>{t('course.session.backToCourse')}</a>
      </p>
    </section>
  );
}

export function MoveSessionPage(
  props: {
    course: CourseWithSchedule;
    sessionId: number;
    ordinal: number;
    values: Record<string, string>;
    errors: FieldErrors;
    conflicts: Conflict[];
    instructorNames: InstructorNames;
  } & PageContext,
) {
  const { t, values, errors, course } = props;
  const needsAcceptance = props.conflicts.length > 0;
  return (
    <section>
      <p>
        <a href={`/courses/${course.course.id}`}>{titleOf(course, props.language)}</a>
      </p>
      <h1>{t('course.session.moveTitle', { number: props.ordinal })}</h1>
      <ErrorSummary errors={errors} t={t} />
      <form
        method="post"
        action={`/courses/${course.course.id}/sessions/${props.sessionId}/rescheduling`}
        novalidate
      >
        <FormFields errors={errors} t={t}>
          <TextField
            name="localDate"
            type="date"
            label={t('course.session.newDate')}
            value={values.localDate}
            required
          />
          <TextField
            name="startTime"
            type="time"
            label={t('course.startTime')}
            value={values.startTime}
            required
          />
          <TextField
            name="endTime"
            type="time"
            label={t('course.session.endTime')}
            value={values.endTime}
            required
          />
          <WarningList
            conflicts={props.conflicts}
            pairWarnings={[]}
            instructorNames={props.instructorNames}
            t={t}
            language={props.language}
            withIntro
          />
          {needsAcceptance && (
            <CheckboxField
              name="acceptWarnings"
              label={t('course.acceptWarnings')}
              checked={values.acceptWarnings === 'on'}
            />
          )}
          <button type="submit">{t('course.session.saveMove')}</button>
        </FormFields>
      </form>
    </section>
  );
}

export function CancelCoursePage(
  props: {
    course: CourseWithSchedule;
    values: Record<string, string>;
    errors: FieldErrors;
  } & PageContext,
) {
  const { t, course, errors } = props;
  return (
    <section>
      <p>
        <a href={`/courses/${course.course.id}`}>{titleOf(course, props.language)}</a>
      </p>
      <h1>{t('course.cancelTitle')}</h1>
      <p>{t('course.cancelIntro')}</p>
      <ErrorSummary errors={errors} t={t} />
      <form method="post" action={`/courses/${course.course.id}/cancellation`} novalidate>
        <FormFields errors={errors} t={t}>
          <TextAreaField
            name="reason"
            label={t('course.cancellationReason')}
            value={props.values.reason}
            required
          />
          <button type="submit" class="danger">
            {t('course.confirmCancel')}
          </button>
        </FormFields>
      </form>
    </section>
  );
}
