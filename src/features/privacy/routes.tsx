import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { NothingHeldPage, PersonExportPage } from '../../../views/privacy/export-page';
import {
  ErasedLetterPage,
  ErasedTellByPhonePage,
  ErasureConfirmationPage,
  heldCourseNames,
} from '../../../views/privacy/erasure-pages';
import { planningStaff } from '../../http/access';
import { idParam } from '../../http/params';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { validForm, type FieldErrors } from '../../http/form';
import { translatorFor } from '../../i18n';
import { formatDate, postalAddressLines } from '../../i18n/format';
import { instantToWallClock } from '../../lib/helsinki-time';
import { recordAudit } from '../audit/audit-log';
import { organisationContact } from '../organisation/queries';
import { privacyNoticeSection } from '../privacy-notice/notice-link';
import { erasePerson, erasurePreview, targetApplication, type ErasureRequest } from './erasure';
import { erasureNotice } from './erasure-rules';
import type { PersonLookup } from './person-match';
import { exportPerson, personExportFormat, personExportVersion } from './subject-access';

/** The one box on the confirmation page: ticked, it withdraws the person from their courses first. */
const erasureInput = z.object({
  withdrawFirst: z.literal('yes', 'validation.unknownChoice').optional(),
});

type NothingHeld = Exclude<PersonLookup, { found: 'person' }>;

export function privacyRoutes({ db, clock, mail }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  /** 404 for nobody by that number, 410 for a person whose data is gone: a page, never a 500. */
  const nothingHeld = (c: Context<SignedInEnv>, reason: NothingHeld) => {
    c.status(reason.found === 'none' ? 404 : 410);
    const t = c.get('t');
    return c.render(<NothingHeldPage reason={reason} t={t} language={c.get('language')} />, {
      title: t(reason.found === 'none' ? 'privacy.notFound.title' : 'privacy.anonymised.title'),
    });
  };

  const exportFor = (c: Context<SignedInEnv>, detail: string) =>
    exportPerson(db, idParam(c), { actor: c.get('user'), now: clock(), detail });

  app.get('/people/:id{[0-9]+}/export', planningStaff, (c) => {
    const result = exportFor(c, 'person data page');
    if (result.found !== 'person') return nothingHeld(c, result);
    const { export: data } = result;
    const t = c.get('t');
    c.header('Cache-Control', 'no-store');
    return c.render(<PersonExportPage data={data} t={t} language={c.get('language')} />, {
      title: t('privacy.export.title', { name: data.applications[0]!.name }),
    });
  });

  app.get('/people/:id{[0-9]+}/export.json', planningStaff, (c) => {
    const result = exportFor(c, 'person data file');
    if (result.found !== 'person') {
      const [format, version] = [personExportFormat, personExportVersion];
      return result.found === 'none'
        ? c.json({ format, version, error: 'not-found' }, 404)
        : c.json({ format, version, error: 'anonymised', anonymisedAt: result.anonymisedAt }, 410);
    }
    const { export: data } = result;
    return c.body(JSON.stringify(data, null, 2), 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="person-${data.askedAbout}.json"`,
      'Cache-Control': 'no-store',
    });
  });

  /** The confirmation page for the person behind an application, posting to `action`. */
  const confirmation = (
    c: Context<SignedInEnv>,
    applicationId: number,
    action: string,
    refusal: { errors: FieldErrors } = { errors: {} },
  ) => {
    const preview = erasurePreview(db, applicationId, clock());
    if (preview.found !== 'person') return nothingHeld(c, preview);
    recordAudit(
      db,
      {
        actor: c.get('user'),
        action: 'read',
        subjectType: 'application',
        subjectId: applicationId,
        detail: 'erasure confirmation',
      },
      clock(),
    );
    const t = c.get('t');
    c.header('Cache-Control', 'no-store');
    return c.render(
      <ErasureConfirmationPage
        name={preview.name}
        action={action}
        cancelHref={action.startsWith('/people/') ? `/people/${applicationId}` : '/'}
        applications={preview.applications}
        heldPlaces={preview.heldPlaces}
        tellBy={preview.tellBy}
        errors={refusal.errors}
        t={t}
        language={c.get('language')}
      />,
      { title: t('privacy.erasure.title', { name: preview.name }) },
    );
  };

  /** Carries out the erasure and answers with what the coordinator must do next. */
  const erase = (
    c: Context<SignedInEnv>,
    target: ErasureRequest['target'],
    action: string,
    withdrawFirst: boolean,
  ) => {
    const now = clock();
    const result = erasePerson(
      db,
      { target, withdrawFirst },
      { actor: c.get('user'), mail: { ...mail, now } },
    );
    const t = c.get('t');
    const language = c.get('language');
    switch (result.outcome) {
      case 'not-found':
        return nothingHeld(c, { found: 'none' });
      case 'anonymised':
        return nothingHeld(c, { found: 'anonymised', anonymisedAt: result.anonymisedAt });
      case 'refused': {
        c.status(422);
        const courses = heldCourseNames(result.heldPlaces, language);
        const applicationId = targetApplication(db, target)!;
        return confirmation(c, applicationId, action, {
          errors: { withdrawFirst: t('privacy.erasure.refused', { courses }) },
        });
      }
      case 'erased':
        break;
    }
    c.header('Cache-Control', 'no-store');
    if (result.toldBy === 'email') {
      setFlash(c, { kind: 'success', key: 'privacy.erasure.doneEmail' });
      return c.redirect('/', 303);
    }
    if (result.toldBy === 'none') {
      return c.render(<ErasedTellByPhonePage phone={result.phone} t={t} language={language} />, {
        title: t('privacy.erasure.doneTitle'),
      });
    }
    const { letter } = result;
    const sender = organisationContact(db);
    const notice = erasureNotice(letter.name, letter.language, sender);
    return c.render(
      <ErasedLetterPage
        letter={{
          subject: notice.subject,
          // Like every message and letter, it ends with the link to the privacy notice.
          sections: [...notice.sections, privacyNoticeSection(letter.language, mail.publicUrl)],
          recipientName: letter.name,
          addressLines: postalAddressLines(letter.address),
          missingAddress: null,
          date: formatDate(instantToWallClock(now).date, letter.language),
        }}
        sender={sender}
        t={t}
        language={language}
      />,
      { title: translatorFor(letter.language)('privacy.notice.subject') },
    );
  };

  app.get('/people/:id{[0-9]+}/erasure', planningStaff, (c) => {
    const id = idParam(c);
    return confirmation(c, id, `/people/${id}/erasure`);
  });

  app.post(
    '/people/:id{[0-9]+}/erasure',
    planningStaff,
    validForm(erasureInput, (c, invalid) => {
      const id = idParam(c);
      return confirmation(c, id, `/people/${id}/erasure`, { errors: invalid.errors });
    }),
    (c) => {
      const id = idParam(c);
      const { withdrawFirst } = c.req.valid('form');
      return erase(c, { applicationId: id }, `/people/${id}/erasure`, withdrawFirst === 'yes');
    },
  );

  /** The same confirmation, reached from a "delete my data" request on the home page. */
  app.get('/deletion-requests/:id{[0-9]+}/erasure', planningStaff, (c) => {
    const requestId = idParam(c);
    const applicationId = targetApplication(db, { requestId });
    if (applicationId === null) return nothingHeld(c, { found: 'none' });
    return confirmation(c, applicationId, `/deletion-requests/${requestId}/erasure`);
  });

  app.post(
    '/deletion-requests/:id{[0-9]+}/erasure',
    planningStaff,
    validForm(erasureInput, (c, invalid) => {
      const requestId = idParam(c);
      const applicationId = targetApplication(db, { requestId });
      if (applicationId === null) return nothingHeld(c, { found: 'none' });
      return confirmation(c, applicationId, `/deletion-requests/${requestId}/erasure`, {
        errors: invalid.errors,
      });
    }),
    (c) => {
      const requestId = idParam(c);
      const { withdrawFirst } = c.req.valid('form');
      return erase(
        c,
        { requestId },
        `/deletion-requests/${requestId}/erasure`,
        withdrawFirst === 'yes',
      );
    },
  );

  return app;
}
