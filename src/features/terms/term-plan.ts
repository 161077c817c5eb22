import { addDays, isoWeekOf, weekdayOf, type LocalDate } from '../../lib/helsinki-time';

export type TargetProgress = 'below' | 'within' | 'above';

export function targetProgress(actual: number, min: number, max: number): TargetProgress {
  if (actual < min) return 'below';
  if (actual > max) return 'above';
  return 'within';
}

export type CalendarWeek<Session> = {
  year: number;
  week: number;
  monday: LocalDate;
  sunday: LocalDate;
  sessions: Session[];
};

/** Sessions grouped into ISO weeks (Monday to Sunday), in date order; weeks without sessions are left out. */
export function groupByWeek<Session extends { localDate: LocalDate; startTime: string }>(
  sessions: readonly Session[],
): CalendarWeek<Session>[] {
  const sorted = [...sessions].sort(
    (a, b) => a.localDate.localeCompare(b.localDate) || a.startTime.localeCompare(b.startTime),
  );
  const weeks: CalendarWeek<Session>[] = [];
  for (const session of sorted) {
    const { year, week } = isoWeekOf(session.localDate);
    let current = weeks[weeks.length - 1];
    if (!current || current.year !== year || current.week !== week) {
      const monday = addDays(session.localDate, 1 - weekdayOf(session.localDate));
      current = { year, week, monday, sunday: addDays(monday, 6), sessions: [] };
      weeks.push(current);
    }
    current.sessions.push(session);
  }
  return weeks;
}

/** Courses under their locality, localities in alphabetical order (Finnish collation). */
export function groupByLocality<Course extends { localityName: string }>(
  courses: readonly Course[],
): { localityName: string; courses: Course[] }[] {
  const groups = new Map<string, Course[]>();
  for (const course of courses) {
    groups.set(course.localityName, [...(groups.get(course.localityName) ?? []), course]);
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b, 'fi'))
    .map(([localityName, grouped]) => ({ localityName, courses: grouped }));
}
