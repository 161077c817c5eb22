import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  LocalitiesPage,
  type LocalityFormState,
  type NeighboursFormState,
} from '../../../views/places/localities-page';
import { VenueFormPage, type VenueFormState } from '../../../views/places/venue-form-page';
import { planningStaff } from '../../http/access';
import { idParam } from '../../http/params';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { validForm } from '../../http/form';
import { localityInput, venueInput } from './place-input';
import {
  areNeighbourCandidates,
  neighboursByLocality,
  neighboursInput,
  saveLocalityNeighbours,
} from './neighbours';
import {
  archiveVenue,
  createLocality,
  createVenue,
  deleteUnusedVenue,
  findLocality,
  findVenue,
  listLocalitiesWithVenues,
  restoreVenue,
  updateVenue,
  type LocalityRow,
} from './queries';

type StoredVenue = NonNullable<ReturnType<typeof findVenue>>;

function formValuesOf(venue: StoredVenue): Record<string, string> {
  return {
    name: venue.name,
    kind: venue.kind,
    streetAddress: venue.streetAddress,
    capacity: venue.capacity === null ? '' : String(venue.capacity),
    stepFreeAccess: venue.stepFreeAccess ? 'on' : '',
    hearingLoop: venue.hearingLoop ? 'on' : '',
    accessibilityNotes: venue.accessibilityNotes,
  };
}

export function placeRoutes({ db, clock }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  const localityOr404 = (c: Context<SignedInEnv>) => {
    const locality = findLocality(db, idParam(c));
    if (!locality) throw new HTTPException(404);
    return locality;
  };

  const venueOr404 = (c: Context<SignedInEnv>) => {
    const venue = findVenue(db, idParam(c));
    if (!venue) throw new HTTPException(404);
    return venue;
  };

  const renderLocalitiesPage = (
    c: Context<SignedInEnv>,
    form: LocalityFormState,
    neighboursForm: NeighboursFormState | null = null,
  ) => {
    const t = c.get('t');
    const neighbours = neighboursByLocality(db);
    const localities = listLocalitiesWithVenues(db).map((locality) => ({
      ...locality,
      neighbourIds: neighbours.get(locality.id) ?? [],
    }));
    return c.render(
      <LocalitiesPage localities={localities} {...form} neighboursForm={neighboursForm} t={t} />,
      { title: t('places.title') },
    );
  };

  const renderNewVenueForm = (
    c: Context<SignedInEnv>,
    locality: LocalityRow,
    form: VenueFormState,
  ) => {
    const t = c.get('t');
    const title = t('places.newVenueTitle', { locality: locality.name });
    return c.render(
      <VenueFormPage
        {...form}
        title={title}
        action={`/localities/${locality.id}/venues`}
        submitLabel={t('places.createVenue')}
        t={t}
      />,
      { title },
    );
  };

  const renderEditVenueForm = (
    c: Context<SignedInEnv>,
    venue: StoredVenue,
    form: VenueFormState,
  ) => {
    const t = c.get('t');
    const title = t('places.editVenueTitle', { venue: venue.name });
    return c.render(
      <VenueFormPage
        {...form}
        title={title}
        action={`/venues/${venue.id}`}
        submitLabel={t('places.save')}
        t={t}
      />,
      { title },
    );
  };

  const emptyForm: LocalityFormState = { values: {}, errors: {} };

  app.get('/localities', planningStaff, (c) => renderLocalitiesPage(c, emptyForm));

  app.post(
    '/localities',
    planningStaff,
    validForm(localityInput, (c, invalid) => renderLocalitiesPage(c, invalid)),
    (c) => {
      const input = c.req.valid('form');
      const created = createLocality(db, input, clock());
      if (!created.ok) {
        c.status(422);
        return renderLocalitiesPage(c, {
          values: input,
          errors: { name: c.get('t')('validation.localityTaken') },
        });
      }
      setFlash(c, { kind: 'success', key: 'flash.localityCreated', params: { name: input.name } });
      return c.redirect('/localities', 303);
    },
  );

  app.post(
    '/localities/:id{[0-9]+}/neighbours',
    planningStaff,
    validForm(neighboursInput, (c, invalid) =>
      renderLocalitiesPage(c, emptyForm, { localityId: localityOr404(c).id, ...invalid }),
    ),
    (c) => {
      const locality = localityOr404(c);
      const neighbourIds = c.req.valid('form').neighbours;
      if (!areNeighbourCandidates(db, locality, neighbourIds)) {
        c.status(422);
        const errors = { neighbours: c.get('t')('validation.unknownLocality') };
        return renderLocalitiesPage(c, emptyForm, { localityId: locality.id, errors });
      }
      saveLocalityNeighbours(db, { localityId: locality.id, neighbourIds }, c.get('user'), clock());
      setFlash(c, {
        kind: 'success',
        key: 'flash.neighboursSaved',
        params: { name: locality.name },
      });
      return c.redirect(`/localities#locality-${locality.id}`, 303);
    },
  );

  app.get('/localities/:id{[0-9]+}/venues/new', planningStaff, (c) =>
    renderNewVenueForm(c, localityOr404(c), { values: { kind: 'in-person' }, errors: {} }),
  );

  app.post(
    '/localities/:id{[0-9]+}/venues',
    planningStaff,
    validForm(venueInput, (c, invalid) => renderNewVenueForm(c, localityOr404(c), invalid)),
    (c) => {
      const locality = localityOr404(c);
      const input = c.req.valid('form');
      createVenue(db, locality.id, input, clock());
      setFlash(c, { kind: 'success', key: 'flash.venueCreated', params: { name: input.name } });
      return c.redirect('/localities', 303);
    },
  );

  app.get('/venues/:id{[0-9]+}/edit', planningStaff, (c) => {
    const venue = venueOr404(c);
    return renderEditVenueForm(c, venue, { values: formValuesOf(venue), errors: {} });
  });

  app.post(
    '/venues/:id{[0-9]+}',
    planningStaff,
    validForm(venueInput, (c, invalid) => renderEditVenueForm(c, venueOr404(c), invalid)),
    (c) => {
      const input = c.req.valid('form');
      if (!updateVenue(db, idParam(c), input)) throw new HTTPException(404);
      setFlash(c, { kind: 'success', key: 'flash.venueUpdated', params: { name: input.name } });
      return c.redirect('/localities', 303);
    },
  );

  app.post('/venues/:id{[0-9]+}/archival', planningStaff, (c) => {
    const venue = venueOr404(c);
    archiveVenue(db, venue.id, clock());
    setFlash(c, { kind: 'success', key: 'flash.venueArchived', params: { name: venue.name } });
    return c.redirect('/localities', 303);
  });

  app.post('/venues/:id{[0-9]+}/restoration', planningStaff, (c) => {
    const venue = venueOr404(c);
    restoreVenue(db, venue.id);
    setFlash(c, { kind: 'success', key: 'flash.venueRestored', params: { name: venue.name } });
    return c.redirect('/localities', 303);
  });

  app.post('/venues/:id{[0-9]+}/deletion', planningStaff, (c) => {
    const venue = venueOr404(c);
    const deleted = deleteUnusedVenue(db, venue.id);
    setFlash(
      c,
      deleted.ok
        ? { kind: 'success', key: 'flash.venueDeleted', params: { name: venue.name } }
        : {
            kind: 'error',
            key: 'flash.venueInUse',
            params: { name: venue.name, count: deleted.courseCount },
          },
    );
    return c.redirect('/localities', 303);
  });

  return app;
}
