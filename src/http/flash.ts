import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config';
import { isMessageKey, type MessageKey, type MessageParams } from '../i18n';
import { asAppContext, type AnyEnv, type AppEnv } from './app-env';

/** A one-time notice shown on the next page; it carries a message key, not text, so it is always localized. */
export type Flash = { kind: 'success' | 'info' | 'error'; key: MessageKey; params?: MessageParams };

const flashCookie = 'kp_flash';

/** The notice goes out as a cookie with this response (see `flashMessages`). */
export function setFlash<Env extends AnyEnv>(c: Context<Env>, flash: Flash): void {
  asAppContext(c).set('flashForNextPage', flash);
}

function parseFlash(raw: string | undefined): Flash | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { kind, key, params } = value as Record<string, unknown>;
    if (kind !== 'success' && kind !== 'info' && kind !== 'error') return null;
    if (!isMessageKey(key)) return null;
    return {
      kind,
      key,
      params: typeof params === 'object' ? (params as MessageParams) : undefined,
    };
  } catch {
    return null;
  }
}

/**
 * Takes the notice the previous response left (shown once, then deleted) and writes the one this
 * response leaves. It can carry names, so it is `Secure` like the session cookie.
 */
export function flashMessages(config: Pick<Config, 'secureCookies'>): MiddlewareHandler<AppEnv> {
  const options = {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secureCookies,
  } as const;
  return async (c, next) => {
    const raw = getCookie(c, flashCookie);
    c.set('flash', parseFlash(raw));
    c.set('flashForNextPage', null);
    if (raw !== undefined) deleteCookie(c, flashCookie, options);
    await next();
    const flashForNextPage = c.get('flashForNextPage');
    if (flashForNextPage) setCookie(c, flashCookie, JSON.stringify(flashForNextPage), options);
  };
}
