import type { Translate } from '../../src/i18n';

export function FeedPage(props: { feedUrl: string | null; t: Translate }) {
  const { t } = props;
  return (
    <section>
      <h1>{t('feed.title')}</h1>
      <p>{t('feed.intro')}</p>
      {props.feedUrl ? (
        <p>
          <label for="feed-url">{t('feed.address')}</label>
          <input id="feed-url" type="text" readonly value={props.feedUrl} />
        </p>
      ) : (
        <p>{t('feed.none')}</p>
      )}
      <form method="post" action="/calendar-feed">
        <button type="submit">{props.feedUrl ? t('feed.renew') : t('feed.create')}</button>
      </form>
    </section>
  );
}
