import type { Context } from 'hono';
import type { AppEnv } from './app-env';

/** The address used for throttling; behind a reverse proxy the first X-Forwarded-For hop. */
export function clientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return c.env?.incoming?.socket.remoteAddress ?? 'unknown';
}
