import { venueKinds } from '../../db/schema';
import type { Translate } from '../../src/i18n';
import {
  CheckboxField,
  ErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  type FieldErrors,
  FormFields,
} from '../components/form-fields';

export type VenueFormState = { values: Record<string, string>; errors: FieldErrors };

const isChecked = (value: string | undefined) => value !== undefined && value !== '';

export function VenueForm(
  props: VenueFormState & { action: string; submitLabel: string; t: Translate },
) {
  const { t, values, errors } = props;
  return (
    <form id="venue-form" method="post" action={props.action} hx-boost="true" novalidate>
      <FormFields errors={errors} t={t}>
        <ErrorSummary errors={errors} t={t} />
        <TextField name="name" label={t('places.venueName')} value={values.name} required />
        <SelectField
          name="kind"
          label={t('places.venueKind')}
          value={values.kind}
          placeholder={t('places.chooseKind')}
          options={venueKinds.map((kind) => ({ value: kind, label: t(`places.kind.${kind}`) }))}
          required
        />
        <TextField
          name="streetAddress"
          label={t('places.streetAddress')}
          hint={t('places.streetAddressHint')}
          value={values.streetAddress}
          autocomplete="off"
        />
        <TextField
          name="capacity"
          type="number"
          label={t('places.capacity')}
          hint={t('places.capacityHint')}
          value={values.capacity}
          min={1}
          max={1000}
        />
        <fieldset>
          <legend>{t('places.accessibility')}</legend>
          <CheckboxField
            name="stepFreeAccess"
            label={t('places.stepFreeAccess')}
            checked={isChecked(values.stepFreeAccess)}
          />
          <CheckboxField
            name="hearingLoop"
            label={t('places.hearingLoop')}
            checked={isChecked(values.hearingLoop)}
          />
          <TextAreaField
            name="accessibilityNotes"
            label={t('places.accessibilityNotes')}
            value={values.accessibilityNotes}
          />
        </fieldset>
        <button type="submit">{props.submitLabel}</button>
      </FormFields>
    </form>
  );
}

export function VenueFormPage(
  props: VenueFormState & { title: string; action: string; submitLabel: string; t: Translate },
) {
  return (
    <section id="venue-form-page">
      <p>
        <a href="/localities">{props.t('places.backToList')}</a>
      </p>
      <h1>{props.title}</h1>
      <VenueForm {...props} />
    </section>
  );
}
