import type { RegionChoice } from '../../src/features/places/region-choice';
import { RegionFilter, RegionShown, regionParam } from '../components/region-filter';
import { instructorKinds } from '../../db/schema';
import type { Licence } from '../../src/features/instructors/licence-rules';
import type { InstructorListRow } from '../../src/features/instructors/queries';
import type { Page } from '../../src/http/paging';
import type { Language, Translate } from '../../src/i18n';
import { formatDate } from '../../src/i18n/format';
import { formatPhoneForDisplay } from '../../src/lib/phone';
import {
  CheckboxField,
  CheckboxGroup,
  ErrorSummary,
  SelectField,
  TextField,
  type FieldErrors,
  FormFields,
} from '../components/form-fields';
import { FirstPageLink, MoreRowsRow, focusOnFirst, nextPageHref } from '../components/more-rows';

export type InstructorFormState = {
  values: Record<string, string>;
  checkedLocalities: string[];
  errors: FieldErrors;
};
export type InstructorFormChoices = {
  localities: { id: number; name: string }[];
  accounts: { id: number; name: string; email: string }[];
};

/** "6 kk" / "6 months". */
export function monthsText(count: number, t: Translate): string {
  return t(count === 1 ? 'licence.month' : 'licence.months', { count });
}

/** "koulutettu 20.5.2026, ei vielä kurssia: 6 kk, voimassa 20.5.2027 asti". */
export function licenceFacts(licence: Licence, t: Translate, language: Language): string {
  if (licence.validUntil === null || licence.lapsesOn === null) {
    return t('licence.noTrainingDate');
  }
  const since =
    licence.lastCourseOn !== null
      ? t('licence.lastCourse', { date: formatDate(licence.lastCourseOn, language) })
      : t('licence.trainedNoCourse', {
          date: formatDate(licence.trainedOn!, language),
          months: monthsText(licence.monthsSinceTraining!, t),
        });
  const until =
    licence.status === 'lapsed'
      ? t('licence.lapsedOn', { date: formatDate(licence.lapsesOn, language) })
      : t('licence.validUntil', { date: formatDate(licence.validUntil, language) });
  return `${since}, ${until}`;
}

const instructorColumns = 9;

/** One page of rows and the "show more" row: the whole answer to an htmx "show more". */
export function InstructorRows(props: {
  page: Page<InstructorListRow>;
  moreAnswer?: boolean;
  region: RegionChoice;
  t: Translate;
  language: Language;
}) {
  const { t, language } = props;
  const none = t('instructors.none');
  return (
    <>
      {props.page.rows.map((instructor, index) => (
        <tr id={`instructor-${instructor.id}`} {...focusOnFirst(props.moreAnswer, index)}>
          <th scope="row" class="instructor-name">
            {instructor.name}
          </th>
          <td data-label={t('instructors.kind')} class="instructor-kind">
            {t(`instructors.kind.${instructor.kind}`)}
          </td>
          <td data-label={t('instructors.licence')} class="instructor-licence">
            <strong class={`licence-${instructor.licence.status}`}>
              {t(`licence.status.${instructor.licence.status}`)}
            </strong>
            <div class="hint">{licenceFacts(instructor.licence, t, language)}</div>
          </td>
          <td data-label={t('instructors.employerUnit')} class="instructor-unit">
            {instructor.employerUnit}
          </td>
          <td data-label={t('instructors.localities')} class="instructor-localities">
            {instructor.localityNames.join(', ')}
          </td>
          <td data-label={t('instructors.phone')} class="instructor-phone">
            {instructor.phone ? (
              <a href={`tel:${instructor.phone}`}>{formatPhoneForDisplay(instructor.phone)}</a>
            ) : (
              none
            )}
          </td>
          <td data-label={t('instructors.email')} class="instructor-email">
            {instructor.email ? (
              <a href={`mailto:${instructor.email}`}>{instructor.email}</a>
            ) : (
              none
            )}
          </td>
          <td data-label={t('instructors.account')} class="instructor-account">
            {instructor.account
              ? t('instructors.accountOption', instructor.account)
              : t('instructors.noAccount')}
          </td>
          <td data-label={t('instructors.actions')}>
            <a href={`/instructors/${instructor.id}/edit`}>
              {t('instructors.edit')}
              <span class="visually-hidden"> {instructor.name}</span>
            </a>{' '}
            <a href={`/instructors/${instructor.id}/hours`}>
              {t('instructors.hours')}
              <span class="visually-hidden"> {instructor.name}</span>
            </a>
          </td>
        </tr>
      ))}
      <MoreRowsRow
        id="instructors-more"
        columns={instructorColumns}
        href={
          props.page.nextAfter === null
            ? null
            : nextPageHref(
                '/instructors',
                props.region ? regionParam(props.region) : {},
                props.page.nextAfter,
              )
        }
        t={t}
      />
    </>
  );
}

export function InstructorsTable(props: {
  page: Page<InstructorListRow>;
  region: RegionChoice;
  t: Translate;
  language: Language;
}) {
  const { t, language } = props;
  if (props.page.rows.length === 0) return <p>{t('instructors.empty')}</p>;
  return (
    <table id="instructors-table">
      <caption>{t('instructors.listCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('instructors.name')}</th>
          <th scope="col">{t('instructors.kind')}</th>
          <th scope="col">{t('instructors.licence')}</th>
          <th scope="col">{t('instructors.employerUnit')}</th>
          <th scope="col">{t('instructors.localities')}</th>
          <th scope="col">{t('instructors.phone')}</th>
          <th scope="col">{t('instructors.email')}</th>
          <th scope="col">{t('instructors.account')}</th>
          <th scope="col">{t('instructors.actions')}</th>
        </tr>
      </thead>
      <tbody id="instructors-rows">
        <InstructorRows page={props.page} region={props.region} t={t} language={language} />
      </tbody>
    </table>
  );
}

export function InstructorsPage(props: {
  page: Page<InstructorListRow>;
  laterPage: boolean;
  region: RegionChoice;
  t: Translate;
  language: Language;
}) {
  const { t } = props;
  return (
    <section id="instructors-page">
      <h1>{t('instructors.title')}</h1>
      <RegionShown choice={props.region} t={t} />
      <p>{t('instructors.intro')}</p>
      <p>
        <a href="/instructors/new">{t('instructors.add')}</a>
      </p>
      <p>
        <a href="/hours">{t('instructors.unitHoursLink')}</a>
      </p>
      <RegionFilter action="/instructors" choice={props.region} t={t} />
      <FirstPageLink href="/instructors" shown={props.laterPage} t={t} />
      <InstructorsTable page={props.page} region={props.region} t={t} language={props.language} />
    </section>
  );
}

export function InstructorForm(
  props: InstructorFormState &
    InstructorFormChoices & { action: string; submitLabel: string; t: Translate },
) {
  const { t, values, errors } = props;
  return (
    <form id="instructor-form" method="post" action={props.action} hx-boost="true" novalidate>
      <FormFields errors={errors} t={t}>
        <ErrorSummary errors={errors} t={t} />
        <TextField
          name="name"
          label={t('instructors.name')}
          value={values.name}
          autocomplete="off"
          required
        />
        <SelectField
          name="kind"
          label={t('instructors.kind')}
          value={values.kind}
          placeholder={t('instructors.chooseKind')}
          options={instructorKinds.map((kind) => ({
            value: kind,
            label: t(`instructors.kind.${kind}`),
          }))}
          required
        />
        <TextField
          name="email"
          type="email"
          label={t('instructors.email')}
          value={values.email}
          autocomplete="off"
        />
        <TextField
          name="phone"
          type="tel"
          label={t('instructors.phone')}
          hint={t('instructors.phoneHint')}
          value={values.phone}
          autocomplete="off"
        />
        <CheckboxField
          name="sharePhoneWithParticipants"
          label={t('instructors.sharePhone')}
          hint={t('instructors.sharePhoneHint')}
          checked={values.sharePhoneWithParticipants === 'on'}
        />
        <TextField
          name="employerUnit"
          label={t('instructors.employerUnit')}
          hint={t('instructors.employerUnitHint')}
          value={values.employerUnit}
        />
        {props.localities.length > 0 ? (
          <CheckboxGroup
            name="localities"
            label={t('instructors.localitiesLegend')}
            options={props.localities.map((locality) => ({
              value: String(locality.id),
              label: locality.name,
            }))}
            checked={props.checkedLocalities}
          />
        ) : (
          <p>{t('instructors.noLocalities')}</p>
        )}
        <SelectField
          name="userId"
          label={t('instructors.account')}
          hint={t('instructors.accountHint')}
          value={values.userId}
          placeholder={t('instructors.noAccount')}
          options={props.accounts.map((account) => ({
            value: String(account.id),
            label: t('instructors.accountOption', { name: account.name, email: account.email }),
          }))}
        />
        <button type="submit">{props.submitLabel}</button>
      </FormFields>
    </form>
  );
}

export function InstructorFormPage(
  props: InstructorFormState &
    InstructorFormChoices & { title: string; action: string; submitLabel: string; t: Translate },
) {
  return (
    <section id="instructor-form-page">
      <p>
        <a href="/instructors">{props.t('instructors.backToList')}</a>
      </p>
      <h1>{props.title}</h1>
      <InstructorForm {...props} />
    </section>
  );
}
