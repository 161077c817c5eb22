import { attendanceMarks } from '../../db/schema';
import type { SessionSheet, SheetRow } from '../../src/features/attendance/attendance-sheets';
import type { CourseWithSchedule } from '../../src/features/courses/queries';
import type { Language, Translate } from '../../src/i18n';
import { formatDateTime, formatLocalDate, formatTimeRange, venueText } from '../../src/i18n/format';
import { formatPhoneForDisplay } from '../../src/lib/phone';
import { titleOf } from '../courses/course-page';

type PageContext = { t: Translate; language: Language };

export type LeaderChoice = { id: number; name: string; leadsCourse: boolean };

/** What the last action did, said in the list's own live region (htmx) or as the page's error. */
export type SheetNotice = { kind: 'saved' | 'error'; text: string } | null;

function attendancePath(sheet: SessionSheet, suffix = ''): string {
  return `/sessions/${sheet.session.id}/attendance${suffix}`;
}

/** One person: a tel: link and three large buttons; the pressed one is the stored mark. */
function AttendanceRow(
  props: { sheet: SessionSheet; row: SheetRow; editable: boolean } & PageContext,
) {
  const { sheet, row, t, language } = props;
  const groupId = `mark-${row.enrollmentId}`;
  return (
    <li id={`enrollment-${row.enrollmentId}`} class={`attendee mark-${row.mark ?? 'none'}`}>
      <p class="attendee-name" id={`${groupId}-name`}>
        {row.name}
      </p>
      {row.phone && (
        <p class="attendee-phone">
          <a href={`tel:${row.phone}`}>{formatPhoneForDisplay(row.phone)}</a>
        </p>
      )}
      {props.editable ? (
        <form
          method="post"
          action={attendancePath(sheet, `/${row.enrollmentId}`)}
          hx-post={attendancePath(sheet, `/${row.enrollmentId}`)}
          hx-target="#attendance-list"
          hx-swap="outerHTML"
        >
          <div
            class="mark-buttons"
            role="group"
            aria-label={t('attendance.markGroup', { name: row.name })}
          >
            {attendanceMarks.map((mark) => (
              <button
                type="submit"
                name="mark"
                value={mark}
                id={`${groupId}-${mark}`}
                class={`mark-button mark-button-${mark}`}
                aria-pressed={row.mark === mark ? 'true' : 'false'}
              >
                {t(`attendance.mark.${mark}`)}
              </button>
            ))}
          </div>
        </form>
      ) : (
        <p>{row.mark ? t(`attendance.mark.${row.mark}`) : t('attendance.unmarked')}</p>
      )}
      <p class="hint">
        {row.mark && row.markedByName && row.markedAt
          ? t('attendance.markedBy', {
              name: row.markedByName,
              time: formatDateTime(row.markedAt, language),
            })
          : t('attendance.unmarked')}
      </p>
    </li>
  );
}

/** The list and its "rest present" button: what an htmx save swaps. */
export function AttendanceList(props: { sheet: SessionSheet; notice: SheetNotice } & PageContext) {
  const { sheet, t, language, notice } = props;
  const editable = sheet.marking === 'open' || sheet.marking === 'correction';
  const unmarked = sheet.rows.filter((row) => row.mark === null).length;
  return (
    <section id="attendance-list" aria-labelledby="attendance-list-title">
      <h2 id="attendance-list-title">{t('attendance.listCaption')}</h2>
      <div id="attendance-notice" role="status" aria-live="polite">
        {notice && (
          <p class={notice.kind === 'error' ? 'flash flash-error' : 'flash flash-success'}>
            {notice.text}
          </p>
        )}
      </div>
      {editable && <p class="hint">{t('attendance.markHint')}</p>}
      {sheet.rows.length === 0 ? (
        <p>{t('attendance.nobodyDue')}</p>
      ) : (
        <ul class="attendance-list">
          {sheet.rows.map((row) => (
            <AttendanceRow sheet={sheet} row={row} editable={editable} t={t} language={language} />
          ))}
        </ul>
      )}
      {editable && sheet.rows.length > 0 && (
        <form
          method="post"
          action={attendancePath(sheet, '/rest-present')}
          hx-post={attendancePath(sheet, '/rest-present')}
          hx-target="#attendance-list"
          hx-swap="outerHTML"
        >
          {unmarked > 0 ? (
            <button type="submit" id="rest-present" class="wide-button">
              {t('attendance.restPresent')}
            </button>
          ) : (
            <p>{t('attendance.allMarked')}</p>
          )}
        </form>
      )}
    </section>
  );
}

function MarkingNote(props: { sheet: SessionSheet } & PageContext) {
  const { sheet, t, language } = props;
  switch (sheet.marking) {
    case 'not-started':
      return (
        <p class="warning">
          {t('attendance.notStarted', {
            time: formatDateTime(sheet.session.startsAt, language),
          })}
        </p>
      );
    case 'closed':
      return <p class="warning">{t('attendance.closedForInstructor')}</p>;
    case 'correction':
      return <p class="warning">{t('attendance.closedCorrection')}</p>;
    case 'cancelled':
      return <p class="warning">{t('attendance.cancelledSession')}</p>;
    case 'open':
      return null;
  }
}

function LeadersForm(
  props: {
    sheet: SessionSheet;
    choices: LeaderChoice[];
    chosen: number[];
    error: string | null;
  } & PageContext,
) {
  const { sheet, t } = props;
  return (
    <form method="post" action={attendancePath(sheet, '/leaders')} class="leaders-form">
      <fieldset
        class={props.error ? 'field field-invalid' : 'field'}
        aria-describedby={props.error ? 'leaders-error' : 'leaders-hint'}
      >
        <legend>{t('attendance.leadersTitle')}</legend>
        <p id="leaders-hint" class="hint">
          {t('attendance.leadersHint')}
        </p>
        {props.error && (
          <p id="leaders-error" class="field-error">
            {props.error}
          </p>
        )}
        {props.choices.map((choice) => (
          <div class="field-checkbox">
            <input
              id={`leader-${choice.id}`}
              type="checkbox"
              name="instructorId"
              value={String(choice.id)}
              checked={props.chosen.includes(choice.id)}
            />
            <label for={`leader-${choice.id}`}>
              {choice.name} {choice.leadsCourse && t('attendance.leadersCourse')}
            </label>
          </div>
        ))}
      </fieldset>
      <button type="submit" class="secondary">
        {t('attendance.leadersSave')}
      </button>
    </form>
  );
}

/** An instructor's page for one session, made for a phone held in one hand. */
export function SessionAttendancePage(
  props: {
    course: CourseWithSchedule;
    sheet: SessionSheet;
    leaders: { choices: LeaderChoice[]; chosen: number[]; error: string | null } | null;
    notice: SheetNotice;
  } & PageContext,
) {
  const { course, sheet, t, language } = props;
  const { session } = sheet;
  return (
    <section id="session-attendance-page" class="phone-page">
      <p>
        <a href={`/courses/${course.course.id}/attendance`}>{t('attendance.backToCourse')}</a>
      </p>
      <h1>{t('attendance.sessionTitle', { number: session.ordinal })}</h1>
      <p class="session-facts">
        {titleOf(course, language)}
        <br />
        {t('attendance.sessionWhen', {
          date: formatLocalDate(session.localDate, language),
          time: formatTimeRange(session.startTime, session.endTime, language),
        })}
        {course.venue && (
          <>
            <br />
            {venueText(course.venue)}
          </>
        )}
      </p>
      <MarkingNote sheet={sheet} t={t} language={language} />
      <AttendanceList sheet={sheet} notice={props.notice} t={t} language={language} />
      {props.leaders && (
        <LeadersForm
          sheet={sheet}
          choices={props.leaders.choices}
          chosen={props.leaders.chosen}
          error={props.leaders.error}
          t={t}
          language={language}
        />
      )}
    </section>
  );
}
