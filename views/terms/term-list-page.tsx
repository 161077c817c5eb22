import type { TermListRow } from '../../src/features/terms/queries';
import type { Page } from '../../src/http/paging';
import type { Language, Translate } from '../../src/i18n';
import { formatLocalDate } from '../../src/i18n/format';
import { ErrorSummary, TextField, type FieldErrors, FormFields } from '../components/form-fields';
import { FirstPageLink, MoreRowsRow, focusOnFirst } from '../components/more-rows';

/** One page of rows and the "show more" row: the whole answer to an htmx "show more". */
export function TermRows(props: {
  page: Page<TermListRow>;
  moreAnswer?: boolean;
  t: Translate;
  language: Language;
}) {
  const { t, language } = props;
  return (
    <>
      {props.page.rows.map((term, index) => (
        <tr id={`term-${term.id}`} {...focusOnFirst(props.moreAnswer, index)}>
          <td data-label={t('term.name')}>
            <a href={`/terms/${term.id}`}>{term.name}</a>
          </td>
          <td data-label={t('term.startsOn')}>{formatLocalDate(term.startsOn, language)}</td>
          <td data-label={t('term.endsOn')}>{formatLocalDate(term.endsOn, language)}</td>
        </tr>
      ))}
      <MoreRowsRow
        id="terms-more"
        columns={3}
        href={props.page.nextAfter === null ? null : `/terms?after=${props.page.nextAfter}`}
        t={t}
      />
    </>
  );
}

export function TermListPage(props: {
  page: Page<TermListRow>;
  laterPage: boolean;
  values: Record<string, string>;
  errors: FieldErrors;
  t: Translate;
  language: Language;
}) {
  const { t, values, errors, language } = props;
  return (
    <section>
      <h1>{t('term.listTitle')}</h1>
      <FirstPageLink href="/terms" shown={props.laterPage} t={t} />
      <table>
        <caption>{t('term.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('term.name')}</th>
            <th scope="col">{t('term.startsOn')}</th>
            <th scope="col">{t('term.endsOn')}</th>
          </tr>
        </thead>
        <tbody id="terms-rows">
          <TermRows page={props.page} t={t} language={language} />
        </tbody>
      </table>
      <form method="post" action="/terms" novalidate>
        <FormFields errors={errors} t={t}>
          <h2>{t('term.add')}</h2>
          <ErrorSummary errors={errors} t={t} />
          <TextField
            name="name"
            label={t('term.name')}
            hint={t('term.nameHint')}
            value={values.name}
            required
          />
          <TextField
            name="startsOn"
            type="date"
            label={t('term.startsOn')}
            value={values.startsOn}
            required
          />
          <TextField
            name="endsOn"
            type="date"
            label={t('term.endsOn')}
            value={values.endsOn}
            required
          />
          <TargetFields values={values} t={t} />
          <button type="submit">{t('term.add')}</button>
        </FormFields>
      </form>
    </section>
  );
}

export function TargetFields(props: { values: Record<string, string>; t: Translate }) {
  const { t, values } = props;
  const fields = [
    ['targetCoursesMin', 'term.targetCoursesMin'],
    ['targetCoursesMax', 'term.targetCoursesMax'],
    ['targetInstructorsMin', 'term.targetInstructorsMin'],
    ['targetInstructorsMax', 'term.targetInstructorsMax'],
  ] as const;
  return (
    <div class="number-grid">
      {fields.map(([name, label]) => (
        <TextField
          name={name}
          type="number"
          min={0}
          max={100}
          label={t(label)}
          value={values[name]}
          required
        />
      ))}
    </div>
  );
}
