import { recommendAnswers } from '../../db/schema';
import type { FormState } from '../../src/http/form';
import type { Translate } from '../../src/i18n';
import { ErrorSummary } from '../components/form-fields';

/** The longest free text a participant can write in each box. */
export const feedbackTextMax = 1000;

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
  t: Translate;
}) {
  const { t, prefix, name } = props;
  const id = `${prefix}-${name}`;
  const error = props.form?.errors[name];
  return (
    <div class={error ? 'field field-invalid' : 'field'}>
      <label for={id}>{t(`feedback.${name}`)}</label>
      <p id={`${id}-hint`} class="hint">
        {t('feedback.freeTextHint', { max: feedbackTextMax })}
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
        maxlength={feedbackTextMax}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
      >
        {props.form?.values[name]}
      </textarea>
    </div>
  );
}

/**
 * "Tell us what you think" on the personal page after the last session has started: two scales,
 * two free texts and "would you recommend". A plain form; an invalid answer comes back with the
 * messages at the questions and what was typed kept.
 */
export function FeedbackForm(props: {
  token: string;
  enrollmentId: number;
  /** The answer that came back invalid, or null. */
  form: FormState | null;
  t: Translate;
}) {
  const { t, form } = props;
  const prefix = `feedback-${props.enrollmentId}`;
  const recommendError = form?.errors.recommend;
  const recommendErrorId = `${prefix}-recommend-error`;
  return (
    <section class="participant-feedback" aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`}>{t('feedback.formTitle')}</h3>
      {form && <ErrorSummary errors={form.errors} t={t} />}
      <p>{t('feedback.formIntro')}</p>
      <form method="post" action={`/p/${props.token}/feedback/${props.enrollmentId}`} id={prefix}>
        {(['usefulness', 'everydayTools'] as const).map((name) => (
          <ScoreGroup prefix={prefix} name={name} form={form} t={t} />
        ))}
        <FreeText prefix={prefix} name="bestThing" form={form} t={t} />
        <FreeText prefix={prefix} name="toImprove" form={form} t={t} />
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
        <button type="submit">{t('feedback.submit')}</button>
      </form>
    </section>
  );
}

/** What the personal page says in place of the form once the person has answered. */
export function FeedbackGiven(props: { t: Translate }) {
  return <p class="participant-feedback-note">{props.t('feedback.alreadyGiven')}</p>;
}
