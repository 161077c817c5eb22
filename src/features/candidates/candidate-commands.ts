import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  candidateHistory,
  candidateSteps,
  instructors,
  trainingCandidates,
  trainings,
  type CallOutcome,
  type CandidateState,
} from '../../../db/schema';
import { immediateTransaction, type AppDatabase, type Transaction } from '../../db';
import { instantToWallClock } from '../../lib/helsinki-time';
import { recordAudit, type Actor } from '../audit/audit-log';
import { nextCallDue } from '../calls/call-rules';
import { countPublicSubmission } from '../intake/queries';
import type { MailContext } from '../invites/invitations';
import { notifyTrainingInvitees } from '../trainings/training-invitations';
import type { SettledNomination } from './candidate-input';
import { enrolledCount, findCandidate, firstTrainingDay, type Candidate } from './queries';

/**
 * The candidate's path, one command per step: each opens the one immediate transaction of its
 * step and writes the change, the step in the candidate's history (who and when), the training's
 * invitations where a seat changes, and the audit entry.
 */
export type CandidateContext = { actor: Actor; mail: MailContext };

export class CandidateRefused extends Error {
  constructor(
    readonly reason:
      | 'not-found'
      | 'wrong-state'
      | 'training-closed'
      | 'already-enrolled'
      | 'before-training'
      | 'in-future'
      | 'instructor-taken',
  ) {
    super(`Candidate step refused: ${reason}`);
  }
}

type Step = (typeof candidateSteps)[number];

function recordStep(
  tx: Transaction,
  candidateId: number,
  step: Step,
  detail: string,
  context: { actor: Actor; now: Date },
) {
  tx.insert(candidateHistory)
    .values({
      candidateId,
      step,
      at: context.now,
      byUserId: context.actor.id,
      byName: context.actor.name,
      detail,
    })
    .run();
}

function audit(tx: Transaction, candidateId: number, detail: string, context: CandidateContext) {
  recordAudit(
    tx,
    {
      actor: context.actor,
      action: 'update',
      subjectType: 'candidate',
      subjectId: candidateId,
      detail,
    },
    context.mail.now,
  );
}

/** The candidate in one of the states the step starts from, or a refusal. */
function candidateIn(tx: Transaction, candidateId: number, states: readonly CandidateState[]) {
  const candidate = findCandidate(tx, candidateId);
  if (!candidate) throw new CandidateRefused('not-found');
  if (!states.includes(candidate.state)) throw new CandidateRefused('wrong-state');
  return candidate;
}

/** A nomination saved in the caller's transaction: on the call queue from `now`. */
export function saveNomination(
  tx: Transaction,
  nomination: SettledNomination,
  source: 'supervisor' | 'self' | 'phone',
  context: { actor: Actor; now: Date },
): number {
  const { consent: _consent, ...person } = nomination;
  const id = tx
    .insert(trainingCandidates)
    .values({
      ...person,
      source,
      consentAt: context.now,
      state: 'nominated',
      callDueAt: context.now,
      createdAt: context.now,
      updatedAt: context.now,
    })
    .returning({ id: trainingCandidates.id })
    .get().id;
  recordStep(tx, id, 'nominated', source, context);
  return id;
}

export type PublicNominationResult =
  { limited: false; candidateId: number } | { limited: true; retryAfterMinutes: number };

/**
 * A nomination from the public form (a supervisor's, or a peer's own application), under the same
 * per-address limit as the other public forms. Its history names who sent it (not an account).
 */
export function submitPublicNomination(
  db: AppDatabase,
  nomination: SettledNomination,
  source: 'supervisor' | 'self',
  request: { address: string; now: Date },
): PublicNominationResult {
  return immediateTransaction(db, (tx): PublicNominationResult => {
    const refused = countPublicSubmission(tx, request.address, request.now);
    if (refused) return refused;
    const sender = source === 'supervisor' ? nomination.supervisorName : nomination.name;
    const candidateId = saveNomination(tx, nomination, source, {
      actor: { id: null, name: sender },
      now: request.now,
    });
    return { limited: false, candidateId };
  });
}

/** A nomination the coordinator took by phone. */
export function recordPhoneNomination(
  db: AppDatabase,
  nomination: SettledNomination,
  context: CandidateContext,
): number {
  return immediateTransaction(db, (tx) => {
    const id = saveNomination(tx, nomination, 'phone', {
      actor: context.actor,
      now: context.mail.now,
    });
    recordAudit(
      tx,
      { actor: context.actor, action: 'create', subjectType: 'candidate', subjectId: id },
      context.mail.now,
    );
    return id;
  });
}

/**
 * The coordinator's call: reaching the candidate makes them `phoned` (off the call queue); any
 * other outcome keeps them on it, due again as for intake calls.
 */
export function recordCandidateCall(
  db: AppDatabase,
  input: CandidateCall,
  context: CandidateContext,
): CandidateState {
  return immediateTransaction(db, (tx) => recordCandidateCallIn(tx, input, context));
}

export type CandidateCall = {
  candidateId: number;
  outcome: CallOutcome;
  callBackAt: Date | null;
  notes: string;
};

/** The call in the caller's transaction (the building block of `recordCandidateCall`). */
export function recordCandidateCallIn(
  tx: Transaction,
  input: CandidateCall,
  context: CandidateContext,
): CandidateState {
  const now = context.mail.now;
  candidateIn(tx, input.candidateId, ['nominated']);
  const reached = input.outcome === 'reached';
  tx.update(trainingCandidates)
    .set({
      state: reached ? 'phoned' : 'nominated',
      callDueAt: reached ? null : nextCallDue(input.outcome, now, input.callBackAt ?? undefined),
      updatedAt: now,
    })
    .where(eq(trainingCandidates.id, input.candidateId))
    .run();
  const detail = [input.outcome, input.notes].filter(Boolean).join(': ');
  recordStep(tx, input.candidateId, reached ? 'phoned' : 'call', detail, { ...context, now });
  audit(tx, input.candidateId, `call ${input.outcome}`, context);
  return reached ? 'phoned' : 'nominated';
}

/**
 * Enrols a phoned candidate in a planned or open training, or puts them on its waitlist when it
 * is full (first come, first served); an enrolled candidate gets the training's invitation.
 */
export function enrolCandidate(
  db: AppDatabase,
  input: { candidateId: number; trainingId: number },
  context: CandidateContext,
): 'enrolled' | 'waitlisted' {
  return immediateTransaction(db, (tx) => enrolCandidateIn(tx, input, context));
}

/** The enrolment in the caller's transaction (the building block of `enrolCandidate`). */
export function enrolCandidateIn(
  tx: Transaction,
  input: { candidateId: number; trainingId: number },
  context: CandidateContext,
): 'enrolled' | 'waitlisted' {
  const now = context.mail.now;
  const candidate = findCandidate(tx, input.candidateId);
  if (!candidate) throw new CandidateRefused('not-found');
  if (candidate.state === 'enrolled' || candidate.state === 'waitlisted') {
    throw new CandidateRefused('already-enrolled');
  }
  if (candidate.state !== 'phoned') throw new CandidateRefused('wrong-state');
  const training = tx
    .select({ capacity: trainings.capacity, status: trainings.status, name: trainings.name })
    .from(trainings)
    .where(eq(trainings.id, input.trainingId))
    .get();
  if (!training || !['planned', 'open'].includes(training.status)) {
    throw new CandidateRefused('training-closed');
  }
  const state = enrolledCount(tx, input.trainingId) < training.capacity ? 'enrolled' : 'waitlisted';
  tx.update(trainingCandidates)
    .set({ state, trainingId: input.trainingId, queuedAt: now, updatedAt: now })
    .where(eq(trainingCandidates.id, input.candidateId))
    .run();
  recordStep(tx, input.candidateId, state, training.name, { ...context, now });
  if (state === 'enrolled') notifyTrainingInvitees(tx, input.trainingId, context.mail);
  audit(tx, input.candidateId, `${state} in training ${input.trainingId}`, context);
  return state;
}

/**
 * Free seats (someone dropped, the capacity was raised) go to the training's waitlist, first come
 * first served; the caller sends the invitations (`notifyTrainingInvitees`).
 */
export function fillFreeTrainingSeats(
  tx: Transaction,
  trainingId: number,
  context: CandidateContext,
) {
  while (fillOneFreeSeat(tx, trainingId, context));
}

function fillOneFreeSeat(tx: Transaction, trainingId: number, context: CandidateContext): boolean {
  const now = context.mail.now;
  const training = tx
    .select({ capacity: trainings.capacity, status: trainings.status, name: trainings.name })
    .from(trainings)
    .where(eq(trainings.id, trainingId))
    .get();
  if (!training || !['planned', 'open'].includes(training.status)) return false;
  if (enrolledCount(tx, trainingId) >= training.capacity) return false;
  const first = tx
    .select({ id: trainingCandidates.id })
    .from(trainingCandidates)
    .where(
      and(
        eq(trainingCandidates.trainingId, trainingId),
        eq(trainingCandidates.state, 'waitlisted'),
      ),
    )
    .orderBy(asc(trainingCandidates.queuedAt), asc(trainingCandidates.id))
    .get();
  if (!first) return false;
  tx.update(trainingCandidates)
    .set({ state: 'enrolled', updatedAt: now })
    .where(eq(trainingCandidates.id, first.id))
    .run();
  recordStep(tx, first.id, 'enrolled', `${training.name} (waitlist)`, { ...context, now });
  return true;
}

/**
 * A cancelled training's enrolled and waitlisted candidates are phoned candidates again, free to
 * be enrolled in another training; the caller sends the CANCELs.
 */
export function releaseCandidatesOf(
  tx: Transaction,
  trainingId: number,
  context: CandidateContext,
) {
  const now = context.mail.now;
  const held = tx
    .select({ id: trainingCandidates.id })
    .from(trainingCandidates)
    .where(
      and(
        eq(trainingCandidates.trainingId, trainingId),
        inArray(trainingCandidates.state, ['enrolled', 'waitlisted']),
      ),
    )
    .all();
  for (const candidate of held) {
    tx.update(trainingCandidates)
      .set({ state: 'phoned', trainingId: null, queuedAt: null, updatedAt: now })
      .where(eq(trainingCandidates.id, candidate.id))
      .run();
    recordStep(tx, candidate.id, 'training-cancelled', String(trainingId), { ...context, now });
  }
}

/** Completed on a date from the training's first day to today; an exception (a missed day) is noted. */
export function completeCandidate(
  db: AppDatabase,
  input: Completion,
  context: CandidateContext,
): void {
  immediateTransaction(db, (tx) => completeCandidateIn(tx, input, context));
}

export type Completion = { candidateId: number; completedOn: string; note: string };

/** The completion in the caller's transaction (the building block of `completeCandidate`). */
export function completeCandidateIn(
  tx: Transaction,
  input: Completion,
  context: CandidateContext,
): void {
  const now = context.mail.now;
  const candidate = candidateIn(tx, input.candidateId, ['enrolled']);
  const training = tx
    .select({ status: trainings.status })
    .from(trainings)
    .where(eq(trainings.id, candidate.trainingId!))
    .get();
  if (training?.status === 'cancelled') throw new CandidateRefused('training-closed');
  const firstDay = firstTrainingDay(tx, candidate.trainingId!);
  if (firstDay === null || input.completedOn < firstDay) {
    throw new CandidateRefused('before-training');
  }
  if (input.completedOn > instantToWallClock(now).date) throw new CandidateRefused('in-future');
  tx.update(trainingCandidates)
    .set({ state: 'completed', completedOn: input.completedOn, note: input.note, updatedAt: now })
    .where(eq(trainingCandidates.id, input.candidateId))
    .run();
  const detail = [input.completedOn, input.note].filter(Boolean).join(': ');
  recordStep(tx, input.candidateId, 'completed', detail, { ...context, now });
  audit(tx, input.candidateId, 'completed', context);
}

/** Dropping out at any step before completion; a freed training seat goes to the waitlist. */
export function dropCandidate(
  db: AppDatabase,
  input: { candidateId: number; reason: string },
  context: CandidateContext,
): void {
  immediateTransaction(db, (tx) => dropCandidateIn(tx, input, context));
}

/** The drop-out in the caller's transaction (the building block of `dropCandidate`). */
export function dropCandidateIn(
  tx: Transaction,
  input: { candidateId: number; reason: string },
  context: CandidateContext,
): void {
  const now = context.mail.now;
  const candidate = candidateIn(tx, input.candidateId, [
    'nominated',
    'phoned',
    'enrolled',
    'waitlisted',
  ]);
  tx.update(trainingCandidates)
    .set({ state: 'dropped', note: input.reason, callDueAt: null, updatedAt: now })
    .where(eq(trainingCandidates.id, input.candidateId))
    .run();
  recordStep(tx, input.candidateId, 'dropped', input.reason, { ...context, now });
  if (candidate.trainingId !== null && candidate.state === 'enrolled') {
    fillFreeTrainingSeats(tx, candidate.trainingId, context);
    notifyTrainingInvitees(tx, candidate.trainingId, context.mail);
  }
  audit(tx, input.candidateId, 'dropped', context);
}

/**
 * Makes a completed candidate an instructor: a new record from what the candidate gave, or the
 * existing one linked; either way with the training and its date, which start the licence.
 */
export function makeInstructor(
  db: AppDatabase,
  input: { candidateId: number; instructorId: number | 'new' },
  context: CandidateContext,
): number {
  return immediateTransaction(db, (tx) => makeInstructorIn(tx, input, context));
}

/** The instructor record in the caller's transaction (the building block of `makeInstructor`). */
export function makeInstructorIn(
  tx: Transaction,
  input: { candidateId: number; instructorId: number | 'new' },
  context: CandidateContext,
): number {
  const now = context.mail.now;
  const candidate: Candidate = candidateIn(tx, input.candidateId, ['completed']);
  if (candidate.instructorId !== null) throw new CandidateRefused('wrong-state');
  const licence = { trainedOn: candidate.completedOn, trainingId: candidate.trainingId };
  let instructorId: number;
  if (input.instructorId === 'new') {
    instructorId = tx
      .insert(instructors)
      .values({
        name: candidate.name,
        email: candidate.email,
        phone: candidate.phone,
        kind: candidate.kind,
        employerUnit: candidate.unit,
        ...licence,
        createdAt: now,
      })
      .returning({ id: instructors.id })
      .get().id;
  } else {
    const taken = tx
      .select({ id: trainingCandidates.id })
      .from(trainingCandidates)
      .where(eq(trainingCandidates.instructorId, input.instructorId))
      .get();
    const exists = tx
      .select({ id: instructors.id })
      .from(instructors)
      .where(eq(instructors.id, input.instructorId))
      .get();
    if (!exists) throw new CandidateRefused('not-found');
    if (taken) throw new CandidateRefused('instructor-taken');
    tx.update(instructors).set(licence).where(eq(instructors.id, input.instructorId)).run();
    instructorId = input.instructorId;
  }
  tx.update(trainingCandidates)
    .set({ instructorId, updatedAt: now })
    .where(eq(trainingCandidates.id, input.candidateId))
    .run();
  recordStep(tx, input.candidateId, 'instructor', String(instructorId), { ...context, now });
  audit(tx, input.candidateId, `instructor ${instructorId}`, context);
  return instructorId;
}
