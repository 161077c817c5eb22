import { dropOutReasons } from '../../db/schema';
import type { CourseSheet, CourseSheetRow } from '../../src/features/attendance/attendance-sheets';
import type { CourseWithSchedule } from '../../src/features/courses/queries';
import type { FormState } from '../../src/http/form';
import type { Language, Translate } from '../../src/i18n';
import { formatLocalDate, formatTimeRange } from '../../src/i18n/format';
import { ErrorSummary, FormFields, SelectField, TextField } from '../components/form-fields';
import { titleOf } from '../courses/course-page';

type PageContext = { t: Translate; language: Language };

export type ClosingGap = { enrollmentId: number; sessionId: number; name: string; ordinal: number };

/** Why the last close was refused: the gaps to fill, or a reason said in one line. */
export type ClosingProblem = { message: string; gaps: ClosingGap[] } | null;

function StateNote(props: { row: CourseSheetRow; t: Translate }) {
  const { row, t } = props;
  if (row.state === 'placed') return null;
  return (
    <p class="hint">
      {t(`attendance.state.${row.state as 'withdrawn' | 'completed' | 'not-completed'}`)}
      {row.dropOutReason &&
        ` (${t(`attendance.dropOut.${row.dropOutReason as (typeof dropOutReasons)[number]}`)})`}
    </p>
  );
}

/** Per participant: attended / excused / absent / due, and "call them" after two misses in a row. */
export function AttendanceSummaryTable(
  props: { courseId: number; sheet: CourseSheet; canFollowUp: boolean } & PageContext,
) {
  const { t, sheet } = props;
  if (sheet.rows.length === 0) return <p>{t('attendance.noParticipants')}</p>;
  return (
    <div
      class="table-scroll"
      role="region"
      aria-labelledby="attendance-summary-caption"
      tabindex={0}
    >
      <table id="attendance-summary">
        <caption id="attendance-summary-caption">{t('attendance.summaryCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('attendance.name')}</th>
            <th scope="col">{t('attendance.attended')}</th>
            <th scope="col">{t('attendance.excused')}</th>
            <th scope="col">{t('attendance.absent')}</th>
            <th scope="col">{t('attendance.due')}</th>
            <th scope="col">{t('attendance.followUp')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((row) => (
            <tr id={`summary-${row.enrollmentId}`}>
              <th scope="row">
                {row.name}
                <StateNote row={row} t={t} />
              </th>
              <td data-label={t('attendance.attended')}>{row.summary.attended}</td>
              <td data-label={t('attendance.excused')}>{row.summary.excused}</td>
              <td data-label={t('attendance.absent')}>{row.summary.absent}</td>
              <td data-label={t('attendance.due')}>{row.summary.due}</td>
              <td data-label={t('attendance.followUp')}>
                {row.summary.callThem && row.state === 'placed' && (
                  <>
                    <p class="call-them">{t('attendance.callThem')}</p>
                    {props.canFollowUp && (
                      <form
                        method="post"
                        action={`/enrollments/${row.enrollmentId}/missed-sessions-call`}
                      >
                        <button type="submit" class="secondary">
                          {t('attendance.addCall', { name: row.name })}
                        </button>
                      </form>
                    )}
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SessionLinks(props: { sheet: CourseSheet } & PageContext) {
  const { sheet, t, language } = props;
  return (
    <section aria-labelledby="attendance-sessions-title">
      <h2 id="attendance-sessions-title">{t('attendance.sessionsTitle')}</h2>
      <ul class="session-links">
        {sheet.sessions.map((session) => (
          <li>
            <a href={`/sessions/${session.id}/attendance`}>
              {t('attendance.openSession', {
                number: session.ordinal,
                date: formatLocalDate(session.localDate, language),
              })}{' '}
              {formatTimeRange(session.startTime, session.endTime, language)}
            </a>{' '}
            <span class="hint">
              {session.status === 'cancelled'
                ? t('attendance.sessionCancelled')
                : session.started
                  ? t('attendance.sessionProgress', { marked: session.marked, due: session.due })
                  : t('attendance.sessionUpcoming')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function DropOutForm(
  props: { courseId: number; sheet: CourseSheet; form: FormState } & PageContext,
) {
  const { t, form } = props;
  const placed = props.sheet.rows.filter((row) => row.state === 'placed');
  if (placed.length === 0) return null;
  return (
    <section aria-labelledby="drop-out-title">
      <h2 id="drop-out-title">{t('attendance.dropOutTitle')}</h2>
      <p>{t('attendance.dropOutIntro')}</p>
      <form method="post" action={`/courses/${props.courseId}/drop-outs`} novalidate>
        <FormFields errors={form.errors} t={t}>
          <ErrorSummary />
          <SelectField
            name="enrollmentId"
            label={t('attendance.dropOutWho')}
            placeholder={t('attendance.dropOutChoose')}
            value={form.values.enrollmentId}
            options={placed.map((row) => ({ value: String(row.enrollmentId), label: row.name }))}
            required
          />
          <SelectField
            name="reason"
            label={t('attendance.dropOutReason')}
            placeholder={t('attendance.dropOutChooseReason')}
            value={form.values.reason}
            options={dropOutReasons.map((reason) => ({
              value: reason,
              label: t(`attendance.dropOut.${reason}`),
            }))}
            required
          />
          <TextField name="note" label={t('attendance.dropOutNote')} value={form.values.note} />
          <button type="submit" class="danger">
            {t('attendance.dropOutSubmit')}
          </button>
        </FormFields>
      </form>
    </section>
  );
}

function ClosingSection(
  props: {
    course: CourseWithSchedule;
    sheet: CourseSheet;
    problem: ClosingProblem;
    canClose: boolean;
  } & PageContext,
) {
  const { course, t, problem } = props;
  const courseId = course.course.id;
  if (course.course.status === 'completed') {
    const completers = props.sheet.rows.filter((row) => row.state === 'completed');
    return (
      <section aria-labelledby="closing-title">
        <h2 id="closing-title">{t('attendance.completedTitle')}</h2>
        <p id="completers">{t('attendance.completers', { count: completers.length })}</p>
        <ul>
          {completers.map((row) => (
            <li>{row.name}</li>
          ))}
        </ul>
      </section>
    );
  }
  if (course.course.status === 'cancelled' || !props.canClose) return null;
  return (
    <section aria-labelledby="closing-title">
      <h2 id="closing-title">{t('attendance.closeTitle')}</h2>
      <p>{t('attendance.closeIntro', { threshold: course.program.completionThreshold })}</p>
      {problem && (
        <div class="error-summary" role="alert" id="closing-problem">
          <p>{problem.message}</p>
          {problem.gaps.length > 0 && (
            <ul>
              {problem.gaps.map((gap) => (
                <li>
                  <a href={`/sessions/${gap.sessionId}/attendance#enrollment-${gap.enrollmentId}`}>
                    {t('attendance.gapItem', { name: gap.name, number: gap.ordinal })}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <form method="post" action={`/courses/${courseId}/closing`}>
        <button type="submit">{t('attendance.closeSubmit')}</button>
      </form>
    </section>
  );
}

/** A course's attendance: the sessions to mark, each person's record, drop-outs and closing. */
export function CourseAttendancePage(
  props: {
    course: CourseWithSchedule;
    sheet: CourseSheet;
    /** Planning staff close courses; instructors keep attendance and record drop-outs. */
    canClose: boolean;
    dropOut: FormState;
    closing: ClosingProblem;
  } & PageContext,
) {
  const { course, sheet, t, language } = props;
  const courseId = course.course.id;
  const running = !['completed', 'cancelled'].includes(course.course.status);
  return (
    <section id="course-attendance-page">
      <h1>{t('attendance.courseTitle', { course: titleOf(course, language) })}</h1>
      <p class="actions no-print">
        <a href={`/courses/${courseId}/attendance/grid`}>{t('attendance.gridLink')}</a>
        <a href={`/courses/${courseId}/attendance/print`}>{t('attendance.printLink')}</a>
        <a href={`/courses/${courseId}/attendance.csv`} download>
          {t('attendance.csvLink')}
        </a>
        {course.course.status !== 'cancelled' && (
          <a href={`/courses/${courseId}/feedback/paper`}>{t('feedback.paperPrint')}</a>
        )}
        {course.course.status === 'completed' && (
          <a href={`/courses/${courseId}/feedback`}>{t('feedback.resultsLink')}</a>
        )}
      </p>
      <SessionLinks sheet={sheet} t={t} language={language} />
      <AttendanceSummaryTable
        courseId={courseId}
        sheet={sheet}
        canFollowUp={running}
        t={t}
        language={language}
      />
      {running && (
        <DropOutForm
          courseId={courseId}
          sheet={sheet}
          form={props.dropOut}
          t={t}
          language={language}
        />
      )}
      <ClosingSection
        course={course}
        sheet={sheet}
        problem={props.closing}
        canClose={props.canClose}
        t={t}
        language={language}
      />
    </section>
  );
}
