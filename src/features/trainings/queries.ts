import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  localities,
  trainingCandidates,
  trainingDays,
  trainingTrainers,
  trainings,
  venues,
} from '../../../db/schema';
import { preparedFor, type AppDatabase, type DatabaseOrTransaction } from '../../db';
import { wallClockToInstant } from '../../lib/helsinki-time';
import { newCalendarUid } from '../courses/queries';
import { sortedDays } from '../invites/day-calendar';
import type { TrainerInput, TrainingInput } from './training-input';

const enrolledCount = sql<number>`(
  select count(*) from ${trainingCandidates}
  where ${trainingCandidates.trainingId} = ${trainings.id}
    and ${trainingCandidates.state} = 'enrolled'
)`;

const trainingList = preparedFor((db) =>
  db
    .select({
      id: trainings.id,
      name: trainings.name,
      status: trainings.status,
      capacity: trainings.capacity,
      enrolled: enrolledCount,
    })
    .from(trainings)
    .orderBy(
      sql`case when ${trainings.status} in ('held', 'cancelled') then 1 else 0 end`,
      sql`(select min(${trainingDays.startsAt}) from ${trainingDays} where ${trainingDays.trainingId} = ${trainings.id})`,
      asc(trainings.id),
    )
    .prepare(),
);

const allDays = preparedFor((db) =>
  db
    .select({
      trainingId: trainingDays.trainingId,
      localDate: trainingDays.localDate,
      startTime: trainingDays.startTime,
      endTime: trainingDays.endTime,
    })
    .from(trainingDays)
    .orderBy(asc(trainingDays.startsAt))
    .prepare(),
);

/** The trainings, coming ones first, each with its days and how many seats are taken. */
export function listTrainings(db: AppDatabase) {
  const days = allDays(db).all();
  return trainingList(db)
    .all()
    .map((training) => ({
      ...training,
      days: days.filter((day) => day.trainingId === training.id),
    }));
}
export type TrainingListRow = ReturnType<typeof listTrainings>[number];

/** A training with everything its page, its form and its invitations need. */
export function findTraining(db: DatabaseOrTransaction, id: number) {
  const row = db
    .select({ training: trainings, venue: venues })
    .from(trainings)
    .leftJoin(venues, eq(venues.id, trainings.venueId))
    .where(eq(trainings.id, id))
    .get();
  if (!row) return undefined;
  const days = db
    .select()
    .from(trainingDays)
    .where(eq(trainingDays.trainingId, id))
    .orderBy(asc(trainingDays.startsAt))
    .all();
  const trainers = db
    .select()
    .from(trainingTrainers)
    .where(eq(trainingTrainers.trainingId, id))
    .orderBy(asc(trainingTrainers.id))
    .all();
  const candidates = db
    .select({
      id: trainingCandidates.id,
      name: trainingCandidates.name,
      email: trainingCandidates.email,
      state: trainingCandidates.state,
    })
    .from(trainingCandidates)
    .where(
      and(
        eq(trainingCandidates.trainingId, id),
        inArray(trainingCandidates.state, ['enrolled', 'waitlisted']),
      ),
    )
    .orderBy(asc(trainingCandidates.queuedAt), asc(trainingCandidates.id))
    .all();
  return { ...row, days, trainers, candidates };
}
export type TrainingWithDays = NonNullable<ReturnType<typeof findTraining>>;

/** The places a training can be held: every venue in use, in-person or online. */
export function listVenueChoices(db: AppDatabase) {
  return db
    .select({
      id: venues.id,
      name: venues.name,
      kind: venues.kind,
      localityName: localities.name,
    })
    .from(venues)
    .innerJoin(localities, eq(localities.id, venues.localityId))
    .where(isNull(venues.archivedAt))
    .orderBy(asc(localities.name), asc(venues.name))
    .all();
}
export type VenueChoice = ReturnType<typeof listVenueChoices>[number];

export function venueExists(db: AppDatabase, id: number): boolean {
  return (
    db
      .select({ id: venues.id })
      .from(venues)
      .where(and(eq(venues.id, id), isNull(venues.archivedAt)))
      .get() !== undefined
  );
}

export function insertTraining(
  tx: DatabaseOrTransaction,
  input: TrainingInput,
  at: { now: Date; calendarHost: string },
): number {
  const { id } = tx
    .insert(trainings)
    .values({
      name: input.name,
      venueId: input.venueId,
      capacity: input.capacity,
      calendarUid: newCalendarUid(at.calendarHost, 'training'),
      createdAt: at.now,
      updatedAt: at.now,
    })
    .returning({ id: trainings.id })
    .get();
  replaceDays(tx, id, input.days);
  syncTrainers(tx, id, input.trainers);
  return id;
}

export function replaceDays(
  tx: DatabaseOrTransaction,
  trainingId: number,
  days: TrainingInput['days'],
): void {
  tx.delete(trainingDays).where(eq(trainingDays.trainingId, trainingId)).run();
  for (const day of sortedDays(days)) {
    tx.insert(trainingDays)
      .values({
        trainingId,
        ...day,
        startsAt: wallClockToInstant(day.localDate, day.startTime),
        endsAt: wallClockToInstant(day.localDate, day.endTime),
      })
      .run();
  }
}

/**
 * A trainer keeps their row (and so their invitation) while their e-mail address stays; a trainer
 * whose address changes or goes is a new row, so the old address gets a cancellation and the new
 * one the series.
 */
export function syncTrainers(
  tx: DatabaseOrTransaction,
  trainingId: number,
  wanted: readonly TrainerInput[],
): void {
  const existing = tx
    .select()
    .from(trainingTrainers)
    .where(eq(trainingTrainers.trainingId, trainingId))
    .all();
  const kept = new Set<number>();
  const toInsert: TrainerInput[] = [];
  for (const trainer of wanted) {
    const same = existing.find(
      (row) => !kept.has(row.id) && row.email !== '' && row.email === trainer.email,
    );
    if (!same) {
      toInsert.push(trainer);
      continue;
    }
    kept.add(same.id);
    if (same.name !== trainer.name) {
      tx.update(trainingTrainers)
        .set({ name: trainer.name })
        .where(eq(trainingTrainers.id, same.id))
        .run();
    }
  }
  const gone = existing.filter((row) => !kept.has(row.id)).map((row) => row.id);
  if (gone.length > 0) tx.delete(trainingTrainers).where(inArray(trainingTrainers.id, gone)).run();
  for (const trainer of toInsert)
    tx.insert(trainingTrainers)
      .values({ trainingId, ...trainer })
      .run();
}
