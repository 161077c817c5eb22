import type { RegionChoice } from '../../src/features/places/region-choice';
import { RegionFilter, RegionShown, regionParam } from '../components/region-filter';
import type { PeopleSearchRow } from '../../src/features/people/queries';
import type { Page } from '../../src/http/paging';
import type { Language, Translate } from '../../src/i18n';
import { courseTitle, programNamesOf } from '../../src/i18n/format';
import { formatPhoneForDisplay } from '../../src/lib/phone';
import { FirstPageLink, MoreRowsRow, nextPageHref, focusOnFirst } from '../components/more-rows';

type SearchResult = Page<PeopleSearchRow>;

/** One page of found people and the "show more" row: the whole answer to an htmx "show more". */
export function PeopleRows(props: {
  query: string;
  moreAnswer?: boolean;
  result: SearchResult;
  region: RegionChoice;
  t: Translate;
  language: Language;
}) {
  const { t, language } = props;
  const next = props.result.nextAfter;
  return (
    <>
      {props.result.rows.map((person, index) => (
        <tr id={`person-${person.id}`} {...focusOnFirst(props.moreAnswer, index)}>
          <th scope="row">
            <a href={`/people/${person.id}`}>{person.name}</a>
          </th>
          <td data-label={t('people.phone')}>{formatPhoneForDisplay(person.phone)}</td>
          <td data-label={t('people.state')}>{t(`people.state.${person.state}`)}</td>
          <td data-label={t('people.courses')}>
            {person.courses.map((course, index) => (
              <>
                {index > 0 && <br />}
                {courseTitle(
                  {
                    program: programNamesOf(course),
                    localityName: course.localityName,
                  },
                  language,
                )}
              </>
            ))}
          </td>
          <td data-label={t('people.calls')}>
            {person.lastCallOutcome === null
              ? t('people.noCalls')
              : `${t('people.callCount', { count: person.callCount })}, ${t('people.lastCall', { outcome: t(`calls.outcome.${person.lastCallOutcome}`) })}`}
          </td>
        </tr>
      ))}
      <MoreRowsRow
        id="people-more"
        columns={5}
        href={
          next === null
            ? null
            : nextPageHref('/people', { q: props.query, ...regionParam(props.region) }, next)
        }
        t={t}
      />
    </>
  );
}

/** The result list alone: what the search form swaps with htmx. */
export function PeopleResults(props: {
  query: string;
  /** Null while the query is too short to search with. */
  result: SearchResult | null;
  /** A later page, opened by the plain "next" link. */
  laterPage: boolean;
  shortestQuery: number;
  /** The region searched in; the page links keep it. */
  region: RegionChoice;
  t: Translate;
  language: Language;
}) {
  const { t, language, result } = props;
  return (
    <div id="people-results" aria-live="polite">
      {result === null ? (
        props.query.trim() !== '' && <p>{t('people.tooShort', { count: props.shortestQuery })}</p>
      ) : result.rows.length === 0 ? (
        <p>{t('people.none')}</p>
      ) : (
        <div class="table-scroll" role="region" aria-labelledby="people-caption" tabindex={0}>
          <table id="people">
            <caption id="people-caption">{t('people.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('people.name')}</th>
                <th scope="col">{t('people.phone')}</th>
                <th scope="col">{t('people.state')}</th>
                <th scope="col">{t('people.courses')}</th>
                <th scope="col">{t('people.calls')}</th>
              </tr>
            </thead>
            <tbody id="people-rows">
              <PeopleRows
                query={props.query}
                result={result}
                region={props.region}
                t={t}
                language={language}
              />
            </tbody>
          </table>
        </div>
      )}
      {result !== null && (
        <FirstPageLink
          href={`/people?${new URLSearchParams({ q: props.query, ...regionParam(props.region) })}`}
          shown={props.laterPage}
          t={t}
        />
      )}
    </div>
  );
}

/** Find a person by name, phone or e-mail: a plain GET form, the list swapped by htmx if present. */
export function PeopleSearchPage(
  props: Parameters<typeof PeopleResults>[0] & { instructorOnly: boolean },
) {
  const { t } = props;
  return (
    <section id="people-search-page">
      <h1>{t('people.title')}</h1>
      <p>{t('people.intro')}</p>
      {props.instructorOnly && <p>{t('people.instructorIntro')}</p>}
      <RegionShown choice={props.region} t={t} />
      <RegionFilter action="/people" choice={props.region} keep={{ q: props.query }} t={t} />
      <form
        method="get"
        action="/people"
        role="search"
        class="filters"
        hx-get="/people"
        hx-target="#people-results"
        hx-select="#people-results"
        hx-swap="outerHTML"
        hx-push-url="true"
      >
        {props.region.asked && <input type="hidden" name="region" value={props.region.region} />}
        <label for="q">{t('people.query')}</label>
        <input
          id="q"
          name="q"
          type="search"
          value={props.query}
          maxlength={100}
          autocomplete="off"
        />
        <button type="submit">{t('people.search')}</button>
      </form>
      <PeopleResults {...props} />
    </section>
  );
}
