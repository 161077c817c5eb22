import { asc, eq, ne, sql } from 'drizzle-orm';
import {
  callAttempts,
  courseInstructors,
  courseSessions,
  courses,
  instructors,
  programs,
  sessionLeaders,
  trainingCandidates,
  trainingDays,
  trainings,
} from '../../../db/schema';
import { preparedFor, type AppDatabase } from '../../db';
import { addDays, wallClockToInstant } from '../../lib/helsinki-time';
import {
  instructorHours,
  leadersOf,
  type Hours,
  type HoursCall,
  type HoursSession,
  type HoursTrainingDay,
  type TermDates,
} from './hours-rules';

/**
 * The hours of several instructors at once: one query each for the people, their sessions, their
 * training days and their calls, whether the page shows one instructor or a whole unit. The ids
 * travel as one JSON array (json_each), so the statements stay prepared.
 */
const inIds = (column: unknown) =>
  sql`${column} in (select value from json_each(${sql.placeholder('ids')}))`;

const personColumns = {
  id: instructors.id,
  name: instructors.name,
  employerUnit: instructors.employerUnit,
  userId: instructors.userId,
};

const instructorById = preparedFor((db) =>
  db
    .select(personColumns)
    .from(instructors)
    .where(eq(instructors.id, sql.placeholder('id')))
    .prepare(),
);

const instructorsOfUnit = preparedFor((db) =>
  db
    .select(personColumns)
    .from(instructors)
    .where(eq(instructors.employerUnit, sql.placeholder('unit')))
    .orderBy(asc(instructors.name), asc(instructors.id))
    .prepare(),
);

const employerUnitList = preparedFor((db) =>
  db
    .selectDistinct({ unit: instructors.employerUnit })
    .from(instructors)
    .where(ne(instructors.employerUnit, ''))
    .orderBy(asc(instructors.employerUnit))
    .prepare(),
);

const instructorOfAccount = preparedFor((db) =>
  db
    .select({ id: instructors.id })
    .from(instructors)
    .where(eq(instructors.userId, sql.placeholder('userId')))
    .prepare(),
);

/** The sessions in the term of the courses they are paired on and of those they stood in at. */
const sessionsOfInstructors = preparedFor((db) =>
  db
    .select({
      localDate: courseSessions.localDate,
      startsAt: courseSessions.startsAt,
      endsAt: courseSessions.endsAt,
      status: courseSessions.status,
      courseStatus: courses.status,
      preparationMinutes: programs.preparationMinutes,
      recorded: sql<
        string | null
      >`(select group_concat(${sessionLeaders.instructorId}) from ${sessionLeaders} where ${sessionLeaders.sessionId} = ${courseSessions.id})`,
      pair: sql<
        string | null
      >`(select group_concat(${courseInstructors.instructorId}) from ${courseInstructors} where ${courseInstructors.courseId} = ${courseSessions.courseId})`,
    })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .innerJoin(programs, eq(programs.id, courses.programId))
    .where(
      sql`${courseSessions.localDate} between ${sql.placeholder('startsOn')} and ${sql.placeholder('endsOn')}
        and (${courseSessions.courseId} in (select ${courseInstructors.courseId} from ${courseInstructors} where ${inIds(courseInstructors.instructorId)})
          or ${courseSessions.id} in (select ${sessionLeaders.sessionId} from ${sessionLeaders} where ${inIds(sessionLeaders.instructorId)}))`,
    )
    .prepare(),
);

/** Days of trainings they completed as candidates (a cancelled training was never attended). */
const trainingDaysOfInstructors = preparedFor((db) =>
  db
    .select({
      instructorId: sql<number>`${trainingCandidates.instructorId}`,
      localDate: trainingDays.localDate,
      startsAt: trainingDays.startsAt,
      endsAt: trainingDays.endsAt,
    })
    .from(trainingCandidates)
    .innerJoin(trainings, eq(trainings.id, trainingCandidates.trainingId))
    .innerJoin(trainingDays, eq(trainingDays.trainingId, trainings.id))
    .where(
      sql`${trainingCandidates.state} = 'completed' and ${trainings.status} != 'cancelled'
        and ${inIds(trainingCandidates.instructorId)}
        and ${trainingDays.localDate} between ${sql.placeholder('startsOn')} and ${sql.placeholder('endsOn')}`,
    )
    .prepare(),
);

/** Intake calls made from their accounts within the term's instants. */
const callsOfInstructors = preparedFor((db) =>
  db
    .select({ instructorId: instructors.id, at: callAttempts.at })
    .from(callAttempts)
    .innerJoin(instructors, eq(instructors.userId, callAttempts.byUserId))
    .where(
      sql`${inIds(instructors.id)}
        and ${callAttempts.at} >= ${sql.placeholder('from')} and ${callAttempts.at} < ${sql.placeholder('until')}`,
    )
    .prepare(),
);

export type HoursPerson = ReturnType<ReturnType<typeof instructorById>['all']>[number];
export type InstructorHoursRow = HoursPerson & { hours: Hours };
type Minutes = Pick<Hours, 'planned' | 'done'>;

const idList = (text: string | null) => (text ? text.split(',').map(Number) : []);

function groupBy<Row extends { instructorId: number }, Item>(
  rows: readonly Row[],
  toItem: (row: Row) => Item,
) {
  const grouped = new Map<number, Item[]>();
  for (const row of rows) {
    const list = grouped.get(row.instructorId) ?? [];
    list.push(toItem(row));
    grouped.set(row.instructorId, list);
  }
  return grouped;
}

/** Each person's hours in the term, from four queries however many people there are. */
function hoursOf<Person extends { id: number }>(
  db: AppDatabase,
  people: readonly Person[],
  term: TermDates,
  settings: { now: Date; callMinutes: number },
): (Person & { hours: Hours })[] {
  if (people.length === 0) return [];
  const ids = JSON.stringify(people.map((person) => person.id));
  const dates = { ids, startsOn: term.startsOn, endsOn: term.endsOn };
  const sessions: HoursSession[] = sessionsOfInstructors(db)
    .all(dates)
    .map(({ recorded, pair, ...session }) => ({
      ...session,
      recordedLeaderIds: idList(recorded),
      pairIds: idList(pair),
    }));
  const days = groupBy<{ instructorId: number } & HoursTrainingDay, HoursTrainingDay>(
    trainingDaysOfInstructors(db).all(dates),
    ({ instructorId: _, ...day }) => day,
  );
  const calls = groupBy<{ instructorId: number; at: Date }, HoursCall>(
    callsOfInstructors(db).all({
      ids,
      from: wallClockToInstant(term.startsOn, '00:00').getTime(),
      until: wallClockToInstant(addDays(term.endsOn, 1), '00:00').getTime(),
    }),
    ({ at }) => ({ at }),
  );
  // Each person gets only the sessions they lead: handing every person every session made a
  // national term report of 1,200 instructors take seconds.
  const sessionsByLeader = new Map<number, HoursSession[]>();
  for (const session of sessions) {
    for (const leader of leadersOf(session)) {
      sessionsByLeader.set(leader, [...(sessionsByLeader.get(leader) ?? []), session]);
    }
  }
  return people.map((person) => ({
    ...person,
    hours: instructorHours({
      instructorId: person.id,
      term,
      sessions: sessionsByLeader.get(person.id) ?? [],
      trainingDays: days.get(person.id) ?? [],
      calls: calls.get(person.id) ?? [],
      ...settings,
    }),
  }));
}

export function findHoursPerson(db: AppDatabase, instructorId: number): HoursPerson | undefined {
  return instructorById(db).get({ id: instructorId });
}

export function hoursOfInstructor(
  db: AppDatabase,
  person: HoursPerson,
  term: TermDates,
  settings: { now: Date; callMinutes: number },
): Hours {
  return hoursOf(db, [person], term, settings)[0]!.hours;
}

/** The unit's instructors in name order, each with their hours in the term. */
export function hoursOfUnit(
  db: AppDatabase,
  unit: string,
  term: TermDates,
  settings: { now: Date; callMinutes: number },
): InstructorHoursRow[] {
  return hoursOf(db, instructorsOfUnit(db).all({ unit }), term, settings);
}

export function listEmployerUnits(db: AppDatabase): string[] {
  return employerUnitList(db)
    .all()
    .map((row) => row.unit);
}

/** The instructor record an account is linked to, if any. */
export function instructorIdOfAccount(db: AppDatabase, userId: number): number | null {
  return instructorOfAccount(db).get({ userId })?.id ?? null;
}

/** Each given instructor's planned minutes in the term, by id (the term plan's proposal). */
export function plannedMinutesOf(
  db: AppDatabase,
  instructorIds: readonly number[],
  term: TermDates,
  settings: { now: Date; callMinutes: number },
): Map<number, number> {
  const rows = hoursOf(
    db,
    instructorIds.map((id) => ({ id })),
    term,
    settings,
  );
  return new Map(rows.map((row) => [row.id, row.hours.planned]));
}

/** All the given instructors' minutes in the term together, for the term report. */
export function totalHoursOf(
  db: AppDatabase,
  instructorIds: readonly number[],
  term: TermDates,
  settings: { now: Date; callMinutes: number },
): Minutes {
  const rows = hoursOf(
    db,
    instructorIds.map((id) => ({ id })),
    term,
    settings,
  );
  return {
    planned: rows.reduce((sum, row) => sum + row.hours.planned, 0),
    done: rows.reduce((sum, row) => sum + row.hours.done, 0),
  };
}
