import type { CourseStatus } from '../../../db/schema';
import { daysBetween, type LocalDate } from '../../lib/helsinki-time';
import { awaitingDecision } from './course-rules';

/** How many days before its go/no-go date a course short of its minimum is shown as at risk. */
export const atRiskWindowDays = 14;

export type GoNoGoFigures = {
  placed: number;
  minimum: number;
  /** People waiting on the demand list of the course's own locality. */
  waitingHere: number;
  /** People waiting in the localities marked as its neighbours. */
  waitingNearby: number;
};

export type GoNoGoOutlook =
  /** Confirmed, running, over or cancelled, or enough people placed: nothing to watch. */
  | { kind: 'fine' }
  /** Short of the minimum, but the decision is more than two weeks away. */
  | { kind: 'not-yet' }
  /** Short of the minimum with the decision within two weeks (the decision day included). */
  | ({ kind: 'at-risk'; daysLeft: number } & GoNoGoFigures)
  /** Short of the minimum and the decision date has passed: the go/no-go list asks for it. */
  | ({ kind: 'decision-overdue'; daysLate: number } & GoNoGoFigures);

export type GoNoGoSituation = GoNoGoFigures & {
  status: CourseStatus;
  goNoGoDate: LocalDate;
  /** The Helsinki date of today. */
  today: LocalDate;
};

/**
 * Whether a course still waiting for its decision is short of its minimum close to the go/no-go
 * date: 14 days before it up to and including the day itself it is at risk; after it the decision
 * is overdue. A confirmed or cancelled course, or one with the minimum placed, is never at risk.
 */
export function goNoGoOutlook(course: GoNoGoSituation): GoNoGoOutlook {
  if (!awaitingDecision.includes(course.status)) return { kind: 'fine' };
  if (course.placed >= course.minimum) return { kind: 'fine' };
  const figures: GoNoGoFigures = {
    placed: course.placed,
    minimum: course.minimum,
    waitingHere: course.waitingHere,
    waitingNearby: course.waitingNearby,
  };
  const daysLeft = daysBetween(course.today, course.goNoGoDate);
  if (daysLeft < 0) return { kind: 'decision-overdue', daysLate: -daysLeft, ...figures };
  if (daysLeft <= atRiskWindowDays) return { kind: 'at-risk', daysLeft, ...figures };
  return { kind: 'not-yet' };
}
