import type { Child } from 'hono/jsx';
import type { PrivacyFacts } from '../../src/features/privacy-notice/queries';
import type { Language, Translate } from '../../src/i18n';
import { formatPeriod } from '../../src/i18n/format';
import { ControllerDetails } from './contact-block';

/** The short notice's link to the whole one, inside a sentence so it stays an inline link. */
export function PrivacyNoticeLink(props: { t: Translate }) {
  const { t } = props;
  return (
    <p class="privacy-notice-link">
      {t('privacyNotice.readMore')} <a href="/privacy">{t('privacyNotice.readMoreLink')}</a>.
    </p>
  );
}

/**
 * The short notice on every public form and the personal link page: who keeps the data, why, for
 * how long (the retention settings in force) and how to ask for a copy or erasure, with a link to
 * the whole notice. `subject` says whose data the form takes: an applicant's or a candidate's for
 * instructor training. Where the page already shows the contact block, `controller="name"` names
 * the controller and the privacy contact without repeating phone and e-mail.
 */
export function PrivacyNotice(
  props: PrivacyFacts & {
    subject?: 'applicant' | 'candidate';
    controller?: 'details' | 'name';
    class?: string;
    t: Translate;
    language: Language;
    /** What the page adds, e.g. the personal link's "delete my data" request. */
    children?: Child;
  },
) {
  const { t, language, contact, periods } = props;
  const months = (count: number) => formatPeriod(count, 'months', t, language);
  const candidate = props.subject === 'candidate';
  return (
    <section
      class={['privacy-notice', props.class].filter(Boolean).join(' ')}
      aria-labelledby="privacy-title"
    >
      <h2 id="privacy-title">{t('privacyNotice.title')}</h2>
      {props.controller === 'name' ? (
        <>
          {contact.name && (
            <p class="controller-name">{t('contact.controller', { name: contact.name })}</p>
          )}
          {contact.privacyContact && (
            <p class="privacy-contact">
              {t('contact.privacyContact', { contact: contact.privacyContact })}
            </p>
          )}
        </>
      ) : (
        <ControllerDetails contact={contact} t={t} />
      )}
      <ul>
        <li>{t(candidate ? 'privacyNotice.summaryWhyCandidate' : 'privacyNotice.summaryWhy')}</li>
        <li class="privacy-periods">
          {candidate
            ? t('privacyNotice.summaryHowLongCandidate', {
                candidate: months(periods.candidateMonths),
              })
            : t('privacyNotice.summaryHowLong', {
                participant: months(periods.participantMonths),
                closed: months(periods.closedApplicationMonths),
              })}
        </li>
        <li>{t('privacyNotice.summaryRights')}</li>
      </ul>
      <PrivacyNoticeLink t={t} />
      {props.children}
    </section>
  );
}
