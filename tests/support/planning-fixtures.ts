import { and, eq } from 'drizzle-orm';
import { systemActor } from '../../src/features/audit/audit-log';
import {
  applications,
  courseInstructors,
  courseSessions,
  courses,
  enrollments,
  instructors,
  localities,
} from '../../db/schema';
import { immediateTransaction, type AppDatabase } from '../../src/db';
import type { Language } from '../../src/i18n';
import { createCourseWithSessions } from '../../src/features/courses/queries';
import { generateSessions } from '../../src/features/courses/schedule';
import { saveInstructor } from '../../src/features/instructors/queries';
import { createVenue } from '../../src/features/places/queries';
import { programDefaults } from '../../src/features/programs/program-input';
import { createProgram } from '../../src/features/programs/queries';
import { addBlockedPeriod, createTerm } from '../../src/features/terms/queries';

let sequence = 0;
const next = () => (sequence += 1);

/** Named builders for planning data; each makes a fresh, uniquely named row. */
export function aLocality(
  db: AppDatabase,
  name = `Paikkakunta ${next()}`,
  region = 'Etelä-Pohjanmaa',
) {
  return db
    .insert(localities)
    .values({ name, region, createdAt: new Date() })
    .returning({ id: localities.id })
    .get().id;
}

export function anArvoProgram(db: AppDatabase, overrides: Partial<typeof programDefaults> = {}) {
  const n = next();
  return createProgram(
    db,
    {
      ...programDefaults,
      nameFi: `Arkeen Voimaa ${n}`,
      nameEn: `Arkeen Voimaa ${n}`,
      ...overrides,
    },
    new Date(),
  );
}

export function aVenue(
  db: AppDatabase,
  localityId: number,
  overrides: { kind?: 'in-person' | 'online' } = {},
) {
  return createVenue(
    db,
    localityId,
    {
      name: `Tila ${next()}`,
      kind: overrides.kind ?? 'in-person',
      streetAddress: 'Esimerkkikatu 1',
      capacity: 16,
      stepFreeAccess: true,
      hearingLoop: false,
      accessibilityNotes: '',
    },
    new Date(),
  );
}

export function anInstructor(db: AppDatabase, kind: 'professional' | 'peer' = 'professional') {
  const created = saveInstructor(
    db,
    null,
    {
      name: `Ohjaaja ${next()}`,
      kind,
      email: '',
      phone: '',
      employerUnit: '',
      userId: null,
      localityIds: [],
    },
    systemActor,
    new Date(),
  );
  if (!created.ok) throw new Error('instructor not created');
  return created.id;
}

/** An instructor with an e-mail address, put on a course straight in the database (no mail sent). */
export function anInstructorWithEmailOn(db: AppDatabase, courseId: number, email: string) {
  const instructorId = anInstructor(db);
  db.update(instructors).set({ email }).where(eq(instructors.id, instructorId)).run();
  db.insert(courseInstructors).values({ courseId, instructorId }).run();
  return instructorId;
}

function aTerm(db: AppDatabase, term: { name: string; startsOn: string; endsOn: string }) {
  const targets = {
    targetCoursesMin: 2,
    targetCoursesMax: 4,
    targetInstructorsMin: 4,
    targetInstructorsMax: 6,
  };
  return createTerm(db, { ...term, ...targets }, new Date())!;
}

export function anAutumnTerm(db: AppDatabase) {
  return aTerm(db, {
    name: `Syksy 2026 (${next()})`,
    startsOn: '2026-08-01',
    endsOn: '2026-12-31',
  });
}

export function aSpringTerm(db: AppDatabase) {
  return aTerm(db, {
    name: `Kevät 2027 (${next()})`,
    startsOn: '2027-01-01',
    endsOn: '2027-06-30',
  });
}

export function theAutumnBreak(db: AppDatabase) {
  addBlockedPeriod(
    db,
    { name: 'Syysloma', startsOn: '2026-10-12', endsOn: '2026-10-18' },
    new Date(),
  );
}

export function sessionsOf(db: AppDatabase, courseId: number) {
  return db
    .select()
    .from(courseSessions)
    .where(eq(courseSessions.courseId, courseId))
    .orderBy(courseSessions.ordinal)
    .all();
}

export function courseRow(db: AppDatabase, courseId: number) {
  return db.select().from(courses).where(eq(courses.id, courseId)).get();
}

export function courseCount(db: AppDatabase) {
  return db.select().from(courses).all().length;
}

/** A program with its own group size (the shared builder only takes the licensed defaults). */
export function aProgramOfSize(
  db: AppDatabase,
  size: { minParticipants?: number; maxParticipants?: number },
) {
  const n = next();
  return createProgram(
    db,
    {
      ...programDefaults,
      nameFi: `Arkeen Voimaa ${n}`,
      nameEn: `Arkeen Voimaa ${n}`,
      minParticipants:
        size.minParticipants ??
        Math.min(programDefaults.minParticipants, size.maxParticipants ?? 14),
      maxParticipants: size.maxParticipants ?? programDefaults.maxParticipants,
    },
    new Date(),
  );
}

export function aWaitingApplicant(
  db: AppDatabase,
  localityId: number,
  overrides: { name?: string; email?: string; language?: Language } = {},
) {
  const n = next();
  const now = new Date('2026-08-20T09:00:00Z');
  return db
    .insert(applications)
    .values({
      source: 'referral',
      name: overrides.name ?? `Osallistuja ${n}`,
      phone: `+35840${String(2000000 + n)}`,
      email: overrides.email ?? `osallistuja${n}@example.fi`,
      localityId,
      state: 'waiting',
      language: overrides.language ?? 'fi',
      callDueAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: applications.id })
    .get().id;
}

export function enrollmentOf(db: AppDatabase, applicationId: number, courseId: number) {
  return db
    .select()
    .from(enrollments)
    .where(and(eq(enrollments.applicationId, applicationId), eq(enrollments.courseId, courseId)))
    .get()!;
}

/**
 * A course open for enrolment, saved straight into the database (no invitations sent), for tests
 * that need seats rather than the planning form. Without a program, one of `seats` is made.
 */
export function anOpenCourse(
  db: AppDatabase,
  options: {
    seats?: number;
    programId?: number;
    localityId?: number;
    termId?: number;
    /** The first session, at 17:00 Helsinki; 2026-10-06 unless told. */
    firstDate?: string;
  },
) {
  const programId =
    options.programId ??
    aProgramOfSize(db, { minParticipants: 1, maxParticipants: options.seats ?? 2 });
  const { sessions } = generateSessions({
    firstDate: options.firstDate ?? '2026-10-06',
    startTime: '17:00',
    plan: programDefaults,
    blockedPeriods: [],
  });
  const localityId = options.localityId ?? aLocality(db);
  const termId = options.termId ?? anAutumnTerm(db);
  return immediateTransaction(db, (tx) =>
    createCourseWithSessions(
      tx,
      {
        termId,
        programId,
        localityId,
        venueId: null,
        audience: 'open',
        targetService: '',
        goNoGoDate: '2026-09-29',
        weeklyStartTime: '17:00',
        instructorIds: [],
        status: 'open',
      },
      sessions,
      { now: new Date('2026-08-20T09:00:00Z'), calendarHost: 'kurssipolku.test' },
    ),
  );
}
