import { outboxStates, type OutboxState } from '../../db/schema';
import type { OutboxMessage, OutboxSummary } from '../../src/features/outbox/queries';
import type { Language, Translate } from '../../src/i18n';
import { formatDateTime } from '../../src/i18n/format';
import type { Page } from '../../src/http/paging';
import { FirstPageLink, MoreRowsRow, nextPageHref, focusOnFirst } from '../components/more-rows';

type PageContext = { t: Translate; language: Language };

/** Shown while SMTP_URL is unset, so nobody wonders where the invitations went. */
export function NoMailServerNotice(props: { t: Translate }) {
  return (
    <p id="no-mail-server" class="warning">
      {props.t('outbox.noMailServer')}
    </p>
  );
}

export function StateText(props: { state: OutboxState; nextAttemptAt: Date } & PageContext) {
  const { t } = props;
  const words = t(`outbox.state.${props.state}`);
  if (props.state !== 'retry') return <>{words}</>;
  return (
    <>
      {words}
      <br />
      <small>
        {t('outbox.retryAt', { time: formatDateTime(props.nextAttemptAt, props.language) })}
      </small>
    </>
  );
}

/** An erased person's sent message keeps no subject or address: the page says so instead. */
export function subjectText(message: Pick<OutboxSummary, 'subject'>, t: Translate): string {
  return message.subject || t('outbox.erasedSubject');
}

function recipientText(message: Pick<OutboxSummary, 'recipientEmail'>, t: Translate): string {
  return message.recipientEmail || t('outbox.erasedRecipient');
}

/** A plain POST, so it works without JavaScript; the server answers with a redirect. */
export function SendAgainButton(props: { id: number; recipient: string; t: Translate }) {
  return (
    <form method="post" action={`/outbox/${props.id}/retry`} class="inline-form">
      <button type="submit">
        {props.t('outbox.sendAgain')}
        <span class="visually-hidden"> {props.recipient}</span>
      </button>
    </form>
  );
}

const outboxColumns = 8;

/** One page of rows and the "show more" row: the whole answer to an htmx "show more". */
export function OutboxRows(
  props: {
    page: Page<OutboxSummary>;
    shownState: OutboxState | null;
    moreAnswer?: boolean;
  } & PageContext,
) {
  const { t, language } = props;
  const next = props.page.nextAfter;
  return (
    <>
      {props.page.rows.map((message, index) => (
        <tr
          id={`outbox-${message.id}`}
          data-state={message.state}
          {...focusOnFirst(props.moreAnswer, index)}
        >
          <th scope="row" class="outbox-subject">
            <a href={`/outbox/${message.id}`}>{subjectText(message, t)}</a>
          </th>
          <td data-label={t('outbox.recipient')} class="outbox-recipient">
            {message.recipientName ? (
              <>
                {message.recipientName}
                <br />
              </>
            ) : null}
            {recipientText(message, t)}
          </td>
          <td data-label={t('outbox.state')} class="outbox-state">
            <StateText
              state={message.state}
              nextAttemptAt={message.nextAttemptAt}
              t={t}
              language={language}
            />
          </td>
          <td data-label={t('outbox.attempts')} class="outbox-attempts">
            {message.attempts}
          </td>
          <td data-label={t('outbox.lastError')} class="outbox-error">
            {message.lastError}
          </td>
          <td data-label={t('outbox.createdAt')}>{formatDateTime(message.createdAt, language)}</td>
          <td data-label={t('outbox.sentAt')}>
            {message.sentAt ? formatDateTime(message.sentAt, language) : ''}
          </td>
          <td data-label={t('outbox.actions')}>
            {message.state === 'failed' && message.bodyPrunedAt === null ? (
              <SendAgainButton id={message.id} recipient={message.recipientEmail} t={t} />
            ) : null}
          </td>
        </tr>
      ))}
      <MoreRowsRow
        id="outbox-more"
        columns={outboxColumns}
        href={
          next === null
            ? null
            : nextPageHref('/outbox', { state: props.shownState ?? undefined }, next)
        }
        t={t}
      />
    </>
  );
}

export function OutboxTable(
  props: { page: Page<OutboxSummary>; shownState: OutboxState | null } & PageContext,
) {
  const { t, language } = props;
  if (props.page.rows.length === 0) return <p id="outbox-empty">{t('outbox.empty')}</p>;
  return (
    <div class="table-scroll" role="region" aria-labelledby="outbox-caption" tabindex={0}>
      <table id="outbox-table">
        <caption id="outbox-caption">{t('outbox.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('outbox.subject')}</th>
            <th scope="col">{t('outbox.recipient')}</th>
            <th scope="col">{t('outbox.state')}</th>
            <th scope="col">{t('outbox.attempts')}</th>
            <th scope="col">{t('outbox.lastError')}</th>
            <th scope="col">{t('outbox.createdAt')}</th>
            <th scope="col">{t('outbox.sentAt')}</th>
            <th scope="col">{t('outbox.actions')}</th>
          </tr>
        </thead>
        <tbody id="outbox-rows">
          <OutboxRows page={props.page} shownState={props.shownState} t={t} language={language} />
        </tbody>
      </table>
    </div>
  );
}

/** A plain GET form: the chosen state is in the address, so the dashboard can link to it. */
function StateFilter(props: {
  shownState: OutboxState | null;
  unknownState: boolean;
  t: Translate;
}) {
  const { t } = props;
  return (
    <form method="get" action="/outbox" class="filters">
      <div class={props.unknownState ? 'field field-invalid' : 'field'}>
        <label for="outbox-state-filter">{t('outbox.state')}</label>
        {props.unknownState && (
          <p id="outbox-state-error" class="field-error">
            {t('outbox.unknownState')}
          </p>
        )}
        <select
          id="outbox-state-filter"
          name="state"
          aria-describedby={props.unknownState ? 'outbox-state-error' : undefined}
        >
          <option value="">{t('outbox.allStates')}</option>
          {outboxStates.map((state) => (
            <option value={state} selected={props.shownState === state}>
              {t(`outbox.state.${state}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">{t('outbox.showState')}</button>
    </form>
  );
}

export function OutboxPage(
  props: {
    page: Page<OutboxSummary>;
    laterPage: boolean;
    mailConfigured: boolean;
    shownState: OutboxState | null;
    unknownState: boolean;
  } & PageContext,
) {
  const { t } = props;
  return (
    <section id="outbox-page">
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      {props.mailConfigured ? null : <NoMailServerNotice t={t} />}
      <StateFilter shownState={props.shownState} unknownState={props.unknownState} t={t} />
      <FirstPageLink
        href={props.shownState ? `/outbox?state=${props.shownState}` : '/outbox'}
        shown={props.laterPage}
        t={t}
      />
      <OutboxTable
        page={props.page}
        shownState={props.shownState}
        t={t}
        language={props.language}
      />
    </section>
  );
}

/** The stored texts shown as they are: JSX escapes them, so a message cannot inject markup. */
export function OutboxMessagePage(
  props: {
    message: OutboxMessage;
    mailConfigured: boolean;
    /** The text shows the place of a personal link that the worker makes when sending. */
    personalLinkMadeWhenSent: boolean;
  } & PageContext,
) {
  const { t, language, message } = props;
  return (
    <section id="outbox-message">
      <p>
        <a href="/outbox">{t('outbox.backToList')}</a>
      </p>
      <h1>{t('outbox.previewTitle', { subject: subjectText(message, t) })}</h1>
      {props.mailConfigured ? null : <NoMailServerNotice t={t} />}
      <dl class="details">
        <dt>{t('outbox.recipient')}</dt>
        <dd>
          {message.recipientName
            ? `${message.recipientName} <${message.recipientEmail}>`
            : recipientText(message, t)}
        </dd>
        <dt>{t('outbox.state')}</dt>
        <dd id="outbox-message-state">
          <StateText
            state={message.state}
            nextAttemptAt={message.nextAttemptAt}
            t={t}
            language={language}
          />
        </dd>
        <dt>{t('outbox.attempts')}</dt>
        <dd>{message.attempts}</dd>
        {message.lastError ? (
          <>
            <dt>{t('outbox.lastError')}</dt>
            <dd>{message.lastError}</dd>
          </>
        ) : null}
        <dt>{t('outbox.createdAt')}</dt>
        <dd>{formatDateTime(message.createdAt, language)}</dd>
        {message.sentAt ? (
          <>
            <dt>{t('outbox.sentAt')}</dt>
            <dd>{formatDateTime(message.sentAt, language)}</dd>
          </>
        ) : null}
        {message.calendarMethod ? (
          <>
            <dt>{t('outbox.calendarMethod')}</dt>
            <dd>{message.calendarMethod}</dd>
          </>
        ) : null}
        <dt>{t('outbox.messageId')}</dt>
        <dd>
          <code>{message.messageId}</code>
        </dd>
      </dl>
      {message.state === 'failed' && message.bodyPrunedAt === null ? (
        <SendAgainButton id={message.id} recipient={message.recipientEmail} t={t} />
      ) : null}
      <h2 id="outbox-text-heading">{t('outbox.textBody')}</h2>
      {props.personalLinkMadeWhenSent ? (
        <p id="outbox-personal-link-note" class="hint">
          {t('outbox.personalLinkMadeWhenSent')}
        </p>
      ) : null}
      {message.bodyPrunedAt ? (
        <p id="outbox-text-pruned">
          {t('retention.mailPruned', { date: formatDateTime(message.bodyPrunedAt, language) })}
        </p>
      ) : (
        <pre id="outbox-text">{message.textBody}</pre>
      )}
      <h2 id="outbox-calendar-heading">{t('outbox.calendar')}</h2>
      {message.calendar ? (
        <pre id="outbox-calendar">{message.calendar}</pre>
      ) : (
        <p>{t('outbox.noCalendar')}</p>
      )}
    </section>
  );
}
