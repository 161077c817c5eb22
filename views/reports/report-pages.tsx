import type { TermHeading } from '../../src/features/reports/queries';
import type { ReportTable } from '../../src/features/reports/report-table';
import type { FeedbackSummary } from '../../src/features/feedback/feedback-rules';
import type { Language, Translate } from '../../src/i18n';
import { FeedbackSummarySection } from '../feedback/feedback-results-page';
import type { CsvCell } from '../../src/lib/csv';
import type { Chart } from '../../src/features/reports/charts';
import { ReportCharts } from './charts';

function cellText(cell: CsvCell): string {
  return cell === null ? '–' : String(cell);
}

/** One table of the report: the label cells are row headers, the figures are right-aligned. */
export function ReportTableView(props: {
  id: string;
  caption: string;
  table: ReportTable;
  labelColumns: number;
}) {
  return (
    <div class="table-scroll" role="region" aria-labelledby={`${props.id}-caption`} tabindex={0}>
      <table id={props.id} class="report-table">
        <caption id={`${props.id}-caption`}>{props.caption}</caption>
        <thead>
          <tr>
            {props.table.header.map((label) => (
              <th scope="col">{label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.table.rows.map((row) => (
            <tr>
              {row.map((cell, index) =>
                // Only the first column names the row; the next label columns (a course's
                // locality, say) are plain cells, empty on the total row.
                index === 0 ? (
                  <th scope="row">{cellText(cell)}</th>
                ) : index < props.labelColumns ? (
                  <td data-label={props.table.header[index]}>{cellText(cell)}</td>
                ) : (
                  <td class="number" data-label={props.table.header[index]}>
                    {cellText(cell)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The reporting role's home: what it may see, and the way to the reports; nothing else. */
export function ReportingHomePage(props: { t: Translate }) {
  const { t } = props;
  return (
    <section>
      <h1>{t('home.title')}</h1>
      <p>{t('home.reporting.intro')}</p>
      <p>
        <a href="/reports">{t('reports.title')}</a>
      </p>
    </section>
  );
}

export function ReportsIndexPage(props: { terms: TermHeading[]; error?: boolean; t: Translate }) {
  const { t } = props;
  return (
    <section>
      <h1>{t('reports.title')}</h1>
      <p>{t('reports.intro')}</p>
      {props.error ? (
        <p class="error" role="alert" id="reports-error">
          {t('reports.badTerms')}
        </p>
      ) : null}
      {props.terms.length === 0 ? (
        <p>{t('reports.noTerms')}</p>
      ) : (
        <form method="get" action="/reports">
          <fieldset>
            <legend>{t('reports.terms')}</legend>
            <ul class="plain-list">
              {props.terms.map((term) => (
                <li>
                  <div class="field-checkbox">
                    <input
                      id={`report-term-${term.id}`}
                      type="checkbox"
                      name="terms"
                      value={String(term.id)}
                    />
                    <label for={`report-term-${term.id}`}>{term.name}</label>
                  </div>
                  <a href={`/reports/terms/${term.id}`}>{t('reports.openTerm')}</a>
                </li>
              ))}
            </ul>
          </fieldset>
          <button type="submit">{t('reports.compare')}</button>
        </form>
      )}
    </section>
  );
}

export function ReportPage(props: {
  title: string;
  csvHref?: string;
  sections: { id: string; caption: string; table: ReportTable; labelColumns: number }[];
  empty: boolean;
  /** The participants' feedback of the whole term, with the "< 5" rule; scores only. */
  feedback?: FeedbackSummary;
  /** Drawn in the route from the same figures as the tables (src/features/reports/charts.ts). */
  charts?: Chart[];
  t: Translate;
  language: Language;
}) {
  const { t } = props;
  return (
    <section class="report">
      <h1>{props.title}</h1>
      <p>{t('reports.intro')}</p>
      <p class="no-print">
        <a href="/reports">{t('reports.title')}</a>
        {props.csvHref ? (
          <>
            {' · '}
            <a href={props.csvHref} id="report-csv">
              {t('reports.downloadCsv')}
            </a>
          </>
        ) : null}
        {' · '}
        {t('reports.print')}
      </p>
      {props.empty ? <p>{t('reports.noCourses')}</p> : null}
      <ReportCharts charts={props.charts ?? []} t={t} />
      {props.sections.map((section) => (
        <ReportTableView {...section} />
      ))}
      {props.feedback ? (
        <section id="report-feedback">
          <h2>{t('reports.feedbackTitle')}</h2>
          <FeedbackSummarySection summary={props.feedback} t={t} language={props.language} />
        </section>
      ) : null}
    </section>
  );
}
