import { and, asc, eq, inArray, isNotNull, ne, sql, type SQL } from 'drizzle-orm';
import {
  courseInstructors,
  courseSessions,
  courses,
  instructorLocalities,
  instructors,
  localities,
  users,
} from '../../../db/schema';
import { immediateTransaction, preparedFor, type AppDatabase, type Transaction } from '../../db';
import { pageOf, pageSize } from '../../http/paging';
import { wallClockToInstant, type LocalDate } from '../../lib/helsinki-time';
import { recordAudit, type Actor } from '../audit/audit-log';
import type { InstructorInput } from './instructor-input';
import {
  licenceOf,
  needsAttention,
  oldestCourseEndThatMatters,
  type LicenceCourse,
} from './licence-rules';

/**
 * An instructor works in the region shown when one of their localities is in it; one with no
 * locality yet shows in every region, so a new instructor is not lost. Both are looked up per
 * instructor by the (instructor, locality) key, so the list keeps its own index path.
 */
export const worksInRegionShown = sql`(${sql.placeholder('region')} = '' or not exists (select 1 from ${instructorLocalities} where ${instructorLocalities.instructorId} = ${instructors.id}) or exists (select 1 from ${instructorLocalities} join ${localities} on ${localities.id} = ${instructorLocalities.localityId} where ${instructorLocalities.instructorId} = ${instructors.id} and ${localities.region} = ${sql.placeholder('region')}))`;

const instructorListColumns = {
  id: instructors.id,
  name: instructors.name,
  email: instructors.email,
  phone: instructors.phone,
  kind: instructors.kind,
  employerUnit: instructors.employerUnit,
  trainedOn: instructors.trainedOn,
  accountName: users.name,
  accountEmail: users.email,
};

/** By name, walking the name index; `after` continues from the cursor's (name, id). */
const instructorListStatement = (where: SQL | undefined) =>
  preparedFor((db) =>
    db
      .select(instructorListColumns)
      .from(instructors)
      .leftJoin(users, eq(users.id, instructors.userId))
      .where(and(worksInRegionShown, where))
      .orderBy(asc(instructors.name), asc(instructors.id))
      .limit(sql.placeholder('limit'))
      .prepare(),
  );

const firstInstructors = instructorListStatement(undefined);
const instructorsAfter = instructorListStatement(
  sql`(${instructors.name}, ${instructors.id}) > (${sql.placeholder('name')}, ${sql.placeholder('id')})`,
);

const instructorPosition = preparedFor((db) =>
  db
    .select({ name: instructors.name })
    .from(instructors)
    .where(eq(instructors.id, sql.placeholder('id')))
    .prepare(),
);

const localitiesOfInstructors = preparedFor((db) =>
  db
    .select({
      instructorId: instructorLocalities.instructorId,
      localityId: localities.id,
      name: localities.name,
    })
    .from(instructorLocalities)
    .innerJoin(localities, eq(localities.id, instructorLocalities.localityId))
    .orderBy(asc(localities.name))
    .prepare(),
);

const planningList = preparedFor((db) =>
  db
    .select({ id: instructors.id, name: instructors.name, kind: instructors.kind })
    .from(instructors)
    .orderBy(asc(instructors.name), asc(instructors.id))
    .prepare(),
);

/** The courses of all instructors (or of some) with their first and last scheduled session. */
function courseDatesOf(db: AppDatabase, filter?: SQL) {
  return db
    .select({
      instructorId: courseInstructors.instructorId,
      status: courses.status,
      firstDate: sql<LocalDate | null>`min(${courseSessions.localDate})`,
      lastDate: sql<LocalDate | null>`max(${courseSessions.localDate})`,
    })
    .from(courseInstructors)
    .innerJoin(courses, eq(courses.id, courseInstructors.courseId))
    .leftJoin(
      courseSessions,
      and(eq(courseSessions.courseId, courses.id), eq(courseSessions.status, 'scheduled')),
    )
    .where(filter)
    .groupBy(courseInstructors.instructorId, courses.id);
}

/**
 * Every instructor's courses that can still matter to a licence (a session since `since`, found
 * through the sessions' time index), in one pass: the licence overview.
 */
const recentCourseDatesOfInstructors = preparedFor((db) =>
  courseDatesOf(
    db,
    sql`${courses.id} in (select ${courseSessions.courseId} from ${courseSessions} where ${courseSessions.startsAt} >= ${sql.placeholder('since')})`,
  ).prepare(),
);

function groupByInstructor<Row extends { instructorId: number }, Value>(
  rows: readonly Row[],
  valueOf: (row: Row) => Value,
): Map<number, Value[]> {
  const grouped = new Map<number, Value[]>();
  for (const row of rows) {
    const list = grouped.get(row.instructorId) ?? [];
    list.push(valueOf(row));
    grouped.set(row.instructorId, list);
  }
  return grouped;
}

type CourseDates = LicenceCourse & { instructorId: number };

function licenceCoursesByInstructor(rows: CourseDates[]): Map<number, LicenceCourse[]> {
  return groupByInstructor(rows, (row) => ({
    status: row.status,
    firstDate: row.firstDate,
    lastDate: row.lastDate,
  }));
}

const licenceList = preparedFor((db) =>
  db
    .select({ id: instructors.id, name: instructors.name, trainedOn: instructors.trainedOn })
    .from(instructors)
    .orderBy(asc(instructors.name), asc(instructors.id))
    .prepare(),
);

/** Every instructor's courses that can still change their licence today, by instructor id. */
export function licenceCoursesOfInstructors(
  db: AppDatabase,
  today: LocalDate,
): Map<number, LicenceCourse[]> {
  const since = wallClockToInstant(oldestCourseEndThatMatters(today), '00:00').getTime();
  return licenceCoursesByInstructor(recentCourseDatesOfInstructors(db).all({ since }));
}

/**
 * The coordinator's licence to-dos: new instructors with no course planned, and those about to
 * lapse. Instructors are staff, not clients: their names are not audited reads of personal data.
 */
export function instructorsNeedingAttention(db: AppDatabase, today: LocalDate) {
  return instructorLicenceOverview(db, today).attention;
}

/**
 * The licence to-dos and, from the same pass over the instructors, how many hold an active licence
 * and how many are lapsing — for the home page's summary.
 */
export function instructorLicenceOverview(db: AppDatabase, today: LocalDate) {
  const byInstructor = licenceCoursesOfInstructors(db, today);
  const counts = { active: 0, lapsing: 0 };
  const attention = licenceList(db)
    .all()
    .flatMap(({ trainedOn, ...instructor }) => {
      const input = { trainedOn, courses: byInstructor.get(instructor.id) ?? [], today };
      const licence = licenceOf(input);
      if (licence.status === 'active' || licence.status === 'lapsing') counts[licence.status] += 1;
      const item = needsAttention(input, licence);
      return item ? [{ ...instructor, item }] : [];
    });
  return { attention, counts };
}
export type InstructorAttention = ReturnType<typeof instructorsNeedingAttention>[number];

function localitiesByInstructor(db: AppDatabase) {
  return groupByInstructor(localitiesOfInstructors(db).all(), (row) => ({
    id: row.localityId,
    name: row.name,
  }));
}

export type InstructorListRow = ReturnType<typeof pageOfInstructors>['rows'][number];

/**
 * One page of the instructors page, by name, after the instructor `after` (the first page when
 * they are gone): contact details, linked account, locality names and licence status. Only the
 * page's instructors' courses are read for their licences.
 */
export function pageOfInstructors(
  db: AppDatabase,
  today: LocalDate,
  position: { after?: number; region: string },
) {
  const { after, region } = position;
  const limit = pageSize + 1;
  const cursor = after === undefined ? undefined : instructorPosition(db).get({ id: after });
  const page = pageOf(
    cursor
      ? instructorsAfter(db).all({ name: cursor.name, id: after, region, limit })
      : firstInstructors(db).all({ region, limit }),
  );
  const ids = page.rows.map((instructor) => instructor.id);
  const byInstructor = localitiesByInstructor(db);
  const coursesByInstructor = licenceCoursesByInstructor(
    ids.length === 0 ? [] : courseDatesOf(db, inArray(courseInstructors.instructorId, ids)).all(),
  );
  const rows = page.rows.map(({ accountName, accountEmail, trainedOn, ...instructor }) => ({
    ...instructor,
    licence: licenceOf({
      trainedOn,
      courses: coursesByInstructor.get(instructor.id) ?? [],
      today,
    }),
    account:
      accountName !== null && accountEmail !== null
        ? { name: accountName, email: accountEmail }
        : null,
    localityNames: (byInstructor.get(instructor.id) ?? []).map((locality) => locality.name),
  }));
  return { rows, nextAfter: page.nextAfter };
}

/** Who can lead courses where, for the courses feature. */
export function listInstructorsForPlanning(db: AppDatabase) {
  const byInstructor = localitiesByInstructor(db);
  return planningList(db)
    .all()
    .map((instructor) => ({
      ...instructor,
      localityIds: (byInstructor.get(instructor.id) ?? []).map((locality) => locality.id),
    }));
}

export function findInstructor(db: AppDatabase, id: number) {
  const instructor = db
    .select({
      id: instructors.id,
      name: instructors.name,
      email: instructors.email,
      phone: instructors.phone,
      sharePhoneWithParticipants: instructors.sharePhoneWithParticipants,
      kind: instructors.kind,
      employerUnit: instructors.employerUnit,
      userId: instructors.userId,
    })
    .from(instructors)
    .where(eq(instructors.id, id))
    .get();
  if (!instructor) return undefined;
  const localityIds = db
    .select({ id: instructorLocalities.localityId })
    .from(instructorLocalities)
    .where(eq(instructorLocalities.instructorId, id))
    .all()
    .map((row) => row.id);
  return { ...instructor, localityIds };
}

export function isInstructorAccount(db: AppDatabase, userId: number): boolean {
  if (!Number.isSafeInteger(userId)) return false;
  return (
    db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.role, 'instructor')))
      .get() !== undefined
  );
}

/** Accounts with the instructor role not linked to any instructor but (when editing) this one. */
export function listLinkableAccounts(db: AppDatabase, forInstructorId?: number) {
  const linked = db
    .select({ userId: instructors.userId })
    .from(instructors)
    .where(
      forInstructorId === undefined
        ? isNotNull(instructors.userId)
        : and(isNotNull(instructors.userId), ne(instructors.id, forInstructorId)),
    )
    .all()
    .map((row) => row.userId);
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.role, 'instructor'))
    .orderBy(asc(users.name))
    .all()
    .filter((account) => !linked.includes(account.id));
}

export type SaveInstructorResult =
  { ok: true; id: number } | { ok: false; reason: 'account-taken' | 'not-found' };

function isAccountLinkedElsewhere(tx: Transaction, userId: number | null, instructorId?: number) {
  if (userId === null) return false;
  const other = tx
    .select({ id: instructors.id })
    .from(instructors)
    .where(eq(instructors.userId, userId))
    .get();
  return other !== undefined && other.id !== instructorId;
}

function replaceLocalities(tx: Transaction, instructorId: number, localityIds: number[]) {
  tx.delete(instructorLocalities).where(eq(instructorLocalities.instructorId, instructorId)).run();
  if (localityIds.length > 0) {
    tx.insert(instructorLocalities)
      .values(localityIds.map((localityId) => ({ instructorId, localityId })))
      .run();
  }
}

/** Another process may link the same account between our check and our write. */
function accountTakenOnUniqueViolation(save: () => SaveInstructorResult): SaveInstructorResult {
  try {
    return save();
  } catch (error) {
    const code =
      (error as { code?: unknown; cause?: { code?: unknown } }).code ??
      (error as { cause?: { code?: unknown } }).cause?.code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE') return { ok: false, reason: 'account-taken' };
    throw error;
  }
}

/**
 * Saves a new (id null) or existing instructor with their localities in the caller's transaction;
 * an account links to one instructor only.
 */
/** What saving takes: the form's input; without the sharing choice, a new one does not share. */
export type InstructorToSave = Omit<InstructorInput, 'sharePhoneWithParticipants'> &
  Partial<Pick<InstructorInput, 'sharePhoneWithParticipants'>>;

export function saveInstructorIn(
  tx: Transaction,
  id: number | null,
  input: InstructorToSave,
  now: Date,
): SaveInstructorResult {
  const { localityIds, ...instructor } = input;
  if (isAccountLinkedElsewhere(tx, instructor.userId, id ?? undefined)) {
    return { ok: false, reason: 'account-taken' };
  }
  let savedId = id;
  if (savedId === null) {
    savedId = tx
      .insert(instructors)
      .values({ ...instructor, createdAt: now })
      .returning({ id: instructors.id })
      .get().id;
  } else if (
    tx.update(instructors).set(instructor).where(eq(instructors.id, savedId)).run().changes !== 1
  ) {
    return { ok: false, reason: 'not-found' };
  }
  replaceLocalities(tx, savedId, localityIds);
  return { ok: true, id: savedId };
}

/**
 * Creates (id null) or changes an instructor with the audit entry in one transaction; the unique
 * index on user_id guards the account link against a concurrent save.
 */
export function saveInstructor(
  db: AppDatabase,
  id: number | null,
  input: InstructorToSave,
  actor: Actor,
  now: Date,
): SaveInstructorResult {
  return accountTakenOnUniqueViolation(() =>
    immediateTransaction(db, (tx) => {
      const result = saveInstructorIn(tx, id, input, now);
      if (result.ok) {
        const action = id === null ? 'create' : 'update';
        recordAudit(tx, { actor, action, subjectType: 'instructor', subjectId: result.id }, now);
      }
      return result;
    }),
  );
}

/** Locality ids that exist, for checking a posted list. */
export function existingLocalityIds(db: AppDatabase, ids: number[]): Set<number> {
  if (ids.length === 0) return new Set();
  return new Set(
    db
      .select({ id: localities.id })
      .from(localities)
      .where(inArray(localities.id, ids))
      .all()
      .map((row) => row.id),
  );
}
