import { isActiveEnrollment } from './seat-rules';
import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNull,
  lte,
  ne,
  notInArray,
  or,
  sql,
} from 'drizzle-orm';
import {
  applications,
  courseInstructors,
  courses,
  enrollments,
  instructors,
  interviews,
  localities,
  programs,
  type EnrollmentState,
  type TransportMeans,
  type TransportState,
} from '../../../db/schema';
import { preparedFor, type AppDatabase, type DatabaseOrTransaction } from '../../db';
import {
  parseNeeds,
  summariseNeeds,
  transportFollowThrough,
  venueMismatches,
  type PlacedNeeds,
  type ShownNeed,
  type VenueAccess,
} from './needs';
import { activeEnrollmentStates } from './seat-rules';
import { inRegion } from '../places/regions';
import { programNameColumns } from '../programs/program-names';

/** Reads about enrollments; the seat commands that change them are in `seats.ts`. */
export function findEnrollment(db: AppDatabase, enrollmentId: number) {
  return db.select().from(enrollments).where(eq(enrollments.id, enrollmentId)).get();
}

/** Whether the staff account is one of the course's instructor pair. */
export function leadsCourse(db: AppDatabase, userId: number, courseId: number): boolean {
  return (
    db
      .select({ courseId: courseInstructors.courseId })
      .from(courseInstructors)
      .innerJoin(instructors, eq(instructors.id, courseInstructors.instructorId))
      .where(and(eq(courseInstructors.courseId, courseId), eq(instructors.userId, userId)))
      .get() !== undefined
  );
}

export type RosterEntry = {
  enrollmentId: number;
  applicationId: number;
  name: string;
  phone: string;
  email: string;
  state: EnrollmentState;
  queuedAt: Date;
  movedUpReason: string;
  withdrawnReason: string;
  /** Placed or waitlisted: the seat can still be given up or moved. */
  active: boolean;
  /** The needs ticked in the latest interview (never the free-text "other"). */
  needs: ShownNeed[];
  /** Where their transport stands; null when they do not need transport. */
  transport: TransportState | null;
  transportMeans: TransportMeans | '';
};

/** The needs of the application's latest interview, as stored (null without an interview). */
const latestInterviewNeeds = sql<
  string | null
>`(select ${interviews.needs} from ${interviews} where ${interviews.applicationId} = ${applications.id} order by ${interviews.at} desc, ${interviews.id} desc limit 1)`;

/** People waiting in the course's locality (or for this very course) who are not on it already. */
export function demandListFor(
  db: AppDatabase,
  course: { id: number; localityId: number },
  venue: VenueAccess | null,
) {
  const onCourse = db
    .select({ id: enrollments.applicationId })
    .from(enrollments)
    .where(
      and(eq(enrollments.courseId, course.id), inArray(enrollments.state, activeEnrollmentStates)),
    );
  return db
    .select({
      applicationId: applications.id,
      name: applications.name,
      municipality: applications.municipality,
      storedNeeds: latestInterviewNeeds,
    })
    .from(applications)
    .where(
      and(
        eq(applications.state, 'waiting'),
        or(
          eq(applications.localityId, course.localityId),
          eq(applications.preferredCourseId, course.id),
        ),
        notInArray(applications.id, onCourse),
      ),
    )
    .orderBy(asc(applications.createdAt), asc(applications.id))
    .all()
    .map(({ storedNeeds, ...entry }) => {
      const needs = parseNeeds(storedNeeds);
      // Whom the venue would not suit, told before placing them rather than after.
      const unmet = venueMismatches(venue, summariseNeeds([{ needs, transportState: '' }]));
      return { ...entry, needs, unmetByVenue: unmet.map((mismatch) => mismatch.need) };
    });
}

const rosterOrder: Record<EnrollmentState, number> = {
  placed: 0,
  completed: 1,
  'not-completed': 1,
  waitlisted: 2,
  withdrawn: 3,
  cancelled: 4,
};

/** Placed first, then the waitlist in its order, then those who left. */
export function courseRoster(db: AppDatabase, courseId: number): RosterEntry[] {
  return db
    .select({
      enrollmentId: enrollments.id,
      applicationId: applications.id,
      name: applications.name,
      phone: applications.phone,
      email: applications.email,
      state: enrollments.state,
      queuedAt: enrollments.queuedAt,
      movedUpReason: enrollments.movedUpReason,
      withdrawnReason: enrollments.withdrawnReason,
      storedNeeds: latestInterviewNeeds,
      transportState: enrollments.transportState,
      transportMeans: enrollments.transportMeans,
    })
    .from(enrollments)
    .innerJoin(applications, eq(applications.id, enrollments.applicationId))
    .where(eq(enrollments.courseId, courseId))
    .orderBy(asc(enrollments.queuedAt), asc(enrollments.id))
    .all()
    .sort((a, b) => rosterOrder[a.state] - rosterOrder[b.state])
    .map(({ storedNeeds, transportState, ...entry }) => {
      const needs = parseNeeds(storedNeeds);
      return {
        ...entry,
        active: isActiveEnrollment(entry.state),
        needs,
        transport: transportFollowThrough(needs, transportState),
      };
    });
}

/** The needs of the people holding a seat on the course, for its counts and venue warnings. */
export function placedNeedsOf(db: AppDatabase, courseId: number): PlacedNeeds[] {
  return db
    .select({ storedNeeds: latestInterviewNeeds, transportState: enrollments.transportState })
    .from(enrollments)
    .innerJoin(applications, eq(applications.id, enrollments.applicationId))
    .where(and(eq(enrollments.courseId, courseId), eq(enrollments.state, 'placed')))
    .all()
    .map((row) => ({ needs: parseNeeds(row.storedNeeds), transportState: row.transportState }));
}

/** The course's needs counts and the needs its venue cannot meet, for the roster and course page. */
export function courseNeeds(
  db: AppDatabase,
  course: { courseId: number; venue: VenueAccess | null },
) {
  const summary = summariseNeeds(placedNeedsOf(db, course.courseId));
  return { summary, mismatches: venueMismatches(course.venue, summary) };
}

/** A placed enrolment with what its transport follow-through needs to know. */
export function placedEnrollmentNeeds(db: DatabaseOrTransaction, enrollmentId: number) {
  const row = db
    .select({
      enrollmentId: enrollments.id,
      courseId: enrollments.courseId,
      state: enrollments.state,
      storedNeeds: latestInterviewNeeds,
    })
    .from(enrollments)
    .innerJoin(applications, eq(applications.id, enrollments.applicationId))
    .where(eq(enrollments.id, enrollmentId))
    .get();
  if (!row || row.state !== 'placed') return undefined;
  return {
    enrollmentId: row.enrollmentId,
    courseId: row.courseId,
    needs: parseNeeds(row.storedNeeds),
  };
}

const coursesAtDecision = preparedFor((db) =>
  db
    .select({
      courseId: courses.id,
      ...programNameColumns,
      localityName: localities.name,
      goNoGoDate: courses.goNoGoDate,
      placed: sql<number>`(select count(*) from ${enrollments} where ${enrollments.courseId} = ${courses.id} and ${enrollments.state} = 'placed')`,
      minimum: programs.minParticipants,
    })
    .from(courses)
    .innerJoin(programs, eq(programs.id, courses.programId))
    .innerJoin(localities, eq(localities.id, courses.localityId))
    .where(
      and(
        inArray(courses.status, ['planned', 'open']),
        lte(courses.goNoGoDate, sql.placeholder('today')),
        inRegion(courses.localityId, sql.placeholder('region')),
      ),
    )
    .orderBy(asc(courses.goNoGoDate))
    .prepare(),
);

/** Courses at or past their go/no-go date, still planned or open, below the program minimum. */
export function goNoGoDecisions(db: AppDatabase, today: string, region = '') {
  return coursesAtDecision(db)
    .all({ today, region })
    .filter((course) => course.placed < course.minimum);
}

/** How far back the coordinator's home page shows withdrawals made by participants themselves. */
const selfWithdrawalDays = 14;

/**
 * Enrollments the participants withdrew themselves through their link in the last 14 days, newest
 * first, at most 20: the coordinator hears of them on the home page.
 */
const selfWithdrawalsSince = preparedFor((db) =>
  db
    .select({
      enrollmentId: enrollments.id,
      courseId: courses.id,
      name: applications.name,
      withdrawnAt: enrollments.withdrawnAt,
      reason: enrollments.withdrawnReason,
      program: { nameFi: programs.nameFi, nameSv: programs.nameSv, nameEn: programs.nameEn },
      localityName: localities.name,
    })
    .from(enrollments)
    .innerJoin(applications, eq(applications.id, enrollments.applicationId))
    .innerJoin(courses, eq(courses.id, enrollments.courseId))
    .innerJoin(programs, eq(programs.id, courses.programId))
    .innerJoin(localities, eq(localities.id, courses.localityId))
    .where(
      and(
        eq(enrollments.state, 'withdrawn'),
        eq(enrollments.withdrawnBy, 'participant'),
        gte(enrollments.withdrawnAt, sql.placeholder('since')),
        // An erased person's places were freed by the coordinator carrying out the request.
        or(isNull(applications.closeReason), ne(applications.closeReason, 'deleted')),
      ),
    )
    .orderBy(desc(enrollments.withdrawnAt), desc(enrollments.id))
    .limit(20)
    .prepare(),
);

export function recentSelfWithdrawals(db: AppDatabase, now: Date) {
  const since = new Date(now.getTime() - selfWithdrawalDays * 24 * 60 * 60_000);
  return selfWithdrawalsSince(db).all({ since: since.getTime() });
}
export type SelfWithdrawal = ReturnType<typeof recentSelfWithdrawals>[number];
