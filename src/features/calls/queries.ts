import { and, asc, count, eq, inArray, min, or, sql, type SQL } from 'drizzle-orm';
import {
  applications,
  callAttempts,
  callReasons,
  courseInstructors,
  courses,
  instructors,
  localities,
  programs,
  type CallOutcome,
} from '../../../db/schema';
import { preparedFor, type AppDatabase, immediateTransaction } from '../../db';
import type { SignedInUser } from '../../http/app-env';
import { pageOf, pageSize } from '../../http/paging';
import { recordAudit } from '../audit/audit-log';
import { worksInRegionShown } from '../instructors/queries';
import { inRegion } from '../places/regions';
import { courseTitleColumns, type ApplicationRow } from '../intake/queries';
import {
  isUnreachable,
  nextCallDue,
  type CallAttemptSummary,
  type UnreachableRule,
} from './call-rules';
import type { ClosureInput } from './interview-input';

/**
 * On the call queue: everyone still to be interviewed, and anyone with news to be told by phone
 * (placed on a course, or their course was cancelled) until they have been reached.
 */
const onTheQueue = or(
  eq(applications.state, 'to-call'),
  // A call reason other than intake, spelled out, so the call-reason index finds the few with news
  // instead of reading years of placed applications; "not closed" as the other states.
  and(
    inArray(
      applications.callReason,
      callReasons.filter((reason) => reason !== 'intake'),
    ),
    inArray(applications.state, ['waiting', 'placed']),
  ),
);

/** On the queue of the region shown: an applicant's locality (none: every region's queue). */
const inRegionShown = inRegion(applications.localityId, sql.placeholder('region'), {
  orNoLocality: true,
});

const onTheCallersQueue = and(
  onTheQueue,
  inRegionShown,
  sql`(${sql.placeholder('instructorId')} is null or ${applications.assignedInstructorId} = ${sql.placeholder('instructorId')})`,
);

/** By due time; `after` continues past the cursor's (due, id), `from` starts at it. */
const queueRowsStatement = (position: SQL | undefined) =>
  preparedFor((db) =>
    db
      .select({
        id: applications.id,
        name: applications.name,
        phone: applications.phone,
        source: applications.source,
        callReason: applications.callReason,
        callDueAt: applications.callDueAt,
        goodTimesToCall: applications.goodTimesToCall,
        referrerName: applications.referrerName,
        referrerUnit: applications.referrerUnit,
        referrerContact: applications.referrerContact,
        assignedInstructorId: applications.assignedInstructorId,
        assignedInstructorName: instructors.name,
      })
      .from(applications)
      .leftJoin(instructors, eq(instructors.id, applications.assignedInstructorId))
      .where(and(onTheCallersQueue, position))
      .orderBy(asc(applications.callDueAt), asc(applications.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
  );

const queuePosition = sql`(${applications.callDueAt}, ${applications.id})`;
const cursorPosition = sql`(${sql.placeholder('dueAt')}, ${sql.placeholder('id')})`;
const firstQueueRows = queueRowsStatement(undefined);
const queueRowsAfter = queueRowsStatement(sql`${queuePosition} > ${cursorPosition}`);
const queueRowsFrom = queueRowsStatement(sql`${queuePosition} >= ${cursorPosition}`);

const queueSummary = preparedFor((db) =>
  db
    .select({ count: count(), oldestDueAt: min(applications.callDueAt) })
    .from(applications)
    .where(and(onTheQueue, inRegionShown))
    .prepare(),
);

/** How many calls wait on the queue and when the one due longest ago was due (null: none wait). */
export function callQueueSummary(
  db: AppDatabase,
  region = '',
): { count: number; oldestDueAt: Date | null } {
  const { count, oldestDueAt } = queueSummary(db).get({ region })!;
  return { count, oldestDueAt: oldestDueAt ?? null };
}

export type QueueItem = ReturnType<typeof pageOfCallQueue>['rows'][number];

/** The calls made to these applications, oldest first, found by application. */
export function callAttemptsOf(db: AppDatabase, applicationIds: number[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({
      applicationId: callAttempts.applicationId,
      at: callAttempts.at,
      outcome: callAttempts.outcome,
    })
    .from(callAttempts)
    .where(inArray(callAttempts.applicationId, applicationIds))
    .orderBy(asc(callAttempts.at), asc(callAttempts.id))
    .all();
}

const duePosition = preparedFor((db) =>
  db
    .select({ dueAt: applications.callDueAt })
    .from(applications)
    .where(eq(applications.id, sql.placeholder('id')))
    .prepare(),
);

/**
 * One page of the call queue by due time. `assignedTo` narrows it to one instructor's calls; null
 * shows all (for planning staff). The page follows the application `after`, or starts at the
 * application `from` (to show a row whose form came back with a problem); the first page when
 * neither is given or the application is gone.
 */
export function pageOfCallQueue(
  db: AppDatabase,
  scope: { assignedTo: number | null; region?: string },
  unreachableRule: UnreachableRule,
  position: { after?: number; from?: number } = {},
) {
  const limit = pageSize + 1;
  const instructorId = scope.assignedTo;
  const region = scope.region ?? '';
  const cursorId = position.after ?? position.from;
  const cursor = cursorId === undefined ? undefined : duePosition(db).get({ id: cursorId });
  const found = !cursor
    ? firstQueueRows(db).all({ instructorId, region, limit })
    : (position.after !== undefined ? queueRowsAfter : queueRowsFrom)(db).all({
        instructorId,
        region,
        dueAt: cursor.dueAt.getTime(),
        id: cursorId,
        limit,
      });
  const page = pageOf(found);
  const attemptsByApplication = new Map<number, CallAttemptSummary[]>();
  for (const attempt of callAttemptsOf(
    db,
    page.rows.map((row) => row.id),
  )) {
    const list = attemptsByApplication.get(attempt.applicationId) ?? [];
    list.push(attempt);
    attemptsByApplication.set(attempt.applicationId, list);
  }
  const rows = page.rows.map((row) => {
    const attempts = attemptsByApplication.get(row.id) ?? [];
    return {
      ...row,
      attemptCount: attempts.length,
      lastOutcome: attempts.at(-1)?.outcome ?? null,
      unreachable: isUnreachable(attempts, unreachableRule),
    };
  });
  return { rows, nextAfter: page.nextAfter };
}

export function instructorIdOfUser(db: AppDatabase, userId: number): number | null {
  return (
    db.select({ id: instructors.id }).from(instructors).where(eq(instructors.userId, userId)).get()
      ?.id ?? null
  );
}

const instructorChoices = preparedFor((db) =>
  db
    .select({ id: instructors.id, name: instructors.name })
    .from(instructors)
    .where(worksInRegionShown)
    .orderBy(asc(instructors.name), asc(instructors.id))
    .prepare(),
);

/**
 * Who a call can be given to: the instructors working in the region shown. Every row of the queue
 * page carries this list, so a whole country's instructors would make each page megabytes.
 */
export function listInstructorChoices(db: AppDatabase, region = '') {
  return instructorChoices(db).all({ region });
}

export function instructorExists(db: AppDatabase, id: number): boolean {
  return db.select({ id: instructors.id }).from(instructors).where(eq(instructors.id, id)).get()
    ? true
    : false;
}

/**
 * Courses a person can be placed on from the interview: open for enrolment or confirmed. `ledBy`
 * narrows them to one instructor's own courses; null gives all (for planning staff).
 */
export function listPlacementCourses(
  db: AppDatabase,
  scope: { ledBy: number | null } = { ledBy: null },
) {
  return db
    .select({
      id: courses.id,
      ...courseTitleColumns,
    })
    .from(courses)
    .innerJoin(programs, eq(programs.id, courses.programId))
    .innerJoin(localities, eq(localities.id, courses.localityId))
    .where(
      and(
        inArray(courses.status, ['open', 'confirmed']),
        scope.ledBy === null
          ? undefined
          : inArray(
              courses.id,
              db
                .select({ id: courseInstructors.courseId })
                .from(courseInstructors)
                .where(eq(courseInstructors.instructorId, scope.ledBy)),
            ),
      ),
    )
    .orderBy(asc(localities.name), asc(courses.id))
    .all();
}
export type PlacementCourse = ReturnType<typeof listPlacementCourses>[number];

export function localityExists(db: AppDatabase, id: number): boolean {
  return db.select({ id: localities.id }).from(localities).where(eq(localities.id, id)).get()
    ? true
    : false;
}

type Change = { actor: SignedInUser; now: Date };

/**
 * Records one call and moves the item's due time. Reaching someone who was to be told news takes
 * them off the queue; reaching someone for intake leaves them on it until the interview is saved.
 */
export function recordCallAttempt(
  db: AppDatabase,
  application: ApplicationRow,
  call: { outcome: CallOutcome; callBackAt: Date | null },
  { actor, now }: Change,
): void {
  immediateTransaction(db, (tx) => {
    tx.insert(callAttempts)
      .values({
        applicationId: application.id,
        at: now,
        outcome: call.outcome,
        callBackAt: call.callBackAt,
        byUserId: actor.id,
      })
      .run();
    const toldTheNews = call.outcome === 'reached' && application.callReason !== 'intake';
    tx.update(applications)
      .set({
        callDueAt: nextCallDue(call.outcome, now, call.callBackAt ?? undefined),
        ...(toldTheNews ? { callReason: 'intake' as const } : {}),
        updatedAt: now,
      })
      .where(eq(applications.id, application.id))
      .run();
    recordAudit(
      tx,
      {
        actor,
        action: 'update',
        subjectType: 'application',
        subjectId: application.id,
        detail: `call-attempt ${call.outcome}`,
      },
      now,
    );
  });
}

export function closeApplication(
  db: AppDatabase,
  applicationId: number,
  closure: ClosureInput,
  { actor, now }: Change,
): void {
  immediateTransaction(db, (tx) => {
    tx.update(applications)
      .set({
        state: 'closed',
        closeReason: closure.reason,
        closeNote: closure.note,
        callReason: 'intake',
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
        detail: `closed ${closure.reason}`,
      },
      now,
    );
  });
}

export function assignCall(
  db: AppDatabase,
  applicationId: number,
  instructorId: number | null,
  { actor, now }: Change,
): void {
  immediateTransaction(db, (tx) => {
    tx.update(applications)
      .set({ assignedInstructorId: instructorId, updatedAt: now })
      .where(eq(applications.id, applicationId))
      .run();
    recordAudit(
      tx,
      {
        actor,
        action: 'update',
        subjectType: 'application',
        subjectId: applicationId,
        detail: instructorId === null ? 'call unassigned' : `call assigned ${instructorId}`,
      },
      now,
    );
  });
}
