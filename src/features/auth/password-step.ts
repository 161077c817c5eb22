import type { Context } from 'hono';
import type { users } from '../../../db/schema';
import { passwordChangePath } from '../../http/access';
import type { AppDeps, AppEnv } from '../../http/app-env';
import { clientAddress } from '../../http/client-address';
import { setFlash } from '../../http/flash';
import { hashSecretToken, newSecretToken } from '../../lib/tokens';
import { beginTwoStepEnrolment, isTwoStepRequired } from '../account/two-step-store';
import { startSession } from './queries';
import { setSessionCookie } from './session-cookie';

/** How long the two-step code (or enrolment) may take after the password. */
export const secondStepMilliseconds = 10 * 60 * 1000;

export const secondStepPaths = { code: '/sign-in/code', enrolment: '/sign-in/enrolment' } as const;

export function withNext(path: string, next: string): string {
  return next === '/' ? path : `${path}?next=${encodeURIComponent(next)}`;
}

/** The sign-in is finished: greet, and go on (or first to choosing a new password). */
export function welcome(
  c: Context<AppEnv>,
  user: { name: string; mustChangePassword: boolean },
  next: string,
): Response {
  setFlash(c, { kind: 'success', key: 'flash.signedIn', params: { name: user.name } });
  return c.redirect(user.mustChangePassword ? passwordChangePath : next, 303);
}

/**
 * What follows a right password (kept apart from the throttle that guards it): a disabled
 * account is refused; with two-step sign-in (or when the admin requires it and it is not set up
 * yet) the session starts as waiting for the code or the enrolment; otherwise it is signed in.
 */
export function finishPasswordStep(
  { db, config, clock }: AppDeps,
  c: Context<AppEnv>,
  user: typeof users.$inferSelect,
  options: { next: string; refuse: (problem: string) => Response | Promise<Response> },
): Response | Promise<Response> {
  if (user.disabledAt) return options.refuse(c.get('t')('signIn.accountDisabled'));

  const now = clock();
  const mustEnrol = user.totpSecret === null && isTwoStepRequired(db);
  const waiting = user.totpSecret !== null || mustEnrol;
  if (mustEnrol && !user.totpPendingSecret) beginTwoStepEnrolment(db, user.id);

  const token = newSecretToken();
  startSession(db, {
    tokenHash: hashSecretToken(token),
    userId: user.id,
    email: user.email,
    now,
    expiresAt: new Date(
      now.getTime() + (waiting ? secondStepMilliseconds : config.sessionMilliseconds),
    ),
    userAgent: c.req.header('User-Agent') ?? '',
    address: clientAddress(c, config.trustedProxyHops),
    awaitingSecondFactor: waiting,
  });
  setSessionCookie(c, token, config);
  if (!waiting) return welcome(c, user, options.next);
  const step = mustEnrol ? secondStepPaths.enrolment : secondStepPaths.code;
  return c.redirect(withNext(step, options.next), 303);
}
