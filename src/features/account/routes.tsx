import { Hono, type Context } from 'hono';
import { AccountPage } from '../../../views/account/account-page';
import { PasswordPage } from '../../../views/account/password-page';
import type { FieldErrors } from '../../../views/components/form-fields';
import { access, passwordChangePath } from '../../http/access';
import type { AppDatabase } from '../../db';
import { asAppContext, type AnyEnv, type AppDeps, type SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { validForm } from '../../http/form';
import { hashPassword, verifyPassword } from '../../lib/password';
import { findUserById } from '../auth/queries';
import { clearSessionCookie } from '../auth/session-cookie';
import {
  ownLanguageForm,
  passwordChangeForm,
  twoStepCodeForm,
  twoStepRemovalForm,
} from './account-input';
import {
  changeOwnPassword,
  findOwnLanguage,
  findTwoStepStatus,
  listOwnSessions,
  setOwnLanguage,
  signOutEverywhere,
} from './queries';
import { RecoveryCodes, TwoStepEnrolment } from '../../../views/account/two-step-parts';
import { qrCodeImage, totpUri } from './two-step';
import {
  beginTwoStepEnrolment,
  confirmTwoStep,
  isRightTotpCode,
  isTwoStepRequired,
  removeTwoStep,
  unusedRecoveryCodeCount,
  findPendingTotpSecret,
} from './two-step-store';
import { shortUserAgent } from './user-agent';
import { isChoosableRegion, listRegions } from '../places/regions';
import { homeRegionInput } from '../users/new-user';
import { setHomeRegion } from '../users/queries';

const enrolmentPath = '/account/two-step/enrolment';
const confirmationPath = '/account/two-step/confirmation';

/** "Oma tili": one's own password, two-step sign-in and sessions. */
export function accountRoutes({ db, clock }: AppDeps) {
  const app = new Hono<SignedInEnv>();
  const signedIn = access('signed-in');

  const renderAccount = (
    c: Context<SignedInEnv>,
    removal: { errors: FieldErrors; problem?: string } = { errors: {} },
    regionErrors: FieldErrors = {},
  ) => {
    const user = c.get('user');
    const t = c.get('t');
    const sessions = listOwnSessions(db, user.id, clock()).map((session) => ({
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      browser: shortUserAgent(session.userAgent),
      address: session.address,
      current: session.tokenHash === user.sessionTokenHash,
    }));
    const twoStep = {
      enabledAt: findTwoStepStatus(db, user.id)?.enabledAt ?? null,
      unusedRecoveryCodes: unusedRecoveryCodeCount(db, user.id),
      required: isTwoStepRequired(db),
    };
    return c.render(
      <AccountPage
        {...{ user, sessions, twoStep, t }}
        removalErrors={removal.errors}
        removalProblem={removal.problem}
        regions={listRegions(db)}
        regionErrors={regionErrors}
        language={c.get('language')}
        messageLanguage={findOwnLanguage(db, user.id)}
      />,
      { title: t('account.title') },
    );
  };

  const renderPassword = (c: Context<SignedInEnv>, errors: FieldErrors) => {
    const t = c.get('t');
    const mustChange = c.get('user').mustChangePassword;
    return c.render(<PasswordPage mustChange={mustChange} errors={errors} t={t} />, {
      title: t('account.changePassword'),
    });
  };

  const renderEnrolment = (c: Context<SignedInEnv>, errors: FieldErrors) =>
    renderTwoStepEnrolment(c, db, c.get('user'), {
      action: confirmationPath,
      errors,
      otherwise: '/account',
    });

  const passwordMatches = async (c: Context<SignedInEnv>, password: string) => {
    const account = findUserById(db, c.get('user').id);
    return account !== undefined && (await verifyPassword(password, account.passwordHash));
  };

  app.get('/account', signedIn, (c) => renderAccount(c));

  app.get(passwordChangePath, access('own-password'), (c) => renderPassword(c, {}));

  app.post(
    passwordChangePath,
    access('own-password'),
    validForm(passwordChangeForm, (c, { errors }) => renderPassword(c, errors)),
    async (c) => {
      const form = c.req.valid('form');
      const user = c.get('user');
      if (!(await passwordMatches(c, form.currentPassword))) {
        c.status(422);
        return renderPassword(c, { currentPassword: c.get('t')('account.wrongPassword') });
      }
      const passwordHash = await hashPassword(form.newPassword);
      changeOwnPassword(db, { actor: user, passwordHash, now: clock() });
      setFlash(c, { kind: 'success', key: 'flash.passwordChanged' });
      return c.redirect(user.mustChangePassword ? '/' : '/account', 303);
    },
  );

  /** One's own default region ('' = every region); audited like every account change. */
  app.post(
    '/account/home-region',
    signedIn,
    validForm(homeRegionInput, (c, invalid) => renderAccount(c, undefined, invalid.errors)),
    (c) => {
      const user = c.get('user');
      const { homeRegion } = c.req.valid('form');
      if (!isChoosableRegion(db, homeRegion)) {
        c.status(422);
        return renderAccount(c, undefined, { homeRegion: c.get('t')('validation.region') });
      }
      setHomeRegion(db, { actor: user, userId: user.id, homeRegion, now: clock() });
      setFlash(c, { kind: 'success', key: 'region.homeSaved' });
      return c.redirect('/account', 303);
    },
  );

  /** The language of one's invitations, minutes and calendar feed; audited like the region. */
  app.post(
    '/account/language',
    signedIn,
    validForm(ownLanguageForm, (c) => renderAccount(c)),
    (c) => {
      setOwnLanguage(db, {
        actor: c.get('user'),
        language: c.req.valid('form').language,
        now: clock(),
      });
      setFlash(c, { kind: 'success', key: 'account.languageSaved' });
      return c.redirect('/account', 303);
    },
  );

  /** Ends every session of the account, this one included. */
  app.post('/account/sessions/ending', signedIn, (c) => {
    signOutEverywhere(db, c.get('user'), clock());
    clearSessionCookie(c);
    setFlash(c, { kind: 'info', key: 'flash.signedOutEverywhere' });
    return c.redirect('/sign-in', 303);
  });

  app.post(enrolmentPath, signedIn, (c) => {
    const user = c.get('user');
    if (findTwoStepStatus(db, user.id)) return c.redirect('/account', 303);
    beginTwoStepEnrolment(db, user.id);
    return c.redirect(enrolmentPath, 303);
  });

  app.get(enrolmentPath, signedIn, (c) => renderEnrolment(c, {}));

  /** Answers with the recovery codes (no redirect): they are shown this once only. */
  app.post(
    confirmationPath,
    signedIn,
    validForm(twoStepCodeForm, (c, { errors }) => renderEnrolment(c, errors)),
    (c) => {
      const codes = confirmTwoStep(db, {
        actor: c.get('user'),
        code: c.req.valid('form').code,
        now: clock(),
      });
      if (!codes) {
        c.status(422);
        return renderEnrolment(c, { code: c.get('t')('signIn.wrongCode') });
      }
      return renderRecoveryCodes(c, codes, '/account');
    },
  );

  app.post(
    '/account/two-step/removal',
    signedIn,
    validForm(twoStepRemovalForm, (c, { errors }) => renderAccount(c, { errors })),
    async (c) => {
      const { password, code } = c.req.valid('form');
      const user = c.get('user');
      const t = c.get('t');
      const now = clock();
      c.status(422);
      if (isTwoStepRequired(db)) {
        return renderAccount(c, { errors: {}, problem: t('twoStep.requiredCannotRemove') });
      }
      if (!(await passwordMatches(c, password))) {
        return renderAccount(c, { errors: { password: t('account.wrongPassword') } });
      }
      if (!isRightTotpCode(db, user.id, code, now)) {
        return renderAccount(c, { errors: { code: t('signIn.wrongCode') } });
      }
      removeTwoStep(db, { actor: user, now });
      setFlash(c, { kind: 'success', key: 'flash.twoStepRemoved' });
      return c.redirect('/account', 303);
    },
  );

  return app;
}

/**
 * The enrolment page, from the account page or during sign-in when the admin requires two-step
 * sign-in. Without a pending secret there is nothing to confirm: go to `otherwise`.
 */
export async function renderTwoStepEnrolment<Env extends AnyEnv>(
  context: Context<Env>,
  db: AppDatabase,
  person: { id: number; email: string },
  form: { action: string; next?: string; errors: FieldErrors; otherwise: string },
): Promise<Response> {
  const c = asAppContext(context);
  const secret = findPendingTotpSecret(db, person.id);
  if (!secret) return c.redirect(form.otherwise, 303);
  const t = c.get('t');
  const qrImage = await qrCodeImage(totpUri(secret, person.email));
  return c.render(
    <TwoStepEnrolment
      action={form.action}
      next={form.next}
      {...{ secret, qrImage, t }}
      errors={form.errors}
    />,
    { title: t('twoStep.enrolTitle') },
  );
}

/** Answered directly to the confirming POST, never stored or cached: shown this once only. */
export function renderRecoveryCodes<Env extends AnyEnv>(
  context: Context<Env>,
  codes: string[],
  continueHref: string,
) {
  const c = asAppContext(context);
  const t = c.get('t');
  c.header('Cache-Control', 'no-store');
  return c.render(<RecoveryCodes codes={codes} continueHref={continueHref} t={t} />, {
    title: t('twoStep.enabledTitle'),
  });
}
