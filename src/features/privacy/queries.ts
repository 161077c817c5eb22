import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { applications, deletionRequests } from '../../../db/schema';
import { preparedFor, type AppDatabase, immediateTransaction } from '../../db';

const pendingDeletionRequests = preparedFor((db) =>
  db
    .select({
      id: deletionRequests.id,
      requestedAt: deletionRequests.requestedAt,
      applicationId: applications.id,
      name: applications.name,
    })
    .from(deletionRequests)
    .innerJoin(applications, eq(applications.id, deletionRequests.applicationId))
    // A person anonymised meanwhile (by the retention job) has nothing left to erase.
    .where(and(isNull(deletionRequests.handledAt), isNull(applications.anonymisedAt)))
    .orderBy(asc(deletionRequests.requestedAt))
    .prepare(),
);

export function listPendingDeletionRequests(db: AppDatabase) {
  return pendingDeletionRequests(db).all();
}
export type PendingDeletionRequest = ReturnType<typeof listPendingDeletionRequests>[number];

/** When the person asked for their data to be deleted, if that request still waits. */
export function pendingDeletionRequestOf(db: AppDatabase, applicationId: number): Date | null {
  return (
    db
      .select({ requestedAt: deletionRequests.requestedAt })
      .from(deletionRequests)
      .where(
        and(eq(deletionRequests.applicationId, applicationId), isNull(deletionRequests.handledAt)),
      )
      .orderBy(desc(deletionRequests.requestedAt))
      .get()?.requestedAt ?? null
  );
}

/** The participant's own request; asking again while one waits adds nothing. */
export function requestDeletion(db: AppDatabase, applicationId: number, now: Date): void {
  immediateTransaction(db, (tx) => {
    const pending = tx
      .select({ id: deletionRequests.id })
      .from(deletionRequests)
      .where(
        and(eq(deletionRequests.applicationId, applicationId), isNull(deletionRequests.handledAt)),
      )
      .get();
    if (!pending) tx.insert(deletionRequests).values({ applicationId, requestedAt: now }).run();
  });
}
