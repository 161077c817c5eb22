import { formatPhoneForDisplay } from '../../src/lib/phone';

/** A contact stored as an e-mail address or an E.164 phone number, as a link to use it. */
export function ContactLink(props: { contact: string }) {
  const { contact } = props;
  if (contact.includes('@')) return <a href={`mailto:${contact}`}>{contact}</a>;
  return <a href={`tel:${contact}`}>{formatPhoneForDisplay(contact)}</a>;
}
