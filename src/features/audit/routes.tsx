import { Hono } from 'hono';
import { AuditPage } from '../../../views/audit/audit-page';
import { access } from '../../http/access';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { listAuditEntries } from './audit-log';

export function auditRoutes({ db }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  app.get('/admin/audit', access(['admin']), (c) => {
    const t = c.get('t');
    return c.render(
      <AuditPage entries={listAuditEntries(db, 500)} t={t} language={c.get('language')} />,
      {
        title: t('audit.title'),
      },
    );
  });

  return app;
}
