import {
  transportMeans,
  transportStates,
  type TransportMeans,
  type TransportState,
} from '../../db/schema';
import type { ShownNeed, NeedsSummary, VenueMismatch } from '../../src/features/enrollment/needs';
import type { RosterEntry } from '../../src/features/enrollment/queries';
import type { Translate } from '../../src/i18n';
import { RowSelect, type InvalidRowForm } from './row-field';

/** The form id of a participant's transport follow-through on the roster. */
export const transportFormId = (enrollmentId: number) => `transport-${enrollmentId}`;
/**
 * The id of what an htmx transport save swaps: the inside of the needs cell, not the table row,
 * since a response that starts with the out-of-band flash region cannot carry a bare `<tr>`.
 */
export const needsBlockId = (enrollmentId: number) => `needs-${enrollmentId}`;

/** How many of the people with a place have each need; only the needs someone has. */
export function NeedsSummaryList(props: { summary: NeedsSummary; t: Translate }) {
  const { summary, t } = props;
  const present = (Object.entries(summary.counts) as [ShownNeed, number][]).filter(
    ([, count]) => count > 0,
  );
  return (
    <section id="needs-summary" aria-labelledby="needs-summary-title">
      <h2 id="needs-summary-title">{t('needs.title')}</h2>
      {present.length === 0 ? (
        <p>{t('needs.none')}</p>
      ) : (
        <ul>
          {present.map(([need, count]) => (
            <li>
              {need === 'transport'
                ? t('needs.count.transport', {
                    count,
                    toArrange: summary.transport['to-arrange'],
                    arranged: summary.transport.arranged,
                    notNeeded: summary.transport['not-needed'],
                  })
                : t(`needs.count.${need}`, { count })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The needs of people with a place that the course's venue cannot meet. */
export function VenueMismatchWarning(props: { mismatches: VenueMismatch[]; t: Translate }) {
  const { t } = props;
  if (props.mismatches.length === 0) return null;
  return (
    <section id="venue-mismatch" class="warning" aria-labelledby="venue-mismatch-title">
      <h2 id="venue-mismatch-title">{t('needs.mismatchTitle')}</h2>
      <ul>
        {props.mismatches.map((mismatch) => (
          <li>{t(`needs.mismatch.${mismatch.need}`, { people: mismatch.people })}</li>
        ))}
      </ul>
      <p>{t('needs.mismatchHint')}</p>
    </section>
  );
}

type NeedsRow = Pick<
  RosterEntry,
  'enrollmentId' | 'name' | 'state' | 'active' | 'needs' | 'transport' | 'transportMeans'
>;

/** Where someone's transport stands, in a few words ("Kuljetus järjestetty: taksi"). */
export function TransportStatus(props: {
  transport: TransportState | null;
  means: TransportMeans | '';
  t: Translate;
}) {
  const { transport, means, t } = props;
  if (!transport) return null;
  return (
    <p class="transport-state">
      {transport === 'arranged' && means
        ? t('transport.arrangedBy', { means: t(`transport.means.${means}`) })
        : t(`transport.state.${transport}`)}
    </p>
  );
}

function TransportForm(props: { row: NeedsRow; invalid: InvalidRowForm | null; t: Translate }) {
  const { row, t } = props;
  const form = transportFormId(row.enrollmentId);
  const mine = props.invalid?.form === form ? props.invalid : null;
  const action = `/enrollments/${row.enrollmentId}/transport`;
  return (
    <form
      method="post"
      action={action}
      class="inline-form"
      hx-post={action}
      hx-target={`#${needsBlockId(row.enrollmentId)}`}
      hx-swap="outerHTML"
    >
      <RowSelect
        id={`${form}-state`}
        name="state"
        label={t('transport.stateLabel')}
        value={mine ? mine.values.state : (row.transport ?? '')}
        error={mine?.errors.state}
        options={transportStates.map((state) => ({
          value: state,
          label: t(`transport.option.${state}`),
        }))}
        required
        t={t}
      />
      <RowSelect
        id={`${form}-means`}
        name="means"
        label={t('transport.meansLabel')}
        value={mine ? mine.values.means : row.transportMeans}
        error={mine?.errors.means}
        options={[
          { value: '', label: t('transport.meansChoose') },
          ...transportMeans.map((means) => ({
            value: means,
            label: t(`transport.means.${means}`),
          })),
        ]}
        t={t}
      />
      <button type="submit" class="secondary">
        {t('transport.submit', { name: row.name })}
      </button>
    </form>
  );
}

type NeedsProps = {
  row: NeedsRow;
  canManage: boolean;
  invalid: InvalidRowForm | null;
  saved?: boolean;
  t: Translate;
};

/**
 * A participant's needs as short words, and for someone placed who needs transport where it
 * stands; staff who manage the course also get the form to follow it through.
 */
export function NeedsBlock(props: NeedsProps) {
  const { row, t } = props;
  const placed = row.state === 'placed';
  return (
    <div id={needsBlockId(row.enrollmentId)}>
      {row.active && row.needs.length > 0 && (
        <ul class="need-words">
          {row.needs.map((need) => (
            <li>{t(`needs.word.${need}`)}</li>
          ))}
        </ul>
      )}
      {placed && <TransportStatus transport={row.transport} means={row.transportMeans} t={t} />}
      {placed && row.transport && props.canManage && (
        <TransportForm row={row} invalid={props.invalid} t={t} />
      )}
      {props.saved && (
        <p class="hint" role="status">
          {t('transport.saved')}
        </p>
      )}
    </div>
  );
}

export function NeedsCell(props: NeedsProps) {
  return (
    <td class="needs" data-label={props.t('needs.column')}>
      <NeedsBlock {...props} />
    </td>
  );
}
