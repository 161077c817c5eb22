import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { applications, courses, enrollments, localities, programs } from '../../../db/schema';
import { preparedFor, type AppDatabase } from '../../db';
import { inRegion } from '../places/regions';
import { addDays, type LocalDate } from '../../lib/helsinki-time';
import { atRiskWindowDays, goNoGoOutlook, type GoNoGoFigures } from './at-risk';
import { awaitingDecision } from './course-rules';
import { neighboursByLocality } from '../places/neighbours';
import { programNameColumns } from '../programs/program-names';

const waitingRows = preparedFor((db) =>
  db
    .select({ localityId: applications.localityId, waiting: sql<number>`count(*)` })
    .from(applications)
    .where(eq(applications.state, 'waiting'))
    .groupBy(applications.localityId)
    .prepare(),
);

/**
 * People waiting on each locality's demand list and in its neighbours, counted once per request
 * with GROUP BY (the waiting state is indexed, so this grows with the waiting, not the history).
 */
export function waitingNearby(db: AppDatabase): (localityId: number) => {
  waitingHere: number;
  waitingNearby: number;
} {
  const waiting = new Map<number, number>();
  for (const row of waitingRows(db).all()) {
    if (row.localityId !== null) waiting.set(row.localityId, Number(row.waiting));
  }
  const neighbours = neighboursByLocality(db);
  return (localityId) => ({
    waitingHere: waiting.get(localityId) ?? 0,
    waitingNearby: (neighbours.get(localityId) ?? []).reduce(
      (sum, id) => sum + (waiting.get(id) ?? 0),
      0,
    ),
  });
}

const comingDecisionRows = preparedFor((db) =>
  db
    .select({
      courseId: courses.id,
      status: courses.status,
      ...programNameColumns,
      localityId: courses.localityId,
      localityName: localities.name,
      goNoGoDate: courses.goNoGoDate,
      minimum: programs.minParticipants,
      placed: sql<number>`count(${enrollments.id})`,
    })
    .from(courses)
    .innerJoin(programs, eq(programs.id, courses.programId))
    .innerJoin(localities, eq(localities.id, courses.localityId))
    .leftJoin(
      enrollments,
      and(eq(enrollments.courseId, courses.id), eq(enrollments.state, 'placed')),
    )
    .where(
      and(
        inArray(courses.status, [...awaitingDecision]),
        gte(courses.goNoGoDate, sql.placeholder('today')),
        lte(courses.goNoGoDate, sql.placeholder('horizon')),
        inRegion(courses.localityId, sql.placeholder('region')),
      ),
    )
    .groupBy(courses.id)
    .orderBy(asc(courses.goNoGoDate), asc(courses.id))
    .prepare(),
);

export type AtRiskCourse = {
  courseId: number;
  programNameFi: string;
  programNameSv: string;
  programNameEn: string;
  localityName: string;
  goNoGoDate: LocalDate;
  daysLeft: number;
} & GoNoGoFigures;

/**
 * Courses still waiting for their go/no-go decision, due within two weeks, with fewer placed than
 * the minimum: only the coming decisions are read, never the past terms.
 */
export function coursesAtRisk(db: AppDatabase, today: LocalDate, region = ''): AtRiskCourse[] {
  const rows = comingDecisionRows(db).all({
    today,
    horizon: addDays(today, atRiskWindowDays),
    region,
  });
  if (rows.length === 0) return [];
  const waitingFor = waitingNearby(db);
  return rows.flatMap((row) => {
    const outlook = goNoGoOutlook({
      ...row,
      placed: Number(row.placed),
      today,
      ...waitingFor(row.localityId),
    });
    if (outlook.kind !== 'at-risk') return [];
    const { kind: _kind, ...figures } = outlook;
    return [
      {
        courseId: row.courseId,
        programNameFi: row.programNameFi,
        programNameSv: row.programNameSv,
        programNameEn: row.programNameEn,
        localityName: row.localityName,
        goNoGoDate: row.goNoGoDate,
        ...figures,
      },
    ];
  });
}
