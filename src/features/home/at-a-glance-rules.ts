import type { CourseStatus } from '../../../db/schema';
import type { LocalDate } from '../../lib/helsinki-time';

/**
 * The term the coordinator's "at a glance" summary follows: the term that contains today (if terms
 * overlap, the one that started last, as the newer plan); between terms, the next one to start;
 * after the last term, none. `terms` may hold any terms; past ones are ignored.
 */
export function currentTermOf<Term extends { startsOn: LocalDate; endsOn: LocalDate }>(
  terms: readonly Term[],
  today: LocalDate,
): Term | null {
  let running: Term | null = null;
  let next: Term | null = null;
  for (const term of terms) {
    if (term.startsOn <= today && today <= term.endsOn) {
      if (running === null || term.startsOn > running.startsOn) running = term;
    } else if (term.startsOn > today) {
      if (next === null || term.startsOn < next.startsOn) next = term;
    }
  }
  return running ?? next;
}

export type CoursePhase = 'planned' | 'running' | 'completed' | 'cancelled';

/**
 * Where a course is, as the summary counts it. The stored status says cancelled or completed
 * (attendance closed); otherwise the calendar decides: a course whose first scheduled session is
 * today or earlier is running, one still to start (or without sessions yet) is planned.
 */
export function coursePhaseOf(
  course: { status: CourseStatus; firstDate: LocalDate | null },
  today: LocalDate,
): CoursePhase {
  if (course.status === 'cancelled' || course.status === 'completed') return course.status;
  if (course.status === 'running') return 'running';
  return course.firstDate !== null && course.firstDate <= today ? 'running' : 'planned';
}

export type CoursePhaseCounts = Record<CoursePhase, number>;

/** The term's courses counted by phase; `active` is every course not cancelled (the target's measure). */
export function countCoursePhases(
  courses: readonly { status: CourseStatus; firstDate: LocalDate | null }[],
  today: LocalDate,
): CoursePhaseCounts & { active: number } {
  const counts = { planned: 0, running: 0, completed: 0, cancelled: 0 };
  for (const course of courses) counts[coursePhaseOf(course, today)] += 1;
  return { ...counts, active: courses.length - counts.cancelled };
}
