import { and, eq, isNull, ne } from 'drizzle-orm';
import {
  applications,
  candidateHistory,
  enrollments,
  interviews,
  invitations,
  outbox,
  participantLinks,
  trainingCandidates,
  trainingInvitations,
  unconfirmedSubmissions,
} from '../../../db/schema';
import type { DatabaseOrTransaction } from '../../db';

/** What an anonymised person's name becomes; pages show it in the reader's language. */
export const anonymisedName = 'Anonymised';

/** A message's content and recipient, emptied; its state and times stay for the mail history. */
const emptiedMessage = {
  recipientEmail: '',
  recipientPhone: '',
  recipientName: '',
  subject: '',
  textBody: '',
  htmlBody: '',
  calendarMethod: '',
  calendar: '',
  lastError: '',
};

/**
 * Messages not sent yet are dropped (nobody is to be contacted any more); sent ones keep their row
 * with the content and the recipient emptied.
 */
function emptyMessagesIn(
  tx: DatabaseOrTransaction,
  to: typeof outbox.applicationId | typeof outbox.candidateId,
  id: number,
  now: Date,
): void {
  tx.delete(outbox)
    .where(and(eq(to, id), ne(outbox.state, 'sent')))
    .run();
  tx.update(outbox)
    .set({ ...emptiedMessage, bodyPrunedAt: now })
    .where(eq(to, id))
    .run();
}

/**
 * Empties every field that tells who a participant or applicant is or what they said: name,
 * contact details, addresses, the referrer, notes, interview answers and free-text reasons, their
 * invitations and the messages sent to them. Ids, dates, states, the locality, reasons from fixed
 * lists and attendance marks stay, so every report counts the same before and after. Takes the
 * caller's transaction: erasure and the retention job both build on it. False when the
 * application is missing or was anonymised already.
 */
export function anonymiseApplicationIn(
  tx: DatabaseOrTransaction,
  applicationId: number,
  now: Date,
): boolean {
  const anonymised = tx
    .update(applications)
    .set({
      name: anonymisedName,
      phone: '',
      email: '',
      municipality: '',
      goodTimesToCall: '',
      referrerName: '',
      referrerUnit: '',
      referrerContact: '',
      postalStreet: '',
      postalCode: '',
      postOffice: '',
      closeNote: '',
      anonymisedAt: now,
    })
    .where(and(eq(applications.id, applicationId), isNull(applications.anonymisedAt)))
    .run();
  if (anonymised.changes === 0) return false;
  tx.update(interviews)
    .set({ suitableTimes: '', needs: '', otherNeeds: '', notes: '', outcomeReason: '' })
    .where(eq(interviews.applicationId, applicationId))
    .run();
  tx.update(enrollments)
    .set({ movedUpReason: '', withdrawnReason: '' })
    .where(eq(enrollments.applicationId, applicationId))
    .run();
  tx.update(invitations)
    .set({ name: anonymisedName, email: '' })
    .where(eq(invitations.applicationId, applicationId))
    .run();
  tx.delete(participantLinks).where(eq(participantLinks.applicationId, applicationId)).run();
  tx.delete(unconfirmedSubmissions)
    .where(eq(unconfirmedSubmissions.applicationId, applicationId))
    .run();
  emptyMessagesIn(tx, outbox.applicationId, applicationId, now);
  return true;
}

/**
 * Empties a training candidate's personal fields, the notes on their path and their training
 * invitations; the steps, dates, kind and training stay for the training figures. False when the
 * candidate is missing or was anonymised already.
 */
export function anonymiseCandidateIn(
  tx: DatabaseOrTransaction,
  candidateId: number,
  now: Date,
): boolean {
  const anonymised = tx
    .update(trainingCandidates)
    .set({
      name: anonymisedName,
      phone: '',
      email: '',
      unit: '',
      profession: '',
      supervisorName: '',
      supervisorUnit: '',
      supervisorContact: '',
      note: '',
      anonymisedAt: now,
    })
    .where(and(eq(trainingCandidates.id, candidateId), isNull(trainingCandidates.anonymisedAt)))
    .run();
  if (anonymised.changes === 0) return false;
  tx.update(candidateHistory)
    .set({ detail: '' })
    .where(eq(candidateHistory.candidateId, candidateId))
    .run();
  tx.update(trainingInvitations)
    .set({ name: anonymisedName, email: '' })
    .where(eq(trainingInvitations.candidateId, candidateId))
    .run();
  emptyMessagesIn(tx, outbox.candidateId, candidateId, now);
  return true;
}
