import type { LocalityWithVenues, VenueRow } from '../../src/features/places/queries';
import type { Translate } from '../../src/i18n';
import { ErrorSummary, TextField, type FieldErrors, FormFields } from '../components/form-fields';

export type LocalityFormState = { values: Record<string, string>; errors: FieldErrors };

/** A locality with the ids of the localities marked as its neighbours. */
export type LocalityWithNeighbours = LocalityWithVenues & { neighbourIds: number[] };

/** The neighbours form of one locality refused, with the message for its list. */
export type NeighboursFormState = { localityId: number; errors: FieldErrors };

function Accessibility(props: { venue: VenueRow; t: Translate }) {
  const { venue, t } = props;
  const features = [
    venue.stepFreeAccess && t('places.stepFree'),
    venue.hearingLoop && t('places.loop'),
  ].filter(Boolean);
  if (features.length === 0 && !venue.accessibilityNotes) return <>{t('places.notKnown')}</>;
  return (
    <>
      {features.length > 0 && <span class="venue-features">{features.join(', ')}</span>}
      {venue.accessibilityNotes && <p class="venue-notes">{venue.accessibilityNotes}</p>}
    </>
  );
}

/** A small form per action: state changes are POSTs to a resource, never links. */
function VenueAction(props: {
  venue: VenueRow;
  action: 'archival' | 'restoration' | 'deletion';
  label: string;
  confirm?: string;
}) {
  return (
    <form
      method="post"
      action={`/venues/${props.venue.id}/${props.action}`}
      class="inline-form"
      hx-boost="true"
      hx-confirm={props.confirm}
    >
      <button type="submit" class={props.action === 'restoration' ? 'secondary' : 'danger'}>
        {props.label}
        <span class="visually-hidden"> {props.venue.name}</span>
      </button>
    </form>
  );
}

export function VenueTable(props: {
  venues: VenueRow[];
  caption: string;
  archived: boolean;
  id: string;
  t: Translate;
}) {
  const { t } = props;
  // A wide table scrolls on its own on a phone, not the page.
  return (
    <div class="table-scroll" role="region" aria-labelledby={`${props.id}-caption`} tabindex={0}>
      <table id={props.id} class={props.archived ? 'venues venues-archived' : 'venues'}>
        <caption id={`${props.id}-caption`}>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('places.venueName')}</th>
            <th scope="col">{t('places.venueKind')}</th>
            <th scope="col">{t('places.streetAddress')}</th>
            <th scope="col">{t('places.capacity')}</th>
            <th scope="col">{t('places.accessibility')}</th>
            <th scope="col">{t('places.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.venues.map((venue) => (
            <tr id={`venue-${venue.id}`}>
              <th scope="row" class="venue-name">
                {venue.name}
              </th>
              <td data-label={t('places.venueKind')} class="venue-kind">
                {t(`places.kind.${venue.kind}`)}
              </td>
              <td data-label={t('places.streetAddress')} class="venue-address">
                {venue.streetAddress}
              </td>
              <td data-label={t('places.capacity')} class="venue-capacity">
                {venue.capacity ?? ''}
              </td>
              <td data-label={t('places.accessibility')} class="venue-accessibility">
                <Accessibility venue={venue} t={t} />
              </td>
              <td data-label={t('places.actions')} class="venue-actions">
                <a href={`/venues/${venue.id}/edit`}>
                  {t('places.edit')}
                  <span class="visually-hidden"> {venue.name}</span>
                </a>
                {props.archived ? (
                  <VenueAction venue={venue} action="restoration" label={t('places.restore')} />
                ) : (
                  <VenueAction venue={venue} action="archival" label={t('places.archive')} />
                )}
                <VenueAction
                  venue={venue}
                  action="deletion"
                  label={t('places.delete')}
                  confirm={t('places.deleteConfirm', { venue: venue.name })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The localities close enough that people waiting in one could join a course in the other: the
 * other localities of the same region as checkboxes, saved together (works without JavaScript).
 */
function NeighboursForm(props: {
  locality: LocalityWithNeighbours;
  all: LocalityWithNeighbours[];
  errors: FieldErrors;
  t: Translate;
}) {
  const { locality, t } = props;
  const candidates = props.all.filter(
    (other) => other.id !== locality.id && other.region === locality.region,
  );
  const names = candidates
    .filter((other) => locality.neighbourIds.includes(other.id))
    .map((other) => other.name);
  const errorId = `neighbours-${locality.id}-error`;
  return (
    <div class="neighbours" id={`neighbours-${locality.id}`}>
      <p>
        {names.length > 0
          ? t('places.neighboursAre', { names: names.join(', ') })
          : t('places.noNeighbours')}
      </p>
      {candidates.length > 0 && (
        <details open={props.errors.neighbours ? true : undefined}>
          <summary>{t('places.chooseNeighbours', { locality: locality.name })}</summary>
          <form method="post" action={`/localities/${locality.id}/neighbours`}>
            <fieldset
              class={props.errors.neighbours ? 'field field-invalid' : 'field'}
              aria-describedby={props.errors.neighbours ? errorId : undefined}
            >
              <legend>{t('places.neighboursLegend', { locality: locality.name })}</legend>
              <p class="hint">{t('places.neighboursHint')}</p>
              {props.errors.neighbours && (
                <p id={errorId} class="field-error">
                  {props.errors.neighbours}
                </p>
              )}
              {candidates.map((other) => (
                <div class="field-checkbox">
                  <input
                    id={`neighbours-${locality.id}-${other.id}`}
                    name="neighbours"
                    type="checkbox"
                    value={String(other.id)}
                    checked={locality.neighbourIds.includes(other.id)}
                  />
                  <label for={`neighbours-${locality.id}-${other.id}`}>{other.name}</label>
                </div>
              ))}
            </fieldset>
            <button type="submit" class="secondary">
              {t('places.saveNeighbours')}
              <span class="visually-hidden"> {locality.name}</span>
            </button>
          </form>
        </details>
      )}
    </div>
  );
}

function LocalitySection(props: {
  locality: LocalityWithNeighbours;
  all: LocalityWithNeighbours[];
  neighboursErrors: FieldErrors;
  t: Translate;
}) {
  const { locality, t } = props;
  const headingId = `locality-${locality.id}-heading`;
  return (
    <section id={`locality-${locality.id}`} class="locality" aria-labelledby={headingId}>
      <h2 id={headingId}>{locality.name}</h2>
      {locality.region && <p>{t('places.region', { region: locality.region })}</p>}
      <NeighboursForm locality={locality} all={props.all} errors={props.neighboursErrors} t={t} />
      {locality.venues.length > 0 ? (
        <VenueTable
          id={`venues-${locality.id}`}
          venues={locality.venues}
          caption={t('places.venuesCaption', { locality: locality.name })}
          archived={false}
          t={t}
        />
      ) : (
        <p>{t('places.noVenues')}</p>
      )}
      <p>
        <a href={`/localities/${locality.id}/venues/new`}>
          {t('places.addVenueTo', { locality: locality.name })}
        </a>
      </p>
      {locality.archivedVenues.length > 0 && (
        <>
          <p class="hint">{t('places.archivedHint')}</p>
          <VenueTable
            id={`archived-venues-${locality.id}`}
            venues={locality.archivedVenues}
            caption={t('places.archivedCaption', { locality: locality.name })}
            archived
            t={t}
          />
        </>
      )}
    </section>
  );
}

export function LocalityForm(props: LocalityFormState & { t: Translate }) {
  const { t, values, errors } = props;
  return (
    <form id="locality-form" method="post" action="/localities" hx-boost="true" novalidate>
      <FormFields errors={errors} t={t}>
        <h2>{t('places.addLocalityTitle')}</h2>
        <ErrorSummary errors={errors} t={t} />
        <TextField name="name" label={t('places.localityName')} value={values.name} required />
        <TextField
          name="region"
          label={t('places.localityRegion')}
          hint={t('places.localityRegionHint')}
          value={values.region}
        />
        <button type="submit">{t('places.addLocality')}</button>
      </FormFields>
    </form>
  );
}

export function LocalitiesPage(
  props: LocalityFormState & {
    localities: LocalityWithNeighbours[];
    neighboursForm?: NeighboursFormState | null;
    t: Translate;
  },
) {
  const { t } = props;
  return (
    <section id="localities-page">
      <h1>{t('places.title')}</h1>
      <p>{t('places.intro')}</p>
      {props.neighboursForm && <ErrorSummary errors={props.neighboursForm.errors} t={t} />}
      {props.localities.length === 0 && <p>{t('places.noLocalities')}</p>}
      {props.localities.map((locality) => (
        <LocalitySection
          locality={locality}
          all={props.localities}
          neighboursErrors={
            props.neighboursForm?.localityId === locality.id ? props.neighboursForm.errors : {}
          }
          t={t}
        />
      ))}
      <LocalityForm values={props.values} errors={props.errors} t={t} />
    </section>
  );
}
