import { Hono } from 'hono';
import { AuditFiltered, AuditPage, AuditRows } from '../../../views/audit/audit-page';
import { access } from '../../http/access';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { isHtmxRequestFor } from '../../http/htmx';
import { afterCursor } from '../../http/paging';
import { auditActions, parseAuditFilters } from './audit-filters';
import { listStaffChoices, pageOfFilteredAuditEntries } from './audit-log';

export function auditRoutes({ db }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  /**
   * Only admins read the log (coordinators' own reads are in it). A filter that cannot be read
   * shows its message at the field and no entries (422), never a guess at what was meant.
   */
  app.get('/admin/audit', access(['admin']), (c) => {
    const t = c.get('t');
    const language = c.get('language');
    const after = afterCursor(c);
    const staff = listStaffChoices(db);
    const parsed = parseAuditFilters(c.req.query());
    const errors = parsed.ok ? {} : { ...parsed.errors };
    if (parsed.ok && parsed.filters.actor !== undefined) {
      const actor = parsed.filters.actor;
      if (!staff.some((user) => user.id === actor)) errors.actor = 'audit.filter.unknownActor';
    }
    const valid = parsed.ok && Object.keys(errors).length === 0;
    const page =
      parsed.ok && valid
        ? pageOfFilteredAuditEntries(db, parsed.filters, after)
        : { rows: [], nextAfter: null };
    const values = parsed.values;
    if (!valid) c.status(422);
    if (valid && isHtmxRequestFor(c, 'audit-more'))
      return c.html(<AuditRows moreAnswer page={page} values={values} t={t} language={language} />);
    const props = {
      page,
      laterPage: after !== undefined,
      filtered: Object.keys(values).length > 0,
      values,
      errors: Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)])),
      staff,
      actions: auditActions,
      t,
      language,
    };
    if (isHtmxRequestFor(c, 'audit-filtered')) return c.html(<AuditFiltered {...props} />);
    return c.render(<AuditPage {...props} />, { title: t('audit.title') });
  });

  return app;
}
