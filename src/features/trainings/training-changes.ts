import { eq, sql } from 'drizzle-orm';
import { trainings, type TrainingStatus } from '../../../db/schema';
import { immediateTransaction, type AppDatabase, type Transaction } from '../../db';
import { recordAudit, type AuditEntry } from '../audit/audit-log';
import { fillFreeTrainingSeats, releaseCandidatesOf } from '../candidates/candidate-commands';
import type { CourseCommandContext } from '../courses/course-changes';
import { findTraining, insertTraining, replaceDays, syncTrainers } from './queries';
import type { TrainingInput } from './training-input';
import { notifyTrainingInvitees } from './training-invitations';

/**
 * The training's commands: each opens the one immediate transaction of its change and does the
 * write, the invitations (the outbox) and the audit entry inside it.
 */
export type TrainingCommandContext = CourseCommandContext;

function audit(
  tx: Transaction,
  context: TrainingCommandContext,
  trainingId: number,
  action: AuditEntry['action'],
  detail?: string,
) {
  recordAudit(
    tx,
    { actor: context.actor, action, subjectType: 'training', subjectId: trainingId, detail },
    context.mail.now,
  );
}

export function createTraining(
  db: AppDatabase,
  input: TrainingInput,
  context: TrainingCommandContext,
): number {
  return immediateTransaction(db, (tx) => createTrainingIn(tx, input, context));
}

/** The new training in the caller's transaction (the building block of `createTraining`). */
export function createTrainingIn(
  tx: Transaction,
  input: TrainingInput,
  context: TrainingCommandContext,
): number {
  const id = insertTraining(tx, input, {
    now: context.mail.now,
    calendarHost: context.mail.publicUrl.hostname,
  });
  notifyTrainingInvitees(tx, id, context.mail);
  audit(tx, context, id, 'create');
  return id;
}

const dayKey = (day: { localDate: string; startTime: string; endTime: string }) =>
  `${day.localDate} ${day.startTime}-${day.endTime}`;

/**
 * New days raise the training's SEQUENCE; new days, a new place or a new name send everyone an
 * update; a trainer added or taken off gets or loses the series. A cancelled training is not
 * changed (false).
 */
export function changeTraining(
  db: AppDatabase,
  trainingId: number,
  input: TrainingInput,
  context: TrainingCommandContext,
): boolean {
  return immediateTransaction(db, (tx) => {
    const before = findTraining(tx, trainingId);
    if (!before || before.training.status === 'cancelled') return false;
    const daysChanged =
      before.days.map(dayKey).sort().join() !== input.days.map(dayKey).sort().join();
    const detailsChanged =
      before.training.venueId !== input.venueId || before.training.name !== input.name;
    tx.update(trainings)
      .set({
        name: input.name,
        venueId: input.venueId,
        capacity: input.capacity,
        updatedAt: context.mail.now,
        ...(daysChanged ? { scheduleSequence: sql`${trainings.scheduleSequence} + 1` } : {}),
      })
      .where(eq(trainings.id, trainingId))
      .run();
    if (daysChanged) replaceDays(tx, trainingId, input.days);
    syncTrainers(tx, trainingId, input.trainers);
    // A raised capacity moves the waitlist up before anyone new can take the seats.
    fillFreeTrainingSeats(tx, trainingId, context);
    notifyTrainingInvitees(
      tx,
      trainingId,
      context.mail,
      daysChanged || detailsChanged ? 'changed' : 'planned',
    );
    audit(tx, context, trainingId, 'update', daysChanged ? 'details and days' : 'details');
    return true;
  });
}

/** Planned → open → held, one step at a time; cancelling has its own command (a reason). */
export const nextTrainingStatus: Partial<Record<TrainingStatus, TrainingStatus>> = {
  planned: 'open',
  open: 'held',
};

export function changeTrainingStatus(
  db: AppDatabase,
  trainingId: number,
  status: TrainingStatus,
  context: TrainingCommandContext,
): boolean {
  return immediateTransaction(db, (tx) => changeTrainingStatusIn(tx, trainingId, status, context));
}

/** The next status in the caller's transaction (the building block of `changeTrainingStatus`). */
export function changeTrainingStatusIn(
  tx: Transaction,
  trainingId: number,
  status: TrainingStatus,
  context: TrainingCommandContext,
): boolean {
  const training = tx.select().from(trainings).where(eq(trainings.id, trainingId)).get();
  if (!training || nextTrainingStatus[training.status] !== status) return false;
  tx.update(trainings)
    .set({ status, updatedAt: context.mail.now })
    .where(eq(trainings.id, trainingId))
    .run();
  audit(tx, context, trainingId, 'update', `status ${status}`);
  return true;
}

export const canCancelTraining = (status: TrainingStatus) =>
  status !== 'held' && status !== 'cancelled';

/** Everyone holding the series gets a CANCEL with the reason. */
export function cancelTraining(
  db: AppDatabase,
  trainingId: number,
  reason: string,
  context: TrainingCommandContext,
): boolean {
  return immediateTransaction(db, (tx) => {
    const training = tx.select().from(trainings).where(eq(trainings.id, trainingId)).get();
    if (!training || !canCancelTraining(training.status)) return false;
    tx.update(trainings)
      .set({ status: 'cancelled', cancellationReason: reason, updatedAt: context.mail.now })
      .where(eq(trainings.id, trainingId))
      .run();
    releaseCandidatesOf(tx, trainingId, context);
    notifyTrainingInvitees(tx, trainingId, context.mail);
    audit(tx, context, trainingId, 'update', 'cancelled');
    return true;
  });
}
