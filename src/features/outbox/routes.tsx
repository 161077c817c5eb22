import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  OutboxMessagePage,
  OutboxPage,
  OutboxRows,
  subjectText,
} from '../../../views/outbox/outbox-page';
import { isHtmxRequestFor } from '../../http/htmx';
import { afterCursor } from '../../http/paging';
import { planningStaff } from '../../http/access';
import { idParam } from '../../http/params';
import { recordAudit } from '../audit/audit-log';
import { outboxStates } from '../../../db/schema';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { formatDateTime } from '../../i18n/format';
import { personalLinkPlaceholder } from './personal-links';
import { findOutboxMessage, pageOfOutbox, pageOfTexts, retryFailed } from './queries';
import { TextRows, TextsPage } from '../../../views/texts/texts-page';

export function outboxRoutes({ db, config, clock }: AppDeps) {
  const app = new Hono<SignedInEnv>();
  const mailConfigured = config.smtpUrl !== null;

  const messageOr404 = (c: Context<SignedInEnv>) => {
    const message = findOutboxMessage(db, idParam(c));
    if (!message) throw new HTTPException(404);
    return message;
  };

  app.get('/outbox', planningStaff, (c) => {
    const t = c.get('t');
    recordAudit(
      db,
      { actor: c.get('user'), action: 'read', subjectType: 'outbox-message', detail: 'list' },
      clock(),
    );
    const asked = c.req.query('state');
    const state = outboxStates.find((known) => known === asked);
    const after = afterCursor(c);
    const page = pageOfOutbox(db, { state, after });
    const language = c.get('language');
    if (isHtmxRequestFor(c, 'outbox-more')) {
      return c.html(
        <OutboxRows moreAnswer page={page} shownState={state ?? null} t={t} language={language} />,
      );
    }
    return c.render(
      <OutboxPage
        page={page}
        laterPage={after !== undefined}
        shownState={state ?? null}
        unknownState={asked !== undefined && asked !== '' && state === undefined}
        mailConfigured={mailConfigured}
        t={t}
        language={language}
      />,
      { title: t('outbox.title') },
    );
  });

  app.get('/texts', planningStaff, (c) => {
    const t = c.get('t');
    recordAudit(
      db,
      { actor: c.get('user'), action: 'read', subjectType: 'outbox-message', detail: 'texts list' },
      clock(),
    );
    const after = afterCursor(c);
    const page = pageOfTexts(db, { after });
    const language = c.get('language');
    if (isHtmxRequestFor(c, 'texts-more')) {
      return c.html(<TextRows moreAnswer page={page} t={t} language={language} />);
    }
    return c.render(
      <TextsPage
        page={page}
        laterPage={after !== undefined}
        providerConfigured={config.smsUrl !== null}
        t={t}
        language={language}
      />,
      { title: t('texts.title') },
    );
  });

  app.get('/outbox/:id{[0-9]+}', planningStaff, (c) => {
    const t = c.get('t');
    const message = messageOr404(c);
    recordAudit(
      db,
      {
        actor: c.get('user'),
        action: 'read',
        subjectType: 'outbox-message',
        subjectId: message.id,
      },
      clock(),
    );
    return c.render(
      <OutboxMessagePage
        message={message}
        mailConfigured={mailConfigured}
        personalLinkMadeWhenSent={
          message.applicationId !== null && message.textBody.includes(personalLinkPlaceholder)
        }
        t={t}
        language={c.get('language')}
      />,
      { title: t('outbox.previewTitle', { subject: subjectText(message, t) }) },
    );
  });

  app.post('/outbox/:id{[0-9]+}/retry', planningStaff, (c) => {
    const message = messageOr404(c);
    if (retryFailed(db, message.id, clock())) {
      setFlash(c, {
        kind: 'success',
        key: 'flash.outboxRequeued',
        params: { email: message.recipientEmail },
      });
    } else if (message.bodyPrunedAt) {
      const date = formatDateTime(message.bodyPrunedAt, c.get('language'));
      setFlash(c, { kind: 'error', key: 'retention.mailPruned', params: { date } });
    } else {
      setFlash(c, { kind: 'error', key: 'flash.outboxNotFailed' });
    }
    return c.redirect('/outbox', 303);
  });

  return app;
}
