import type { Context } from 'hono';
import { RecoveryCodes, TwoStepEnrolment } from '../../../views/account/two-step-parts';
import type { FieldErrors } from '../../../views/components/form-fields';
import type { AppDatabase } from '../../db';
import { asAppContext, type AnyEnv } from '../../http/app-env';
import { qrCodeImage, totpUri } from './two-step';
import { findPendingTotpSecret } from './two-step-store';

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
