import { Hono, type Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { z } from 'zod';
import { SignInPage, type SignInFormState } from '../../../views/auth/sign-in-page';
import { access } from '../../http/access';
import type { AppDeps, AppEnv } from '../../http/app-env';
import { clientAddress } from '../../http/client-address';
import { setFlash } from '../../http/flash';
import { validPublicForm } from '../../http/form';
import { safeReturnPath } from '../../http/safe-redirect';
import { verifyAgainstDecoy, verifyPassword } from '../../lib/password';
import { hashSecretToken } from '../../lib/tokens';
import { finishPasswordStep } from './password-step';
import { endSession, findUserByEmail, releaseSignInAttempt, reserveSignInAttempt } from './queries';
import { clearSessionCookie, sessionCookieName } from './session-cookie';

const signInForm = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'validation.required')
    .max(254, 'validation.tooLong')
    .pipe(z.email('validation.email')),
  password: z.string().min(1, 'validation.required').max(1024, 'validation.tooLong'),
  next: z.string().max(2048).optional(),
});

function renderSignIn(c: Context<AppEnv>, state: SignInFormState) {
  const t = c.get('t');
  return c.render(<SignInPage {...state} t={t} />, { title: t('signIn.title') });
}

export function authRoutes(deps: AppDeps) {
  const { db, config, clock } = deps;
  const app = new Hono<AppEnv>();

  app.get('/sign-in', access('public'), (c) => {
    const next = safeReturnPath(c.req.query('next'));
    if (c.get('user')) return c.redirect(next, 303);
    return renderSignIn(c, { email: '', next, errors: {} });
  });

  app.post(
    '/sign-in',
    access('public'),
    validPublicForm(signInForm, (c, { errors, values }) =>
      renderSignIn(c, { email: values.email ?? '', next: safeReturnPath(values.next), errors }),
    ),
    async (c) => {
      const { email, password, next } = c.req.valid('form');
      const t = c.get('t');
      const now = clock();
      const address = clientAddress(c, config.trustedProxyHops);
      const formState = { email, next: safeReturnPath(next), errors: {} };

      const reservation = reserveSignInAttempt(db, { email, address, now });
      if (!reservation.allowed) {
        c.status(429);
        c.header('Retry-After', String(reservation.retryAfterSeconds));
        return renderSignIn(c, {
          ...formState,
          problem: t('signIn.tooManyAttempts', {
            minutes: Math.ceil(reservation.retryAfterSeconds / 60),
          }),
        });
      }

      const user = findUserByEmail(db, email);
      const passwordMatches = user
        ? await verifyPassword(password, user.passwordHash)
        : await verifyAgainstDecoy(password);
      if (!user || !passwordMatches) {
        // The reserved attempt stays recorded as a failure.
        c.status(401);
        return renderSignIn(c, { ...formState, problem: t('signIn.invalidCredentials') });
      }
      releaseSignInAttempt(db, reservation.attemptId);

      return finishPasswordStep(deps, c, user, {
        next: formState.next,
        refuse: (problem) => {
          c.status(403);
          return renderSignIn(c, { ...formState, problem });
        },
      });
    },
  );

  app.post('/sign-out', access('public'), (c) => {
    const token = getCookie(c, sessionCookieName);
    if (token) endSession(db, hashSecretToken(token));
    clearSessionCookie(c);
    setFlash(c, { kind: 'info', key: 'flash.signedOut' });
    return c.redirect('/sign-in', 303);
  });

  return app;
}
