import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { planningStaff } from '../../http/access';
import type { AppDeps, AppEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { organizerFrom } from '../invites/invitations';
import { eraseApplicant } from './queries';

export function privacyRoutes({ db, clock, config }: AppDeps) {
  const app = new Hono<AppEnv>();

  app.post('/deletion-requests/:id{[0-9]+}/erasure', planningStaff, (c) => {
    const mail = {
      organizer: organizerFrom(config.mailFrom),
      now: clock(),
      publicUrl: config.publicUrl,
    };
    if (!eraseApplicant(db, Number(c.req.param('id')), c.get('user')!, mail))
      throw new HTTPException(404);
    setFlash(c, { kind: 'success', key: 'privacy.erased' });
    return c.redirect('/', 303);
  });

  return app;
}
