import type { AuditLogRow, StaffChoice } from '../../src/features/audit/audit-log';
import type {
  AuditAction,
  AuditFilterField,
  AuditFilterValues,
} from '../../src/features/audit/audit-filters';
import type { Page } from '../../src/http/paging';
import type { Language, Translate } from '../../src/i18n';
import { formatDateTime } from '../../src/i18n/format';
import { ErrorSummary, FormFields, SelectField, TextField } from '../components/form-fields';
import {
  FirstPageLink,
  MoreRowsRow,
  focusOnFirst,
  listHref,
  nextPageHref,
} from '../components/more-rows';

type PageContext = { t: Translate; language: Language };

const columns = 5;

/** The filters as the address carries them: the "show more" link keeps every one. */
type Shown = { values: AuditFilterValues };

/** One page of rows and the "show more" row: the whole answer to an htmx "show more". */
export function AuditRows(
  props: { page: Page<AuditLogRow>; moreAnswer?: boolean } & Shown & PageContext,
) {
  const { t, language, page } = props;
  return (
    <>
      {page.rows.map((entry, index) => (
        <tr id={`audit-${entry.id}`} {...focusOnFirst(props.moreAnswer, index)}>
          <td data-label={t('audit.at')}>{formatDateTime(entry.at, language)}</td>
          <td data-label={t('audit.actor')}>{entry.actorName}</td>
          <td data-label={t('audit.action')}>{t(`audit.action.${entry.action}`)}</td>
          <td data-label={t('audit.subject')}>
            {entry.subjectType}
            {entry.subjectId !== null && ` #${entry.subjectId}`}
          </td>
          <td data-label={t('audit.detail')}>{entry.detail}</td>
        </tr>
      ))}
      <MoreRowsRow
        id="audit-more"
        columns={columns}
        href={
          page.nextAfter === null
            ? null
            : nextPageHref('/admin/audit', props.values, page.nextAfter)
        }
        t={t}
      />
    </>
  );
}

/**
 * A plain GET form: the filters are in the address, so the person's page can link to it and it
 * works without JavaScript; htmx swaps the form and the list together (the form carries the
 * messages of a filter that cannot be read).
 */
function AuditFilterForm(
  props: {
    values: AuditFilterValues;
    errors: Partial<Record<AuditFilterField, string>>;
    staff: StaffChoice[];
    actions: readonly AuditAction[];
  } & PageContext,
) {
  const { t, values } = props;
  return (
    <form
      method="get"
      action="/admin/audit"
      class="audit-filters"
      hx-get="/admin/audit"
      hx-target="#audit-filtered"
      hx-swap="outerHTML"
      hx-push-url="true"
      aria-labelledby="audit-filter-title"
    >
      <h2 id="audit-filter-title">{t('audit.filter.title')}</h2>
      <FormFields errors={props.errors} t={t}>
        <ErrorSummary />
        <TextField
          name="person"
          label={t('audit.filter.person')}
          hint={t('audit.filter.personHint')}
          value={values.person}
        />
        <SelectField
          name="actor"
          label={t('audit.filter.actor')}
          placeholder={t('audit.filter.anyActor')}
          value={values.actor}
          options={props.staff.map((user) => ({
            value: String(user.id),
            label: `${user.name} (${t(`role.${user.role}`)})`,
          }))}
        />
        <SelectField
          name="action"
          label={t('audit.filter.action')}
          placeholder={t('audit.filter.anyAction')}
          value={values.action}
          options={props.actions.map((action) => ({
            value: action,
            label: t(`audit.action.${action}`),
          }))}
        />
        {(['from', 'to'] as const).map((field) => (
          <TextField
            name={field}
            type="date"
            label={t(`audit.filter.${field}`)}
            hint={t('audit.filter.dateHint')}
            value={values[field]}
          />
        ))}
      </FormFields>
      <p class="actions">
        {/* The id lets htmx give the focus back to the button after the swap. */}
        <button type="submit" id="audit-filter-submit">
          {t('audit.filter.show')}
        </button>
        <a class="button-link" href="/admin/audit">
          {t('audit.filter.clear')}
        </a>
      </p>
    </form>
  );
}

export type AuditListProps = {
  page: Page<AuditLogRow>;
  laterPage: boolean;
  filtered: boolean;
  values: AuditFilterValues;
  errors: Partial<Record<AuditFilterField, string>>;
  staff: StaffChoice[];
  actions: readonly AuditAction[];
} & PageContext;

/** The filter form and the entries it chose: the answer to an htmx filter. */
export function AuditFiltered(props: AuditListProps) {
  const { t, language } = props;
  const invalid = Object.keys(props.errors).length > 0;
  return (
    <div id="audit-filtered">
      <AuditFilterForm
        values={props.values}
        errors={props.errors}
        staff={props.staff}
        actions={props.actions}
        t={t}
        language={language}
      />
      <FirstPageLink href={listHref('/admin/audit', props.values)} shown={props.laterPage} t={t} />
      {props.filtered && !invalid && <p id="audit-filtered-note">{t('audit.filtered')}</p>}
      {props.page.rows.length === 0 ? (
        <p id="audit-none">{t('audit.none')}</p>
      ) : (
        <table id="audit-table">
          <caption>{t('audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.subject')}</th>
              <th scope="col">{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody id="audit-rows">
            <AuditRows page={props.page} values={props.values} t={t} language={language} />
          </tbody>
        </table>
      )}
    </div>
  );
}

export function AuditPage(props: AuditListProps) {
  const { t } = props;
  return (
    <section id="audit-page">
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <AuditFiltered {...props} />
    </section>
  );
}
