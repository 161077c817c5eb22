import type { Language, Translate } from '../../src/i18n';
import { PrivacyNotice } from '../components/privacy-notice';
import { CheckboxField, ErrorSummary, FormFields } from '../components/form-fields';
import {
  ApplicantFields,
  type IntakeChoices,
  type IntakeContact,
  type IntakeFormState,
} from './applicant-fields';

type PageProps = IntakeChoices &
  IntakeContact &
  IntakeFormState & { t: Translate; language: Language };

/** The coordinator writes down an application heard on the phone, consent given out loud. */
export function PhoneApplicationPage(props: PageProps) {
  const { t, values, errors } = props;
  return (
    <section id="phone-application-page">
      <h1>{t('intake.phoneTitle')}</h1>
      <p>{t('intake.phoneIntro')}</p>
      <form
        id="phone-application-form"
        method="post"
        action="/applications/new"
        hx-post="/applications/new"
        hx-target="#phone-application-page"
        hx-select="#phone-application-page"
        hx-swap="outerHTML"
        novalidate
      >
        <FormFields errors={errors} t={t}>
          <ErrorSummary errors={errors} t={t} problem={props.problem} />
          <ApplicantFields
            courses={props.courses}
            localities={props.localities}
            values={values}
            t={t}
            language={props.language}
            ownApplication={false}
          />
          <PrivacyNotice
            contact={props.contact}
            periods={props.periods}
            t={t}
            language={props.language}
          />
          <CheckboxField
            name="consent"
            label={t('intake.verbalConsent')}
            hint={t('intake.verbalConsentHint')}
            checked={values.consent === 'on'}
          />
          <button type="submit">{t('intake.submitPhoneApplication')}</button>
        </FormFields>
      </form>
    </section>
  );
}
