import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { ApplyPage } from '../../../views/intake/apply-page';
import type { IntakeFormState } from '../../../views/intake/applicant-fields';
import { PhoneApplicationPage } from '../../../views/intake/phone-application-page';
import { ReferralPage } from '../../../views/intake/referral-page';
import { ThanksPage } from '../../../views/intake/thanks-page';
import { privacyFacts } from '../privacy-notice/queries';
import { organisationContact } from '../organisation/queries';
import { access, planningStaff } from '../../http/access';
import { asAppContext, type AnyEnv, type AppDeps, type AppEnv } from '../../http/app-env';
import { clientAddress } from '../../http/client-address';
import { setFlash } from '../../http/flash';
import { typedValues, validForm, validPublicForm } from '../../http/form';
import { idParam } from '../../http/params';
import { safeReturnPath } from '../../http/safe-redirect';
import { chosenLanguage } from '../../i18n';
import { optionalText } from '../../lib/form-input';
import {
  honeypotField,
  phoneApplicationInputFor,
  publicApplicationInputFor,
  referralInputFor,
  type Applicant,
} from './application-input';
import {
  listLocalityChoices,
  listOpenCourses,
  saveApplication,
  submitPublicApplication,
  type NewApplication,
} from './queries';
import {
  dismissSubmission,
  takeOverSubmission,
  type ReviewResult,
} from './unconfirmed-submissions';

type IntakePage = typeof ApplyPage | typeof ReferralPage | typeof PhoneApplicationPage;

const noReferrer = { referrerName: '', referrerUnit: '', referrerContact: '' };

/** The review buttons sit on the call queue and the interview, and return there. */
const reviewInput = z.object({ returnTo: optionalText(500) });

/** A filled honeypot is a robot: it is told "thank you" and nothing is kept. */
export const ignoreRobots =
  (thanksPath: string): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const body = await c.req.parseBody();
    const honeypot = body[honeypotField];
    if (typeof honeypot === 'string' && honeypot.trim() !== '') {
      return c.redirect(thanksPath, 303);
    }
    await next();
  };

/** Over the per-address limit: the form comes back with 429, what was typed and when to retry. */
export async function refuseOverLimit(
  c: Context<AppEnv>,
  retryAfterMinutes: number,
  render: (c: Context<AppEnv>, form: IntakeFormState) => Response | Promise<Response>,
) {
  c.status(429);
  c.header('Retry-After', String(retryAfterMinutes * 60));
  const { [honeypotField]: _honeypot, ...values } = typedValues(await c.req.parseBody());
  return render(c, {
    values,
    errors: {},
    problem: c.get('t')('intake.tooManySubmissions', { minutes: retryAfterMinutes }),
  });
}

export function intakeRoutes({ db, config, clock }: AppDeps) {
  const app = new Hono<AppEnv>();
  const publicApplicationInput = publicApplicationInputFor(db);
  const referralInput = referralInputFor(db);
  const phoneApplicationInput = phoneApplicationInputFor(db);

  const renderForm =
    (Page: IntakePage, title: 'intake.applyTitle' | 'intake.referralTitle' | 'intake.phoneTitle') =>
    <Env extends AnyEnv>(context: Context<Env>, form: IntakeFormState) => {
      const c = asAppContext(context);
      const t = c.get('t');
      return c.render(
        <Page
          courses={listOpenCourses(db)}
          localities={listLocalityChoices(db)}
          {...privacyFacts(db)}
          {...form}
          t={t}
          language={c.get('language')}
        />,
        { title: t(title) },
      );
    };
  const renderApply = renderForm(ApplyPage, 'intake.applyTitle');
  const renderReferral = renderForm(ReferralPage, 'intake.referralTitle');
  const renderPhoneApplication = renderForm(PhoneApplicationPage, 'intake.phoneTitle');

  /** Saves a public submission under the per-address limit; over it, the form comes back with 429. */
  const submitOrRefuse = async (
    c: Context<AppEnv>,
    application: NewApplication,
    render: (c: Context<AppEnv>, form: IntakeFormState) => Response | Promise<Response>,
  ) => {
    const result = submitPublicApplication(
      db,
      application,
      clientAddress(c, config.trustedProxyHops),
      clock(),
    );
    if (!result.limited) return null;
    return refuseOverLimit(c, result.retryAfterMinutes, render);
  };

  const personOf = <Env extends AnyEnv>(c: Context<Env>, input: Applicant) => ({
    name: input.name,
    phone: input.phone,
    email: input.email,
    municipality: input.municipality,
    localityId: input.localityId,
    preferredCourseId: input.preferredCourseId,
    goodTimesToCall: input.goodTimesToCall,
    postalStreet: input.postalStreet,
    postalCode: input.postalCode,
    postOffice: input.postOffice,
    language: chosenLanguage(input.language, asAppContext(c).get('language')),
  });

  app.get('/apply', access('public'), (c) => renderApply(c, { values: {}, errors: {} }));

  app.post(
    '/apply',
    access('public'),
    ignoreRobots('/apply/thanks'),
    validPublicForm(publicApplicationInput, renderApply),
    async (c) => {
      const input = c.req.valid('form');
      const refused = await submitOrRefuse(
        c,
        { ...personOf(c, input), source: 'public', consentRecordedBy: null, ...noReferrer },
        renderApply,
      );
      return refused ?? c.redirect('/apply/thanks', 303);
    },
  );

  app.get('/apply/thanks', access('public'), (c) => {
    const t = c.get('t');
    return c.render(
      <ThanksPage
        heading={t('intake.thanksTitle')}
        text={t('intake.thanksText')}
        contact={organisationContact(db)}
        t={t}
      />,
      { title: t('intake.thanksTitle') },
    );
  });

  app.get('/referrals', access('public'), (c) => renderReferral(c, { values: {}, errors: {} }));

  app.post(
    '/referrals',
    access('public'),
    ignoreRobots('/referrals/thanks'),
    validPublicForm(referralInput, renderReferral),
    async (c) => {
      const input = c.req.valid('form');
      const refused = await submitOrRefuse(
        c,
        {
          ...personOf(c, input),
          source: 'referral',
          consentRecordedBy: null,
          referrerName: input.referrerName,
          referrerUnit: input.referrerUnit,
          referrerContact: input.referrerContact,
        },
        renderReferral,
      );
      return refused ?? c.redirect('/referrals/thanks', 303);
    },
  );

  app.get('/referrals/thanks', access('public'), (c) => {
    const t = c.get('t');
    return c.render(
      <ThanksPage
        heading={t('intake.referralThanksTitle')}
        text={t('intake.referralThanksText')}
        contact={organisationContact(db)}
        t={t}
      />,
      { title: t('intake.referralThanksTitle') },
    );
  });

  app.get('/applications/new', planningStaff, (c) =>
    renderPhoneApplication(c, { values: {}, errors: {} }),
  );

  app.post(
    '/applications/new',
    planningStaff,
    validForm(phoneApplicationInput, renderPhoneApplication),
    (c) => {
      const input = c.req.valid('form');
      const user = c.get('user');
      const saved = saveApplication(
        db,
        {
          ...personOf(c, input),
          source: 'phone',
          consentRecordedBy: user.id,
          ...noReferrer,
        },
        clock(),
        user,
      );
      setFlash(c, {
        kind: 'success',
        key: saved.merged
          ? 'intake.flash.phoneApplicationMerged'
          : 'intake.flash.phoneApplicationSaved',
        params: { name: input.name },
      });
      return c.redirect('/applications/new', 303);
    },
  );

  /** Taking over or dismissing details a public form offered for an existing application. */
  const reviewRoute = (
    path: 'acceptance' | 'dismissal',
    review: typeof takeOverSubmission,
    done: 'intake.flash.submissionTakenOver' | 'intake.flash.submissionDismissed',
  ) =>
    app.post(
      `/unconfirmed-submissions/:id/${path}`,
      planningStaff,
      validForm(reviewInput, (c) => c.redirect('/calls', 303)),
      (c) => {
        const result: ReviewResult = review(db, idParam(c), {
          actor: c.get('user'),
          now: clock(),
        });
        if (result === 'not-found') throw new HTTPException(404);
        setFlash(
          c,
          result === 'already-reviewed'
            ? { kind: 'info', key: 'intake.flash.submissionAlreadyReviewed' }
            : { kind: 'success', key: done },
        );
        return c.redirect(safeReturnPath(c.req.valid('form').returnTo, '/calls'), 303);
      },
    );
  reviewRoute('acceptance', takeOverSubmission, 'intake.flash.submissionTakenOver');
  reviewRoute('dismissal', dismissSubmission, 'intake.flash.submissionDismissed');

  return app;
}
