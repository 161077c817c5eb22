import { translatorFor, type Language } from '../../i18n';
import { organisationSection, type MailSection } from '../invites/invitation-mail';
import type { OrganisationContact } from '../organisation/queries';

/** How an erased person is told: a message, a printed letter, or a phone call (or not at all). */
export type TellBy = 'email' | 'letter' | 'none';

/** An e-mail address reaches them best; a letter needs a street address; else the phone. */
export function tellByOf(contact: { email: string; postalStreet: string }): TellBy {
  if (contact.email !== '') return 'email';
  return contact.postalStreet !== '' ? 'letter' : 'none';
}

/** The few plain lines that tell the person their data is gone; no course or health details. */
export function erasureNotice(
  name: string,
  language: Language,
  organisation: OrganisationContact,
): { subject: string; sections: MailSection[] } {
  const t = translatorFor(language);
  const contact = organisationSection(organisation, language);
  return {
    subject: t('privacy.notice.subject'),
    sections: [
      {
        lines: [
          t('invite.greeting', { name }),
          t('privacy.notice.done'),
          t('privacy.notice.kept'),
          // "Ask us" points at the contact below: without one it would point at nothing.
          ...(contact.length > 0 ? [t('privacy.notice.questions')] : []),
        ],
      },
      { lines: [t('invite.signature')] },
      ...contact,
    ],
  };
}
