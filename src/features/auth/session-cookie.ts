import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../../config';
import type { AppDatabase } from '../../db';
import type { AppEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import type { Clock } from '../../lib/clock';
import { hashSecretToken } from '../../lib/tokens';
import { endSession, extendSession, findSessionWithUser } from './queries';

export const sessionCookieName = 'kp_session';

export function setSessionCookie(c: Context, token: string, config: Config): void {
  setCookie(c, sessionCookieName, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secureCookies,
    maxAge: Math.floor(config.sessionMilliseconds / 1000),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, sessionCookieName, { path: '/' });
}

/**
 * Finds the signed-in user from the session cookie. Sessions expire after SESSION_HOURS without
 * use; each use in the second half of that time pushes the end forward again.
 */
export function loadSignedInUser(deps: {
  db: AppDatabase;
  config: Config;
  clock: Clock;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    const token = getCookie(c, sessionCookieName);
    if (token) {
      const tokenHash = hashSecretToken(token);
      const found = findSessionWithUser(deps.db, tokenHash);
      const now = deps.clock();
      if (!found) {
        clearSessionCookie(c);
      } else if (found.sessionExpiresAt <= now) {
        endSession(deps.db, tokenHash);
        clearSessionCookie(c);
        setFlash(c, { kind: 'info', key: 'flash.sessionExpired' });
      } else {
        const remaining = found.sessionExpiresAt.getTime() - now.getTime();
        if (remaining < deps.config.sessionMilliseconds / 2) {
          const sessionExpiresAt = new Date(now.getTime() + deps.config.sessionMilliseconds);
          extendSession(deps.db, tokenHash, sessionExpiresAt);
          setSessionCookie(c, token, deps.config);
          found.sessionExpiresAt = sessionExpiresAt;
        }
        c.set('user', found);
      }
    }
    await next();
  };
}
