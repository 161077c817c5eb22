import { and, asc, between, count, eq, gte, sql, type SQL } from 'drizzle-orm';
import {
  blockedPeriods,
  courseInstructors,
  courseSessions,
  courses,
  enrollments,
  instructors,
  localities,
  programs,
  terms,
  trainingCandidates,
  venues,
} from '../../../db/schema';
import { preparedFor, type AppDatabase, type DatabaseOrTransaction } from '../../db';
import { pageOf, pageSize } from '../../http/paging';
import type { LocalDate } from '../../lib/helsinki-time';
import { goNoGoOutlook } from '../courses/at-risk';
import { waitingNearby } from '../courses/at-risk-queries';
import { inRegion } from '../places/regions';
import { programNameColumns } from '../programs/program-names';

export function listTerms(db: AppDatabase) {
  return db.select().from(terms).orderBy(asc(terms.startsOn)).all();
}

const termListStatement = (where: SQL | undefined) =>
  preparedFor((db) =>
    db
      .select({ id: terms.id, name: terms.name, startsOn: terms.startsOn, endsOn: terms.endsOn })
      .from(terms)
      .where(where)
      .orderBy(asc(terms.startsOn), asc(terms.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
  );

const firstTerms = termListStatement(undefined);
const termsAfter = termListStatement(
  sql`(${terms.startsOn}, ${terms.id}) > (${sql.placeholder('startsOn')}, ${sql.placeholder('id')})`,
);

/** One page of the term list, by first day, after the term `after` (the first page when gone). */
export function pageOfTerms(db: AppDatabase, after?: number) {
  const limit = pageSize + 1;
  const cursor = after === undefined ? undefined : findTerm(db, after);
  return pageOf(
    cursor
      ? termsAfter(db).all({ startsOn: cursor.startsOn, id: cursor.id, limit })
      : firstTerms(db).all({ limit }),
  );
}
export type TermListRow = ReturnType<typeof pageOfTerms>['rows'][number];

export function findTerm(db: AppDatabase, termId: number) {
  return db.select().from(terms).where(eq(terms.id, termId)).get();
}

export type NewTerm = {
  name: string;
  startsOn: string;
  endsOn: string;
  targetCoursesMin: number;
  targetCoursesMax: number;
  targetInstructorsMin: number;
  targetInstructorsMax: number;
};

/** Returns null when the name is taken (the unique index decides, also under concurrent posts). */
export function createTerm(db: DatabaseOrTransaction, term: NewTerm, now: Date): number | null {
  const inserted = db
    .insert(terms)
    .values({ ...term, createdAt: now })
    .onConflictDoNothing({ target: terms.name })
    .returning({ id: terms.id })
    .get();
  return inserted?.id ?? null;
}

export function updateTermTargets(
  db: AppDatabase,
  termId: number,
  targets: Omit<NewTerm, 'name' | 'startsOn' | 'endsOn'>,
): void {
  db.update(terms).set(targets).where(eq(terms.id, termId)).run();
}

const termCourseRows = preparedFor((db) =>
  db
    .select({
      id: courses.id,
      status: courses.status,
      localityId: courses.localityId,
      localityName: localities.name,
      ...programNameColumns,
      maxParticipants: programs.maxParticipants,
      minimum: programs.minParticipants,
      goNoGoDate: courses.goNoGoDate,
      placed: sql<number>`(select count(*) from ${enrollments} where ${enrollments.courseId} = ${courses.id} and ${enrollments.state} = 'placed')`,
      venueName: venues.name,
      firstDate: sql<
        string | null
      >`(select min(${courseSessions.localDate}) from ${courseSessions} where ${courseSessions.courseId} = ${courses.id} and ${courseSessions.status} = 'scheduled')`,
      lastDate: sql<
        string | null
      >`(select max(${courseSessions.localDate}) from ${courseSessions} where ${courseSessions.courseId} = ${courses.id} and ${courseSessions.status} = 'scheduled')`,
      sessionCount: sql<number>`(select count(*) from ${courseSessions} where ${courseSessions.courseId} = ${courses.id} and ${courseSessions.status} = 'scheduled')`,
      weeklyStartTime: courses.weeklyStartTime,
      instructorNames: sql<
        string | null
      >`(select group_concat(${instructors.name}, ', ') from ${courseInstructors} join ${instructors} on ${instructors.id} = ${courseInstructors.instructorId} where ${courseInstructors.courseId} = ${courses.id})`,
    })
    .from(courses)
    .innerJoin(localities, eq(localities.id, courses.localityId))
    .innerJoin(programs, eq(programs.id, courses.programId))
    .leftJoin(venues, eq(venues.id, courses.venueId))
    .where(
      and(
        eq(courses.termId, sql.placeholder('termId')),
        inRegion(courses.localityId, sql.placeholder('region')),
      ),
    )
    .orderBy(asc(localities.name), asc(courses.id))
    .prepare(),
);

/**
 * Every course of a term, each with its go/no-go outlook as of `today` (at risk, or its decision
 * overdue); a term has a handful, so the plan filters them in memory.
 */
export function findTermCourses(db: AppDatabase, termId: number, today: LocalDate, region = '') {
  const rows = termCourseRows(db).all({ termId, region });
  let waitingFor: ReturnType<typeof waitingNearby> | null = null;
  return rows.map((row) => {
    const situation = { ...row, placed: Number(row.placed), today };
    // The waiting counts are read only when a course is close enough to its decision to need them.
    const provisional = goNoGoOutlook({ ...situation, waitingHere: 0, waitingNearby: 0 });
    if (provisional.kind === 'fine' || provisional.kind === 'not-yet') {
      return { ...row, outlook: provisional };
    }
    waitingFor ??= waitingNearby(db);
    return { ...row, outlook: goNoGoOutlook({ ...situation, ...waitingFor(row.localityId) }) };
  });
}
export type TermCourse = ReturnType<typeof findTermCourses>[number];

const termSessionRows = preparedFor((db) =>
  db
    .select({
      id: courseSessions.id,
      courseId: courses.id,
      localDate: courseSessions.localDate,
      startTime: courseSessions.startTime,
      endTime: courseSessions.endTime,
      localityName: localities.name,
      ...programNameColumns,
    })
    .from(courseSessions)
    .innerJoin(courses, eq(courses.id, courseSessions.courseId))
    .innerJoin(localities, eq(localities.id, courses.localityId))
    .innerJoin(programs, eq(programs.id, courses.programId))
    .where(
      sql`${courses.termId} = ${sql.placeholder('termId')} and ${courses.status} != 'cancelled' and ${courseSessions.status} = 'scheduled' and ${inRegion(courses.localityId, sql.placeholder('region'))}`,
    )
    .orderBy(asc(courseSessions.startsAt))
    .prepare(),
);

/** The sessions that take place in the term, for the week calendar. */
export function findTermSessions(db: AppDatabase, termId: number, region = '') {
  return termSessionRows(db).all({ termId, region });
}
export type TermSession = ReturnType<typeof findTermSessions>[number];

const trainedBetween = preparedFor((db) =>
  db
    .select({ trained: count() })
    .from(trainingCandidates)
    .where(
      and(
        eq(trainingCandidates.state, 'completed'),
        between(
          trainingCandidates.completedOn,
          sql.placeholder('startsOn'),
          sql.placeholder('endsOn'),
        ),
      ),
    )
    .prepare(),
);

/** Candidates who completed instructor training within the term (its first and last day included). */
export function countTrainedInTerm(db: AppDatabase, term: { startsOn: string; endsOn: string }) {
  return trainedBetween(db).get({ startsOn: term.startsOn, endsOn: term.endsOn })!.trained;
}

const termsFromDay = preparedFor((db) =>
  db
    .select()
    .from(terms)
    .where(gte(terms.endsOn, sql.placeholder('today')))
    .orderBy(asc(terms.startsOn))
    .prepare(),
);

/** The terms that have not ended by `today` (the one under way and those to come). */
export function listTermsNotEnded(db: AppDatabase, today: LocalDate) {
  return termsFromDay(db).all({ today });
}

const courseStartsOfTerm = preparedFor((db) =>
  db
    .select({
      status: courses.status,
      firstDate: sql<LocalDate | null>`min(${courseSessions.localDate})`,
    })
    .from(courses)
    .leftJoin(
      courseSessions,
      and(eq(courseSessions.courseId, courses.id), eq(courseSessions.status, 'scheduled')),
    )
    .where(eq(courses.termId, sql.placeholder('termId')))
    .groupBy(courses.id)
    .prepare(),
);

/** Each course of the term with its status and first scheduled session, for counting by phase. */
export function findTermCourseStarts(db: AppDatabase, termId: number) {
  return courseStartsOfTerm(db).all({ termId });
}

export function addBlockedPeriod(
  db: DatabaseOrTransaction,
  period: { name: string; startsOn: string; endsOn: string },
  now: Date,
): void {
  db.insert(blockedPeriods)
    .values({ ...period, createdAt: now })
    .run();
}

export function removeBlockedPeriod(db: AppDatabase, periodId: number): boolean {
  return db.delete(blockedPeriods).where(eq(blockedPeriods.id, periodId)).run().changes > 0;
}
