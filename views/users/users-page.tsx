import type { StaffRole } from '../../db/schema';
import { staffRoles } from '../../db/schema';
import { formatDateTime } from '../../src/i18n/format';
import type { Language, Translate } from '../../src/i18n';
import {
  CheckboxField,
  ErrorSummary,
  SelectField,
  TextField,
  type FieldErrors,
  FormFields,
} from '../components/form-fields';
import { regionOptions } from '../components/region-filter';

export type StaffRow = {
  id: number;
  name: string;
  email: string;
  role: StaffRole;
  homeRegion: string;
  createdAt: Date;
  disabledAt: Date | null;
  mustChangePassword: boolean;
  hasTwoStep: boolean;
};
export type NewUserFormState = { values: Record<string, string>; errors: FieldErrors };

function AccountStatus(props: { person: StaffRow; t: Translate; language: Language }) {
  const { t, person } = props;
  const notes = [
    person.disabledAt
      ? t('users.disabledSince', { date: formatDateTime(person.disabledAt, props.language) })
      : t('users.active'),
    person.mustChangePassword && t('users.mustChangePassword'),
    person.hasTwoStep ? t('users.twoStepOn') : t('users.twoStepOff'),
  ];
  return <td data-label={t('users.status')}>{notes.filter(Boolean).join(', ')}</td>;
}

/** The person's default region: a select and its own save button, named for the person. */
function HomeRegionCell(props: { person: StaffRow; regions: string[]; t: Translate }) {
  const { t, person } = props;
  const id = `home-region-${person.id}`;
  return (
    <td data-label={t('region.home')}>
      <form method="post" action={`/admin/users/${person.id}/home-region`} class="inline-form">
        <label for={id} class="visually-hidden">
          {t('region.homeOf', { name: person.name })}
        </label>
        <select id={id} name="homeRegion">
          <option value="">{t('region.all')}</option>
          {regionOptions(props.regions, person.homeRegion).map((region) => (
            <option value={region} selected={region === person.homeRegion}>
              {region}
            </option>
          ))}
        </select>
        <button
          type="submit"
          class="secondary"
          aria-label={t('region.saveOf', { name: person.name })}
        >
          {t('region.save')}
        </button>
      </form>
    </td>
  );
}

/** Buttons name the person, so a screen reader's list of buttons says whose account each is. */
function AccountActions(props: { person: StaffRow; isSelf: boolean; t: Translate }) {
  const { t, person } = props;
  const base = `/admin/users/${person.id}`;
  return (
    <td data-label={t('users.actions')}>
      <div class="actions">
        {!props.isSelf && (
          <form method="post" action={`${base}/${person.disabledAt ? 'enabling' : 'disabling'}`}>
            <button
              type="submit"
              class={person.disabledAt ? 'secondary' : 'danger'}
              aria-label={t(person.disabledAt ? 'users.enableOf' : 'users.disableOf', {
                name: person.name,
              })}
            >
              {t(person.disabledAt ? 'users.enable' : 'users.disable')}
            </button>
          </form>
        )}
        <form method="post" action={`${base}/password-reset`}>
          <button
            type="submit"
            class="secondary"
            aria-label={t('users.resetPasswordOf', { name: person.name })}
          >
            {t('users.resetPassword')}
          </button>
        </form>
      </div>
    </td>
  );
}

export function StaffTable(props: {
  staff: StaffRow[];
  regions: string[];
  currentUserId: number;
  t: Translate;
  language: Language;
}) {
  const { t } = props;
  return (
    <div class="table-scroll" role="region" aria-labelledby="staff-caption" tabindex={0}>
      <table id="staff-table">
        <caption id="staff-caption">{t('users.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('users.name')}</th>
            <th scope="col">{t('users.email')}</th>
            <th scope="col">{t('users.role')}</th>
            <th scope="col">{t('region.home')}</th>
            <th scope="col">{t('users.createdAt')}</th>
            <th scope="col">{t('users.status')}</th>
            <th scope="col">{t('users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.staff.map((person) => (
            <tr class={person.disabledAt ? 'cancelled' : undefined}>
              <td data-label={t('users.name')}>{person.name}</td>
              <td data-label={t('users.email')}>{person.email}</td>
              <td data-label={t('users.role')}>{t(`role.${person.role}`)}</td>
              <HomeRegionCell person={person} regions={props.regions} t={t} />
              <td data-label={t('users.createdAt')}>
                {formatDateTime(person.createdAt, props.language)}
              </td>
              <AccountStatus person={person} t={t} language={props.language} />
              <AccountActions person={person} isSelf={person.id === props.currentUserId} t={t} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The admin can require two-step sign-in of every account. */
export function TwoStepRequirementForm(props: { required: boolean; t: Translate }) {
  const { t } = props;
  return (
    <form id="two-step-requirement" method="post" action="/admin/users/two-step-requirement">
      <FormFields errors={{}} t={t}>
        <h2>{t('users.twoStepTitle')}</h2>
        <CheckboxField
          name="required"
          label={t('users.requireTwoStep')}
          hint={t('users.requireTwoStepHint')}
          checked={props.required}
        />
        <button type="submit">{t('users.saveTwoStep')}</button>
      </FormFields>
    </form>
  );
}

/** Shown to the admin once, right after the reset; never stored in plain text. */
export function OneTimePasswordPage(props: {
  person: { name: string; email: string };
  password: string;
  t: Translate;
}) {
  const { t } = props;
  return (
    <section class="narrow">
      <h1>{t('users.resetTitle')}</h1>
      <div role="status">
        <p>{t('users.resetDone', { name: props.person.name, email: props.person.email })}</p>
        <p>
          <label for="one-time-password">{t('users.oneTimePassword')}</label>
          <input id="one-time-password" type="text" readonly value={props.password} />
        </p>
        <p>{t('users.resetShownOnce')}</p>
      </div>
      <p>
        <a href="/admin/users">{t('users.backToList')}</a>
      </p>
    </section>
  );
}

/** The form posts normally; with htmx it swaps only itself, so a re-render keeps the page. */
export function NewUserForm(props: NewUserFormState & { regions: string[]; t: Translate }) {
  const { t, values, errors } = props;
  return (
    <form
      id="new-user-form"
      method="post"
      action="/admin/users"
      hx-post="/admin/users"
      hx-target="#users-page"
      hx-select="#users-page"
      hx-swap="outerHTML"
      novalidate
    >
      <FormFields errors={errors} t={t}>
        <h2>{t('users.addTitle')}</h2>
        <ErrorSummary errors={errors} t={t} />
        <TextField name="name" label={t('users.name')} value={values.name} required />
        <TextField
          name="email"
          type="email"
          label={t('users.email')}
          value={values.email}
          autocomplete="off"
          required
        />
        <SelectField
          name="role"
          label={t('users.role')}
          value={values.role}
          placeholder={t('users.chooseRole')}
          options={staffRoles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          required
        />
        <SelectField
          name="homeRegion"
          label={t('region.home')}
          hint={t('region.homeHint')}
          value={values.homeRegion}
          placeholder={t('region.all')}
          options={props.regions.map((region) => ({ value: region, label: region }))}
        />
        <TextField
          name="password"
          type="password"
          label={t('users.initialPassword')}
          hint={t('users.initialPasswordHint')}
          autocomplete="new-password"
          required
        />
        <button type="submit">{t('users.submit')}</button>
      </FormFields>
    </form>
  );
}

export function UsersPage(
  props: NewUserFormState & {
    staff: StaffRow[];
    regions: string[];
    currentUserId: number;
    twoStepRequired: boolean;
    /** A refused account action, e.g. disabling one's own account. */
    problem?: string;
    t: Translate;
    language: Language;
  },
) {
  return (
    <section id="users-page">
      <h1>{props.t('users.title')}</h1>
      <ErrorSummary problem={props.problem} t={props.t} />
      <StaffTable
        staff={props.staff}
        regions={props.regions}
        currentUserId={props.currentUserId}
        t={props.t}
        language={props.language}
      />
      <NewUserForm
        values={props.values}
        errors={props.errors}
        regions={props.regions}
        t={props.t}
      />
      <TwoStepRequirementForm required={props.twoStepRequired} t={props.t} />
    </section>
  );
}
