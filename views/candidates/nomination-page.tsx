import { instructorKinds } from '../../db/schema';
import type { PrivacyFacts } from '../../src/features/privacy-notice/queries';
import type { Language, Translate } from '../../src/i18n';
import {
  CheckboxField,
  ErrorSummary,
  FormFields,
  SelectField,
  TextField,
} from '../components/form-fields';
import { PrivacyNotice } from '../components/privacy-notice';
import {
  ContactLanguageField,
  HoneypotField,
  type IntakeFormState,
} from '../intake/applicant-fields';

/** Who fills the form in: a supervisor (public), a peer for themself (public), the coordinator. */
export type NominationVariant = 'supervisor' | 'self' | 'phone';

const variants = {
  supervisor: {
    id: 'nomination-page',
    action: '/nominations',
    title: 'candidates.nominationTitle',
    intro: 'candidates.nominationIntro',
    nominee: 'candidates.nomineeTitle',
    consent: 'candidates.nomineeConsent',
    submit: 'candidates.submitNomination',
  },
  self: {
    id: 'self-application-page',
    action: '/instructor-applications',
    title: 'candidates.selfTitle',
    intro: 'candidates.selfIntro',
    nominee: 'candidates.selfNomineeTitle',
    consent: 'candidates.ownConsent',
    submit: 'candidates.submitSelf',
  },
  phone: {
    id: 'phone-nomination-page',
    action: '/candidates/new',
    title: 'candidates.phoneTitle',
    intro: 'candidates.nominationIntro',
    nominee: 'candidates.nomineeTitle',
    consent: 'candidates.verbalConsent',
    submit: 'candidates.submitPhone',
  },
} as const;

function SupervisorFields(props: {
  values: Record<string, string>;
  required: boolean;
  t: Translate;
}) {
  const { t, values } = props;
  return (
    <fieldset>
      <legend>{t('candidates.supervisorTitle')}</legend>
      <TextField
        name="supervisorName"
        label={t('candidates.supervisorName')}
        value={values.supervisorName}
        autocomplete="name"
        required={props.required}
      />
      <TextField
        name="supervisorUnit"
        label={t('candidates.supervisorUnit')}
        value={values.supervisorUnit}
        autocomplete="organization"
        required={props.required}
      />
      <TextField
        name="supervisorContact"
        label={t('candidates.supervisorContact')}
        value={values.supervisorContact}
        required={props.required}
      />
    </fieldset>
  );
}

function NomineeFields(props: {
  variant: NominationVariant;
  values: Record<string, string>;
  t: Translate;
  language: Language;
}) {
  const { t, values } = props;
  return (
    <fieldset>
      <legend>{t(variants[props.variant].nominee)}</legend>
      <TextField name="name" label={t('candidates.name')} value={values.name} required />
      <TextField
        name="phone"
        type="tel"
        label={t('candidates.phone')}
        value={values.phone}
        autocomplete={props.variant === 'self' ? 'tel' : 'off'}
        required
      />
      <TextField
        name="email"
        type="email"
        label={t('candidates.email')}
        hint={t('candidates.emailHint')}
        value={values.email}
        autocomplete={props.variant === 'self' ? 'email' : 'off'}
      />
      <TextField name="unit" label={t('candidates.unit')} value={values.unit} />
      {props.variant !== 'self' && (
        <SelectField
          name="kind"
          label={t('candidates.kind')}
          placeholder={t('candidates.chooseKind')}
          value={values.kind}
          options={instructorKinds.map((kind) => ({
            value: kind,
            label: t(`candidates.kind.${kind}`),
          }))}
          required
        />
      )}
      <TextField name="profession" label={t('candidates.profession')} value={values.profession} />
      <SelectField
        name="tookArvoCourse"
        label={t('candidates.tookArvoCourse')}
        placeholder={t('candidates.chooseAnswer')}
        value={values.tookArvoCourse}
        options={(['yes', 'no', 'unknown'] as const).map((answer) => ({
          value: answer,
          label: t(`candidates.took.${answer}`),
        }))}
        required
      />
      <ContactLanguageField value={values.language} language={props.language} t={t} />
    </fieldset>
  );
}

/** The nomination form in its three variants: the same fields, saved the same way. */
export function NominationPage(
  props: IntakeFormState & {
    variant: NominationVariant;
    contact: PrivacyFacts['contact'];
    periods: PrivacyFacts['periods'];
    t: Translate;
    language: Language;
  },
) {
  const { t, values, errors, variant } = props;
  const texts = variants[variant];
  const isPublic = variant !== 'phone';
  return (
    <section id={texts.id}>
      <h1>{t(texts.title)}</h1>
      <p>{t(texts.intro)}</p>
      <form method="post" action={texts.action} novalidate>
        <FormFields errors={errors} t={t}>
          <ErrorSummary errors={errors} t={t} problem={props.problem} />
          {variant !== 'self' && (
            <SupervisorFields values={values} required={variant === 'supervisor'} t={t} />
          )}
          <NomineeFields variant={variant} values={values} t={t} language={props.language} />
          {isPublic && <HoneypotField t={t} />}
          {isPublic && (
            <PrivacyNotice
              contact={props.contact}
              periods={props.periods}
              subject="candidate"
              t={t}
              language={props.language}
            />
          )}
          <CheckboxField
            name="consent"
            label={t(texts.consent)}
            checked={values.consent === 'on'}
          />
          <button type="submit">{t(texts.submit)}</button>
        </FormFields>
      </form>
    </section>
  );
}
