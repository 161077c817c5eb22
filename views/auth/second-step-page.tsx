import type { Translate } from '../../src/i18n';
import { TwoStepCodeField } from '../account/two-step-parts';
import { ErrorSummary, type FieldErrors, FormFields } from '../components/form-fields';

export function SecondStepPage(props: { next: string; errors: FieldErrors; t: Translate }) {
  const { t } = props;
  return (
    <section class="narrow">
      <h1>{t('signIn.codeTitle')}</h1>
      <p>{t('signIn.codeIntro')}</p>
      <ErrorSummary errors={props.errors} t={t} />
      <form method="post" action="/sign-in/code" novalidate>
        <FormFields errors={props.errors} t={t}>
          <input type="hidden" name="next" value={props.next} />
          <TwoStepCodeField label={t('signIn.code')} hint={t('signIn.codeHint')} />
          <button type="submit">{t('signIn.codeSubmit')}</button>
        </FormFields>
      </form>
      <form method="post" action="/sign-out">
        <button type="submit" class="secondary">
          {t('signIn.cancel')}
        </button>
      </form>
    </section>
  );
}
