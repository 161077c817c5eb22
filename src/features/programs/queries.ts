import { asc, eq } from 'drizzle-orm';
import { programs } from '../../../db/schema';
import { preparedFor, type AppDatabase } from '../../db';
import type { ProgramInput } from './program-input';

const programColumns = {
  id: programs.id,
  nameFi: programs.nameFi,
  nameEn: programs.nameEn,
  sessionCount: programs.sessionCount,
  sessionMinutes: programs.sessionMinutes,
  intervalWeeks: programs.intervalWeeks,
  minParticipants: programs.minParticipants,
  maxParticipants: programs.maxParticipants,
  completionThreshold: programs.completionThreshold,
  hasInfoSession: programs.hasInfoSession,
};

const programList = preparedFor((db) =>
  db
    .select(programColumns)
    .from(programs)
    .orderBy(asc(programs.nameFi), asc(programs.id))
    .prepare(),
);

export type ProgramRow = ReturnType<typeof listPrograms>[number];

export function listPrograms(db: AppDatabase) {
  return programList(db).all();
}

export function findProgram(db: AppDatabase, id: number): ProgramRow | undefined {
  return db.select(programColumns).from(programs).where(eq(programs.id, id)).get();
}

/** Used by the form and by the demo data; returns the new programme's id. */
export function createProgram(db: AppDatabase, input: ProgramInput): number {
  return db.insert(programs).values(input).returning({ id: programs.id }).get().id;
}

/** Returns false when there is no such programme. */
export function updateProgram(db: AppDatabase, id: number, input: ProgramInput): boolean {
  return db.update(programs).set(input).where(eq(programs.id, id)).run().changes === 1;
}
