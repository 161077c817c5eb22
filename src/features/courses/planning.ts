import { eq } from 'drizzle-orm';
import { localities, programs, terms, venues } from '../../../db/schema';
import type { AppDatabase, DatabaseOrTransaction } from '../../db';
import type { FieldErrors } from '../../http/form';
import type { Translate } from '../../i18n';
import type { LocalDate, LocalTime } from '../../lib/helsinki-time';
import { findConflicts, type Conflict, type ScheduledSession } from './conflicts';
import type { CourseDetailsInput } from './course-input';
import { findSessionsBetween, instructorsByIds, listBlockedPeriods } from './queries';
import {
  generateSessions,
  type GeneratedSession,
  type MovedDate,
  type SessionPlan,
} from './schedule';

export type SchedulePreview = {
  sessions: GeneratedSession[];
  moved: MovedDate[];
  conflicts: Conflict[];
};

type Resources = { venueId: number | null; venueIsOnline: boolean; instructorIds: number[] };

/** Checks sessions of one course against every other course's sessions and the days off. */
export function conflictsFor(
  db: DatabaseOrTransaction,
  courseId: number,
  sessions: readonly { sessionId?: number; localDate: LocalDate; startsAt: Date; endsAt: Date }[],
  resources: Resources,
): Conflict[] {
  if (sessions.length === 0) return [];
  const candidates: ScheduledSession[] = sessions.map((session) => ({
    ...session,
    courseId,
    courseName: '',
    ...resources,
  }));
  const from = new Date(Math.min(...sessions.map((session) => session.startsAt.getTime())));
  const to = new Date(Math.max(...sessions.map((session) => session.endsAt.getTime())));
  return findConflicts({
    candidates,
    existing: findSessionsBetween(db, from, to, resources),
    blockedPeriods: listBlockedPeriods(db),
  });
}

/** The sessions a new course would get, which dates moved and why, and what they collide with. */
export function previewNewCourse(
  db: AppDatabase,
  input: { firstDate: LocalDate; startTime: LocalTime; plan: SessionPlan } & Resources,
): SchedulePreview {
  const { sessions, moved } = generateSessions({
    firstDate: input.firstDate,
    startTime: input.startTime,
    plan: input.plan,
    blockedPeriods: listBlockedPeriods(db),
  });
  return { sessions, moved, conflicts: conflictsFor(db, 0, sessions, input) };
}

/** Names for the instructors that warnings mention. */
export function instructorNameMap(db: AppDatabase, conflicts: Conflict[]): Map<number, string> {
  const ids = conflicts.flatMap((conflict) =>
    conflict.kind === 'instructor' ? [conflict.instructorId] : [],
  );
  return new Map(instructorsByIds(db, [...new Set(ids)]).map((person) => [person.id, person.name]));
}

export function chosenInstructors(input: {
  instructor1: number | null;
  instructor2: number | null;
}) {
  return [input.instructor1, input.instructor2].filter((id): id is number => id !== null);
}

/** Checks what zod cannot: that every chosen id exists and the venue is in the locality. */
export function referenceErrors(
  db: AppDatabase,
  input: CourseDetailsInput & { localityId: number; programId?: number; termId?: number },
  t: Translate,
): FieldErrors {
  const errors: FieldErrors = {};
  const unknown = t('validation.unknownChoice');
  if (
    input.termId !== undefined &&
    !db.select().from(terms).where(eq(terms.id, input.termId)).get()
  ) {
    errors.termId = unknown;
  }
  if (
    input.programId !== undefined &&
    !db.select().from(programs).where(eq(programs.id, input.programId)).get()
  ) {
    errors.programId = unknown;
  }
  if (!db.select().from(localities).where(eq(localities.id, input.localityId)).get()) {
    errors.localityId = unknown;
  }
  if (input.venueId !== null) {
    const venue = db.select().from(venues).where(eq(venues.id, input.venueId)).get();
    if (!venue) errors.venueId = unknown;
    else if (venue.localityId !== input.localityId)
      errors.venueId = t('validation.venueNotInLocality');
  }
  const wanted = chosenInstructors(input);
  const found = new Set(instructorsByIds(db, wanted).map((person) => person.id));
  if (input.instructor1 !== null && !found.has(input.instructor1)) errors.instructor1 = unknown;
  if (input.instructor2 !== null && !found.has(input.instructor2)) errors.instructor2 = unknown;
  return errors;
}

export function venueIsOnline(db: AppDatabase, venueId: number | null): boolean {
  if (venueId === null) return false;
  return (
    db.select({ kind: venues.kind }).from(venues).where(eq(venues.id, venueId)).get()?.kind ===
    'online'
  );
}
