import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { courses, localities, venues } from '../../../db/schema';
import {
  immediateTransaction,
  preparedFor,
  type AppDatabase,
  type DatabaseOrTransaction,
} from '../../db';
import type { LocalityInput, VenueInput } from './place-input';

const localityList = preparedFor((db) =>
  db
    .select({ id: localities.id, name: localities.name, region: localities.region })
    .from(localities)
    .orderBy(asc(localities.name))
    .prepare(),
);

const venueColumns = {
  id: venues.id,
  localityId: venues.localityId,
  name: venues.name,
  kind: venues.kind,
  streetAddress: venues.streetAddress,
  capacity: venues.capacity,
  stepFreeAccess: venues.stepFreeAccess,
  hearingLoop: venues.hearingLoop,
  accessibilityNotes: venues.accessibilityNotes,
  archivedAt: venues.archivedAt,
};

const venueList = preparedFor((db) =>
  db.select(venueColumns).from(venues).orderBy(asc(venues.name), asc(venues.id)).prepare(),
);

const activeVenueList = preparedFor((db) =>
  db
    .select({
      id: venues.id,
      localityId: venues.localityId,
      name: venues.name,
      kind: venues.kind,
      streetAddress: venues.streetAddress,
    })
    .from(venues)
    .where(isNull(venues.archivedAt))
    .orderBy(asc(venues.name), asc(venues.id))
    .prepare(),
);

export type LocalityRow = ReturnType<typeof listLocalities>[number];
export type VenueRow = ReturnType<ReturnType<typeof venueList>['all']>[number];
export type LocalityWithVenues = LocalityRow & { venues: VenueRow[]; archivedVenues: VenueRow[] };

export function listLocalities(db: AppDatabase) {
  return localityList(db).all();
}

/** Every locality with its venues in use and, apart, its archived ones. */
export function listLocalitiesWithVenues(db: AppDatabase): LocalityWithVenues[] {
  const byLocality = new Map<number, LocalityWithVenues>(
    listLocalities(db).map((locality) => [
      locality.id,
      { ...locality, venues: [], archivedVenues: [] },
    ]),
  );
  for (const venue of venueList(db).all()) {
    const locality = byLocality.get(venue.localityId);
    if (!locality) continue;
    (venue.archivedAt ? locality.archivedVenues : locality.venues).push(venue);
  }
  return [...byLocality.values()];
}

/** Venues that can be chosen for a course (not archived), for the courses feature. */
export function listActiveVenues(db: AppDatabase) {
  return activeVenueList(db).all();
}

export function findLocality(db: AppDatabase, id: number): LocalityRow | undefined {
  return db
    .select({ id: localities.id, name: localities.name, region: localities.region })
    .from(localities)
    .where(eq(localities.id, id))
    .get();
}

/** "lapua" and "Lapua" are the same place. */
export function isLocalityNameTaken(db: AppDatabase, name: string): boolean {
  const wanted = name.toLocaleLowerCase('fi');
  return listLocalities(db).some((locality) => locality.name.toLocaleLowerCase('fi') === wanted);
}

export type CreateLocalityResult = { ok: true; id: number } | { ok: false; reason: 'name-taken' };

/** The unique index is the last guard against two coordinators adding the same name at once. */
export function createLocality(
  db: AppDatabase,
  input: LocalityInput,
  now: Date,
): CreateLocalityResult {
  if (isLocalityNameTaken(db, input.name)) return { ok: false, reason: 'name-taken' };
  const inserted = db
    .insert(localities)
    .values({ ...input, createdAt: now })
    .onConflictDoNothing({ target: localities.name })
    .returning({ id: localities.id })
    .get();
  return inserted ? { ok: true, id: inserted.id } : { ok: false, reason: 'name-taken' };
}

export function findVenue(db: AppDatabase, id: number) {
  return db
    .select({ ...venueColumns, localityName: localities.name })
    .from(venues)
    .innerJoin(localities, eq(localities.id, venues.localityId))
    .where(eq(venues.id, id))
    .get();
}

/** Used by the form and by the demo data; returns the new venue's id. */
export function createVenue(
  db: DatabaseOrTransaction,
  localityId: number,
  input: VenueInput,
  now: Date,
): number {
  return db
    .insert(venues)
    .values({ ...input, localityId, createdAt: now })
    .returning({ id: venues.id })
    .get().id;
}

/** Returns false when there is no such venue. */
export function updateVenue(db: AppDatabase, id: number, input: VenueInput): boolean {
  return db.update(venues).set(input).where(eq(venues.id, id)).run().changes === 1;
}

/** Keeps the date it was first archived when archived again. */
export function archiveVenue(db: AppDatabase, id: number, now: Date): void {
  db.update(venues)
    .set({ archivedAt: now })
    .where(and(eq(venues.id, id), isNull(venues.archivedAt)))
    .run();
}

export function restoreVenue(db: AppDatabase, id: number): void {
  db.update(venues).set({ archivedAt: null }).where(eq(venues.id, id)).run();
}

export type DeleteVenueResult = { ok: true } | { ok: false; reason: 'in-use'; courseCount: number };

/**
 * A venue that any course uses stays (the course history points at it); archiving hides it
 * instead. Counting and deleting in one transaction keeps a new course from slipping in between,
 * and the foreign key is the last guard.
 */
export function deleteUnusedVenue(db: AppDatabase, id: number): DeleteVenueResult {
  return immediateTransaction(db, (tx) => {
    const courseCount =
      tx.select({ courses: count() }).from(courses).where(eq(courses.venueId, id)).get()?.courses ??
      0;
    if (courseCount > 0) return { ok: false, reason: 'in-use', courseCount };
    tx.delete(venues).where(eq(venues.id, id)).run();
    return { ok: true };
  });
}
