import { inRegion } from '../places/regions';
import { aliasedTable, and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  applications,
  callAttempts,
  courseInstructors,
  courses,
  enrollments,
  instructors,
  interviews,
  localities,
  outbox,
  programs,
  users,
  type CallOutcome,
} from '../../../db/schema';
import { foldText, type AppDatabase } from '../../db';
import { markOf, loadCourseAttendance } from '../attendance/queries';
import { callAttemptsOf } from '../calls/queries';
import { summaryOf, type AttendanceSummary } from '../attendance/attendance-rules';
import { parseNeeds, transportFollowThrough } from '../enrollment/needs';
import { leadsCourse } from '../enrollment/queries';
import { listUnconfirmedSubmissions } from '../intake/unconfirmed-submissions';
import { programNameColumns } from '../programs/program-names';

export const peoplePerPage = 25;
/** Shorter queries would list nearly everyone: the page shows only the form. */
export const shortestQuery = 2;
/** Fewer digits than this are not read as part of a phone number (e.g. "Osallistuja 1"). */
const shortestPhoneDigits = 3;

/** Whose people a staff member may find: everyone (planning staff) or one instructor's courses. */
export type PeopleScope = { ledByUserId: number | null };

/** `%` and `_` are literal in the query; `\` escapes them in the LIKE pattern. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * The digits of a typed phone number as they appear in the stored E.164 number without its "+":
 * a Finnish trunk 0 becomes 358 ("040 123" → "35840123") and an international 00 is dropped. Only
 * a query of phone characters counts, so a name with a number in it is not read as a phone.
 */
export function phoneDigitsOf(query: string): string | null {
  if (!/^[\d\s+()\-./]+$/.test(query)) return null;
  const digits = query.replace(/\D/g, '');
  if (digits.length < shortestPhoneDigits) return null;
  if (digits.startsWith('00')) return digits.slice(2);
  if (digits.startsWith('0')) return `358${digits.slice(1)}`;
  return digits;
}

function matching(query: string): SQL {
  const pattern = containsPattern(foldText(query.trim()));
  const byText = or(
    sql`fold(${applications.name}) like ${pattern} escape '\\'`,
    sql`fold(${applications.email}) like ${pattern} escape '\\'`,
  )!;
  const digits = phoneDigitsOf(query.trim());
  if (digits === null) return byText;
  return or(
    byText,
    sql`replace(${applications.phone}, '+', '') like ${containsPattern(digits)} escape '\\'`,
  )!;
}

/** The applications of people enrolled (in any state) on a course the staff account leads. */
function onCoursesLedBy(db: AppDatabase, userId: number) {
  return inArray(
    applications.id,
    db
      .select({ id: enrollments.applicationId })
      .from(enrollments)
      .innerJoin(courseInstructors, eq(courseInstructors.courseId, enrollments.courseId))
      .innerJoin(instructors, eq(instructors.id, courseInstructors.instructorId))
      .where(eq(instructors.userId, userId)),
  );
}

function scoped(db: AppDatabase, scope: PeopleScope): SQL | undefined {
  return scope.ledByUserId === null ? undefined : onCoursesLedBy(db, scope.ledByUserId);
}

const courseTitleColumns = {
  ...programNameColumns,
  localityName: localities.name,
};

export type PersonCourse = Omit<ReturnType<typeof enrollmentsOf>[number], 'applicationId'>;

/** The people's enrolments (any state) with their courses' titles, in the order they queued. */
function enrollmentsOf(db: AppDatabase, applicationIds: number[]) {
  return db
    .select({
      id: enrollments.id,
      applicationId: enrollments.applicationId,
      courseId: enrollments.courseId,
      state: enrollments.state,
      queuedAt: enrollments.queuedAt,
      placedAt: enrollments.placedAt,
      withdrawnAt: enrollments.withdrawnAt,
      withdrawnReason: enrollments.withdrawnReason,
      dropOutReason: enrollments.dropOutReason,
      movedUpReason: enrollments.movedUpReason,
      transportState: enrollments.transportState,
      transportMeans: enrollments.transportMeans,
      ...courseTitleColumns,
    })
    .from(enrollments)
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .innerJoin(programs, eq(programs.id, courses.programId))
    .innerJoin(localities, eq(localities.id, courses.localityId))
    .where(inArray(enrollments.applicationId, applicationIds))
    .orderBy(asc(enrollments.queuedAt), asc(enrollments.id))
    .all();
}

export type PeopleSearchRow = {
  id: number;
  name: string;
  phone: string;
  state: (typeof applications.$inferSelect)['state'];
  courses: PersonCourse[];
  callCount: number;
  lastCallOutcome: CallOutcome | null;
};

/**
 * One page of the people whose name or e-mail contains the query (folded: case and accents do not
 * matter) or whose phone number contains its digits, by name, after the person `after` (keyset on
 * the folded name and id; the first page when they are gone). Only the page's people are read
 * further (their courses and calls). The match itself reads every application: "contains" cannot
 * use an index.
 */
export function searchPeople(
  db: AppDatabase,
  search: { query: string; after?: number; scope: PeopleScope; region?: string },
): { rows: PeopleSearchRow[]; nextAfter: number | null } {
  const foldedName = sql`fold(${applications.name})`;
  const cursor =
    search.after === undefined
      ? undefined
      : db
          .select({ foldedName: sql<string>`${foldedName}` })
          .from(applications)
          .where(eq(applications.id, search.after))
          .get();
  const found = db
    .select({
      id: applications.id,
      name: applications.name,
      phone: applications.phone,
      state: applications.state,
    })
    .from(applications)
    .where(
      and(
        matching(search.query),
        scoped(db, search.scope),
        inRegion(applications.localityId, search.region ?? '', { orNoLocality: true }),
        cursor
          ? sql`(${foldedName}, ${applications.id}) > (${cursor.foldedName}, ${search.after})`
          : undefined,
      ),
    )
    .orderBy(foldedName, asc(applications.id))
    .limit(peoplePerPage + 1)
    .all();
  const page = found.slice(0, peoplePerPage);
  const ids = page.map((person) => person.id);
  if (ids.length === 0) return { rows: [], nextAfter: null };

  const coursesOf = new Map<number, PersonCourse[]>();
  for (const { applicationId, ...course } of enrollmentsOf(db, ids)) {
    coursesOf.set(applicationId, [...(coursesOf.get(applicationId) ?? []), course]);
  }

  const callsOf = new Map<number, { count: number; last: CallOutcome }>();
  for (const call of callAttemptsOf(db, ids)) {
    const count = (callsOf.get(call.applicationId)?.count ?? 0) + 1;
    callsOf.set(call.applicationId, { count, last: call.outcome });
  }

  return {
    rows: page.map((person) => ({
      ...person,
      courses: coursesOf.get(person.id) ?? [],
      callCount: callsOf.get(person.id)?.count ?? 0,
      lastCallOutcome: callsOf.get(person.id)?.last ?? null,
    })),
    nextAfter: found.length > peoplePerPage ? ids.at(-1)! : null,
  };
}

/** Whether the person is enrolled (in any state) on a course the staff account leads. */
export function isOnCourseLedBy(db: AppDatabase, applicationId: number, userId: number): boolean {
  return (
    db
      .select({ id: applications.id })
      .from(applications)
      .where(and(eq(applications.id, applicationId), onCoursesLedBy(db, userId)))
      .get() !== undefined
  );
}

const preferredCourses = aliasedTable(courses, 'preferred_course');
const preferredPrograms = aliasedTable(programs, 'preferred_program');
const preferredLocalities = aliasedTable(localities, 'preferred_locality');
const consentRecorders = aliasedTable(users, 'consent_recorder');

/** Everything held about one person: what their page shows, and what a data-access request gets. */
export function personRecord(db: AppDatabase, applicationId: number) {
  const application = db
    .select({
      application: applications,
      localityName: localities.name,
      consentRecordedByName: consentRecorders.name,
      preferredProgramNameFi: preferredPrograms.nameFi,
      preferredProgramNameSv: preferredPrograms.nameSv,
      preferredProgramNameEn: preferredPrograms.nameEn,
      preferredLocalityName: preferredLocalities.name,
    })
    .from(applications)
    .leftJoin(localities, eq(localities.id, applications.localityId))
    .leftJoin(consentRecorders, eq(consentRecorders.id, applications.consentRecordedBy))
    .leftJoin(preferredCourses, eq(preferredCourses.id, applications.preferredCourseId))
    .leftJoin(preferredPrograms, eq(preferredPrograms.id, preferredCourses.programId))
    .leftJoin(preferredLocalities, eq(preferredLocalities.id, preferredCourses.localityId))
    .where(eq(applications.id, applicationId))
    .get();
  if (!application) return undefined;
  const {
    preferredProgramNameFi,
    preferredProgramNameSv,
    preferredProgramNameEn,
    preferredLocalityName,
    ...held
  } = application;
  const preferredCourse =
    preferredProgramNameFi !== null &&
    preferredProgramNameSv !== null &&
    preferredProgramNameEn !== null &&
    preferredLocalityName !== null
      ? {
          programNameFi: preferredProgramNameFi,
          programNameSv: preferredProgramNameSv,
          programNameEn: preferredProgramNameEn,
          localityName: preferredLocalityName,
        }
      : null;

  const calls = db
    .select({
      id: callAttempts.id,
      at: callAttempts.at,
      outcome: callAttempts.outcome,
      callBackAt: callAttempts.callBackAt,
      byName: users.name,
    })
    .from(callAttempts)
    .leftJoin(users, eq(users.id, callAttempts.byUserId))
    .where(eq(callAttempts.applicationId, applicationId))
    .orderBy(asc(callAttempts.at), asc(callAttempts.id))
    .all();

  const interviewRows = db
    .select({ interview: interviews, byName: users.name })
    .from(interviews)
    .leftJoin(users, eq(users.id, interviews.byUserId))
    .where(eq(interviews.applicationId, applicationId))
    .orderBy(asc(interviews.at), asc(interviews.id))
    .all()
    .map(({ interview, byName }) => ({
      ...interview,
      byName,
      needs: interview.needs.split(',').filter(Boolean),
    }));

  const latestNeeds = parseNeeds(interviewRows.at(-1)?.needs.join(','));
  const enrollmentRows = enrollmentsOf(db, [applicationId]).map((enrollment) => ({
    ...enrollment,
    attendance: attendanceSummaryOf(db, enrollment),
    /** Where their transport stands, while they hold a seat and need transport. */
    transport:
      enrollment.state === 'placed'
        ? transportFollowThrough(latestNeeds, enrollment.transportState)
        : null,
  }));

  const messages = db
    .select({
      id: outbox.id,
      courseId: outbox.courseId,
      subject: outbox.subject,
      state: outbox.state,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(eq(outbox.applicationId, applicationId))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .all();

  return {
    ...held,
    preferredCourse,
    calls,
    interviews: interviewRows,
    enrollments: enrollmentRows,
    messages,
    unconfirmed: listUnconfirmedSubmissions(db, applicationId),
  };
}
export type PersonRecord = NonNullable<ReturnType<typeof personRecord>>;

/**
 * What an instructor sees of a person on their course: the enrolments and messages of the courses
 * they lead, not the person's other courses.
 */
export function narrowedToCoursesLedBy(
  db: AppDatabase,
  person: PersonRecord,
  userId: number,
): PersonRecord {
  const led = new Set(
    person.enrollments
      .map((enrollment) => enrollment.courseId)
      .filter((courseId) => leadsCourse(db, userId, courseId)),
  );
  return {
    ...person,
    enrollments: person.enrollments.filter((enrollment) => led.has(enrollment.courseId)),
    messages: person.messages.filter(
      (message) => message.courseId !== null && led.has(message.courseId),
    ),
  };
}

/** The person's marks on the course, counted as on the course page; null before any session. */
function attendanceSummaryOf(
  db: AppDatabase,
  enrollment: { id: number; courseId: number },
): AttendanceSummary | null {
  const course = loadCourseAttendance(db, enrollment.courseId);
  const participant = course?.participants.find((person) => person.enrollmentId === enrollment.id);
  if (!course || !participant) return null;
  const summary = summaryOf(participant, course.sessions, (sessionId) =>
    markOf(course, enrollment.id, sessionId),
  );
  return summary.attended + summary.excused + summary.absent === 0 ? null : summary;
}
