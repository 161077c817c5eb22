import { Hono, type Context } from 'hono';
import { RetentionPage, retentionPath } from '../../../views/retention/retention-page';
import { access } from '../../http/access';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { validForm, type FormState } from '../../http/form';
import { auditRowsDueNow, dueItems, lastRuns, longestCourseInDays } from './queries';
import { dueSchedule, periodFields } from './retention-rules';
import { runRetention } from './retention-run';
import { retentionPeriods } from './retention-settings';
import { retentionInput } from './settings-input';
import { saveRetentionSettings } from './settings-changes';

const upcomingDays = 30;

/** The retention periods, what is due, the last runs and "run now": for an admin only. */
export function retentionRoutes({ db, clock }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  const renderPage = (c: Context<SignedInEnv>, form: FormState) => {
    const t = c.get('t');
    const now = clock();
    const periods = retentionPeriods(db);
    const schedule = dueSchedule(dueItems(db, periods, now, upcomingDays), now, upcomingDays);
    // Audit rows are counted per hour for the schedule; what is due now is counted exactly.
    schedule.now.auditRows = auditRowsDueNow(db, periods, now);
    return c.render(
      <RetentionPage
        form={form}
        fields={periodFields}
        longestCourseDays={longestCourseInDays(db)}
        schedule={schedule}
        runs={lastRuns(db)}
        t={t}
        language={c.get('language')}
      />,
      { title: t('retention.title') },
    );
  };

  app.get(retentionPath, access(['admin']), (c) => {
    const values = Object.fromEntries(
      Object.entries(retentionPeriods(db)).map(([field, value]) => [field, String(value)]),
    );
    return renderPage(c, { values, errors: {} });
  });

  app.post(retentionPath, access(['admin']), validForm(retentionInput, renderPage), (c) => {
    const saved = saveRetentionSettings(db, {
      actor: c.get('user'),
      periods: c.req.valid('form'),
      now: clock(),
    });
    if (!saved.ok) {
      const message = c.get('t')('retention.tooShort', { days: saved.longestDays });
      c.status(422);
      return renderPage(c, {
        values: c.get('formValues'),
        errors: Object.fromEntries(saved.tooShort.map((field) => [field, message])),
      });
    }
    setFlash(c, { kind: 'success', key: 'retention.saved' });
    return c.redirect(retentionPath, 303);
  });

  app.post(`${retentionPath}/runs`, access(['admin']), async (c) => {
    const result = await runRetention(db, { now: clock(), actor: c.get('user'), dryRun: false });
    if (result.outcome === 'ran') {
      setFlash(c, { kind: 'success', key: 'retention.ran', params: result.counts });
    } else {
      setFlash(c, { kind: 'info', key: 'retention.alreadyRan' });
    }
    return c.redirect(retentionPath, 303);
  });

  return app;
}
