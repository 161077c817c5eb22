import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env';

/**
 * One line per request: method, the route's pattern (`/p/:token`, never the path itself, so no
 * token, id or search text reaches the log), status and milliseconds. Nothing from the body,
 * the query or the user.
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      logger.info({
        method: c.req.method,
        route: routePath(c, c.req.routeIndex),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    }
  };
}
