import type { CourseStatus, InstructorKind } from '../../../db/schema';
import { addDays, type LocalDate } from '../../lib/helsinki-time';
import { dayOffOn, type BlockedPeriod, type DayOff } from './holidays';

/**
 * Where a course can go from each status by a plain status change. Cancelling is its own action
 * because it needs a reason and tells everyone already placed; so is closing (running → completed),
 * which freezes each participant's completion from the attendance.
 */
export const nextStatuses: Record<CourseStatus, CourseStatus[]> = {
  planned: ['open'],
  open: ['planned', 'confirmed'],
  confirmed: ['open', 'running'],
  running: [],
  completed: [],
  cancelled: [],
};

export function canChangeStatus(from: CourseStatus, to: CourseStatus): boolean {
  return nextStatuses[from].includes(to);
}

/** Only a course still waiting to start can be confirmed anyway, postponed or called off. */
export const awaitingDecision: readonly CourseStatus[] = ['planned', 'open'];

export function canBeCancelled(status: CourseStatus): boolean {
  return status !== 'completed' && status !== 'cancelled';
}

export type PairWarning = 'fewer-than-two-instructors' | 'no-peer-instructor';

/** ArVo is led by two instructors, ideally a professional with a peer: a gap is a warning, not an error. */
export function instructorPairWarnings(pair: readonly { kind: InstructorKind }[]): PairWarning[] {
  const warnings: PairWarning[] = [];
  if (pair.length < 2) warnings.push('fewer-than-two-instructors');
  if (!pair.some((instructor) => instructor.kind === 'peer')) warnings.push('no-peer-instructor');
  return warnings;
}

/** By default the go/no-go decision falls one week before the first session. */
export function defaultGoNoGoDate(firstSessionDate: LocalDate): LocalDate {
  return addDays(firstSessionDate, -7);
}

export type SkippedDate = { date: LocalDate; reason: DayOff | null };

/**
 * The dates of the regular series (every `intervalWeeks` from the first one) that no session uses,
 * with the day off that explains each. Derived from the saved series dates, never stored.
 */
export function skippedSeriesDates(
  seriesDates: readonly LocalDate[],
  intervalWeeks: number,
  blockedPeriods: BlockedPeriod[],
): SkippedDate[] {
  if (seriesDates.length === 0) return [];
  const sorted = [...seriesDates].sort();
  const used = new Set(sorted);
  const skipped: SkippedDate[] = [];
  for (
    let date = sorted[0]!;
    date < sorted[sorted.length - 1]!;
    date = addDays(date, intervalWeeks * 7)
  ) {
    if (!used.has(date)) skipped.push({ date, reason: dayOffOn(date, blockedPeriods) });
  }
  return skipped;
}
