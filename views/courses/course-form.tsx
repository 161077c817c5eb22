import type { PlanningChoices } from '../../src/features/courses/queries';
import type { Language, Translate } from '../../src/i18n';
import { audiences } from '../../db/schema';
import {
  CheckboxField,
  ErrorSummary,
  SelectField,
  TextField,
  type FieldErrors,
  FormFields,
} from '../components/form-fields';
import { programName } from '../../src/i18n/format';
import type { Child } from 'hono/jsx';

export type CourseFormState = {
  values: Record<string, string>;
  errors: FieldErrors;
  /** The generated dates, moved dates and warnings, once the dates have been checked. */
  preview?: Child;
  /** Warnings not yet accepted: saving needs the confirmation box. */
  needsAcceptance?: boolean;
};

type FormContext = { choices: PlanningChoices; t: Translate; language: Language };

function options(items: { id: number; name: string }[]) {
  return items.map((item) => ({ value: String(item.id), label: item.name }));
}

/** The fields shared by the new-course form and the edit form. */
function CourseDetailFields(props: CourseFormState & FormContext) {
  const { t, values, choices } = props;
  const localityNames = new Map(choices.localities.map((locality) => [locality.id, locality.name]));
  const venueOptions = choices.venues
    .filter((venue) => !values.localityId || String(venue.localityId) === values.localityId)
    .map((venue) => ({
      value: String(venue.id),
      label: `${venue.name} (${localityNames.get(venue.localityId)})`,
    }));
  const instructorOptions = options(choices.instructors);
  return (
    <>
      <SelectField
        name="venueId"
        label={t('course.venue')}
        value={values.venueId}
        placeholder={t('course.noVenue')}
        options={venueOptions}
      />
      <SelectField
        name="audience"
        label={t('course.audience')}
        value={values.audience ?? 'open'}
        placeholder={t('course.audience')}
        options={audiences.map((audience) => ({
          value: audience,
          label: t(`course.audience.${audience}`),
        }))}
        required
      />
      <TextField
        name="targetService"
        label={t('course.targetService')}
        hint={t('course.targetServiceHint')}
        value={values.targetService}
      />
      <SelectField
        name="instructor1"
        label={t('course.instructor1')}
        value={values.instructor1}
        placeholder={t('course.noInstructor')}
        options={instructorOptions}
      />
      <SelectField
        name="instructor2"
        label={t('course.instructor2')}
        value={values.instructor2}
        placeholder={t('course.noInstructor')}
        options={instructorOptions}
      />
      <TextField
        name="goNoGoDate"
        type="date"
        label={t('course.goNoGoDate')}
        hint={t('course.goNoGoDateHint')}
        value={values.goNoGoDate}
      />
    </>
  );
}

function Acceptance(props: {
  needsAcceptance?: boolean;
  values: Record<string, string>;
  errors: FieldErrors;
  t: Translate;
}) {
  if (!props.needsAcceptance) return null;
  return (
    <CheckboxField
      name="acceptWarnings"
      label={props.t('course.acceptWarnings')}
      checked={props.values.acceptWarnings === 'on'}
    />
  );
}

export function NewCourseForm(props: CourseFormState & FormContext) {
  const { t, values, errors, choices, language } = props;
  return (
    <section id="course-form">
      <h1>{t('course.newTitle')}</h1>
      <ErrorSummary errors={errors} t={t} />
      <form method="post" action="/courses" novalidate>
        <FormFields errors={errors} t={t}>
          <SelectField
            name="termId"
            label={t('course.term')}
            value={values.termId}
            placeholder={t('course.term')}
            options={options(choices.terms)}
            required
          />
          <SelectField
            name="programId"
            label={t('course.program')}
            value={values.programId}
            placeholder={t('course.chooseProgram')}
            options={choices.programs.map((program) => ({
              value: String(program.id),
              label: programName(program, language),
            }))}
            required
          />
          <SelectField
            name="localityId"
            label={t('course.locality')}
            value={values.localityId}
            placeholder={t('course.chooseLocality')}
            options={options(choices.localities)}
            required
          />
          <TextField
            name="firstDate"
            type="date"
            label={t('course.firstDate')}
            value={values.firstDate}
            required
          />
          <TextField
            name="startTime"
            type="time"
            label={t('course.startTime')}
            hint={t('course.startTimeHint')}
            value={values.startTime}
            required
          />
          <CourseDetailFields {...props} />
          {props.preview}
          <Acceptance {...props} />
          <div class="actions">
            <button type="submit" name="intent" value="preview" class="secondary">
              {t('course.preview')}
            </button>
            <button type="submit" name="intent" value="save">
              {t('course.save')}
            </button>
          </div>
        </FormFields>
      </form>
    </section>
  );
}

export function EditCourseForm(
  props: CourseFormState & FormContext & { courseId: number; title: string },
) {
  const { t, errors } = props;
  return (
    <section id="course-form">
      <h1>{t('course.editTitle')}</h1>
      <p>{props.title}</p>
      <ErrorSummary errors={errors} t={t} />
      <form method="post" action={`/courses/${props.courseId}`} novalidate>
        <FormFields errors={errors} t={t}>
          <input type="hidden" name="localityId" value={props.values.localityId} />
          <CourseDetailFields {...props} />
          {props.preview}
          <Acceptance {...props} />
          <button type="submit">{t('course.save')}</button>
        </FormFields>
      </form>
    </section>
  );
}
