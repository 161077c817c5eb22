import type { Language, Translate } from '../../src/i18n';
import { ContactBlock } from '../components/contact-block';
import { PrivacyNotice } from '../components/privacy-notice';
import { CheckboxField, ErrorSummary, FormFields, TextField } from '../components/form-fields';
import {
  ApplicantFields,
  HoneypotField,
  type IntakeChoices,
  type IntakeContact,
  type IntakeFormState,
} from './applicant-fields';

type PageProps = IntakeChoices &
  IntakeContact &
  IntakeFormState & { t: Translate; language: Language };

/** A professional refers a client who has agreed to be phoned by the coordinator. */
export function ReferralPage(props: PageProps) {
  const { t, values, errors } = props;
  return (
    <section id="referral-page">
      <h1>{t('intake.referralTitle')}</h1>
      <p>{t('intake.referralIntro')}</p>
      <ContactBlock contact={props.contact} t={t} />
      <p>
        <a href="/apply">{t('intake.seeOpenCourses')}</a>
      </p>
      <form id="referral-form" method="post" action="/referrals" novalidate>
        <FormFields errors={errors} t={t}>
          <ErrorSummary errors={errors} t={t} problem={props.problem} />
          <fieldset>
            <legend>{t('intake.referrerTitle')}</legend>
            <TextField
              name="referrerName"
              label={t('intake.referrerName')}
              value={values.referrerName}
              autocomplete="name"
              required
            />
            <TextField
              name="referrerUnit"
              label={t('intake.referrerUnit')}
              value={values.referrerUnit}
              autocomplete="organization"
            />
            <TextField
              name="referrerContact"
              label={t('intake.referrerContact')}
              hint={t('intake.referrerContactHint')}
              value={values.referrerContact}
              required
            />
          </fieldset>
          <fieldset>
            <legend>{t('intake.clientTitle')}</legend>
            <ApplicantFields
              courses={props.courses}
              localities={props.localities}
              values={values}
              t={t}
              language={props.language}
              ownApplication={false}
            />
          </fieldset>
          <HoneypotField t={t} />
          <PrivacyNotice
            contact={props.contact}
            periods={props.periods}
            t={t}
            language={props.language}
          />
          <CheckboxField
            name="clientConsent"
            label={t('intake.clientConsent')}
            checked={values.clientConsent === 'on'}
          />
          <button type="submit">{t('intake.submitReferral')}</button>
        </FormFields>
      </form>
    </section>
  );
}
