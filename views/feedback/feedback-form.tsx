import { recommendAnswers } from '../../db/schema';
import type { FormState } from '../../src/http/form';
import type { Translate } from '../../src/i18n';
import { ErrorSummary } from '../components/form-fields';

/** Where the participant's course stands with feedback: open, already answered, or not offered. */
export type FeedbackStatus = 'open' | 'given' | null;

function ScoreGroup(props: {
  prefix: string;
  name: 'usefulness' | 'everydayTools';
  form: FormState | null;
  t: Translate;
}) {
  const { t, prefix, name } = props;
  const error = props.form?.errors[name];
  const errorId = `${prefix}-${name}-error`;
  return (
    <fieldset
      class={error ? 'field field-invalid feedback-scale' : 'field feedback-scale'}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{t(`feedback.${name}`)}</legend>
      {error && (
        <p id={errorId} class="field-error">
          {error}
        </p>
      )}
      {[1, 2, 3, 4, 5].map((score) => {
        const id = `${prefix}-${name}-${score}`;
        const word =
          score === 1 ? t(`feedback.${name}Low`) : score === 5 ? t(`feedback.${name}High`) : null;
        return (
          <div class="field-checkbox">
            <input
              id={id}
              name={name}
              type="radio"
              value={String(score)}
              checked={props.form?.values[name] === String(score)}
              required
            />
            <label for={id}>
              {word
                ? t('feedback.scoreOptionWithWord', { score, word })
                : t('feedback.scoreOption', { score })}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}

function FreeText(props: {
  prefix: string;
  name: 'bestThing' | 'toImprove';
  form: FormState | null;
  textMax: number;
  t: Translate;
}) {
  const { t, prefix, name } = props;
  const id = `${prefix}-${name}`;
  const error = props.form?.errors[name];
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{t(`feedback.${name}`)}</label>
      <p id={`${id}-hint`} class="hint">
        {t('feedback.freeTextHint', { max: props.textMax })}
      </p>
      {error && (
        <p id={`${id}-error`} class="field-error">
          {error}
        </p>
      )}
      <textarea
        id={id}
        name={name}
        rows={3}
        maxlength={props.textMax}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      >
        {props.form?.values[name]}
      </textarea>
    </div>
  );
}

/**
 * "Tell us what you think" on the personal page after the last session has started (or a paper
 * answer typed in by the coordinator): two scales, two free texts and "would you recommend". A
 * plain form; an invalid answer comes back with the messages at the questions and what was typed
 * kept.
 */
export function FeedbackForm(props: {
  action: string;
  /** Makes the ids unique on a page with several courses. */
  prefix: string;
  /** The answer that came back invalid, or null. */
  form: FormState | null;
  /** The paper form's page has its own heading and intro. */
  paper?: boolean;
  /** The longest free text in each box (the route's validation limit). */
  textMax: number;
  t: Translate;
}) {
  const { t, form, prefix } = props;
  const recommendError = form?.errors.recommend;
  const recommendErrorId = `${prefix}-recommend-error`;
  return (
    <section
      class="participant-feedback"
      aria-labelledby={props.paper ? undefined : `${prefix}-title`}
    >
      {props.paper ? null : <h3 id={`${prefix}-title`}>{t('feedback.formTitle')}</h3>}
      {form && <ErrorSummary errors={form.errors} t={t} />}
      {props.paper ? null : <p>{t('feedback.formIntro')}</p>}
      <form method="post" action={props.action} id={prefix}>
        {(['usefulness', 'everydayTools'] as const).map((name) => (
          <ScoreGroup prefix={prefix} name={name} form={form} t={t} />
        ))}
        <FreeText prefix={prefix} name="bestThing" form={form} textMax={props.textMax} t={t} />
        <FreeText prefix={prefix} name="toImprove" form={form} textMax={props.textMax} t={t} />
        <fieldset
          class={recommendError ? 'field field-invalid' : 'field'}
          aria-describedby={recommendError ? recommendErrorId : undefined}
        >
          <legend>{t('feedback.recommend')}</legend>
          {recommendError && (
            <p id={recommendErrorId} class="field-error">
              {recommendError}
            </p>
          )}
          {recommendAnswers.map((answer) => (
            <div class="field-checkbox">
              <input
                id={`${prefix}-recommend-${answer}`}
                name="recommend"
                type="radio"
                value={answer}
                checked={form?.values.recommend === answer}
                required
              />
              <label for={`${prefix}-recommend-${answer}`}>
                {t(`feedback.recommend.${answer}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <button type="submit">{t(props.paper ? 'feedback.paperSave' : 'feedback.submit')}</button>
      </form>
    </section>
  );
}

/** What the personal page says in place of the form once the person has answered. */
export function FeedbackGiven(props: { t: Translate }) {
  return <p class="participant-feedback-note">{props.t('feedback.alreadyGiven')}</p>;
}

/**
 * The questionnaire on paper, for the last session: for people without e-mail or who would rather
 * write. The same questions as on the personal page, with boxes to tick and room to write.
 */
export function PaperQuestionnaire(props: {
  courseTitle: string;
  /** Printed at the end: where the privacy notice is. */
  privacyNoticeUrl: string;
  t: Translate;
}) {
  const { t } = props;
  const box = (label: string) => (
    <li>
      <span class="paper-box" aria-hidden="true" /> {label}
    </li>
  );
  return (
    <section class="paper-questionnaire">
      <h1>{t('feedback.formTitle')}</h1>
      <p>
        <strong>{props.courseTitle}</strong>
      </p>
      <p>{t('feedback.paperIntro')}</p>
      {(['usefulness', 'everydayTools'] as const).map((name) => (
        <div class="paper-question">
          <h2>{t(`feedback.${name}`)}</h2>
          <ul class="paper-choices">
            {[1, 2, 3, 4, 5].map((score) =>
              box(
                score === 1 || score === 5
                  ? t('feedback.scoreOptionWithWord', {
                      score,
                      word: t(`feedback.${name}${score === 1 ? 'Low' : 'High'}`),
                    })
                  : t('feedback.scoreOption', { score }),
              ),
            )}
          </ul>
        </div>
      ))}
      {(['bestThing', 'toImprove'] as const).map((name) => (
        <div class="paper-question">
          <h2>{t(`feedback.${name}`)}</h2>
          <div class="paper-lines" aria-hidden="true" />
        </div>
      ))}
      <div class="paper-question">
        <h2>{t('feedback.recommend')}</h2>
        <ul class="paper-choices">
          {recommendAnswers.map((answer) => box(t(`feedback.recommend.${answer}`)))}
        </ul>
      </div>
      <p>{t('feedback.paperReturn')}</p>
      <p class="paper-privacy">{t('privacyNotice.mailLine', { url: props.privacyNoticeUrl })}</p>
    </section>
  );
}
