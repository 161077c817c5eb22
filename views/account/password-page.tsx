import type { Translate } from '../../src/i18n';
import { ErrorSummary, TextField, type FieldErrors, FormFields } from '../components/form-fields';

export function PasswordPage(props: { mustChange: boolean; errors: FieldErrors; t: Translate }) {
  const { t, errors } = props;
  return (
    <section class="narrow">
      <h1>{t('account.changePassword')}</h1>
      {props.mustChange ? (
        <p class="warning" role="status">
          {t('account.mustChange')}
        </p>
      ) : (
        <p>{t('account.changeIntro')}</p>
      )}
      <form method="post" action="/account/password" novalidate>
        <FormFields errors={errors} t={t}>
          <ErrorSummary />
          <TextField
            name="currentPassword"
            type="password"
            label={props.mustChange ? t('account.oneTimePassword') : t('account.currentPassword')}
            autocomplete="current-password"
            required
          />
          <TextField
            name="newPassword"
            type="password"
            label={t('account.newPassword')}
            hint={t('account.newPasswordHint')}
            autocomplete="new-password"
            required
          />
          <TextField
            name="newPasswordAgain"
            type="password"
            label={t('account.newPasswordAgain')}
            autocomplete="new-password"
            required
          />
          <button type="submit">{t('account.savePassword')}</button>
        </FormFields>
      </form>
    </section>
  );
}
