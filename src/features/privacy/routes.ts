import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { planningStaff } from '../../http/access';
import { idParam } from '../../http/params';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { eraseApplicant } from './queries';

export function privacyRoutes({ db, clock, mail }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  app.post('/deletion-requests/:id{[0-9]+}/erasure', planningStaff, (c) => {
    if (!eraseApplicant(db, idParam(c), c.get('user'), { ...mail, now: clock() }))
      throw new HTTPException(404);
    setFlash(c, { kind: 'success', key: 'privacy.erased' });
    return c.redirect('/', 303);
  });

  return app;
}
