import { Hono } from 'hono';
import { PrivacyNoticePage } from '../../../views/privacy-notice/privacy-notice-page';
import { access } from '../../http/access';
import type { AppDeps, AppEnv } from '../../http/app-env';
import { privacyNoticePath } from './notice-link';
import { privacyFacts } from './queries';

/** The whole privacy notice, for anyone: no sign-in, nothing about any one person. */
export function privacyNoticeRoutes({ db }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get(privacyNoticePath, access('public'), (c) => {
    const t = c.get('t');
    return c.render(
      <PrivacyNoticePage {...privacyFacts(db)} t={t} language={c.get('language')} />,
      { title: t('privacyNotice.pageTitle') },
    );
  });
  return app;
}
