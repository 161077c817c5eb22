import type { CourseStatus } from '../../../db/schema';
import { instantToWallClock, type LocalDate } from '../../lib/helsinki-time';

/**
 * How much of an instructor's time ArVo takes in a term, as plain functions over data.
 *
 * - A session they led counts its length plus the program's preparation allowance. Who led it: the
 *   leaders recorded for the session (with its first attendance mark, or a substitute), or else
 *   the course's pair. Cancelled sessions and sessions of cancelled courses count nothing.
 * - A training day they attended (as a candidate who completed the training) counts its length.
 * - An intake call made from their account counts a set time (INTAKE_CALL_MINUTES).
 *
 * Lengths come from the instants (endsAt − startsAt), so a day across the change of clocks is as
 * long as it really was, and a 17:00–19:30 session is 150 minutes in summer and winter time.
 *
 * "Planned" is the whole term's expected total, what has been done included; "done" is what has
 * ended by now (sessions and training days that are over, calls made), so done ⊆ planned.
 * A term is its Helsinki dates, both ends included; each item belongs to the term of its date.
 */
export type TermDates = { startsOn: LocalDate; endsOn: LocalDate };

export type HoursSession = {
  localDate: LocalDate;
  startsAt: Date;
  endsAt: Date;
  status: 'scheduled' | 'cancelled';
  courseStatus: CourseStatus;
  preparationMinutes: number;
  /** Who was recorded as leading it; empty until the first mark (or a substitute) records them. */
  recordedLeaderIds: readonly number[];
  /** The course's instructor pair, the leaders by default. */
  pairIds: readonly number[];
};

export type HoursTrainingDay = { localDate: LocalDate; startsAt: Date; endsAt: Date };

export type HoursCall = { at: Date };

/** How many and how many minutes. */
export type Amount = { count: number; minutes: number };

export type HoursPart = { planned: Amount; done: Amount };

export type Hours = {
  /** Minutes. */
  planned: number;
  /** Minutes; never more than planned. */
  done: number;
  breakdown: {
    sessions: HoursPart;
    /** One preparation allowance for each session counted. */
    preparation: HoursPart;
    training: HoursPart;
    calls: HoursPart;
  };
};

export type HoursInput = {
  instructorId: number;
  term: TermDates;
  /** Sessions of the instructor's courses and of those they stood in at; others' do no harm. */
  sessions: readonly HoursSession[];
  /** The days of trainings the instructor completed. */
  trainingDays: readonly HoursTrainingDay[];
  /** Intake calls made from the instructor's account. */
  calls: readonly HoursCall[];
  now: Date;
  callMinutes: number;
};

export function isInTerm(date: LocalDate, term: TermDates): boolean {
  return date >= term.startsOn && date <= term.endsOn;
}

/** The recorded leaders when there are any, else the course's pair. */
export function leadersOf(session: HoursSession): readonly number[] {
  return session.recordedLeaderIds.length > 0 ? session.recordedLeaderIds : session.pairIds;
}

export function counts(session: HoursSession): boolean {
  return session.status === 'scheduled' && session.courseStatus !== 'cancelled';
}

function lengthInMinutes(item: { startsAt: Date; endsAt: Date }): number {
  return Math.max(0, Math.round((item.endsAt.getTime() - item.startsAt.getTime()) / 60_000));
}

const none = (): Amount => ({ count: 0, minutes: 0 });

/** Sums items into planned (all) and done (those for which `isDone` holds). */
function partOf<Item>(
  items: readonly Item[],
  minutesOf: (item: Item) => number,
  isDone: (item: Item) => boolean,
): HoursPart {
  const part: HoursPart = { planned: none(), done: none() };
  for (const item of items) {
    const minutes = minutesOf(item);
    part.planned.count += 1;
    part.planned.minutes += minutes;
    if (isDone(item)) {
      part.done.count += 1;
      part.done.minutes += minutes;
    }
  }
  return part;
}

export function instructorHours(input: HoursInput): Hours {
  const { term, now } = input;
  const hasEnded = (item: { endsAt: Date }) => item.endsAt.getTime() <= now.getTime();
  const led = input.sessions.filter(
    (session) =>
      counts(session) &&
      isInTerm(session.localDate, term) &&
      leadersOf(session).includes(input.instructorId),
  );
  const days = input.trainingDays.filter((day) => isInTerm(day.localDate, term));
  const calls = input.calls.filter((call) => isInTerm(instantToWallClock(call.at).date, term));
  const breakdown = {
    sessions: partOf(led, lengthInMinutes, hasEnded),
    preparation: partOf(led, (session) => session.preparationMinutes, hasEnded),
    training: partOf(days, lengthInMinutes, hasEnded),
    calls: partOf(
      calls,
      () => input.callMinutes,
      (call) => call.at.getTime() <= now.getTime(),
    ),
  };
  const parts = Object.values(breakdown);
  return {
    planned: parts.reduce((sum, part) => sum + part.planned.minutes, 0),
    done: parts.reduce((sum, part) => sum + part.done.minutes, 0),
    breakdown,
  };
}

/** The term the hours pages open on: the one containing today, else the latest to start. */
export function defaultTerm<Term extends TermDates>(
  terms: readonly Term[],
  today: LocalDate,
): Term | undefined {
  const current = terms.find((term) => isInTerm(today, term));
  if (current) return current;
  return terms.reduce<Term | undefined>(
    (latest, term) => (latest === undefined || term.startsOn > latest.startsOn ? term : latest),
    undefined,
  );
}
