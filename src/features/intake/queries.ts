import { and, asc, eq, gt, inArray, lte, ne, or, sql } from 'drizzle-orm';
import {
  applications,
  courseSessions,
  courses,
  enrollments,
  localities,
  programs,
  publicSubmissions,
  venues,
} from '../../../db/schema';
import { preparedFor, type AppDatabase, type Transaction, immediateTransaction } from '../../db';
import type { SignedInUser } from '../../http/app-env';
import type { Language } from '../../i18n';
import { recordAudit } from '../audit/audit-log';
import { findDuplicate } from './duplicates';
import { noteUnconfirmedDetails } from './unconfirmed-submissions';
import { inRegion } from '../places/regions';
import { programNameColumns } from '../programs/program-names';

export type ApplicationRow = typeof applications.$inferSelect;

export function findApplication(db: AppDatabase, id: number): ApplicationRow | undefined {
  return db.select().from(applications).where(eq(applications.id, id)).get();
}

/** A course's first scheduled session day, for a select that has the course in it. */
export const firstScheduledDate = sql<
  string | null
>`(select min(${courseSessions.localDate}) from ${courseSessions} where ${courseSessions.courseId} = ${courses.id} and ${courseSessions.status} = 'scheduled')`;

/** A course named for people: its program, locality and first day (joins programs and localities). */
export const courseTitleColumns = {
  ...programNameColumns,
  localityName: localities.name,
  firstDate: firstScheduledDate,
};

/** What the applicant chose, by name: the course asked for (null: any course near them) and the locality. */
export function findApplicantChoices(
  db: AppDatabase,
  application: Pick<ApplicationRow, 'preferredCourseId' | 'localityId'>,
) {
  const preferredCourse =
    application.preferredCourseId === null
      ? null
      : (db
          .select(courseTitleColumns)
          .from(courses)
          .innerJoin(localities, eq(localities.id, courses.localityId))
          .innerJoin(programs, eq(programs.id, courses.programId))
          .where(eq(courses.id, application.preferredCourseId))
          .get() ?? null);
  const localityName =
    application.localityId === null ? null : findLocalityName(db, application.localityId);
  return { preferredCourse, localityName };
}
export type ApplicantChoices = ReturnType<typeof findApplicantChoices>;

const openCourseRows = preparedFor((db) =>
  db
    .select({
      id: courses.id,
      localityId: courses.localityId,
      localityName: localities.name,
      ...programNameColumns,
      venueName: venues.name,
      weeklyStartTime: courses.weeklyStartTime,
      firstDate: firstScheduledDate,
      lastDate: sql<
        string | null
      >`(select max(${courseSessions.localDate}) from ${courseSessions} where ${courseSessions.courseId} = ${courses.id} and ${courseSessions.status} = 'scheduled')`,
      weeklyEndTime: sql<
        string | null
      >`(select ${courseSessions.endTime} from ${courseSessions} where ${courseSessions.courseId} = ${courses.id} and ${courseSessions.status} = 'scheduled' order by ${courseSessions.startsAt} limit 1)`,
      /** The program's maximum less those placed; never below 0 (a full course has a waitlist). */
      seatsLeft: sql<number>`max(0, ${programs.maxParticipants} - (select count(*) from ${enrollments} where ${enrollments.courseId} = ${courses.id} and ${enrollments.state} = 'placed'))`,
    })
    .from(courses)
    .innerJoin(localities, eq(localities.id, courses.localityId))
    .innerJoin(programs, eq(programs.id, courses.programId))
    .leftJoin(venues, eq(venues.id, courses.venueId))
    .where(eq(courses.status, 'open'))
    .orderBy(asc(localities.name), asc(courses.id))
    .prepare(),
);

/** Courses open for enrolment, by locality name, for the public page and the course choice. */
export function listOpenCourses(db: AppDatabase) {
  return openCourseRows(db).all();
}
export type OpenCourse = ReturnType<typeof listOpenCourses>[number];

export function isOpenCourse(db: AppDatabase, courseId: number): boolean {
  const row = db
    .select({ id: courses.id })
    .from(courses)
    .where(and(eq(courses.id, courseId), eq(courses.status, 'open')))
    .get();
  return row !== undefined;
}

export function courseLocalityId(db: AppDatabase, courseId: number): number | null {
  return (
    db
      .select({ localityId: courses.localityId })
      .from(courses)
      .where(eq(courses.id, courseId))
      .get()?.localityId ?? null
  );
}

export function listLocalityChoices(db: AppDatabase) {
  return db
    .select({ id: localities.id, name: localities.name })
    .from(localities)
    .orderBy(asc(localities.name))
    .all();
}

export function findLocalityName(db: AppDatabase, localityId: number): string | null {
  return (
    db.select({ name: localities.name }).from(localities).where(eq(localities.id, localityId)).get()
      ?.name ?? null
  );
}

/** One person's way in, as the forms give it; consent is always given (the forms require it). */
export type NewApplication = {
  source: 'public' | 'referral' | 'phone';
  name: string;
  /** E.164. */
  phone: string;
  email: string;
  municipality: string;
  localityId: number | null;
  preferredCourseId: number | null;
  goodTimesToCall: string;
  /** For letters when there is no e-mail; all three or none (left out: none). */
  postalStreet?: string;
  postalCode?: string;
  postOffice?: string;
  /** The staff member who heard the consent on the phone; null when the person ticked the box. */
  consentRecordedBy: number | null;
  referrerName: string;
  referrerUnit: string;
  referrerContact: string;
  language: Language;
};

export type SavedApplication = { id: number; merged: boolean };

/**
 * A staff member entering the application heard the person, so what they took down fills in
 * what the record is missing. Never used for a public form: see `noteUnconfirmedDetails`.
 */
function fillEmptyDetails(
  tx: Transaction,
  existing: ApplicationRow,
  input: NewApplication,
  now: Date,
): void {
  const filled = <T>(current: T, offered: T): T =>
    current === '' || current === null ? offered : current;
  tx.update(applications)
    .set({
      email: filled(existing.email, input.email),
      municipality: filled(existing.municipality, input.municipality),
      localityId: filled(existing.localityId, input.localityId),
      goodTimesToCall: filled(existing.goodTimesToCall, input.goodTimesToCall),
      // The address is one whole: taken only when the record has none.
      ...(existing.postalStreet === '' && input.postalStreet
        ? {
            postalStreet: input.postalStreet,
            postalCode: input.postalCode,
            postOffice: input.postOffice,
          }
        : {}),
      consentAt: existing.consentAt ?? now,
      consentRecordedBy: existing.consentAt ? existing.consentRecordedBy : input.consentRecordedBy,
      referrerName: filled(existing.referrerName, input.referrerName),
      referrerUnit: filled(existing.referrerUnit, input.referrerUnit),
      referrerContact: filled(existing.referrerContact, input.referrerContact),
      updatedAt: now,
    })
    .where(eq(applications.id, existing.id))
    .run();
}

export function saveInTransaction(
  tx: Transaction,
  input: NewApplication,
  now: Date,
  actor?: Pick<SignedInUser, 'id' | 'name'>,
): SavedApplication {
  const email = input.email.trim().toLowerCase();
  const phoneOrEmail =
    email === ''
      ? eq(applications.phone, input.phone)
      : or(eq(applications.phone, input.phone), eq(sql`lower(${applications.email})`, email));
  const candidates = tx
    .select({
      id: applications.id,
      phone: applications.phone,
      email: applications.email,
      preferredCourseId: applications.preferredCourseId,
      state: applications.state,
    })
    .from(applications)
    .where(and(phoneOrEmail, ne(applications.state, 'closed')))
    .all();
  const duplicateId = findDuplicate({ ...input, email }, candidates);

  let saved: SavedApplication;
  if (duplicateId !== null) {
    const existing = tx.select().from(applications).where(eq(applications.id, duplicateId)).get()!;
    if (actor) fillEmptyDetails(tx, existing, { ...input, email }, now);
    else noteUnconfirmedDetails(tx, existing, { ...input, email }, now);
    saved = { id: duplicateId, merged: true };
  } else {
    // Someone else's record has this phone with another e-mail: a new anonymous application must
    // not give that person's invitations a new address, so the address waits for review too.
    const holdEmail =
      !actor &&
      email !== '' &&
      candidates.some(
        (candidate) => candidate.phone === input.phone && candidate.email.toLowerCase() !== email,
      );
    const inserted = tx
      .insert(applications)
      .values({
        ...input,
        email: holdEmail ? '' : email,
        consentAt: now,
        state: 'to-call',
        callReason: 'intake',
        callDueAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: applications.id })
      .get();
    if (holdEmail) {
      const record = tx.select().from(applications).where(eq(applications.id, inserted.id)).get()!;
      noteUnconfirmedDetails(tx, record, { ...input, email }, now);
    }
    saved = { id: inserted.id, merged: false };
  }
  if (actor) {
    recordAudit(
      tx,
      {
        actor,
        action: saved.merged ? 'update' : 'create',
        subjectType: 'application',
        subjectId: saved.id,
        detail: saved.merged ? 'merged phone application' : 'phone application',
      },
      now,
    );
  }
  return saved;
}

/**
 * Saves an application, merging it into an open one of the same person for the same course. The
 * lookup and the write share one IMMEDIATE transaction, so two identical posts arriving together
 * still make one application. A staff member entering it (`actor`) is written to the audit log.
 */
export function saveApplication(
  db: AppDatabase,
  input: NewApplication,
  now: Date,
  actor?: Pick<SignedInUser, 'id' | 'name'>,
): SavedApplication {
  return immediateTransaction(db, (tx) => saveInTransaction(tx, input, now, actor));
}

/** The public forms take at most this many submissions per client address in the window. */
export const publicSubmissionLimit = { max: 5, windowMilliseconds: 10 * 60 * 1000 } as const;

export type PublicSubmissionResult =
  ({ limited: false } & SavedApplication) | { limited: true; retryAfterMinutes: number };

/**
 * A submission of a public form: counts the address's recent submissions and, under the limit,
 * records this one and saves the application, all in one IMMEDIATE transaction so parallel posts
 * cannot slip past the count. Submissions older than the window are forgotten (addresses are
 * personal data, kept only as long as the limit needs them).
 */
export function submitPublicApplication(
  db: AppDatabase,
  input: NewApplication,
  address: string,
  now: Date,
  limit: typeof publicSubmissionLimit = publicSubmissionLimit,
): PublicSubmissionResult {
  return immediateTransaction(db, (tx): PublicSubmissionResult => {
    const refused = countPublicSubmission(tx, address, now, limit);
    return refused ?? { limited: false, ...saveInTransaction(tx, input, now) };
  });
}

/**
 * Counts a public form's submission from the address, inside the caller's immediate transaction:
 * under the limit it is recorded and null comes back; over it, when the address may try again.
 */
export function countPublicSubmission(
  tx: Transaction,
  address: string,
  now: Date,
  limit: typeof publicSubmissionLimit = publicSubmissionLimit,
): { limited: true; retryAfterMinutes: number } | null {
  const since = new Date(now.getTime() - limit.windowMilliseconds);
  tx.delete(publicSubmissions).where(lte(publicSubmissions.at, since)).run();
  const recent = tx
    .select({ at: publicSubmissions.at })
    .from(publicSubmissions)
    .where(and(eq(publicSubmissions.address, address), gt(publicSubmissions.at, since)))
    .orderBy(asc(publicSubmissions.at))
    .all();
  if (recent.length >= limit.max) {
    const oldestCounted = recent[recent.length - limit.max]!.at;
    const freeAt = oldestCounted.getTime() + limit.windowMilliseconds;
    return {
      limited: true,
      retryAfterMinutes: Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)),
    };
  }
  tx.insert(publicSubmissions).values({ address, at: now }).run();
  return null;
}

export type LocalityDemand = {
  localityId: number;
  localityName: string;
  waiting: number;
  toCall: number;
};

const demandRows = preparedFor((db) =>
  db
    .select({
      localityId: localities.id,
      localityName: localities.name,
      waiting: sql<number>`sum(case when ${applications.state} = 'waiting' then 1 else 0 end)`,
      toCall: sql<number>`sum(case when ${applications.state} = 'to-call' then 1 else 0 end)`,
    })
    .from(applications)
    .innerJoin(localities, eq(localities.id, applications.localityId))
    .where(
      and(
        inArray(applications.state, ['waiting', 'to-call']),
        inRegion(localities.id, sql.placeholder('region')),
      ),
    )
    .groupBy(localities.id)
    .orderBy(asc(localities.name))
    .prepare(),
);

/** Applicants per locality still to be called or waiting for a course; localities without any are left out. */
export function demandByLocality(db: AppDatabase, region = ''): LocalityDemand[] {
  return demandRows(db)
    .all({ region })
    .map((row) => ({ ...row, waiting: Number(row.waiting), toCall: Number(row.toCall) }));
}
