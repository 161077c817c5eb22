import { interviewOutcomes, participantNeeds } from '../../db/schema';
import type { PlacementCourse } from '../../src/features/calls/queries';
import type { ApplicationRow } from '../../src/features/intake/queries';
import type { UnconfirmedSubmission } from '../../src/features/intake/unconfirmed-submissions';
import { formatDateTime, formatLocalDate } from '../../src/i18n/format';
import type { Language, Translate } from '../../src/i18n';
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
  const program = language === 'fi' ? course.programNameFi : course.programNameEn;
  const starts = course.firstDate ? ` (${formatLocalDate(course.firstDate, language)})` : '';
  return `${program} · ${course.localityName}${starts}`;
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
          options={props.choices.localities.map((locality) => ({
            value: String(locality.id),
            label: locality.name,
          }))}
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
  } & PageContext,
) {
  const { t, language, application } = props;
  return (
    <section id="interview-page">
      <h1>{t('interview.title', { name: application.name })}</h1>
      <p>{t('interview.intro')}</p>
      <dl class="details">
        <dt>{t('interview.applicant')}</dt>
        <dd>{application.name}</dd>
        <dt>{t('interview.phone')}</dt>
        <dd>
          <PhoneLink phone={application.phone} />
        </dd>
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
      <UnconfirmedSubmissions
        submissions={props.unconfirmed}
        returnTo={`/applications/${application.id}/interview`}
        t={t}
        language={language}
      />
      <InterviewForm {...props} />
    </section>
  );
}
