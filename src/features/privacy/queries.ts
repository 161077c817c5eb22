import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { applications, deletionRequests, enrollments } from '../../../db/schema';
import { preparedFor, type AppDatabase, immediateTransaction } from '../../db';
import { recordAudit, type AuditEntry } from '../audit/audit-log';
import { activeEnrollmentStates } from '../enrollment/seat-rules';
import { withdrawIn } from '../enrollment/seats';
import type { MailContext } from '../invites/invitations';
import { anonymiseApplicationIn } from '../retention/anonymise';

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
    .where(isNull(deletionRequests.handledAt))
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

/**
 * Carries out a "delete my data" request in one immediate transaction: a place the person still
 * holds is given up (the waitlist moves up), then everything that identifies them is erased. The
 * application stays as an anonymous row, so counts per locality and course remain true. Should any
 * step fail, the person stays exactly as they were.
 */
export function eraseApplicant(
  db: AppDatabase,
  requestId: number,
  actor: AuditEntry['actor'],
  mail: MailContext,
): boolean {
  return immediateTransaction(db, (tx) => {
    const request = tx
      .select()
      .from(deletionRequests)
      .where(eq(deletionRequests.id, requestId))
      .get();
    if (!request || request.handledAt || request.applicationId === null) return false;
    const applicationId = request.applicationId;
    const held = tx
      .select({ id: enrollments.id })
      .from(enrollments)
      .where(
        and(
          eq(enrollments.applicationId, applicationId),
          inArray(enrollments.state, activeEnrollmentStates),
        ),
      )
      .all();
    for (const enrollment of held) {
      withdrawIn(tx, { enrollmentId: enrollment.id, reason: '', by: 'participant' }, mail);
    }
    tx.update(applications)
      .set({ state: 'closed', closeReason: 'deleted', updatedAt: mail.now })
      .where(eq(applications.id, applicationId))
      .run();
    anonymiseApplicationIn(tx, applicationId, mail.now);
    tx.update(deletionRequests)
      .set({ handledAt: mail.now })
      .where(eq(deletionRequests.id, requestId))
      .run();
    recordAudit(
      tx,
      {
        actor,
        action: 'delete',
        subjectType: 'application',
        subjectId: applicationId,
        detail: 'deletion request',
      },
      mail.now,
    );
    return true;
  });
}
