import type { AppDatabase } from '../../db';
import type { LocalDate } from '../../lib/helsinki-time';
import { callQueueSummary } from '../calls/queries';
import { isOverdue } from '../meetings/meeting-rules';
import { findNextMeeting, listOpenActionItems } from '../meetings/queries';
import { countFailedMail } from '../outbox/queries';
import { countTrainedInTerm, findTermCourseStarts, listTermsNotEnded } from '../terms/queries';
import { targetProgress } from '../terms/term-plan';
import { countCoursePhases, currentTermOf } from './at-a-glance-rules';

/**
 * The current term's targets against actual: its courses by phase (counted from the term's own
 * courses on the term index) and the instructors who completed training within it.
 */
export function currentTermSummary(db: AppDatabase, today: LocalDate) {
  const term = currentTermOf(listTermsNotEnded(db, today), today);
  if (!term) return null;
  const courses = countCoursePhases(findTermCourseStarts(db, term.id), today);
  const trained = countTrainedInTerm(db, term);
  return {
    term,
    courses,
    coursesProgress: targetProgress(courses.active, term.targetCoursesMin, term.targetCoursesMax),
    trained,
    trainedProgress: targetProgress(trained, term.targetInstructorsMin, term.targetInstructorsMax),
  };
}
export type TermSummary = NonNullable<ReturnType<typeof currentTermSummary>>;

/** The counts the home page shows next to the lists it already has, each read with one COUNT. */
export function queueAndMailCounts(db: AppDatabase, region = '') {
  return { calls: callQueueSummary(db, region), failedMail: countFailedMail(db) };
}

/** How many open action items the home page lists; the rest are counted and on the meetings. */
export const openItemsShown = 5;

/** The next steering meeting and the open action items due first, overdue ones marked. */
export function steeringSummary(db: AppDatabase, now: Date, today: LocalDate) {
  const open = listOpenActionItems(db, openItemsShown);
  return {
    nextMeeting: findNextMeeting(db, now),
    openItems: open.items.map((item) => ({
      ...item,
      overdue: isOverdue({ ...item, doneAt: null }, today),
    })),
    openItemCount: open.count,
  };
}
export type SteeringSummary = ReturnType<typeof steeringSummary>;

export type AtAGlance = {
  termSummary: TermSummary | null;
  instructors: { active: number; lapsing: number; newWithoutCourse: number };
  decisionsDue: number;
  calls: { count: number; oldestDueAt: Date | null };
  failedMail: number;
  deletionRequests: number;
  steering: SteeringSummary;
  /** The region the decisions and calls are counted in ('' = every region). */
  region: string;
};
