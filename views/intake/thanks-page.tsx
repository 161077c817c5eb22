import type { OrganisationContact } from '../../src/features/organisation/queries';
import type { Translate } from '../../src/i18n';
import { ContactBlock } from '../components/contact-block';

/** After a public form: what happens next, in the language the form was filled in. */
export function ThanksPage(props: {
  heading: string;
  text: string;
  contact: OrganisationContact;
  t: Translate;
}) {
  return (
    <section id="thanks-page">
      <h1>{props.heading}</h1>
      <p>{props.text}</p>
      <p>{props.t('intake.thanksRemoval')}</p>
      <ContactBlock contact={props.contact} t={props.t} heading />
      <p>
        <a href="/apply">{props.t('intake.backToCourses')}</a>
      </p>
    </section>
  );
}
