import type { RetentionRun } from '../../src/features/retention/queries';
import type {
  periodFields,
  RetentionCounts,
  RetentionKind,
} from '../../src/features/retention/retention-rules';
import type { FormState } from '../../src/http/form';
import type { Language, Translate } from '../../src/i18n';
import { formatDate, formatDateTime } from '../../src/i18n/format';
import { CaptionedTable } from '../components/captioned-table';
import { ErrorSummary, FormFields, TextField } from '../components/form-fields';

export const retentionPath = '/admin/retention';

/** The five periods, in the order of the form (the route passes the rules' list). */
export type PeriodField = (typeof periodFields)[number];

export type RetentionSchedule = {
  now: RetentionCounts;
  upcoming: { date: string; counts: RetentionCounts }[];
};

type PageContext = { t: Translate; language: Language };

/** A run's counts by kind, as the other tables show them. */
const countsOfRun = (run: RetentionRun): RetentionCounts => ({
  applications: run.applicationsAnonymised,
  candidates: run.candidatesAnonymised,
  mailBodies: run.mailBodiesPruned,
  feedbackTexts: run.feedbackTextsEmptied,
  auditRows: run.auditRowsDeleted,
});

/** The kinds of data, in the order of every table on the page. */
const kindsOf = (counts: RetentionCounts) => Object.keys(counts) as RetentionKind[];

/** The periods, as five number fields with what was typed and any message at each. */
export function RetentionSettingsForm(
  props: FormState & { fields: readonly PeriodField[]; longestCourseDays: number; t: Translate },
) {
  const { t, values, errors } = props;
  return (
    <form id="retention-form" method="post" action={retentionPath} novalidate>
      <h2>{t('retention.settings')}</h2>
      <p id="retention-longest-course" class="hint">
        {t('retention.longestCourse', { days: props.longestCourseDays })}
      </p>
      <FormFields errors={errors} t={t}>
        <ErrorSummary errors={errors} t={t} />
        {props.fields.map((field) => (
          <TextField
            name={field}
            type="number"
            min={1}
            label={t(`retention.${field}`)}
            value={values[field]}
            autocomplete="off"
          />
        ))}
        <button type="submit">{t('retention.save')}</button>
      </FormFields>
    </form>
  );
}

function DueNow(props: { counts: RetentionCounts; t: Translate }) {
  const { t } = props;
  return (
    <CaptionedTable
      id="retention-due-now"
      caption={t('retention.dueNow')}
      headings={[t('retention.col.kind'), t('retention.col.count')]}
    >
      {kindsOf(props.counts).map((kind) => (
        <tr>
          <th scope="row">{t(`retention.kind.${kind}`)}</th>
          <td data-label={t('retention.col.count')}>{props.counts[kind]}</td>
        </tr>
      ))}
    </CaptionedTable>
  );
}

function Upcoming(
  props: { upcoming: RetentionSchedule['upcoming']; kinds: RetentionKind[] } & PageContext,
) {
  const { t, language, kinds } = props;
  if (props.upcoming.length === 0) {
    return (
      <>
        <h2>{t('retention.upcoming')}</h2>
        <p id="retention-upcoming-none">{t('retention.nothingUpcoming')}</p>
      </>
    );
  }
  return (
    <CaptionedTable
      id="retention-upcoming"
      caption={t('retention.upcoming')}
      headings={[t('retention.col.date'), ...kinds.map((kind) => t(`retention.kind.${kind}`))]}
    >
      {props.upcoming.map((day) => (
        <tr>
          <th scope="row">{formatDate(day.date, language)}</th>
          {kinds.map((kind) => (
            <td data-label={t(`retention.kind.${kind}`)}>{day.counts[kind]}</td>
          ))}
        </tr>
      ))}
    </CaptionedTable>
  );
}

function Runs(props: { runs: RetentionRun[]; kinds: RetentionKind[] } & PageContext) {
  const { t, language, kinds } = props;
  if (props.runs.length === 0) {
    return (
      <>
        <h2>{t('retention.runs')}</h2>
        <p>{t('retention.noRuns')}</p>
      </>
    );
  }
  return (
    <CaptionedTable
      id="retention-runs"
      caption={t('retention.runs')}
      headings={[
        t('retention.col.date'),
        t('retention.col.by'),
        ...kinds.map((kind) => t(`retention.kind.${kind}`)),
      ]}
    >
      {props.runs.map((run) => (
        <tr>
          <th scope="row">{formatDateTime(run.at, language)}</th>
          <td data-label={t('retention.col.by')}>{run.byName}</td>
          {kinds.map((kind) => (
            <td data-label={t(`retention.kind.${kind}`)}>{countsOfRun(run)[kind]}</td>
          ))}
        </tr>
      ))}
    </CaptionedTable>
  );
}

/** The admin's retention page: the periods, what is due now and soon, the last runs, run now. */
export function RetentionPage(
  props: {
    form: FormState;
    fields: readonly PeriodField[];
    longestCourseDays: number;
    schedule: RetentionSchedule;
    runs: RetentionRun[];
  } & PageContext,
) {
  const { t, language } = props;
  const kinds = kindsOf(props.schedule.now);
  return (
    <section id="retention-page">
      <h1>{t('retention.title')}</h1>
      <p>{t('retention.intro')}</p>
      <RetentionSettingsForm
        {...props.form}
        fields={props.fields}
        longestCourseDays={props.longestCourseDays}
        t={t}
      />
      <DueNow counts={props.schedule.now} t={t} />
      <form id="retention-run-form" method="post" action={`${retentionPath}/runs`}>
        <p id="retention-run-hint" class="hint">
          {t('retention.runNowHint')}
        </p>
        <button type="submit" class="danger" aria-describedby="retention-run-hint">
          {t('retention.runNow')}
        </button>
      </form>
      <Upcoming upcoming={props.schedule.upcoming} kinds={kinds} t={t} language={language} />
      <Runs runs={props.runs} kinds={kinds} t={t} language={language} />
    </section>
  );
}
