import type { StaffRole } from '../../db/schema';
import { staffRoles } from '../../db/schema';
import { formatDateTime } from '../../src/i18n/format';
import type { Language, Translate } from '../../src/i18n';
import {
  ErrorSummary,
  SelectField,
  TextField,
  type FieldErrors,
  FormFields,
} from '../components/form-fields';

export type StaffRow = {
  id: number;
  name: string;
  email: string;
  role: StaffRole;
  createdAt: Date;
};
export type NewUserFormState = { values: Record<string, string>; errors: FieldErrors };

export function StaffTable(props: { staff: StaffRow[]; t: Translate; language: Language }) {
  const { t } = props;
  return (
    <table id="staff-table">
      <caption>{t('users.listCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('users.name')}</th>
          <th scope="col">{t('users.email')}</th>
          <th scope="col">{t('users.role')}</th>
          <th scope="col">{t('users.createdAt')}</th>
        </tr>
      </thead>
      <tbody>
        {props.staff.map((person) => (
          <tr>
            <td>{person.name}</td>
            <td>{person.email}</td>
            <td>{t(`role.${person.role}`)}</td>
            <td>{formatDateTime(person.createdAt, props.language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The form posts normally; with htmx it swaps only itself, so a re-render keeps the page. */
export function NewUserForm(props: NewUserFormState & { t: Translate }) {
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
  props: NewUserFormState & { staff: StaffRow[]; t: Translate; language: Language },
) {
  return (
    <section id="users-page">
      <h1>{props.t('users.title')}</h1>
      <StaffTable staff={props.staff} t={props.t} language={props.language} />
      <NewUserForm values={props.values} errors={props.errors} t={props.t} />
    </section>
  );
}
