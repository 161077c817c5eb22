import { Hono, type Context } from 'hono';
import { SecondStepPage } from '../../../views/auth/second-step-page';
import type { FieldErrors } from '../../../views/components/form-fields';
import { access, passwordChangePath } from '../../http/access';
import type { AppDeps, AppEnv, PendingSignIn } from '../../http/app-env';
import { clientAddress } from '../../http/client-address';
import { setFlash } from '../../http/flash';
import { validPublicForm } from '../../http/form';
import { safeReturnPath } from '../../http/safe-redirect';
import { twoStepCodeForm } from '../account/account-input';
import { renderRecoveryCodes, renderTwoStepEnrolment } from '../account/routes';
import { confirmTwoStep, passSecondStep } from '../account/two-step-store';
import { secondStepPaths, welcome, withNext } from './password-step';
import { clearSessionCookie } from './session-cookie';

/**
 * The second step of signing in, reachable only by a session whose password was right: the code
 * from the authenticator app (or a recovery code), or, when the admin requires two-step sign-in
 * and the account has none yet, the enrolment.
 */
export function secondStepRoutes({ db, config, clock }: AppDeps) {
  const app = new Hono<AppEnv>();
  const second = access('second-step');
  const pending = (c: Context<AppEnv>) => c.get('pendingSignIn')!;
  const nextOf = (c: Context<AppEnv>, value?: string) =>
    safeReturnPath(value ?? c.req.query('next'));
  const signedInSession = (user: PendingSignIn) => ({
    tokenHash: user.sessionTokenHash,
    email: user.email,
    expiresAt: new Date(clock().getTime() + config.sessionMilliseconds),
    createdAt: user.sessionCreatedAt,
  });

  const renderCode = (c: Context<AppEnv>, next: string, errors: FieldErrors) => {
    const t = c.get('t');
    return c.render(<SecondStepPage next={next} errors={errors} t={t} />, {
      title: t('signIn.codeTitle'),
    });
  };

  const renderEnrolment = (c: Context<AppEnv>, next: string, errors: FieldErrors) =>
    renderTwoStepEnrolment(c, db, pending(c), {
      action: secondStepPaths.enrolment,
      next,
      errors,
      otherwise: '/sign-in',
    });

  app.get(secondStepPaths.code, second, (c) => {
    if (!pending(c).hasTwoStep) return c.redirect(withNext(secondStepPaths.enrolment, nextOf(c)));
    return renderCode(c, nextOf(c), {});
  });

  app.post(
    secondStepPaths.code,
    second,
    validPublicForm(twoStepCodeForm, (c, { errors, values }) =>
      renderCode(c, nextOf(c, values.next), errors),
    ),
    (c) => {
      const { code, next } = c.req.valid('form');
      const user = pending(c);
      const outcome = passSecondStep(db, {
        actor: user,
        code,
        now: clock(),
        address: clientAddress(c, config.trustedProxyHops),
        session: signedInSession(user),
      });
      if (outcome === 'passed') return welcome(c, user, nextOf(c, next));
      if (outcome === 'ended') {
        // Wrong codes count with wrong passwords; too many end the waiting session.
        clearSessionCookie(c);
        setFlash(c, { kind: 'error', key: 'signIn.tooManyCodes' });
        return c.redirect('/sign-in', 303);
      }
      c.status(422);
      return renderCode(c, nextOf(c, next), { code: c.get('t')('signIn.wrongCode') });
    },
  );

  app.get(secondStepPaths.enrolment, second, (c) => {
    if (pending(c).hasTwoStep) return c.redirect(withNext(secondStepPaths.code, nextOf(c)));
    return renderEnrolment(c, nextOf(c), {});
  });

  /** Answers with the recovery codes (no redirect): they are shown this once only. */
  app.post(
    secondStepPaths.enrolment,
    second,
    validPublicForm(twoStepCodeForm, (c, { errors, values }) =>
      renderEnrolment(c, nextOf(c, values.next), errors),
    ),
    (c) => {
      const { code, next } = c.req.valid('form');
      const user = pending(c);
      const t = c.get('t');
      const codes = confirmTwoStep(db, {
        actor: user,
        code,
        now: clock(),
        completing: signedInSession(user),
      });
      if (!codes) {
        c.status(422);
        return renderEnrolment(c, nextOf(c, next), { code: t('signIn.wrongCode') });
      }
      setFlash(c, { kind: 'success', key: 'flash.signedIn', params: { name: user.name } });
      const continueHref = user.mustChangePassword ? passwordChangePath : nextOf(c, next);
      return renderRecoveryCodes(c, codes, continueHref);
    },
  );

  return app;
}
