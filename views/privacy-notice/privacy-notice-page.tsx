import type { Language, MessageKey, Translate } from '../../src/i18n';
import { retentionPeriodTexts } from '../../src/i18n/format';
import { ControllerDetails } from '../components/contact-block';
import type { PrivacyFacts } from '../../src/features/privacy-notice/queries';

const purposes = [
  'privacyNotice.purpose.applications',
  'privacyNotice.purpose.interview',
  'privacyNotice.purpose.placing',
  'privacyNotice.purpose.invites',
  'privacyNotice.purpose.attendance',
  'privacyNotice.purpose.statistics',
] as const satisfies readonly MessageKey[];

const collected = [
  'privacyNotice.collected.contact',
  'privacyNotice.collected.course',
  'privacyNotice.collected.referrer',
  'privacyNotice.collected.interview',
  'privacyNotice.collected.attendance',
  'privacyNotice.collected.mail',
] as const satisfies readonly MessageKey[];

function Part(props: { id: string; title: string; children: unknown }) {
  return (
    <section aria-labelledby={`${props.id}-title`} id={props.id}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/**
 * The whole privacy notice (tietosuojaseloste), public: the controller from the organisation
 * settings and the retention periods from the settings in force, so it stays true when they change.
 */
export function PrivacyNoticePage(props: PrivacyFacts & { t: Translate; language: Language }) {
  const { t, contact } = props;
  const periods = retentionPeriodTexts(props.periods, t, props.language);
  return (
    <article id="privacy-notice-page">
      <h1>{t('privacyNotice.pageTitle')}</h1>
      <p>{t('privacyNotice.pageIntro')}</p>
      <Part id="controller" title={t('privacyNotice.controllerTitle')}>
        <p>{t('privacyNotice.controllerIntro')}</p>
        <ControllerDetails contact={contact} t={t} />
      </Part>
      <Part id="purpose" title={t('privacyNotice.purposeTitle')}>
        <p>{t('privacyNotice.purposeIntro')}</p>
        <ul>
          {purposes.map((key) => (
            <li>{t(key)}</li>
          ))}
        </ul>
      </Part>
      <Part id="legal-basis" title={t('privacyNotice.legalTitle')}>
        <p>{t('privacyNotice.legalTask')}</p>
        <p>{t('privacyNotice.legalConsent')}</p>
        <p>{t('privacyNotice.legalCandidates')}</p>
      </Part>
      <Part id="collected" title={t('privacyNotice.collectedTitle')}>
        <ul>
          {collected.map((key) => (
            <li>{t(key)}</li>
          ))}
        </ul>
        <p>{t('privacyNotice.collected.feedback')}</p>
      </Part>
      <Part id="who-sees" title={t('privacyNotice.whoSeesTitle')}>
        <p>{t('privacyNotice.whoSees')}</p>
      </Part>
      <Part id="retention" title={t('privacyNotice.retentionTitle')}>
        <ul class="retention-periods">
          <li>
            {t('privacyNotice.retention.participants', { period: periods.participantMonths })}
          </li>
          <li>
            {t('privacyNotice.retention.closedApplications', {
              period: periods.closedApplicationMonths,
            })}
          </li>
          <li>{t('privacyNotice.retention.sentMail', { period: periods.sentMailDays })}</li>
          <li>{t('privacyNotice.retention.candidates', { period: periods.candidateMonths })}</li>
          <li>{t('privacyNotice.retention.audit', { period: periods.auditYears })}</li>
        </ul>
        <p>{t('privacyNotice.retentionAfter')}</p>
      </Part>
      <Part id="rights" title={t('privacyNotice.rightsTitle')}>
        <p>{t('privacyNotice.rightsCopy')}</p>
        <p>{t('privacyNotice.rightsErase')}</p>
        <p>{t('privacyNotice.rightsHow')}</p>
        <p>{t('privacyNotice.rightsPersonalLink')}</p>
      </Part>
      <Part id="complaint" title={t('privacyNotice.complaintTitle')}>
        <p>
          {t('privacyNotice.complaint')}{' '}
          <a href="https://tietosuoja.fi" rel="external">
            {t('privacyNotice.complaintLink')}
          </a>
          .
        </p>
      </Part>
    </article>
  );
}
