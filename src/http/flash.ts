import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { isMessageKey, type MessageKey, type MessageParams } from '../i18n';
import type { AppEnv } from './app-env';

/** A one-time notice shown on the next page; it carries a message key, not text, so it is always localized. */
export type Flash = { kind: 'success' | 'info' | 'error'; key: MessageKey; params?: MessageParams };

const flashCookie = 'kp_flash';

export function setFlash(c: Context, flash: Flash): void {
  setCookie(c, flashCookie, JSON.stringify(flash), { path: '/', httpOnly: true, sameSite: 'Lax' });
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

export const takeFlash: MiddlewareHandler<AppEnv> = async (c, next) => {
  const raw = getCookie(c, flashCookie);
  c.set('flash', parseFlash(raw));
  if (raw !== undefined) deleteCookie(c, flashCookie, { path: '/' });
  await next();
};
