import type { Translate } from '../../src/i18n';

export type ErrorStatus = 400 | 403 | 404 | 413 | 500;

export function ErrorPage(props: { status: ErrorStatus; t: Translate }) {
  const { t, status } = props;
  return (
    <section class="error-page">
      <h1>{t(`error.${status}.title`)}</h1>
      <p>{t(`error.${status}.body`)}</p>
      <p>
        <a href="/">{t('error.backHome')}</a>
      </p>
    </section>
  );
}
