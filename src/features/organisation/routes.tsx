import { Hono, type Context } from 'hono';
import {
  OrganisationPage,
  type OrganisationFormState,
} from '../../../views/organisation/organisation-page';
import { access } from '../../http/access';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { validForm } from '../../http/form';
import { formatPhoneForDisplay } from '../../lib/phone';
import { saveOrganisationSettings } from './organisation-changes';
import { organisationInput } from './organisation-input';
import { organisationContact } from './queries';

export const organisationSettingsPath = '/admin/organisation';

/** The organisation's contact details, edited by an admin only (coordinators see them in use). */
export function organisationRoutes({ db, clock }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  const renderPage = (c: Context<SignedInEnv>, form: OrganisationFormState) => {
    const t = c.get('t');
    return c.render(<OrganisationPage {...form} t={t} />, { title: t('organisation.title') });
  };

  app.get(organisationSettingsPath, access(['admin']), (c) => {
    const saved = organisationContact(db);
    const phone = saved.phone ? formatPhoneForDisplay(saved.phone) : '';
    return renderPage(c, { values: { ...saved, phone }, errors: {} });
  });

  app.post(
    organisationSettingsPath,
    access(['admin']),
    validForm(organisationInput, renderPage),
    (c) => {
      saveOrganisationSettings(db, {
        actor: c.get('user'),
        settings: c.req.valid('form'),
        now: clock(),
      });
      setFlash(c, { kind: 'success', key: 'organisation.saved' });
      return c.redirect(organisationSettingsPath, 303);
    },
  );

  return app;
}
