import type { OutboxSummary } from '../../src/features/outbox/queries';
import type { Language, Translate } from '../../src/i18n';
import { formatDateTime } from '../../src/i18n/format';
import type { Page } from '../../src/http/paging';
import { formatPhoneForDisplay } from '../../src/lib/phone';
import { FirstPageLink, MoreRowsRow, nextPageHref, focusOnFirst } from '../components/more-rows';
import { StateText } from '../outbox/outbox-page';

type PageContext = { t: Translate; language: Language };

export type TextSummary = OutboxSummary & { textBody: string };

const textColumns = 7;

/** One page of texts and the "show more" row: the whole answer to an htmx "show more". */
export function TextRows(props: { page: Page<TextSummary>; moreAnswer?: boolean } & PageContext) {
  const { t, language } = props;
  const next = props.page.nextAfter;
  return (
    <>
      {props.page.rows.map((text, index) => (
        <tr
          id={`text-${text.id}`}
          data-state={text.state}
          {...focusOnFirst(props.moreAnswer, index)}
        >
          <th scope="row">
            {text.recipientName ? (
              <>
                {text.recipientName}
                <br />
              </>
            ) : null}
            {text.recipientPhone
              ? formatPhoneForDisplay(text.recipientPhone)
              : t('outbox.erasedRecipient')}
          </th>
          <td data-label={t('texts.message')}>{text.textBody}</td>
          <td data-label={t('outbox.state')}>
            <StateText
              state={text.state}
              nextAttemptAt={text.nextAttemptAt}
              t={t}
              language={language}
            />
          </td>
          <td data-label={t('outbox.attempts')}>{text.attempts}</td>
          <td data-label={t('outbox.lastError')}>{text.lastError}</td>
          <td data-label={t('outbox.createdAt')}>{formatDateTime(text.createdAt, language)}</td>
          <td data-label={t('outbox.sentAt')}>
            {text.sentAt ? formatDateTime(text.sentAt, language) : ''}
          </td>
        </tr>
      ))}
      <MoreRowsRow
        id="texts-more"
        columns={textColumns}
        href={next === null ? null : nextPageHref('/texts', {}, next)}
        t={t}
      />
    </>
  );
}

/** Outgoing text messages, like the outgoing mail page but for the `sms` channel only. */
export function TextsPage(
  props: { page: Page<TextSummary>; laterPage: boolean; providerConfigured: boolean } & PageContext,
) {
  const { t, language } = props;
  return (
    <section id="texts-page">
      <h1>{t('texts.title')}</h1>
      <p>{t('texts.intro')}</p>
      {props.providerConfigured ? null : (
        <p id="no-text-provider" class="warning">
          {t('texts.noProvider')}
        </p>
      )}
      <FirstPageLink href="/texts" shown={props.laterPage} t={t} />
      {props.page.rows.length === 0 ? (
        <p id="texts-empty">{t('texts.empty')}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="texts-caption" tabindex={0}>
          <table id="texts-table">
            <caption id="texts-caption">{t('texts.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('outbox.recipient')}</th>
                <th scope="col">{t('texts.message')}</th>
                <th scope="col">{t('outbox.state')}</th>
                <th scope="col">{t('outbox.attempts')}</th>
                <th scope="col">{t('outbox.lastError')}</th>
                <th scope="col">{t('outbox.createdAt')}</th>
                <th scope="col">{t('outbox.sentAt')}</th>
              </tr>
            </thead>
            <tbody id="texts-rows">
              <TextRows page={props.page} t={t} language={language} />
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
