import type { RegionChoice } from '../../src/features/places/region-choice';
import type { PlanWeightName } from '../../src/features/term-proposal/plan-rules';
import type { FormState } from '../../src/http/form';
import type { Language, Translate } from '../../src/i18n';
import { formatWeekday, localeOf } from '../../src/i18n/format';
import {
  CheckboxField,
  ErrorSummary,
  FormFields,
  SelectField,
  TextField,
} from '../components/form-fields';
import { RegionFilter, RegionShown } from '../components/region-filter';

type Option = { value: string; label: string };
type TermFacts = { id: number; name: string; startsOn: string; endsOn: string };

export type ProposalFormView = FormState & {
  term: TermFacts;
  /** The region planned for: its localities are listed, and another can be chosen. */
  regionChoice: RegionChoice;
  programs: Option[];
  localities: { id: number; name: string }[];
  /** The points of each part of a good plan (planWeights). */
  weights: Record<PlanWeightName, number>;
  /** What blocks every plan, in words (empty when nothing does). */
  blockers: string[];
  /** A problem with the whole attempt (e.g. the planner is busy), shown as the error summary. */
  problem?: string;
  t: Translate;
  language: Language;
};

const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

function GoodPlan(props: {
  weights: ProposalFormView['weights'];
  t: Translate;
  language: Language;
}) {
  const { t, weights, language } = props;
  const parts = Object.entries(weights) as [keyof typeof weights, number][];
  return (
    <section aria-labelledby="good-plan-heading">
      <h2 id="good-plan-heading">{t('proposal.goodPlanHeading')}</h2>
      <p>{t('proposal.goodPlanIntro')}</p>
      <ul id="good-plan">
        {parts.map(([part, points]) => (
          <li>
            {t(`proposal.weight.${part}`, { points: points.toLocaleString(localeOf(language)) })}
          </li>
        ))}
      </ul>
      <p>{t('proposal.weight.stepFree')}</p>
      <h3>{t('proposal.hardRulesHeading')}</h3>
      <ul id="hard-rules">
        <li>{t('proposal.hardRule.pair')}</li>
        <li>{t('proposal.hardRule.noDoubleBooking')}</li>
        <li>{t('proposal.hardRule.capacity')}</li>
        <li>{t('proposal.hardRule.online')}</li>
        <li>{t('proposal.hardRule.hours')}</li>
        <li>{t('proposal.hardRule.calendar')}</li>
      </ul>
    </section>
  );
}

/** The targets and limits: the fields shared by the proposal form and the review's hidden copy. */
export function ProposalFormPage(props: ProposalFormView) {
  const { t, values, term } = props;
  return (
    <>
      <h1>{t('proposal.title', { name: term.name })}</h1>
      <p>{t('proposal.intro')}</p>
      <RegionFilter action={`/terms/${term.id}/proposal`} choice={props.regionChoice} t={t} />
      <RegionShown choice={props.regionChoice} t={t} />
      {props.blockers.length > 0 && (
        <div class="error-summary" role="alert" id="proposal-blockers">
          <h2>{t('proposal.blockedHeading')}</h2>
          <ul>
            {props.blockers.map((blocker) => (
              <li>{blocker}</li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action={`/terms/${term.id}/proposal`} class="narrow">
        <FormFields errors={props.errors} t={t}>
          {props.blockers.length === 0 && <ErrorSummary problem={props.problem} />}
          <input type="hidden" name="region" value={values.region ?? ''} />
          <h2>{t('proposal.targetsHeading')}</h2>
          <SelectField
            name="programId"
            label={t('proposal.program')}
            options={props.programs}
            value={values.programId}
            required
          />
          <TextField
            name="courseCount"
            label={t('proposal.courseCount')}
            type="number"
            min={1}
            max={40}
            value={values.courseCount}
            required
          />
          <TextField
            name="earliestStart"
            label={t('proposal.earliestStart')}
            type="date"
            value={values.earliestStart}
            required
          />
          <TextField
            name="latestStart"
            label={t('proposal.latestStart')}
            type="date"
            value={values.latestStart}
            required
          />
          <fieldset
            class={props.errors.weekdays ? 'field field-invalid' : 'field'}
            aria-describedby={props.errors.weekdays ? 'weekdays-error' : undefined}
          >
            <legend>{t('proposal.weekdays')}</legend>
            {props.errors.weekdays && (
              <p id="weekdays-error" class="field-error">
                {props.errors.weekdays}
              </p>
            )}
            {weekdays.map((day) => (
              <CheckboxField
                name={`weekday${day}`}
                label={formatWeekday(day, props.language)}
                checked={(values[`weekday${day}`] ?? '') !== ''}
              />
            ))}
          </fieldset>
          <TextField
            name="startTimes"
            label={t('proposal.startTimes')}
            hint={t('proposal.startTimesHint')}
            value={values.startTimes}
            required
          />
          <TextField
            name="maxHours"
            label={t('proposal.maxHours')}
            hint={t('proposal.maxHoursHint')}
            type="number"
            min={1}
            max={1000}
            value={values.maxHours}
            required
          />
          <fieldset class="field" id="proposal-localities">
            <legend>{t('proposal.localities')}</legend>
            <p class="hint">{t('proposal.localitiesHint')}</p>
            {props.localities.map((locality) => (
              <SelectField
                name={`place_${locality.id}`}
                label={locality.name}
                value={values[`place_${locality.id}`] ?? 'may'}
                options={(['may', 'must', 'no'] as const).map((choice) => ({
                  value: choice,
                  label: t(`proposal.locality.${choice}`),
                }))}
              />
            ))}
          </fieldset>
          <button type="submit">{t('proposal.submit')}</button>
        </FormFields>
      </form>
      <GoodPlan weights={props.weights} t={t} language={props.language} />
      <p>
        <a href={`/terms/${term.id}`}>{t('proposal.back')}</a>
      </p>
    </>
  );
}

/** One proposed course on the review page, with why it was chosen and its editable fields. */
export type ReviewCourseView = {
  index: number;
  localityName: string;
  /** Null while the first date typed is not a date. */
  weekday: number | null;
  startTime: string;
  reasons: string[];
  sessionDates: string[];
  venueOptions: Option[];
  instructorOptions: Option[];
};

export type ProposalReviewView = FormState & {
  term: TermFacts;
  /** The targets as typed, carried along so "check" and "accept" see the same problem. */
  targets: Record<string, string>;
  summary: string[];
  courses: ReviewCourseView[];
  /** A message for the whole page (e.g. nothing kept), shown as the error summary. */
  problem?: string;
  notice?: string;
  t: Translate;
  language: Language;
};

function ProposedCourse(props: {
  course: ReviewCourseView;
  values: Record<string, string>;
  t: Translate;
  language: Language;
}) {
  const { course, values, t } = props;
  const name = (field: string) => `${field}_${course.index}`;
  return (
    <fieldset class="field proposal-course" id={`proposed-${course.index}`}>
      <legend>
        {t('proposal.courseHeading', {
          number: course.index + 1,
          locality: course.localityName,
          weekday: course.weekday === null ? '–' : formatWeekday(course.weekday, props.language),
          time: course.startTime,
        })}
      </legend>
      <p class="proposal-why">
        <strong>{t('proposal.why')}</strong>
      </p>
      <ul class="proposal-reasons">
        {course.reasons.map((reason) => (
          <li>{reason}</li>
        ))}
      </ul>
      <p class="hint">{t('proposal.sessions', { dates: course.sessionDates.join(', ') })}</p>
      {/* The locality is the solver's choice, not edited here, but "check" and "accept" need it. */}
      <input type="hidden" name={name('locality')} value={values[name('locality')] ?? ''} />
      <CheckboxField
        name={name('keep')}
        label={t('proposal.keep')}
        checked={(values[name('keep')] ?? '') !== ''}
      />
      <SelectField
        name={name('venue')}
        label={t('proposal.venue')}
        options={course.venueOptions}
        value={values[name('venue')]}
      />
      <TextField
        name={name('firstDate')}
        label={t('proposal.firstDate')}
        type="date"
        value={values[name('firstDate')]}
      />
      <TextField
        name={name('startTime')}
        label={t('proposal.startTime')}
        type="time"
        value={values[name('startTime')]}
      />
      {(['instructor1', 'instructor2'] as const).map((field) => (
        <SelectField
          name={name(field)}
          label={t(`proposal.${field}`)}
          placeholder=""
          options={course.instructorOptions}
          value={values[name(field)]}
        />
      ))}
      <SelectField
        name={name('audience')}
        label={t('proposal.audience')}
        options={[
          { value: 'open', label: t('proposal.audience.open') },
          { value: 'targeted', label: t('proposal.audience.targeted') },
        ]}
        value={values[name('audience')] ?? 'open'}
      />
      <TextField
        name={name('targetService')}
        label={t('proposal.targetService')}
        value={values[name('targetService')]}
      />
    </fieldset>
  );
}

export function ProposalReviewPage(props: ProposalReviewView) {
  const { t, term } = props;
  return (
    <>
      <h1>{t('proposal.reviewTitle', { name: term.name })}</h1>
      <p>{t('proposal.reviewIntro')}</p>
      {props.notice && (
        <p class="flash flash-success" role="status" id="proposal-notice">
          {props.notice}
        </p>
      )}
      <ul id="proposal-summary">
        {props.summary.map((line) => (
          <li>{line}</li>
        ))}
      </ul>
      <form method="post" action={`/terms/${term.id}/proposal/review`}>
        <FormFields errors={props.errors} t={t}>
          <ErrorSummary problem={props.problem} />
          {Object.entries(props.targets).map(([name, value]) => (
            <input type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="courses" value={String(props.courses.length)} />
          {props.courses.map((course) => (
            <ProposedCourse course={course} values={props.values} t={t} language={props.language} />
          ))}
          <div class="actions">
            {/* "Check" comes first: Enter in a field checks the changes, it never saves them. */}
            <button type="submit" name="intent" value="check" class="secondary">
              {t('proposal.check')}
            </button>
            <button type="submit" name="intent" value="accept">
              {t('proposal.accept')}
            </button>
            <button type="submit" name="intent" value="targets" class="secondary">
              {t('proposal.changeTargets')}
            </button>
          </div>
        </FormFields>
      </form>
      <p>
        <a href={`/terms/${term.id}`}>{t('proposal.back')}</a>
      </p>
    </>
  );
}
