import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { matchedRoutes } from 'hono/route';
import type { StaffRole } from '../../db/schema';
import type { AppEnv } from './app-env';
import { isHtmxRequest } from './htmx';

export type AccessRule = 'public' | 'signed-in' | readonly StaffRole[];

const accessRuleMarker = Symbol('accessRule');
type MarkedHandler = MiddlewareHandler<AppEnv> & { [accessRuleMarker]?: AccessRule };

export function signInPath(returnTo?: string): string {
  return returnTo && returnTo !== '/'
    ? `/sign-in?next=${encodeURIComponent(returnTo)}`
    : '/sign-in';
}

function redirectToSignIn(c: Context<AppEnv>): Response {
  const target = signInPath(c.req.method === 'GET' ? c.req.path : undefined);
  if (isHtmxRequest(c)) {
    c.header('HX-Redirect', target);
    return c.body(null, 401);
  }
  return c.redirect(target, 303);
}

/**
 * The one authorization helper: every route names who may use it, e.g.
 * `app.get('/admin/users', access(['admin']), handler)`.
 */
export function access(rule: AccessRule): MiddlewareHandler<AppEnv> {
  const handler: MarkedHandler = async (c, next) => {
    if (rule !== 'public') {
      const user = c.get('user');
      if (!user) return redirectToSignIn(c);
      if (rule !== 'signed-in' && !rule.includes(user.role)) throw new HTTPException(403);
    }
    await next();
  };
  handler[accessRuleMarker] = rule;
  return handler;
}

/**
 * Runs before every route: a matched route whose chain holds no `access(...)` rule is refused,
 * so forgetting the rule on a new route denies instead of exposing it.
 */
export const denyRoutesWithoutAccessRule: MiddlewareHandler<AppEnv> = async (c, next) => {
  const routes = matchedRoutes(c);
  const reachesAHandler = routes.some((route) => route.method !== 'ALL');
  const hasRule = routes.some((route) => accessRuleMarker in route.handler);
  if (reachesAHandler && !hasRule) {
    console.error(`Route ${c.req.method} ${c.req.path} has no access rule: denied.`);
    throw new HTTPException(403);
  }
  await next();
};

/** Coordinators plan the courses; admins may step in. */
export const planningStaff = access(['coordinator', 'admin']);
