import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import {
  applications,
  callAttempts,
  deletionRequests,
  enrollments,
  interviews,
  invitations,
  participantLinks,
  unconfirmedSubmissions,
} from '../../../db/schema';
import { preparedFor, type AppDatabase, immediateTransaction } from '../../db';
import { recordAudit, type AuditEntry } from '../audit/audit-log';
import { withdrawEnrollment } from '../enrollment/queries';
import type { MailContext } from '../invites/invitations';
import { eraseMessagesTo } from '../outbox/queries';

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

/**
 * Carries out a "delete my data" request: a place the person still holds is given up (the
 * waitlist moves up), then everything that identifies them is erased in one transaction. The
 * application stays as an anonymous row, so counts per locality and course remain true.
 */
export function eraseApplicant(
  db: AppDatabase,
  requestId: number,
  actor: AuditEntry['actor'],
  mail: MailContext,
): boolean {
  const request = db
    .select()
    .from(deletionRequests)
    .where(eq(deletionRequests.id, requestId))
    .get();
  if (!request || request.handledAt || request.applicationId === null) return false;
  const applicationId = request.applicationId;
  const held = db
    .select({ id: enrollments.id })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.applicationId, applicationId),
        inArray(enrollments.state, ['placed', 'waitlisted']),
      ),
    )
    .all();
  for (const enrollment of held) {
    withdrawEnrollment(db, { enrollmentId: enrollment.id, reason: '', by: 'participant' }, mail);
  }
  immediateTransaction(db, (tx) => {
    tx.update(applications)
      .set({
        name: '–',
        phone: '',
        email: '',
        municipality: '',
        goodTimesToCall: '',
        referrerName: '',
        referrerUnit: '',
        referrerContact: '',
        state: 'closed',
        closeReason: 'deleted',
        closeNote: '',
        updatedAt: mail.now,
      })
      .where(eq(applications.id, applicationId))
      .run();
    tx.delete(interviews).where(eq(interviews.applicationId, applicationId)).run();
    tx.delete(callAttempts).where(eq(callAttempts.applicationId, applicationId)).run();
    tx.delete(participantLinks).where(eq(participantLinks.applicationId, applicationId)).run();
    tx.delete(unconfirmedSubmissions)
      .where(eq(unconfirmedSubmissions.applicationId, applicationId))
      .run();
    eraseMessagesTo(tx, applicationId);
    tx.update(invitations)
      .set({ name: '–', email: '' })
      .where(eq(invitations.applicationId, applicationId))
      .run();
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
  });
  return true;
}
