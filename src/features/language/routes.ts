import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import { access } from '../../http/access';
import type { AppDeps, AppEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { safeReturnPath } from '../../http/safe-redirect';
import { languages } from '../../i18n';

export const languageCookieName = 'kp_lang';

const languageChoice = z.object({
  language: z.enum(languages),
  returnTo: z.string().optional(),
});

/** The switch is a plain form post, so it works without JavaScript and is not a state-changing GET. */
export function languageRoutes({ config }: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post('/language', access('public'), async (c) => {
    const parsed = languageChoice.safeParse(await c.req.parseBody());
    const returnTo = safeReturnPath(parsed.success ? parsed.data.returnTo : undefined);
    if (parsed.success) {
      setCookie(c, languageCookieName, parsed.data.language, {
        path: '/',
        sameSite: 'Lax',
        secure: config.secureCookies,
        maxAge: 365 * 24 * 60 * 60,
      });
      setFlash(c, { kind: 'info', key: 'flash.languageChanged' });
    }
    return c.redirect(returnTo, 303);
  });

  return app;
}
