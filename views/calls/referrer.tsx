import { ContactLink } from '../components/contact-link';

export type ReferrerDetails = {
  referrerName: string;
  referrerUnit: string;
  referrerContact: string;
};

export function hasReferrer(details: ReferrerDetails): boolean {
  return Boolean(details.referrerName || details.referrerUnit || details.referrerContact);
}

/** The worker who referred the person: name, unit and a link to reach them. */
export function Referrer(props: { details: ReferrerDetails }) {
  const { referrerName, referrerUnit, referrerContact } = props.details;
  const text = [referrerName, referrerUnit].filter(Boolean).join(', ');
  return (
    <span class="referrer">
      {text}
      {text && referrerContact && ', '}
      {referrerContact && <ContactLink contact={referrerContact} />}
    </span>
  );
}
