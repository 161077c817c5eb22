import { Hono } from 'hono';
import { AuditPage, AuditRows } from '../../../views/audit/audit-page';
import { access } from '../../http/access';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { isHtmxRequestFor } from '../../http/htmx';
import { afterCursor } from '../../http/paging';
import { pageOfAuditEntries } from './audit-log';

export function auditRoutes({ db }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  app.get('/admin/audit', access(['admin']), (c) => {
    const t = c.get('t');
    const after = afterCursor(c);
    const page = pageOfAuditEntries(db, after);
    const language = c.get('language');
    if (isHtmxRequestFor(c, 'audit-more'))
      return c.html(<AuditRows moreAnswer page={page} t={t} language={language} />);
    return c.render(
      <AuditPage page={page} laterPage={after !== undefined} t={t} language={language} />,
      { title: t('audit.title') },
    );
  });

  return app;
}
