import type { RegionChoice } from '../../src/features/places/region-choice';
import { RegionFilter, RegionShown } from '../components/region-filter';
import { formatLocalDate, programNamesOf } from '../../src/i18n/format';
import type { Language, Translate } from '../../src/i18n';
import { ErrorSummary } from '../components/form-fields';
import { courseTitle } from '../../src/i18n/format';
import { RowField, type InvalidRowForm } from './row-field';
import type { GoNoGoFigures } from '../../src/features/courses/at-risk';
import type { AtRiskCourse } from '../../src/features/courses/at-risk-queries';

type PageContext = { t: Translate; language: Language };

/** A course due for its go/no-go decision, in the shape goNoGoDecisions returns. */
export type GoNoGoDecision = {
  courseId: number;
  programNameFi: string;
  programNameSv: string;
  programNameEn: string;
  localityName: string;
  goNoGoDate: string;
  placed: number;
  minimum: number;
};

function DecisionForms(props: {
  decision: GoNoGoDecision;
  invalid: InvalidRowForm | null;
  t: Translate;
}) {
  const { decision, t } = props;
  const action = `/courses/${decision.courseId}/go-decision`;
  const postpone = props.invalid?.form === `postpone-${decision.courseId}` ? props.invalid : null;
  const cancel = props.invalid?.form === `cancel-${decision.courseId}` ? props.invalid : null;
  return (
    <div class="actions decision-actions">
      <form method="post" action={action}>
        <input type="hidden" name="decision" value="confirm" />
        <button type="submit" class="secondary">
          {t('decision.confirmSubmit')}
        </button>
      </form>
      <form method="post" action={action} class="inline-form">
        <input type="hidden" name="decision" value="postpone" />
        <RowField
          id={`postpone-${decision.courseId}-weeks`}
          name="weeks"
          type="number"
          min={1}
          max={12}
          label={t('decision.weeks')}
          value={postpone?.values.weeks ?? '1'}
          error={postpone?.errors.weeks}
          required
          t={t}
        />
        <button type="submit" class="secondary">
          {t('decision.postponeSubmit')}
        </button>
      </form>
      <form method="post" action={action} class="inline-form">
        <input type="hidden" name="decision" value="cancel" />
        <RowField
          id={`cancel-${decision.courseId}-reason`}
          name="reason"
          label={t('decision.reason')}
          value={cancel?.values.reason}
          error={cancel?.errors.reason}
          maxlength={500}
          required
          t={t}
        />
        <button type="submit" class="danger">
          {t('decision.cancelSubmit')}
        </button>
      </form>
    </div>
  );
}

/**
 * The courses waiting for a go/no-go decision, each with its three choices: confirm anyway,
 * postpone by some weeks, or cancel with a reason (which tells everyone placed or waiting).
 */
export function GoNoGoDecisionList(
  props: { decisions: GoNoGoDecision[]; invalid?: InvalidRowForm | null } & PageContext,
) {
  const { t, language } = props;
  if (props.decisions.length === 0) return <p class="decision-none">{t('decision.none')}</p>;
  return (
    <ul class="go-no-go-decisions">
      {props.decisions.map((decision) => (
        <li id={`decision-${decision.courseId}`}>
          <h3>
            <a href={`/courses/${decision.courseId}`}>
              {courseTitle(
                {
                  program: programNamesOf(decision),
                  localityName: decision.localityName,
                },
                language,
              )}
            </a>
          </h3>
          <p>
            {t('decision.goNoGoDate', { date: formatLocalDate(decision.goNoGoDate, language) })}
            {' · '}
            {t('decision.placed', { placed: decision.placed, minimum: decision.minimum })}
            {' · '}
            <a href={`/courses/${decision.courseId}/roster`}>{t('decision.roster')}</a>
          </p>
          <DecisionForms decision={decision} invalid={props.invalid ?? null} t={t} />
        </li>
      ))}
    </ul>
  );
}

/** "1/8 placed · 3 waiting in Seinäjoki · 2 in neighbouring localities": the figures of a short course. */
export function atRiskFiguresText(
  figures: GoNoGoFigures,
  localityName: string,
  t: Translate,
): string {
  return [
    t('atRisk.placed', { placed: figures.placed, minimum: figures.minimum }),
    t('atRisk.waitingHere', { count: figures.waitingHere, locality: localityName }),
    t('atRisk.waitingNearby', { count: figures.waitingNearby }),
  ].join(' · ');
}

/** Courses due for their decision within two weeks and short of the minimum, soonest first. */
export function AtRiskList(props: { courses: AtRiskCourse[] } & PageContext) {
  const { t, language } = props;
  return (
    <section aria-labelledby="at-risk-title">
      <h2 id="at-risk-title">{t('atRisk.title')}</h2>
      <p>{t('atRisk.intro')}</p>
      <ul id="at-risk-courses">
        {props.courses.map((course) => {
          const title = courseTitle(
            {
              program: programNamesOf(course),
              localityName: course.localityName,
            },
            language,
          );
          return (
            <li id={`at-risk-${course.courseId}`}>
              <a href={`/courses/${course.courseId}`}>{title}</a>
              {' · '}
              {course.daysLeft === 0
                ? t('atRisk.decisionToday')
                : t('atRisk.decisionOn', { date: formatLocalDate(course.goNoGoDate, language) })}
              <br />
              {atRiskFiguresText(course, course.localityName, t)}
              {' · '}
              <a href={`/courses/${course.courseId}/roster#place-title`}>
                {t('atRisk.demandList')}
                <span class="visually-hidden"> {title}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function DecisionsPage(
  props: {
    decisions: GoNoGoDecision[];
    atRisk: AtRiskCourse[];
    invalid: InvalidRowForm | null;
    region: RegionChoice;
  } & PageContext,
) {
  const { t } = props;
  return (
    <section id="decisions-page">
      <h1>{t('decision.title')}</h1>
      <RegionShown choice={props.region} t={t} />
      <RegionFilter action="/decisions" choice={props.region} t={t} />
      {props.invalid && <ErrorSummary errors={props.invalid.errors} t={t} />}
      <p>{t('decision.intro')}</p>
      <GoNoGoDecisionList
        decisions={props.decisions}
        invalid={props.invalid}
        t={t}
        language={props.language}
      />
      {props.atRisk.length > 0 && (
        <AtRiskList courses={props.atRisk} t={t} language={props.language} />
      )}
    </section>
  );
}
