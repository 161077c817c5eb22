import { attendanceMarks } from '../../db/schema';
import type {
  AttendanceGrid,
  GridCell,
  GridRow,
} from '../../src/features/attendance/attendance-grid';
import type { CourseMarking } from '../../src/features/attendance/attendance-sheets';
import type { CourseWithSchedule } from '../../src/features/courses/queries';
import type { Language, Translate } from '../../src/i18n';
import { formatDayAndMonth } from '../../src/i18n/format';
import { titleOf } from '../courses/course-page';

type PageContext = { t: Translate; language: Language };

/** Something wrong with the posted grid: said at its box (when there is one) and in the summary. */
export type GridProblem = { field: string | null; text: string; summary: string };

/** The columns' header: the name, then each session's number and date, on paper as on screen. */
export function GridHead(props: { grid: AttendanceGrid } & PageContext) {
  const { t, language } = props;
  return (
    <thead>
      <tr>
        <th scope="col" class="grid-name">
          {t('attendance.name')}
        </th>
        {props.grid.sessions.map((session) => (
          <th scope="col" class="grid-session">
            {t('attendance.grid.session', { number: session.ordinal })}
            <br />
            <span class="grid-date">{formatDayAndMonth(session.localDate, language)}</span>
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A box the person was not due at (joined later or had left): a dash, and words for a reader. */
export function NotDue(props: { t: Translate }) {
  return (
    <>
      <span aria-hidden="true">–</span>
      <span class="visually-hidden">{props.t('attendance.grid.notDue')}</span>
    </>
  );
}

/** One box of the form: the person and session it is for, and what to show in it. */
type CellProps = {
  cell: GridCell;
  row: GridRow;
  ordinal: number;
  value: string;
  errorId: string | null;
  t: Translate;
};

function MarkSelect(props: CellProps) {
  const { cell, t } = props;
  return (
    <select
      id={cell.field}
      name={cell.field}
      aria-label={t('attendance.grid.cellLabel', { name: props.row.name, number: props.ordinal })}
      aria-describedby={props.errorId ?? undefined}
      aria-invalid={props.errorId ? 'true' : undefined}
    >
      <option value="">–</option>
      {attendanceMarks.map((mark) => (
        <option value={mark} selected={props.value === mark}>
          {t(`attendance.mark.${mark}`)}
        </option>
      ))}
    </select>
  );
}

function CellContent(props: CellProps) {
  const { cell, t } = props;
  switch (cell.state) {
    case 'not-due':
      return <NotDue t={t} />;
    case 'to-come':
      return <span class="hint">{t('attendance.sessionUpcoming')}</span>;
    case 'read-only':
      return <>{cell.mark ? t(`attendance.mark.${cell.mark}`) : t('attendance.unmarked')}</>;
    case 'editable':
      return <MarkSelect {...props} />;
  }
}

function MarkingNote(props: { marking: CourseMarking; t: Translate }) {
  const { t } = props;
  switch (props.marking) {
    case 'open':
      return <p class="hint">{t('attendance.grid.intro')}</p>;
    case 'correction':
      return <p class="warning">{t('attendance.closedCorrection')}</p>;
    case 'closed':
      return <p class="warning">{t('attendance.closedForInstructor')}</p>;
    case 'cancelled':
      return <p class="warning">{t('attendance.refused.course-cancelled')}</p>;
  }
}

function GridErrorSummary(props: { problems: GridProblem[]; t: Translate }) {
  if (props.problems.length === 0) return null;
  return (
    <div class="error-summary" role="alert">
      <p>{props.t('attendance.grid.errorSummary')}</p>
      <ul>
        {props.problems.map((problem) => (
          <li>
            {problem.field ? (
              <a href={`#${problem.field}-cell`}>{problem.summary}</a>
            ) : (
              problem.summary
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The whole course in one form, for typing in a paper roster: a select per box in reading order
 * (Tab goes along the row, then to the next person), all saved together.
 */
export function AttendanceGridPage(
  props: {
    course: CourseWithSchedule;
    grid: AttendanceGrid;
    /** What was chosen in a form that came back, by field name; otherwise the stored marks. */
    values: Record<string, string>;
    problems: GridProblem[];
  } & PageContext,
) {
  const { course, grid, t, language } = props;
  const coursePath = `/courses/${course.course.id}/attendance`;
  const editable = grid.rows.some((row) => row.cells.some((cell) => cell.state === 'editable'));
  const problemAt = new Map(
    props.problems.flatMap((problem) => (problem.field ? [[problem.field, problem.text]] : [])),
  );
  return (
    <section id="attendance-grid-page">
      <p>
        <a href={coursePath}>{t('attendance.backToCourse')}</a>
      </p>
      <h1>{t('attendance.grid.title')}</h1>
      <p>{titleOf(course, language)}</p>
      <GridErrorSummary problems={props.problems} t={t} />
      <MarkingNote marking={grid.marking} t={t} />
      {grid.rows.length === 0 ? (
        <p>{t('attendance.noParticipants')}</p>
      ) : (
        <form method="post" action={`${coursePath}/grid`}>
          <div
            class="table-scroll"
            role="region"
            aria-labelledby="attendance-grid-caption"
            tabindex={0}
          >
            <table id="attendance-grid" class="attendance-grid">
              <caption id="attendance-grid-caption">{t('attendance.grid.caption')}</caption>
              <GridHead grid={grid} t={t} language={language} />
              <tbody>
                {grid.rows.map((row) => (
                  <tr id={`enrollment-${row.enrollmentId}`}>
                    <th scope="row">{row.name}</th>
                    {row.cells.map((cell, index) => {
                      const problem = problemAt.get(cell.field);
                      const errorId = problem ? `${cell.field}-error` : null;
                      return (
                        <td
                          id={`${cell.field}-cell`}
                          class={`grid-${cell.state}${problem ? ' field-invalid' : ''}`}
                        >
                          {problem && (
                            <p id={errorId ?? undefined} class="field-error">
                              {problem}
                            </p>
                          )}
                          <CellContent
                            cell={cell}
                            row={row}
                            ordinal={grid.sessions[index]!.ordinal}
                            value={props.values[cell.field] ?? cell.mark ?? ''}
                            errorId={errorId}
                            t={t}
                          />
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {editable && <button type="submit">{t('attendance.grid.save')}</button>}
        </form>
      )}
      <p>
        <a href={`${coursePath}/print`}>{t('attendance.printLink')}</a>
      </p>
    </section>
  );
}
