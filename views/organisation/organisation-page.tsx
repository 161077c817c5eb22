import type { MessageKey, Translate } from '../../src/i18n';
import {
  ErrorSummary,
  FormFields,
  TextAreaField,
  TextField,
  type FieldErrors,
} from '../components/form-fields';

export type OrganisationFormState = { values: Record<string, string>; errors: FieldErrors };

type OneLineField = {
  name: string;
  label: MessageKey;
  hint?: MessageKey;
  type?: 'tel' | 'email';
  autocomplete?: string;
};

/** The one-line fields in the order of the form; the privacy contact follows as a text area. */
const oneLineFields: OneLineField[] = [
  {
    name: 'name',
    label: 'organisation.name',
    hint: 'organisation.nameHint',
    autocomplete: 'organization',
  },
  { name: 'coordinatorName', label: 'organisation.coordinatorName' },
  { name: 'phone', label: 'organisation.phone', hint: 'organisation.phoneHint', type: 'tel' },
  { name: 'email', label: 'organisation.email', type: 'email' },
  { name: 'streetAddress', label: 'organisation.streetAddress' },
  { name: 'postcode', label: 'organisation.postcode' },
  { name: 'postOffice', label: 'organisation.postOffice' },
];

/** The admin's form for the organisation's contact details (one set for the whole installation). */
export function OrganisationPage(props: OrganisationFormState & { t: Translate }) {
  const { t, values, errors } = props;
  return (
    <section id="organisation-page">
      <h1>{t('organisation.title')}</h1>
      <p>{t('organisation.intro')}</p>
      <form id="organisation-form" method="post" action="/admin/organisation" novalidate>
        <FormFields errors={errors} t={t}>
          <ErrorSummary errors={errors} t={t} />
          {oneLineFields.map((field) => (
            <TextField
              name={field.name}
              type={field.type}
              label={t(field.label)}
              hint={field.hint && t(field.hint)}
              value={values[field.name]}
              autocomplete={field.autocomplete ?? 'off'}
            />
          ))}
          <TextAreaField
            name="privacyContact"
            label={t('organisation.privacyContact')}
            hint={t('organisation.privacyContactHint')}
            value={values.privacyContact}
          />
          <button type="submit">{t('organisation.save')}</button>
        </FormFields>
      </form>
    </section>
  );
}
