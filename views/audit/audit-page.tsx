import type { Language, Translate } from '../../src/i18n';
import { formatDateTime } from '../../src/i18n/format';
import type { listAuditEntries } from '../../src/features/audit/audit-log';

export function AuditPage(props: {
  entries: ReturnType<typeof listAuditEntries>;
  t: Translate;
  language: Language;
}) {
  const { t, language } = props;
  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      {props.entries.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <table id="audit-table">
          <caption>{t('audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.subject')}</th>
              <th scope="col">{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {props.entries.map((entry) => (
              <tr>
                <td data-label={t('audit.at')}>{formatDateTime(entry.at, language)}</td>
                <td data-label={t('audit.actor')}>{entry.actorName}</td>
                <td data-label={t('audit.action')}>{t(`audit.action.${entry.action}`)}</td>
                <td data-label={t('audit.subject')}>
                  {entry.subjectType}
                  {entry.subjectId !== null && ` #${entry.subjectId}`}
                </td>
                <td data-label={t('audit.detail')}>{entry.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
