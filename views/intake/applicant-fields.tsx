import type { OpenCourse } from '../../src/features/intake/queries';
import type { PrivacyFacts } from '../../src/features/privacy-notice/queries';
import type { HoneypotField, OtherMunicipality } from '../../src/features/intake/application-input';

// Typed by the input module: a different spelling here does not compile.
const honeypotField: HoneypotField = 'website';
const otherMunicipality: OtherMunicipality = 'other';
import {
  languageEndonyms,
  languages,
  type Language,
  type MessageKey,
  type Translate,
} from '../../src/i18n';
import { formatLocalDate, formatTimeRange, programNamesOf } from '../../src/i18n/format';
import { SelectField, TextAreaField, TextField, type FieldErrors } from '../components/form-fields';
import { programName } from '../../src/i18n/format';

export type IntakeFormState = {
  values: Record<string, string>;
  errors: FieldErrors;
  /** A problem with the whole attempt, e.g. too many submissions. */
  problem?: string;
};

export type IntakeChoices = {
  courses: OpenCourse[];
  localities: { id: number; name: string }[];
};

/** What an intake page shows besides the form: the organisation's contact and the privacy facts. */
export type IntakeContact = PrivacyFacts;

type PageContext = { t: Translate; language: Language };

const weekdayKeys = [
  'intake.weekday.0',
  'intake.weekday.1',
  'intake.weekday.2',
  'intake.weekday.3',
  'intake.weekday.4',
  'intake.weekday.5',
  'intake.weekday.6',
] as const satisfies readonly MessageKey[];

/** "tiistaisin 17.00–19.30" / "Tuesdays 17:00–19:30", from the first session's date. */
export function weeklyTime(course: OpenCourse, { t, language }: PageContext): string {
  const time = formatTimeRange(
    course.weeklyStartTime,
    course.weeklyEndTime ?? course.weeklyStartTime,
    language,
  );
  if (!course.firstDate) return time;
  const weekday = new Date(`${course.firstDate}T12:00:00Z`).getUTCDay();
  return t('intake.weeklyTime', { weekday: t(weekdayKeys[weekday]!), time });
}

export function courseDates(course: OpenCourse, language: Language): string {
  if (!course.firstDate || !course.lastDate) return '';
  return `${formatLocalDate(course.firstDate, language)} – ${formatLocalDate(course.lastDate, language)}`;
}

function courseChoiceLabel(course: OpenCourse, context: PageContext): string {
  const name = programName(programNamesOf(course), context.language);
  const starts = course.firstDate ? formatLocalDate(course.firstDate, context.language) : '';
  return [`${name} · ${course.localityName}`, starts, weeklyTime(course, context)]
    .filter(Boolean)
    .join(', ');
}

/** The open courses grouped by locality name, in the order they come (by locality). */
export function coursesByLocality(courses: OpenCourse[]): [string, OpenCourse[]][] {
  const byLocality = new Map<string, OpenCourse[]>();
  for (const course of courses) {
    byLocality.set(course.localityName, [...(byLocality.get(course.localityName) ?? []), course]);
  }
  return [...byLocality];
}

/** The open courses by locality, with what a person needs to decide: dates, time and place. */
export function OpenCourseList(props: { courses: OpenCourse[] } & PageContext) {
  const { t, language } = props;
  if (props.courses.length === 0) return <p id="open-courses">{t('intake.noOpenCourses')}</p>;
  return (
    <div id="open-courses">
      {coursesByLocality(props.courses).map(([locality, courses]) => (
        <table class="open-courses">
          <caption>{locality}</caption>
          <thead>
            <tr>
              <th scope="col">{t('intake.course')}</th>
              <th scope="col">{t('intake.dates')}</th>
              <th scope="col">{t('intake.time')}</th>
              <th scope="col">{t('intake.venue')}</th>
            </tr>
          </thead>
          <tbody>
            {courses.map((course) => (
              <tr data-course-id={course.id}>
                <td data-label={t('intake.course')}>
                  {programName(programNamesOf(course), language)}
                </td>
                <td data-label={t('intake.dates')}>{courseDates(course, language)}</td>
                <td data-label={t('intake.time')}>{weeklyTime(course, props)}</td>
                <td data-label={t('intake.venue')}>
                  {course.venueName ?? t('intake.venueToBeConfirmed')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

/** The person's own fields, the same in every intake form; must sit inside `<FormFields>`. */
export function ApplicantFields(
  props: IntakeChoices & PageContext & { values: Record<string, string>; ownApplication: boolean },
) {
  const { t, values } = props;
  return (
    <>
      <TextField
        name="name"
        label={t('intake.name')}
        value={values.name}
        autocomplete={props.ownApplication ? 'name' : 'off'}
        required
      />
      <TextField
        name="phone"
        type="tel"
        label={t('intake.phone')}
        hint={t('intake.phoneHint')}
        value={values.phone}
        autocomplete={props.ownApplication ? 'tel' : 'off'}
        required
      />
      <TextField
        name="email"
        type="email"
        label={t('intake.email')}
        hint={t('intake.emailHint')}
        value={values.email}
        autocomplete={props.ownApplication ? 'email' : 'off'}
      />
      <SelectField
        name="localityId"
        label={t('intake.municipality')}
        value={values.localityId}
        placeholder={t('intake.chooseMunicipality')}
        options={[
          ...props.localities.map((locality) => ({
            value: String(locality.id),
            label: locality.name,
          })),
          { value: otherMunicipality, label: t('intake.otherMunicipalityOption') },
        ]}
        required
      />
      <TextField
        name="otherMunicipality"
        label={t('intake.otherMunicipality')}
        hint={t('intake.otherMunicipalityHint')}
        value={values.otherMunicipality}
      />
      <SelectField
        name="preferredCourseId"
        label={t('intake.preferredCourse')}
        value={values.preferredCourseId}
        placeholder={t('intake.anyCourse')}
        options={props.courses.map((course) => ({
          value: String(course.id),
          label: courseChoiceLabel(course, props),
        }))}
      />
      <TextAreaField
        name="goodTimesToCall"
        label={t('intake.goodTimesToCall')}
        hint={t('intake.goodTimesToCallHint')}
        value={values.goodTimesToCall}
        rows={2}
      />
      <ContactLanguageField value={values.language} language={props.language} t={t} />
      <PostalAddressFields values={values} t={t} ownAddress={props.ownApplication} />
    </>
  );
}

/** The language of letters, messages and calendar entries: the page's language until changed. */
export function ContactLanguageField(props: {
  value: string | undefined;
  language: Language;
  t: Translate;
}) {
  return (
    <SelectField
      name="language"
      label={props.t('intake.contactLanguage')}
      hint={props.t('intake.contactLanguageHint')}
      value={props.value ?? props.language}
      options={languages.map((code) => ({ value: code, label: languageEndonyms[code] }))}
    />
  );
}

/**
 * The optional postal address for letters; must sit inside `<FormFields>`. The person's own form
 * lets the browser fill it in; a staff member's or referrer's does not.
 */
export function PostalAddressFields(props: {
  values: Record<string, string | undefined>;
  t: Translate;
  ownAddress: boolean;
}) {
  const { t, values } = props;
  const own = props.ownAddress;
  return (
    <fieldset class="postal-address" aria-describedby="postal-address-hint">
      <legend>{t('intake.postal.legend')}</legend>
      <p id="postal-address-hint" class="hint">
        {t(own ? 'intake.postal.hint' : 'intake.postal.hintOther')}
      </p>
      <TextField
        name="postalStreet"
        label={t('intake.postalStreet')}
        value={values.postalStreet}
        autocomplete={own ? 'street-address' : 'off'}
      />
      <TextField
        name="postalCode"
        label={t('intake.postalCode')}
        value={values.postalCode}
        autocomplete={own ? 'postal-code' : 'off'}
      />
      <TextField
        name="postOffice"
        label={t('intake.postOffice')}
        value={values.postOffice}
        autocomplete={own ? 'address-level2' : 'off'}
      />
    </fieldset>
  );
}

/**
 * Hidden from people (off screen, out of the tab order and the accessibility tree); a robot that
 * fills in every field fills this one too.
 */
export function HoneypotField(props: { t: Translate }) {
  return (
    <div class="visually-hidden" aria-hidden="true">
      <label for={honeypotField}>{props.t('intake.honeypot')}</label>
      <input id={honeypotField} name={honeypotField} type="text" tabindex={-1} autocomplete="off" />
    </div>
  );
}
