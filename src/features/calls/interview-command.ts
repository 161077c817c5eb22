import { eq } from 'drizzle-orm';
import { applications, interviews, localities, type ApplicationState } from '../../../db/schema';
import { immediateTransaction, type AppDatabase, type Transaction } from '../../db';
import type { SignedInUser } from '../../http/app-env';
import { recordAudit } from '../audit/audit-log';
import { placeIn, recordSeatChange, type Placement, type SessionsLeft } from '../enrollment/seats';
import type { ApplicationRow } from '../intake/queries';
import type { MailContext } from '../invites/invitations';
import type { ApplicantDetailsInput, InterviewInput } from './interview-input';

/** What the interview's outcome does to the application, besides the interview row itself. */
export type InterviewResult =
  | { kind: 'placed' | 'waitlisted'; sessions: SessionsLeft }
  | { kind: 'wait'; localityId: number }
  | { kind: 'closed'; reason: 'not-suitable' | 'declined'; note: string };

/** The application was interviewed meanwhile (by someone else, or in another tab). */
export class InterviewAlreadyDone extends Error {
  constructor() {
    super('The application is no longer waiting for its interview');
  }
}

export type InterviewContext = { actor: SignedInUser; mail: MailContext };

/**
 * The interview's one unit of work: a "place" outcome takes a seat (or a waitlist place), and the
 * interview, the application's new state and the audit entries are saved in the same immediate
 * transaction. A refused placement (EnrollmentRefused, or CompletionOutOfReach when the person could
 * no longer complete and nobody confirmed it) or a failing save leaves nothing behind.
 */
export function recordInterview(
  db: AppDatabase,
  applicationId: number,
  input: InterviewInput,
  context: InterviewContext,
): InterviewResult {
  return immediateTransaction(db, (tx) => {
    const application = tx
      .select()
      .from(applications)
      .where(eq(applications.id, applicationId))
      .get();
    if (!application || application.state !== 'to-call') throw new InterviewAlreadyDone();
    const { result, placement } = outcomeOf(tx, application, input, context.mail);
    saveInterviewIn(tx, application, input, result, context);
    if (placement) {
      recordSeatChange(
        tx,
        context.actor,
        placement.enrollmentId,
        placement.state,
        context.mail.now,
      );
    }
    return result;
  });
}

function outcomeOf(
  tx: Transaction,
  application: ApplicationRow,
  input: InterviewInput,
  mail: MailContext,
): { result: InterviewResult; placement: Placement | null } {
  if (input.outcome === 'place' && input.courseId !== null) {
    const placement = placeIn(
      tx,
      {
        applicationId: application.id,
        courseId: input.courseId,
        confirmCannotComplete: input.confirmCannotComplete,
      },
      mail,
    );
    return { result: { kind: placement.state, sessions: placement.sessions }, placement };
  }
  if (input.outcome === 'wait' && input.localityId !== null) {
    return { result: { kind: 'wait', localityId: input.localityId }, placement: null };
  }
  if (input.outcome === 'not-suitable' || input.outcome === 'declined') {
    const result = { kind: 'closed', reason: input.outcome, note: input.reason } as const;
    return { result, placement: null };
  }
  throw new Error('The interview input schema requires a course or a locality for this outcome');
}

function applicationChangeFor(result: InterviewResult): {
  state: ApplicationState;
  localityId?: number | null;
  closeReason?: 'not-suitable' | 'declined';
  closeNote?: string;
} {
  switch (result.kind) {
    case 'placed':
    case 'waitlisted':
      // As placeIn leaves it: on the course, with a seat or on its waitlist.
      return { state: 'placed' };
    case 'wait':
      return { state: 'waiting', localityId: result.localityId };
    case 'closed':
      return { state: 'closed', closeReason: result.reason, closeNote: result.note };
  }
}

/** Saves the interview and what its outcome means for the application, in the caller's transaction. */
function saveInterviewIn(
  tx: Transaction,
  application: ApplicationRow,
  input: InterviewInput,
  result: InterviewResult,
  { actor, mail: { now } }: InterviewContext,
): number {
  const interviewId = tx
    .insert(interviews)
    .values({
      applicationId: application.id,
      at: now,
      byUserId: actor.id,
      canAttendAll: input.canAttendAll,
      suitableTimes: input.suitableTimes,
      needs: input.needs.join(','),
      otherNeeds: input.otherNeeds,
      notes: input.notes,
      outcome: input.outcome,
      outcomeReason: input.reason,
    })
    .returning({ id: interviews.id })
    .get().id;
  const consent =
    application.consentAt === null && input.consentConfirmed
      ? { consentAt: now, consentRecordedBy: actor.id }
      : {};
  tx.update(applications)
    .set({ ...applicationChangeFor(result), ...consent, callReason: 'intake', updatedAt: now })
    .where(eq(applications.id, application.id))
    .run();
  recordAudit(
    tx,
    {
      actor,
      action: 'create',
      subjectType: 'application',
      subjectId: application.id,
      detail: `interview ${interviewId} ${input.outcome}`,
    },
    now,
  );
  return interviewId;
}

/**
 * Corrects what the applicant told (e-mail, phone, locality, good times to call, postal address) while the
 * interview is still to do. The audit entry names the correction, never the values. A phone that
 * another application has too is kept as typed: families share phones, so nothing is merged.
 */
export function correctApplicantDetails(
  db: AppDatabase,
  applicationId: number,
  input: ApplicantDetailsInput,
  { actor, now }: { actor: SignedInUser; now: Date },
): void {
  immediateTransaction(db, (tx) => {
    const application = tx
      .select({ state: applications.state })
      .from(applications)
      .where(eq(applications.id, applicationId))
      .get();
    if (!application || application.state !== 'to-call') throw new InterviewAlreadyDone();
    const locality =
      input.homeLocalityId === null
        ? undefined
        : tx
            .select({ id: localities.id, name: localities.name })
            .from(localities)
            .where(eq(localities.id, input.homeLocalityId))
            .get();
    tx.update(applications)
      .set({
        email: input.email,
        phone: input.phone,
        goodTimesToCall: input.goodTimesToCall,
        postalStreet: input.postalStreet,
        postalCode: input.postalCode,
        postOffice: input.postOffice,
        ...(locality ? { localityId: locality.id, municipality: locality.name } : {}),
        updatedAt: now,
      })
      .where(eq(applications.id, applicationId))
      .run();
    recordAudit(
      tx,
      {
        actor,
        action: 'update',
        subjectType: 'application',
        subjectId: applicationId,
        detail: 'details corrected',
      },
      now,
    );
  });
}
