import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { matchedRoutes } from 'hono/route';
import type { StaffRole } from '../../db/schema';
import type { AppEnv, SignedInEnv } from './app-env';
import { isHtmxRequest } from './htmx';

/**
 * 'own-password' is 'signed-in' that also lets in a user who must first change their password;
 * 'second-step' is only for a session whose password was right but whose two-step code is due.
 */
export type AccessRule =
  'public' | 'signed-in' | 'own-password' | 'second-step' | readonly StaffRole[];

const accessRuleMarker = Symbol('accessRule');
type MarkedHandler = MiddlewareHandler<AppEnv> & { [accessRuleMarker]?: AccessRule };

export function signInPath(returnTo?: string): string {
  return returnTo && returnTo !== '/'
    ? `/sign-in?next=${encodeURIComponent(returnTo)}`
    : '/sign-in';
}

export const passwordChangePath = '/account/password';

function redirectTo(c: Context<AppEnv>, target: string): Response {
  if (isHtmxRequest(c)) {
    c.header('HX-Redirect', target);
    return c.body(null, 401);
  }
  return c.redirect(target, 303);
}

function redirectToSignIn(c: Context<AppEnv>): Response {
  return redirectTo(c, signInPath(c.req.method === 'GET' ? c.req.path : undefined));
}

/**
 * The one authorization helper: every route names who may use it, e.g.
 * `app.get('/admin/users', access(['admin']), handler)`.
 */
export function access(rule: 'public' | 'second-step'): MiddlewareHandler<AppEnv>;
export function access(
  rule: 'signed-in' | 'own-password' | readonly StaffRole[],
): MiddlewareHandler<SignedInEnv>;
export function access(
  rule: AccessRule,
): MiddlewareHandler<AppEnv> | MiddlewareHandler<SignedInEnv> {
  const handler: MarkedHandler = async (c, next) => {
    if (rule === 'second-step') {
      if (!c.get('pendingSignIn')) return redirectTo(c, '/sign-in');
    } else if (rule !== 'public') {
      const user = c.get('user');
      if (!user) return redirectToSignIn(c);
      if (user.mustChangePassword && rule !== 'own-password') {
        return redirectTo(c, passwordChangePath);
      }
      if (typeof rule !== 'string' && !rule.includes(user.role)) throw new HTTPException(403);
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
