import type { OrganisationContact } from '../../src/features/organisation/queries';
import type { Translate } from '../../src/i18n';
import { formatPhoneForDisplay } from '../../src/lib/phone';

type ContactProps = { contact: OrganisationContact; t: Translate };

/** Whether there is anything to show someone who wants to get in touch. */
export function hasContact(contact: OrganisationContact): boolean {
  return Boolean(contact.name || contact.coordinatorName || contact.phone || contact.email);
}

function ContactLines(props: ContactProps) {
  const { contact, t } = props;
  return (
    <>
      {contact.coordinatorName && (
        <p class="contact-coordinator">
          {t('contact.coordinator', { name: contact.coordinatorName })}
        </p>
      )}
      {contact.phone && (
        <p>
          {t('contact.phone')}{' '}
          <a class="contact-phone" href={`tel:${contact.phone}`}>
            {formatPhoneForDisplay(contact.phone)}
          </a>
        </p>
      )}
      {contact.email && (
        <p>
          {t('contact.email')}{' '}
          <a class="contact-email" href={`mailto:${contact.email}`}>
            {contact.email}
          </a>
        </p>
      )}
    </>
  );
}

/**
 * The organisation's contact wherever a person is told to get in touch: its name, the coordinator,
 * the phone as a `tel:` link and the e-mail as a `mailto:` link. Empty fields are left out, and
 * with nothing set it renders nothing at all.
 */
export function ContactBlock(props: ContactProps & { heading?: boolean }) {
  const { contact, t } = props;
  if (!hasContact(contact)) return null;
  return (
    // A div, not a landmark: the page around it may already be a "Contact" section.
    <div class="contact-block">
      {props.heading && <h2>{t('contact.title')}</h2>}
      <address>
        {contact.name && <p class="contact-name">{contact.name}</p>}
        <ContactLines contact={contact} t={t} />
      </address>
    </div>
  );
}

/** The organisation's postal address on one line, or empty. */
export function postalAddressOf(contact: OrganisationContact): string {
  const town = [contact.postcode, contact.postOffice].filter(Boolean).join(' ');
  return [contact.streetAddress, town].filter(Boolean).join(', ');
}

/**
 * For a privacy notice: the controller (the wellbeing services county), its address and contact,
 * and the privacy contact. Parts not set are left out.
 */
export function ControllerDetails(props: ContactProps) {
  const { contact, t } = props;
  const address = postalAddressOf(contact);
  if (!hasContact(contact) && !address && !contact.privacyContact) return null;
  return (
    <address class="contact-block controller-details">
      {contact.name && (
        <p class="controller-name">{t('contact.controller', { name: contact.name })}</p>
      )}
      {address && <p class="controller-address">{address}</p>}
      <ContactLines contact={contact} t={t} />
      {contact.privacyContact && (
        <p class="privacy-contact">
          {t('contact.privacyContact', { contact: contact.privacyContact })}
        </p>
      )}
    </address>
  );
}
