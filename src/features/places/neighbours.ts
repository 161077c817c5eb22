import { eq, or } from 'drizzle-orm';
import { z } from 'zod';
import { localities, localityNeighbours } from '../../../db/schema';
import {
  immediateTransaction,
  preparedFor,
  type AppDatabase,
  type DatabaseOrTransaction,
} from '../../db';
import { recordAudit, type Actor } from '../audit/audit-log';

const neighbourRows = preparedFor((db) => db.select().from(localityNeighbours).prepare());

/** Each locality's neighbours; the table holds every pair both ways round, so one pass suffices. */
export function neighboursByLocality(db: AppDatabase): Map<number, number[]> {
  const byLocality = new Map<number, number[]>();
  for (const row of neighbourRows(db).all()) {
    byLocality.set(row.localityId, [...(byLocality.get(row.localityId) ?? []), row.neighbourId]);
  }
  return byLocality;
}

/** The ticked neighbours: one ticked box arrives as a string, several as an array, none not at all. */
export const neighboursInput = z.object({
  neighbours: z
    .union([z.string(), z.array(z.string())], 'validation.unknownLocality')
    .optional()
    .transform((ticked) => (ticked === undefined ? [] : [ticked].flat()))
    .pipe(z.array(z.string().regex(/^\d{1,9}$/, 'validation.unknownLocality')))
    .transform((ids) => [...new Set(ids.map(Number))]),
});

/** A locality's neighbours are chosen from the other localities of its region. */
export function areNeighbourCandidates(
  db: AppDatabase,
  locality: { id: number; region: string },
  ids: readonly number[],
): boolean {
  if (ids.length === 0) return true;
  const allowed = new Set(
    db
      .select({ id: localities.id })
      .from(localities)
      .where(eq(localities.region, locality.region))
      .all()
      .map((row) => row.id)
      .filter((id) => id !== locality.id),
  );
  return ids.every((id) => allowed.has(id));
}

/** Replaces a locality's neighbours in the caller's transaction, each pair both ways round. */
export function replaceNeighboursIn(
  tx: DatabaseOrTransaction,
  localityId: number,
  neighbourIds: readonly number[],
): void {
  tx.delete(localityNeighbours)
    .where(
      or(
        eq(localityNeighbours.localityId, localityId),
        eq(localityNeighbours.neighbourId, localityId),
      ),
    )
    .run();
  if (neighbourIds.length === 0) return;
  tx.insert(localityNeighbours)
    .values(
      neighbourIds.flatMap((neighbourId) => [
        { localityId, neighbourId },
        { localityId: neighbourId, neighbourId: localityId },
      ]),
    )
    .run();
}

/**
 * Saves a locality's neighbours: ticking B for A writes A→B and B→A, unticking removes both, in one
 * immediate transaction with its audit entry.
 */
export function saveLocalityNeighbours(
  db: AppDatabase,
  input: { localityId: number; neighbourIds: readonly number[] },
  actor: Actor,
  now: Date,
): void {
  immediateTransaction(db, (tx) => {
    replaceNeighboursIn(tx, input.localityId, input.neighbourIds);
    recordAudit(
      tx,
      {
        actor,
        action: 'update',
        subjectType: 'locality',
        subjectId: input.localityId,
        detail: `neighbours: ${input.neighbourIds.length}`,
      },
      now,
    );
  });
}
