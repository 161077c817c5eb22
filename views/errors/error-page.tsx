import type { OrganisationContact } from '../../src/features/organisation/queries';
import type { Translate } from '../../src/i18n';
import { ContactBlock } from '../components/contact-block';

export type ErrorStatus = 400 | 403 | 404 | 413 | 500 | 503;

export function ErrorPage(props: {
  status: ErrorStatus;
  /** Null when it could not be read (the error may be the database itself). */
  contact: OrganisationContact | null;
  t: Translate;
}) {
  const { t, status } = props;
  return (
    <section class="error-page">
      <h1>{t(`error.${status}.title`)}</h1>
      <p>{t(`error.${status}.body`)}</p>
      <p>
        <a href="/">{t('error.backHome')}</a>
      </p>
      {props.contact && <ContactBlock contact={props.contact} t={t} heading />}
    </section>
  );
}
