import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ReportPage, ReportsIndexPage } from '../../../views/reports/report-pages';
import { access } from '../../http/access';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { toCsv, type CsvCell } from '../../lib/csv';
import { recordAudit } from '../audit/audit-log';
import { summariseFeedback } from '../feedback/feedback-rules';
import { termFeedbackScoresOf } from '../feedback/queries';
import { formatDuration } from '../../i18n/format';
import { totalHoursOf } from '../instructors/hours-queries';
import {
  activeInstructorCount,
  existingTermIds,
  findTerm,
  instructorIdsOfTerm,
  listTerms,
  termCourseFigures,
  totalOf,
  totalsBy,
  trainedInstructorCount,
  type CourseFigures,
  type TermHeading,
} from './queries';
import { termCharts, yearCharts } from './charts';
import { maskSmall } from './report-rules';
import { figureHeader, shownFigures, type ReportTable } from './report-table';

/** Coordinators, admins and the read-only reporting role; never an instructor. */
const reportReaders = access(['coordinator', 'admin', 'reporting']);

/**
 * The most terms one view puts side by side: far more than anyone reads (two terms a year), and
 * well under SQLite's limit of bound values in one query (40 000 ids answered 500).
 */
const maxChosenTerms = 100;

/**
 * `?terms=1,2` or `?terms=1&terms=2`: the chosen term ids, or null when any part is not an id or
 * more than `maxChosenTerms` different terms are asked for.
 */
function chosenTermIds(values: string[]): number[] | null {
  const parts = values.flatMap((value) => value.split(',')).map((part) => part.trim());
  if (parts.some((part) => !/^[1-9]\d{0,8}$/.test(part))) return null;
  const ids = [...new Set(parts.map(Number))];
  return ids.length > maxChosenTerms ? null : ids;
}

export function reportRoutes({ db, clock, config }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  /**
   * Instructors per term: new ones trained, those on its courses (counts, so "< 5" applies) and
   * the ArVo hours of all of them together (work time summed over everyone, not a count).
   */
  const instructorTable = (c: Context<SignedInEnv>, terms: TermHeading[]): ReportTable => {
    const t = c.get('t');
    const settings = { now: clock(), callMinutes: config.intakeCallMinutes };
    const perTerm = terms.map((term) => ({
      term,
      trained: trainedInstructorCount(db, term),
      active: activeInstructorCount(db, term.id),
      hours: totalHoursOf(db, instructorIdsOfTerm(db, term), term, settings),
    }));
    const sum = (pick: (row: (typeof perTerm)[number]) => number) =>
      perTerm.reduce((total, row) => total + pick(row), 0);
    const hoursCells = (hours: { planned: number; done: number }) => [
      formatDuration(hours.planned),
      formatDuration(hours.done),
    ];
    return {
      header: [
        t('reports.col.term'),
        t('reports.col.trained'),
        t('reports.col.activeInstructors'),
        t('reports.col.hoursPlanned'),
        t('reports.col.hoursDone'),
      ],
      rows: [
        ...perTerm.map((row): CsvCell[] => [
          row.term.name,
          maskSmall(row.trained),
          maskSmall(row.active),
          ...hoursCells(row.hours),
        ]),
        ...(perTerm.length > 1
          ? [
              // The same person may lead in several terms, so active instructors are not summed.
              [
                t('reports.total'),
                maskSmall(sum((row) => row.trained)),
                null,
                ...hoursCells({
                  planned: sum((row) => row.hours.planned),
                  done: sum((row) => row.hours.done),
                }),
              ],
            ]
          : []),
      ],
    };
  };

  const termFor = (typed: string) => {
    const id = /^[1-9]\d{0,8}$/.test(typed) ? Number(typed) : Number.NaN;
    const term = Number.isSafeInteger(id) ? findTerm(db, id) : undefined;
    if (!term) throw new HTTPException(404);
    return term;
  };

  const perCourseTable = (c: Context<SignedInEnv>, rows: CourseFigures[]): ReportTable => {
    const t = c.get('t');
    const total: CsvCell[] = [t('reports.total'), '', '', ...shownFigures(totalOf(rows))];
    return {
      header: [
        t('reports.col.course'),
        t('reports.col.locality'),
        t('reports.col.audience'),
        ...figureHeader(t),
      ],
      rows: [
        ...rows.map((row): CsvCell[] => [
          `${row.title} (${row.courseId})`,
          row.locality,
          t(`reports.audience.${row.audience}`),
          ...shownFigures(row),
        ]),
        total,
      ],
    };
  };

  const groupTable = (
    c: Context<SignedInEnv>,
    label: string,
    groups: { key: string; total: ReturnType<typeof totalOf> }[],
    rows: CourseFigures[],
  ): ReportTable => {
    const t = c.get('t');
    return {
      header: [label, ...figureHeader(t)],
      rows: [
        ...groups.map((group): CsvCell[] => [group.key, ...shownFigures(group.total)]),
        [t('reports.total'), ...shownFigures(totalOf(rows))],
      ],
    };
  };

  app.get('/reports', reportReaders, (c) => {
    const t = c.get('t');
    const typed = c.req.queries('terms');
    if (!typed) {
      return c.render(<ReportsIndexPage terms={listTerms(db)} t={t} />, {
        title: t('reports.title'),
      });
    }
    const ids = chosenTermIds(typed);
    const found = ids ? existingTermIds(db, ids) : [];
    if (!ids || ids.length === 0 || found.length !== ids.length) {
      c.status(400);
      return c.render(<ReportsIndexPage terms={listTerms(db)} error t={t} />, {
        title: t('reports.title'),
      });
    }
    const language = c.get('language');
    const terms = ids.map((id) => findTerm(db, id)!);
    const perTerm = terms.map((term) => ({
      key: term.name,
      rows: termCourseFigures(db, term.id, language),
    }));
    const allRows = perTerm.flatMap((term) => term.rows);
    const table = groupTable(
      c,
      t('reports.col.term'),
      perTerm.map((term) => ({ key: term.key, total: totalOf(term.rows) })),
      allRows,
    );
    return c.render(
      <ReportPage
        title={t('reports.yearTitle')}
        sections={[
          { id: 'report-by-term', caption: t('reports.byTerm'), table, labelColumns: 1 },
          {
            id: 'report-localities',
            caption: t('reports.byLocality'),
            table: groupTable(
              c,
              t('reports.col.locality'),
              totalsBy(allRows, (row) => row.locality),
              allRows,
            ),
            labelColumns: 1,
          },
          {
            id: 'report-instructors',
            caption: t('reports.instructors'),
            table: instructorTable(c, terms),
            labelColumns: 1,
          },
          ...terms.map((term, index) => ({
            id: `report-courses-${term.id}`,
            caption: t('reports.perCourseOfTerm', { term: term.name }),
            table: perCourseTable(c, perTerm[index]!.rows),
            labelColumns: 3,
          })),
        ]}
        empty={allRows.length === 0}
        charts={yearCharts(
          terms.map((term, index) => ({ term, rows: perTerm[index]!.rows })),
          t,
        )}
        t={t}
        language={language}
      />,
      { title: t('reports.yearTitle') },
    );
  });

  /** The per-course table and its total as a file for Excel; the export is audited, never its content. */
  app.get('/reports/terms/:file{[0-9]+\\.csv}', reportReaders, (c) => {
    const term = termFor(c.req.param('file').replace(/\.csv$/, ''));
    const t = c.get('t');
    const table = perCourseTable(c, termCourseFigures(db, term.id, c.get('language')));
    recordAudit(
      db,
      {
        actor: c.get('user'),
        action: 'export',
        subjectType: 'term-report',
        subjectId: term.id,
        detail: 'term report CSV',
      },
      clock(),
    );
    return c.body(toCsv(table.header, table.rows), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${t('reports.csv.fileName', { id: term.id })}"`,
      'Cache-Control': 'no-store',
    });
  });

  app.get('/reports/terms/:id', reportReaders, (c) => {
    const term = termFor(c.req.param('id'));
    const t = c.get('t');
    const rows = termCourseFigures(db, term.id, c.get('language'));
    const title = t('reports.termTitle', { term: term.name });
    return c.render(
      <ReportPage
        title={title}
        csvHref={`/reports/terms/${term.id}.csv`}
        sections={[
          {
            id: 'report-courses',
            caption: t('reports.perCourse'),
            table: perCourseTable(c, rows),
            labelColumns: 3,
          },
          {
            id: 'report-localities',
            caption: t('reports.byLocality'),
            table: groupTable(
              c,
              t('reports.col.locality'),
              totalsBy(rows, (row) => row.locality),
              rows,
            ),
            labelColumns: 1,
          },
          {
            id: 'report-audiences',
            caption: t('reports.byAudience'),
            table: groupTable(
              c,
              t('reports.col.audience'),
              totalsBy(rows, (row) => t(`reports.audience.${row.audience}`)),
              rows,
            ),
            labelColumns: 1,
          },
          {
            id: 'report-instructors',
            caption: t('reports.instructors'),
            table: instructorTable(c, [term]),
            labelColumns: 1,
          },
        ]}
        empty={rows.length === 0}
        feedback={summariseFeedback(termFeedbackScoresOf(db, term.id))}
        charts={termCharts(rows, t)}
        t={t}
        language={c.get('language')}
      />,
      { title },
    );
  });

  return app;
}
