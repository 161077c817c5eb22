import type { Language, Translate } from '../../src/i18n';
import { formatDateTime } from '../../src/i18n/format';

export function FeedPage(props: {
  createdAt: Date | null;
  newFeedUrl: string | null;
  language: Language;
  t: Translate;
}) {
  const { t } = props;
  return (
    <section>
      <h1>{t('feed.title')}</h1>
      <p>{t('feed.intro')}</p>
      {props.newFeedUrl ? (
        <div role="status">
          <p>
            <label for="feed-url">{t('feed.address')}</label>
            <input id="feed-url" type="text" readonly value={props.newFeedUrl} />
          </p>
          <p>{t('feed.shownOnce')}</p>
        </div>
      ) : props.createdAt ? (
        <p>{t('feed.exists', { createdAt: formatDateTime(props.createdAt, props.language) })}</p>
      ) : (
        <p>{t('feed.none')}</p>
      )}
      <form method="post" action="/calendar-feed">
        <button type="submit">{props.createdAt ? t('feed.renew') : t('feed.create')}</button>
      </form>
    </section>
  );
}
