import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../../config';
import type { AppDatabase } from '../../db';
import type { AppEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import type { Clock } from '../../lib/clock';
import { hashSecretToken } from '../../lib/tokens';
import { endSession, findSessionWithUser, touchSession } from './queries';

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

/** "Last seen" is written at most this often, so reading pages does not write on every request. */
const lastSeenEveryMilliseconds = 5 * 60 * 1000;

/**
 * Finds the signed-in user from the session cookie. Sessions expire after SESSION_HOURS without
 * use; each use in the second half of that time pushes the end forward again. A disabled account
 * is signed out at once; a session still waiting for its two-step code is not signed in at all
 * (only `access('second-step')` routes see it).
 */
export function loadSignedInUser(deps: {
  db: AppDatabase;
  config: Config;
  clock: Clock;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('user', null);
    c.set('pendingSignIn', null);
    const token = getCookie(c, sessionCookieName);
    if (token) {
      const tokenHash = hashSecretToken(token);
      const found = findSessionWithUser(deps.db, tokenHash);
      const now = deps.clock();
      if (!found) {
        clearSessionCookie(c);
      } else if (found.sessionExpiresAt <= now || found.disabledAt) {
        endSession(deps.db, tokenHash);
        clearSessionCookie(c);
        if (!found.disabledAt) setFlash(c, { kind: 'info', key: 'flash.sessionExpired' });
      } else if (found.awaitingSecondFactor) {
        const { id, name, email, hasTwoStep, mustChangePassword } = found;
        c.set('pendingSignIn', {
          ...{ id, name, email, hasTwoStep, mustChangePassword },
          sessionTokenHash: tokenHash,
          sessionCreatedAt: found.sessionCreatedAt,
        });
      } else {
        let expiresAt = found.sessionExpiresAt;
        const extend = expiresAt.getTime() - now.getTime() < deps.config.sessionMilliseconds / 2;
        if (extend) expiresAt = new Date(now.getTime() + deps.config.sessionMilliseconds);
        const lastSeen = found.sessionLastSeenAt?.getTime() ?? 0;
        if (extend || now.getTime() - lastSeen >= lastSeenEveryMilliseconds) {
          touchSession(deps.db, tokenHash, { expiresAt, lastSeenAt: now });
        }
        if (extend) setSessionCookie(c, token, deps.config);
        const { id, name, email, role, homeRegion, mustChangePassword } = found;
        c.set('user', {
          ...{ id, name, email, role, homeRegion, mustChangePassword },
          sessionTokenHash: tokenHash,
          sessionExpiresAt: expiresAt,
        });
      }
    }
    await next();
  };
}
