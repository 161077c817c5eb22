import { and, asc, count, desc, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import {
  candidateHistory,
  instructors,
  trainingCandidates,
  trainingDays,
  trainings,
  type CandidateState,
} from '../../../db/schema';
import type { AppDatabase, DatabaseOrTransaction } from '../../db';

/** Reads about candidates; the commands that move them along their path are in candidate-commands.ts. */
export function findCandidate(db: DatabaseOrTransaction, candidateId: number) {
  return db.select().from(trainingCandidates).where(eq(trainingCandidates.id, candidateId)).get();
}
export type Candidate = NonNullable<ReturnType<typeof findCandidate>>;

export function historyOf(db: AppDatabase, candidateId: number) {
  return db
    .select()
    .from(candidateHistory)
    .where(eq(candidateHistory.candidateId, candidateId))
    .orderBy(asc(candidateHistory.at), asc(candidateHistory.id))
    .all();
}
export type HistoryEntry = ReturnType<typeof historyOf>[number];

export const candidatesPerPage = 50;

/** One page of candidates, newest first, optionally of one state. */
export function listCandidates(
  db: AppDatabase,
  filter: { state: CandidateState | null; page: number },
) {
  const where = filter.state ? eq(trainingCandidates.state, filter.state) : undefined;
  const rows = db
    .select({
      id: trainingCandidates.id,
      name: trainingCandidates.name,
      unit: trainingCandidates.unit,
      kind: trainingCandidates.kind,
      state: trainingCandidates.state,
      trainingName: trainings.name,
      createdAt: trainingCandidates.createdAt,
    })
    .from(trainingCandidates)
    .leftJoin(trainings, eq(trainings.id, trainingCandidates.trainingId))
    .where(where)
    .orderBy(desc(trainingCandidates.createdAt), desc(trainingCandidates.id))
    .limit(candidatesPerPage + 1)
    .offset((filter.page - 1) * candidatesPerPage)
    .all();
  return { rows: rows.slice(0, candidatesPerPage), hasNextPage: rows.length > candidatesPerPage };
}

/** Nominated candidates the coordinator still has to reach, by when they are due. */
export function candidatesToCall(db: AppDatabase, now: Date) {
  return db
    .select({
      id: trainingCandidates.id,
      name: trainingCandidates.name,
      phone: trainingCandidates.phone,
      unit: trainingCandidates.unit,
      callDueAt: trainingCandidates.callDueAt,
    })
    .from(trainingCandidates)
    .where(
      and(
        eq(trainingCandidates.state, 'nominated'),
        isNotNull(trainingCandidates.callDueAt),
        lte(trainingCandidates.callDueAt, now),
      ),
    )
    .orderBy(asc(trainingCandidates.callDueAt), asc(trainingCandidates.id))
    .all();
}

/** Trainings a phoned candidate can be enrolled in: planned or open, with their first day. */
export function enrollableTrainings(db: AppDatabase) {
  const rows = db
    .select({
      id: trainings.id,
      name: trainings.name,
      capacity: trainings.capacity,
      firstDate: trainingDays.localDate,
    })
    .from(trainings)
    .leftJoin(trainingDays, eq(trainingDays.trainingId, trainings.id))
    .where(inArray(trainings.status, ['planned', 'open']))
    .orderBy(asc(trainingDays.startsAt))
    .all();
  const firstDays = new Map<number, (typeof rows)[number]>();
  for (const row of rows) if (!firstDays.has(row.id)) firstDays.set(row.id, row);
  return [...firstDays.values()];
}

/** How many hold a seat in the training: the waitlist starts when this reaches its capacity. */
export function enrolledCount(db: DatabaseOrTransaction, trainingId: number): number {
  return (
    db
      .select({ enrolled: count() })
      .from(trainingCandidates)
      .where(
        and(
          eq(trainingCandidates.trainingId, trainingId),
          eq(trainingCandidates.state, 'enrolled'),
        ),
      )
      .get()?.enrolled ?? 0
  );
}

/** The training's first day, which no completion may come before. */
export function firstTrainingDay(db: DatabaseOrTransaction, trainingId: number): string | null {
  return (
    db
      .select({ localDate: trainingDays.localDate })
      .from(trainingDays)
      .where(eq(trainingDays.trainingId, trainingId))
      .orderBy(asc(trainingDays.startsAt))
      .limit(1)
      .get()?.localDate ?? null
  );
}

/** Existing instructors a completed candidate may be linked to, e.g. someone registered earlier. */
export function instructorChoices(db: AppDatabase) {
  return db
    .select({ id: instructors.id, name: instructors.name })
    .from(instructors)
    .orderBy(asc(instructors.name), asc(instructors.id))
    .all();
}
