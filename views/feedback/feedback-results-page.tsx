import type { Child } from 'hono/jsx';
import { recommendAnswers } from '../../db/schema';
import type {
  FeedbackSummary,
  ScoreSummary,
  ShownCount,
} from '../../src/features/feedback/feedback-rules';
import type { FeedbackText } from '../../src/features/feedback/queries';
import type { Language, Translate } from '../../src/i18n';
import { localeOf } from '../../src/i18n/format';

function shown(count: ShownCount, t: Translate): string {
  return count === 'fewer-than-5' ? t('feedback.fewerThanFive') : String(count);
}

function formatAverage(average: number, language: Language): string {
  return average.toLocaleString(localeOf(language), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
}

function ScoreTable(props: {
  id: string;
  caption: string;
  summary: ScoreSummary;
  t: Translate;
  language: Language;
}) {
  const { t, summary } = props;
  return (
    <div class="table-scroll" role="region" aria-labelledby={`${props.id}-caption`} tabindex={0}>
      <table id={props.id}>
        <caption id={`${props.id}-caption`}>
          {props.caption}{' '}
          {t('feedback.average', { average: formatAverage(summary.average, props.language) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('feedback.score')}</th>
            <th scope="col">{t('feedback.answers')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.distribution.map((count, index) => (
            <tr>
              <th scope="row">{index + 1}</th>
              <td>{shown(count, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The figures of a course's (or later a term's) feedback, with the "< 5" rule already applied. */
export function FeedbackSummarySection(props: {
  summary: FeedbackSummary;
  t: Translate;
  language: Language;
}) {
  const { t, summary, language } = props;
  if (!summary.shown) return <p id="feedback-too-few">{t('feedback.tooFew')}</p>;
  return (
    <div id="feedback-summary">
      <p id="feedback-count">{t('feedback.answerCount', { count: summary.count })}</p>
      {(
        [
          ['feedback-usefulness', 'usefulness'],
          ['feedback-everyday-tools', 'everydayTools'],
        ] as const
      ).map(([id, question]) => (
        <ScoreTable
          id={id}
          caption={t(`feedback.${question}`)}
          summary={summary[question]}
          t={t}
          language={language}
        />
      ))}
      <h2>{t('feedback.recommendTitle')}</h2>
      <ul id="feedback-recommend">
        {recommendAnswers.map((answer) => (
          <li data-answer={answer}>
            {t(`feedback.recommend.${answer}`)}: {shown(summary.recommend[answer], t)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A course's feedback results. The free texts come only for coordinators (null otherwise), each
 * with a button that hides it when it could identify someone.
 */
export function FeedbackResultsPage(props: {
  courseId: number;
  courseTitle: string;
  summary: FeedbackSummary;
  texts: FeedbackText[] | null;
  t: Translate;
  language: Language;
}) {
  const { t, texts } = props;
  return (
    <section id="feedback-results">
      <h1>{t('feedback.resultsTitle', { course: props.courseTitle })}</h1>
      {texts && (
        <p class="actions no-print">
          <a href={`/courses/${props.courseId}/feedback/paper-answers`}>
            {t('feedback.paperAnswersLink')}
          </a>
          <a href={`/courses/${props.courseId}/feedback/paper`}>{t('feedback.paperPrint')}</a>
        </p>
      )}
      <FeedbackSummarySection summary={props.summary} t={t} language={props.language} />
      {texts && (
        <section aria-labelledby="feedback-texts-title" id="feedback-texts">
          <h2 id="feedback-texts-title">{t('feedback.textsTitle')}</h2>
          <p>{t('feedback.textsOnlyYou')}</p>
          {texts.length === 0 ? (
            <p>{t('feedback.noTexts')}</p>
          ) : (
            <ul class="feedback-texts">
              {texts.map((text) => (
                <li id={`feedback-text-${text.id}`}>
                  {text.bestThing && (
                    <p>
                      <strong>{t('feedback.bestThingLabel')}</strong> {text.bestThing}
                    </p>
                  )}
                  {text.toImprove && (
                    <p>
                      <strong>{t('feedback.toImproveLabel')}</strong> {text.toImprove}
                    </p>
                  )}
                  <form
                    method="post"
                    action={`/courses/${props.courseId}/feedback/${text.id}/text-hiding`}
                  >
                    <button type="submit" class="danger">
                      {t('feedback.hide')}
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}

/**
 * Typing in a paper answer: the form (passed as children) unless feedback is not open yet, and a
 * plain message when the course already has as many answers as people.
 */
export function PaperAnswerPage(props: {
  courseId: number;
  courseTitle: string;
  refused?: 'all-answered' | 'not-open';
  children: Child;
  t: Translate;
}) {
  const { t } = props;
  return (
    <section id="paper-answers">
      <h1>{t('feedback.paperAnswersTitle', { course: props.courseTitle })}</h1>
      <p>
        <a href={`/courses/${props.courseId}/feedback`}>{t('feedback.resultsLink')}</a>
      </p>
      {props.refused && (
        <p class="error" role="alert" id="paper-answers-refused">
          {t(
            props.refused === 'all-answered'
              ? 'feedback.paperAllAnswered'
              : 'feedback.paperNotOpen',
          )}
        </p>
      )}
      {props.refused === 'not-open' ? null : (
        <>
          <p>{t('feedback.paperAnswersIntro')}</p>
          {props.children}
        </>
      )}
    </section>
  );
}
