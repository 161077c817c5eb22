import type { Translate } from '../../src/i18n';
import { ErrorSummary, TextField, type FieldErrors, FormFields } from '../components/form-fields';

export type SignInFormState = {
  email: string;
  next: string;
  errors: FieldErrors;
  /** A problem with the attempt as a whole (wrong password, too many attempts). */
  problem?: string;
};

export function SignInPage(props: SignInFormState & { t: Translate }) {
  const { t, errors } = props;
  return (
    <section class="narrow">
      <h1>{t('signIn.title')}</h1>
      <p>{t('signIn.intro')}</p>
      <ErrorSummary errors={errors} problem={props.problem} t={t} />
      <form method="post" action="/sign-in" novalidate>
        <FormFields errors={errors} t={t}>
          <input type="hidden" name="next" value={props.next} />
          <TextField
            name="email"
            type="email"
            label={t('signIn.email')}
            value={props.email}
            autocomplete="username"
            required
          />
          <TextField
            name="password"
            type="password"
            label={t('signIn.password')}
            autocomplete="current-password"
            required
          />
          <button type="submit">{t('signIn.submit')}</button>
        </FormFields>
      </form>
    </section>
  );
}
