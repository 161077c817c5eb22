import { interviewOutcomes, participantNeeds } from '../../db/schema';
import type { PlacementCourse } from '../../src/features/calls/queries';
import type { ApplicantChoices, ApplicationRow } from '../../src/features/intake/queries';
import type { UnconfirmedSubmission } from '../../src/features/intake/unconfirmed-submissions';
import {
  formatDateTime,
  formatLocalDate,
  postalAddressText,
  programName,
  programNamesOf,
} from '../../src/i18n/format';
import type { Language, Translate } from '../../src/i18n';
import type { FormState } from '../../src/http/form';
import { formatPhoneForDisplay } from '../../src/lib/phone';
import {
  CheckboxField,
  CheckboxGroup,
  ErrorSummary,
  FormFields,
  SelectField,
  TextAreaField,
  TextField,
  type FieldErrors,
} from '../components/form-fields';
import { PostalAddressFields } from '../intake/applicant-fields';
import { ReminderChoiceForm } from '../participant/participant-page';
import { UnconfirmedSubmissions } from '../intake/unconfirmed-submissions';
import { PhoneLink } from './call-queue-page';
import { hasReferrer, Referrer } from './referrer';

type PageContext = { t: Translate; language: Language };

export type InterviewFormState = {
  values: Record<string, string>;
  checkedNeeds: string[];
  errors: FieldErrors;
};

export type InterviewChoices = {
  courses: PlacementCourse[];
  localities: { id: number; name: string }[];
  /** The longest notes the form takes, for the hint. */
  notesMax: number;
};

function courseLabel(course: PlacementCourse, language: Language): string {
  const program = programName(programNamesOf(course), language);
  const starts = course.firstDate ? ` (${formatLocalDate(course.firstDate, language)})` : '';
  return `${program} · ${course.localityName}${starts}`;
}

function localityOptions(localities: InterviewChoices['localities']) {
  return localities.map((locality) => ({ value: String(locality.id), label: locality.name }));
}

export function InterviewForm(
  props: InterviewFormState & {
    application: ApplicationRow;
    choices: InterviewChoices;
  } & PageContext,
) {
  const { t, language, values, errors, application } = props;
  const action = `/applications/${application.id}/interview`;
  return (
    <form id="interview-form" method="post" action={action} novalidate>
      <FormFields errors={errors} t={t}>
        <ErrorSummary />
        <SelectField
          name="canAttendAll"
          label={t('interview.canAttendAll')}
          value={values.canAttendAll}
          placeholder={t('interview.choose')}
          options={(['yes', 'no', 'unsure'] as const).map((answer) => ({
            value: answer,
            label: t(`interview.canAttendAll.${answer}`),
          }))}
          required
        />
        <TextField
          name="suitableTimes"
          label={t('interview.suitableTimes')}
          value={values.suitableTimes}
        />
        <CheckboxGroup
          name="needs"
          label={t('interview.needs')}
          options={participantNeeds.map((need) => ({
            value: need,
            label: t(`interview.need.${need}`),
          }))}
          checked={props.checkedNeeds}
        />
        <TextField name="otherNeeds" label={t('interview.otherNeeds')} value={values.otherNeeds} />
        {application.consentAt === null ? (
          <CheckboxField
            name="consentConfirmed"
            label={t('interview.consent')}
            hint={t('interview.consentHint')}
            checked={values.consentConfirmed === 'on'}
          />
        ) : (
          <p>
            {t('interview.consentRecorded', {
              date: formatDateTime(application.consentAt, language),
            })}
          </p>
        )}
        <TextAreaField
          name="notes"
          label={t('interview.notes')}
          hint={t('interview.notesWarning', { max: props.choices.notesMax })}
          value={values.notes}
          rows={4}
        />
        <SelectField
          name="outcome"
          label={t('interview.outcome')}
          value={values.outcome}
          placeholder={t('interview.choose')}
          options={interviewOutcomes.map((outcome) => ({
            value: outcome,
            label: t(`interview.outcome.${outcome}`),
          }))}
          required
        />
        <SelectField
          name="courseId"
          label={t('interview.course')}
          hint={t('interview.courseHint')}
          value={values.courseId}
          placeholder={t('interview.chooseCourse')}
          options={props.choices.courses.map((course) => ({
            value: String(course.id),
            label: courseLabel(course, language),
          }))}
        />
        {(errors.confirmCannotComplete || values.confirmCannotComplete === 'on') && (
          <CheckboxField
            name="confirmCannotComplete"
            label={t('placement.confirmCannotComplete')}
            checked={values.confirmCannotComplete === 'on'}
          />
        )}
        <SelectField
          name="localityId"
          label={t('interview.locality')}
          hint={t('interview.localityHint')}
          value={values.localityId}
          placeholder={t('interview.chooseLocality')}
          options={localityOptions(props.choices.localities)}
        />
        <TextField
          name="reason"
          label={t('interview.reason')}
          hint={t('interview.reasonHint')}
          value={values.reason}
        />
        <button type="submit">{t('interview.save')}</button>
      </FormFields>
    </form>
  );
}

export function InterviewPage(
  props: InterviewFormState & {
    application: ApplicationRow;
    choices: InterviewChoices;
    /** Details public forms offered for this application, to check with the person. */
    unconfirmed: UnconfirmedSubmission[];
    applicant: ApplicantChoices;
    /** The correction form as posted; absent, it shows what the application holds. */
    details?: FormState;
    /** Planning staff stop or restart the person's reminder texts; null hides the choice. */
    reminders?: 'on' | 'stopped' | null;
  } & PageContext,
) {
  const { t, language, application } = props;
  return (
    <section id="interview-page">
      <h1>{t('interview.title', { name: application.name })}</h1>
      <p>{t('interview.intro')}</p>
      <ApplicantDetails
        application={application}
        applicant={props.applicant}
        localities={props.choices.localities}
        form={props.details}
        t={t}
        language={language}
      />
      <UnconfirmedSubmissions
        submissions={props.unconfirmed}
        returnTo={`/applications/${application.id}/interview`}
        t={t}
        language={language}
      />
      {props.reminders && (
        <ReminderChoiceForm
          action={`/applications/${application.id}/reminders`}
          choice={props.reminders}
          t={t}
        />
      )}
      <InterviewForm {...props} />
    </section>
  );
}

function preferredCourseText(applicant: ApplicantChoices, { t, language }: PageContext): string {
  const course = applicant.preferredCourse;
  if (!course) return t('interview.anyCourse');
  const program = programName(programNamesOf(course), language);
  const starts = course.firstDate
    ? `, ${t('interview.courseStarts', { date: formatLocalDate(course.firstDate, language) })}`
    : '';
  return `${program} · ${course.localityName}${starts}`;
}

/**
 * What the applicant told, and a small form to correct it. With htmx the form swaps only this
 * section, so whatever is typed in the interview form below stays as it is.
 */
export function ApplicantDetails(
  props: {
    application: ApplicationRow;
    applicant: ApplicantChoices;
    localities: { id: number; name: string }[];
    form?: FormState;
  } & PageContext,
) {
  const { t, application } = props;
  const action = `/applications/${application.id}/details`;
  const values = props.form?.values ?? {
    email: application.email,
    phone: formatPhoneForDisplay(application.phone),
    homeLocalityId: application.localityId === null ? '' : String(application.localityId),
    goodTimesToCall: application.goodTimesToCall,
    postalStreet: application.postalStreet,
    postalCode: application.postalCode,
    postOffice: application.postOffice,
  };
  const errors = props.form?.errors ?? {};
  const municipality = props.applicant.localityName ?? application.municipality;
  return (
    <section id="applicant-details">
      <dl class="details">
        <dt>{t('interview.applicant')}</dt>
        <dd>{application.name}</dd>
        <dt>{t('interview.preferredCourse')}</dt>
        <dd>{preferredCourseText(props.applicant, props)}</dd>
        <dt>{t('interview.homeLocality')}</dt>
        <dd>{municipality || t('interview.notGiven')}</dd>
        <dt>{t('interview.phone')}</dt>
        <dd>
          <PhoneLink phone={application.phone} />
        </dd>
        <dt>{t('interview.email')}</dt>
        <dd>{application.email || t('interview.noEmail')}</dd>
        <dt>{t('interview.goodTimesToCall')}</dt>
        <dd>{application.goodTimesToCall || t('interview.notGiven')}</dd>
        <dt>{t('intake.postal.legend')}</dt>
        <dd>{postalAddressText(application) || t('interview.notGiven')}</dd>
        <dt>{t('calls.source')}</dt>
        <dd>{t(`calls.source.${application.source}`)}</dd>
        {hasReferrer(application) && (
          <>
            <dt>{t('calls.referrer')}</dt>
            <dd>
              <Referrer details={application} />
            </dd>
          </>
        )}
      </dl>
      <form
        id="applicant-details-form"
        method="post"
        action={action}
        hx-post={action}
        hx-target="#applicant-details"
        hx-select="#applicant-details"
        hx-select-oob="#flash"
        hx-swap="outerHTML"
        novalidate
      >
        <FormFields errors={errors} t={t}>
          <h2>{t('interview.details.title')}</h2>
          <ErrorSummary />
          <TextField name="email" type="email" label={t('interview.email')} value={values.email} />
          <TextField
            name="phone"
            type="tel"
            label={t('interview.phone')}
            value={values.phone}
            required
          />
          <SelectField
            name="homeLocalityId"
            label={t('interview.homeLocality')}
            hint={t('interview.details.localityHint')}
            value={values.homeLocalityId}
            placeholder={t('interview.details.chooseLocality')}
            options={localityOptions(props.localities)}
          />
          <TextAreaField
            name="goodTimesToCall"
            label={t('interview.goodTimesToCall')}
            value={values.goodTimesToCall}
            rows={2}
          />
          <PostalAddressFields values={values} t={t} ownAddress={false} />
          <button type="submit">{t('interview.details.save')}</button>
        </FormFields>
      </form>
    </section>
  );
}
