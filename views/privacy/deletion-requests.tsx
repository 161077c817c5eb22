import type { PendingDeletionRequest } from '../../src/features/privacy/queries';
import type { Language, Translate } from '../../src/i18n';
import { formatDateTime } from '../../src/i18n/format';

/**
 * On the coordinator's home page: "delete my data" requests waiting to be carried out. Each leads
 * to the erasure's confirmation page, the same one the person's page leads to.
 */
export function DeletionRequests(props: {
  requests: PendingDeletionRequest[];
  t: Translate;
  language: Language;
}) {
  const { t, language } = props;
  if (props.requests.length === 0) return null;
  return (
    <section aria-labelledby="deletion-requests-title">
      <h2 id="deletion-requests-title">{t('privacy.requestsTitle')}</h2>
      <p>{t('privacy.requestsIntro')}</p>
      <ul>
        {props.requests.map((request) => (
          <li class="actions">
            <span>
              {t('privacy.requestedAt', {
                name: request.name,
                date: formatDateTime(request.requestedAt, language),
              })}
            </span>
            <a href={`/deletion-requests/${request.id}/erasure`}>
              {t('privacy.erase', { name: request.name })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
