import { isAdaptedInterval } from './program-input';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { courses, programs } from '../../../db/schema';
import { preparedFor, type AppDatabase, type DatabaseOrTransaction } from '../../db';
import type { ProgramInput } from './program-input';

const programColumns = {
  id: programs.id,
  nameFi: programs.nameFi,
  nameSv: programs.nameSv,
  nameEn: programs.nameEn,
  sessionCount: programs.sessionCount,
  sessionMinutes: programs.sessionMinutes,
  intervalWeeks: programs.intervalWeeks,
  minParticipants: programs.minParticipants,
  maxParticipants: programs.maxParticipants,
  completionThreshold: programs.completionThreshold,
  lastJoiningSession: programs.lastJoiningSession,
  preparationMinutes: programs.preparationMinutes,
  hasInfoSession: programs.hasInfoSession,
  online: programs.online,
};

const programList = preparedFor((db) =>
  db
    .select(programColumns)
    .from(programs)
    .orderBy(asc(programs.nameFi), asc(programs.id))
    .prepare(),
);

export type ProgramRow = ReturnType<typeof programList>['all'] extends () => (infer Row)[]
  ? Row
  : never;

/** A program as the list shows it: "adapted" when it meets less often than weekly. */
export type ProgramListRow = ProgramRow & { adapted: boolean };

export function listPrograms(db: AppDatabase): ProgramListRow[] {
  return programList(db)
    .all()
    .map((program) => ({ ...program, adapted: isAdaptedInterval(program.intervalWeeks) }));
}

export function findProgram(db: DatabaseOrTransaction, id: number): ProgramRow | undefined {
  return db.select(programColumns).from(programs).where(eq(programs.id, id)).get();
}

/**
 * Used by the form and by the demo data; returns the new programme's id. The Swedish name may be
 * left out (empty: the Finnish name is shown).
 */
export function createProgram(
  db: DatabaseOrTransaction,
  input: Omit<ProgramInput, 'nameSv'> & { nameSv?: string },
  now: Date,
): number {
  return db
    .insert(programs)
    .values({ ...input, createdAt: now })
    .returning({ id: programs.id })
    .get().id;
}

/** Returns false when there is no such programme. */
/** Courses of a program that can still take people from their waitlist. */
export function activeCourseIdsOf(db: DatabaseOrTransaction, programId: number): number[] {
  return db
    .select({ id: courses.id })
    .from(courses)
    .where(
      and(
        eq(courses.programId, programId),
        inArray(courses.status, ['planned', 'open', 'confirmed', 'running']),
      ),
    )
    .all()
    .map((row) => row.id);
}

export function updateProgram(db: DatabaseOrTransaction, id: number, input: ProgramInput): boolean {
  return db.update(programs).set(input).where(eq(programs.id, id)).run().changes === 1;
}
