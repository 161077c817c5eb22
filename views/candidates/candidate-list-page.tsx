import { candidateStates, type CandidateState } from '../../db/schema';
import type { Language, Translate } from '../../src/i18n';
import { formatDateTime } from '../../src/i18n/format';

export type CandidateListRow = {
  id: number;
  name: string;
  unit: string;
  state: CandidateState;
  trainingName: string | null;
  createdAt: Date;
};

/** The coordinator's list of instructor candidates, a page at a time, by state. */
export function CandidateListPage(props: {
  rows: CandidateListRow[];
  state: CandidateState | null;
  page: number;
  hasNextPage: boolean;
  t: Translate;
  language: Language;
}) {
  const { t, language } = props;
  const pageLink = (page: number) =>
    `/candidates?${new URLSearchParams({ ...(props.state ? { state: props.state } : {}), page: String(page) })}`;
  return (
    <section id="candidate-list-page">
      <h1>{t('candidates.listTitle')}</h1>
      <p class="actions">
        <a href="/candidates/new">{t('candidates.newPhone')}</a>
        <a href="/nominations">{t('candidates.nominationTitle')}</a>
      </p>
      <form method="get" action="/candidates" class="filters">
        <label for="state">{t('candidates.filterState')}</label>
        <select id="state" name="state">
          <option value="">{t('candidates.allStates')}</option>
          {candidateStates.map((state) => (
            <option value={state} selected={state === props.state}>
              {t(`candidates.state.${state}`)}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">
          {t('candidates.filter')}
        </button>
      </form>
      {props.rows.length === 0 ? (
        <p>{t('candidates.none')}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="candidates-caption" tabindex={0}>
          <table id="candidates">
            <caption id="candidates-caption">{t('candidates.listCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('candidates.name')}</th>
                <th scope="col">{t('candidates.unit')}</th>
                <th scope="col">{t('candidates.state')}</th>
                <th scope="col">{t('candidates.training')}</th>
                <th scope="col">{t('candidates.when')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <tr>
                  <th scope="row">
                    <a href={`/candidates/${row.id}`}>{row.name}</a>
                  </th>
                  <td data-label={t('candidates.unit')}>{row.unit}</td>
                  <td data-label={t('candidates.state')}>{t(`candidates.state.${row.state}`)}</td>
                  <td data-label={t('candidates.training')}>{row.trainingName ?? ''}</td>
                  <td data-label={t('candidates.when')}>
                    {formatDateTime(row.createdAt, language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="actions">
        {props.page > 1 && <a href={pageLink(props.page - 1)}>{t('candidates.previousPage')}</a>}
        {props.hasNextPage && <a href={pageLink(props.page + 1)}>{t('candidates.nextPage')}</a>}
      </p>
    </section>
  );
}
