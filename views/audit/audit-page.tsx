import type { AuditLogRow } from '../../src/features/audit/audit-log';
import type { Page } from '../../src/http/paging';
import type { Language, Translate } from '../../src/i18n';
import { formatDateTime } from '../../src/i18n/format';
import { FirstPageLink, MoreRowsRow, focusOnFirst } from '../components/more-rows';

type PageContext = { t: Translate; language: Language };

const columns = 5;

/** One page of rows and the "show more" row: the whole answer to an htmx "show more". */
export function AuditRows(props: { page: Page<AuditLogRow>; moreAnswer?: boolean } & PageContext) {
  const { t, language, page } = props;
  return (
    <>
      {page.rows.map((entry, index) => (
        <tr id={`audit-${entry.id}`} {...focusOnFirst(props.moreAnswer, index)}>
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
      <MoreRowsRow
        id="audit-more"
        columns={columns}
        href={page.nextAfter === null ? null : `/admin/audit?after=${page.nextAfter}`}
        t={t}
      />
    </>
  );
}

export function AuditPage(props: { page: Page<AuditLogRow>; laterPage: boolean } & PageContext) {
  const { t, language } = props;
  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <FirstPageLink href="/admin/audit" shown={props.laterPage} t={t} />
      {props.page.rows.length === 0 ? (
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
          <tbody id="audit-rows">
            <AuditRows page={props.page} t={t} language={language} />
          </tbody>
        </table>
      )}
    </section>
  );
}
