import type { MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './app-env';

/**
 * Hono's origin check (with Sec-Fetch-Site) on every non-GET form post. The request's own origin
 * and the configured PUBLIC_URL are trusted; a refusal shows our localized 403 page.
 */
export function refuseCrossSiteForms(publicUrl: URL): MiddlewareHandler<AppEnv> {
  const check = csrf({
    origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicUrl.origin,
  });
  return async (c, next) => {
    let allowed = false;
    await check(c, async () => {
      allowed = true;
      await next();
    });
    if (!allowed) throw new HTTPException(403, { message: 'Cross-site form post refused' });
  };
}
