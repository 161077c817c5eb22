import type { Hours, HoursPart } from '../../src/features/instructors/hours-rules';
import type { InstructorHoursRow } from '../../src/features/instructors/hours-queries';
import type { Translate } from '../../src/i18n';
import { formatDuration } from '../../src/i18n/format';

type PageContext = { t: Translate };

export type HoursTerm = { id: number; name: string };

function TermSelect(props: { terms: HoursTerm[]; termId: number } & PageContext) {
  return (
    <>
      <label for="hours-term">{props.t('hours.term')}</label>
      <select id="hours-term" name="term">
        {props.terms.map((term) => (
          <option value={String(term.id)} selected={term.id === props.termId}>
            {term.name}
          </option>
        ))}
      </select>
    </>
  );
}

function Totals(props: { hours: Hours } & PageContext) {
  const { t, hours } = props;
  return (
    <dl class="hours-totals">
      <dt>{t('hours.planned')}</dt>
      <dd id="hours-planned">{formatDuration(hours.planned)}</dd>
      <dt>{t('hours.done')}</dt>
      <dd id="hours-done">{formatDuration(hours.done)}</dd>
    </dl>
  );
}

const breakdownRows = ['sessions', 'preparation', 'training', 'calls'] as const;

function BreakdownTable(props: { hours: Hours; callMinutes: number } & PageContext) {
  const { t, hours } = props;
  const cells = (part: HoursPart, which: 'planned' | 'done') => (
    <>
      <td data-label={t(`hours.${which}Count`)} class={`hours-${which}-count`}>
        {part[which].count}
      </td>
      <td data-label={t(`hours.${which}`)} class={`hours-${which}-time`}>
        {formatDuration(part[which].minutes)}
      </td>
    </>
  );
  return (
    <div class="table-scroll" role="region" aria-labelledby="hours-breakdown-caption" tabindex={0}>
      <table id="hours-breakdown">
        <caption id="hours-breakdown-caption">{t('hours.breakdownCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('hours.item')}</th>
            <th scope="col">{t('hours.plannedCount')}</th>
            <th scope="col">{t('hours.planned')}</th>
            <th scope="col">{t('hours.doneCount')}</th>
            <th scope="col">{t('hours.done')}</th>
          </tr>
        </thead>
        <tbody>
          {breakdownRows.map((row) => (
            <tr id={`hours-${row}`}>
              <th scope="row">
                {t(`hours.row.${row}`)}
                {row === 'calls' && (
                  <span class="hint">
                    {' '}
                    {t('hours.callMinutes', { minutes: props.callMinutes })}
                  </span>
                )}
              </th>
              {cells(hours.breakdown[row], 'planned')}
              {cells(hours.breakdown[row], 'done')}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One instructor's hours in a term: for planners, and for the instructor themself. */
export function InstructorHoursPage(
  props: {
    instructor: { id: number; name: string; employerUnit: string };
    terms: HoursTerm[];
    term: HoursTerm | null;
    hours: Hours | null;
    callMinutes: number;
    /** Planners get a way back to the list and the unit's summary. */
    forPlanner: boolean;
  } & PageContext,
) {
  const { t, instructor, term } = props;
  const path = `/instructors/${instructor.id}/hours`;
  return (
    <article id="instructor-hours-page">
      {props.forPlanner && (
        <p class="no-print">
          <a href="/instructors">{t('instructors.backToList')}</a>
        </p>
      )}
      <h1>{t('hours.instructorTitle', { name: instructor.name })}</h1>
      {instructor.employerUnit && <p>{t('hours.unitOf', { unit: instructor.employerUnit })}</p>}
      <p class="hint no-print">{t('hours.explanation')}</p>
      {term === null || props.hours === null ? (
        <p>{t('hours.noTerms')}</p>
      ) : (
        <>
          <form method="get" action={path} class="filters no-print">
            <TermSelect terms={props.terms} termId={term.id} t={t} />
            <button type="submit">{t('hours.show')}</button>
          </form>
          <h2>{term.name}</h2>
          <Totals hours={props.hours} t={t} />
          <BreakdownTable hours={props.hours} callMinutes={props.callMinutes} t={t} />
          {props.forPlanner && instructor.employerUnit && (
            <p class="no-print">
              <a
                href={`/hours?term=${term.id}&unit=${encodeURIComponent(instructor.employerUnit)}`}
              >
                {t('hours.unitLink', { unit: instructor.employerUnit })}
              </a>
            </p>
          )}
        </>
      )}
    </article>
  );
}

/** The printable summary a supervisor asks for: how much of the unit's staff's time ArVo takes. */
export function UnitHoursPage(
  props: {
    units: string[];
    unit: string | null;
    terms: HoursTerm[];
    term: HoursTerm | null;
    rows: InstructorHoursRow[];
    callMinutes: number;
  } & PageContext,
) {
  const { t, term, unit, rows } = props;
  const total = (which: 'planned' | 'done') => rows.reduce((sum, row) => sum + row.hours[which], 0);
  return (
    <article id="unit-hours-page">
      <h1>{t('hours.unitTitle')}</h1>
      <p class="hint no-print">{t('hours.explanation')}</p>
      {term === null ? (
        <p>{t('hours.noTerms')}</p>
      ) : props.units.length === 0 ? (
        <p>{t('hours.noUnits')}</p>
      ) : (
        <>
          <form method="get" action="/hours" class="filters no-print">
            <TermSelect terms={props.terms} termId={term.id} t={t} />
            <label for="hours-unit">{t('hours.unit')}</label>
            <select id="hours-unit" name="unit">
              {props.units.map((each) => (
                <option value={each} selected={each === unit}>
                  {each}
                </option>
              ))}
            </select>
            <button type="submit">{t('hours.show')}</button>
          </form>
          <p class="hint no-print">{t('hours.printHint')}</p>
          <h2>
            {unit} · {term.name}
          </h2>
          {rows.length === 0 ? (
            <p>{t('hours.noInstructors')}</p>
          ) : (
            <div
              class="table-scroll"
              role="region"
              aria-labelledby="unit-hours-caption"
              tabindex={0}
            >
              <table id="unit-hours">
                <caption id="unit-hours-caption">
                  {t('hours.unitCaption', { unit: unit ?? '', term: term.name })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('instructors.name')}</th>
                    <th scope="col">{t('hours.planned')}</th>
                    <th scope="col">{t('hours.done')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr id={`instructor-${row.id}`}>
                      <th scope="row">
                        <a href={`/instructors/${row.id}/hours?term=${term.id}`}>{row.name}</a>
                      </th>
                      <td data-label={t('hours.planned')} class="hours-planned">
                        {formatDuration(row.hours.planned)}
                      </td>
                      <td data-label={t('hours.done')} class="hours-done">
                        {formatDuration(row.hours.done)}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr id="unit-total">
                    <th scope="row">{t('hours.unitTotal')}</th>
                    <td data-label={t('hours.planned')} class="hours-planned">
                      {formatDuration(total('planned'))}
                    </td>
                    <td data-label={t('hours.done')} class="hours-done">
                      {formatDuration(total('done'))}
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
          )}
          <p class="hint">{t('hours.callMinutes', { minutes: props.callMinutes })}</p>
        </>
      )}
    </article>
  );
}
