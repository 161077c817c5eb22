import type { PendingDeletionRequest } from '../../src/features/privacy/queries';
import type { Language, Translate } from '../../src/i18n';
import { formatDateTime } from '../../src/i18n/format';

/** On the coordinator's home page: "delete my data" requests waiting to be carried out. */
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
            <form method="post" action={`/deletion-requests/${request.id}/erasure`}>
              <button type="submit" class="danger">
                {t('privacy.erase', { name: request.name })}
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  );
}
