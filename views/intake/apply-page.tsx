import type { Language, Translate } from '../../src/i18n';
import { ContactBlock } from '../components/contact-block';
import { PrivacyNotice } from '../components/privacy-notice';
import { CheckboxField, ErrorSummary, FormFields } from '../components/form-fields';
import {
  ApplicantFields,
  HoneypotField,
  OpenCourseList,
  type IntakeChoices,
  type IntakeContact,
  type IntakeFormState,
} from './applicant-fields';

type PageProps = IntakeChoices &
  IntakeContact &
  IntakeFormState & { t: Translate; language: Language };

/** The public page: the open courses, then the application form. Works without JavaScript. */
export function ApplyPage(props: PageProps) {
  const { t, values, errors } = props;
  return (
    <section id="apply-page">
      <h1>{t('intake.applyTitle')}</h1>
      <p>{t('intake.applyIntro')}</p>
      <ContactBlock contact={props.contact} t={t} />
      <section aria-labelledby="open-courses-title">
        <h2 id="open-courses-title">{t('intake.openCoursesTitle')}</h2>
        <OpenCourseList courses={props.courses} t={t} language={props.language} />
      </section>
      <form id="apply-form" method="post" action="/apply" novalidate>
        <FormFields errors={errors} t={t}>
          <h2>{t('intake.formTitle')}</h2>
          <ErrorSummary errors={errors} t={t} problem={props.problem} />
          <ApplicantFields
            courses={props.courses}
            localities={props.localities}
            values={values}
            t={t}
            language={props.language}
            ownApplication
          />
          <HoneypotField t={t} />
          <PrivacyNotice
            contact={props.contact}
            periods={props.periods}
            t={t}
            language={props.language}
          />
          <CheckboxField
            name="consent"
            label={t('intake.consent')}
            checked={values.consent === 'on'}
          />
          <button type="submit">{t('intake.submitApplication')}</button>
        </FormFields>
      </form>
    </section>
  );
}
