import type { AppDatabase } from '../../db';
import type { LocalDate, LocalTime } from '../../lib/helsinki-time';
import { findConflicts, type Conflict, type ScheduledSession } from './conflicts';
import { findSessionsBetween, listBlockedPeriods } from './queries';
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
  db: AppDatabase,
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
    existing: findSessionsBetween(db, from, to),
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
