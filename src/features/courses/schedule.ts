import {
  addDays,
  addMinutesToWallClock,
  isValidLocalDate,
  isValidLocalTime,
  wallClockToInstant,
  type LocalDate,
  type LocalTime,
} from '../../lib/helsinki-time';
import { dayOffOn, type BlockedPeriod, type DayOff } from './holidays';

export type SessionPlan = { sessionCount: number; sessionMinutes: number; intervalWeeks: number };

export type GeneratedSession = {
  /** 1..sessionCount */
  ordinal: number;
  /** Helsinki wall clock; `endTime` is on the next day when it is not after `startTime`. */
  localDate: LocalDate;
  startTime: LocalTime;
  endTime: LocalTime;
  /** Instants derived from the wall clock, so a course keeps its local hour across DST changes. */
  startsAt: Date;
  endsAt: Date;
};

export type MovedDate = { from: LocalDate; to: LocalDate; reason: DayOff };

/** The plan cannot be kept: too many of the candidate dates are holidays or blocked. */
export class NoFreeDates extends Error {}

/** How many days off in a row a course may run into before the plan is treated as impossible. */
const maxSkippedCandidates = 52;

const minutesPerDay = 24 * 60;

function assertPositiveInteger(name: string, value: number, below = Number.POSITIVE_INFINITY) {
  if (!Number.isInteger(value) || value < 1 || value >= below) {
    const limit = Number.isFinite(below) ? ` below ${below}` : '';
    throw new RangeError(`${name} must be a whole number from 1${limit}, got ${value}`);
  }
}

/**
 * Session dates fall every `intervalWeeks` weeks from `firstDate`. A date that is a day off is
 * skipped and the session goes to the next free date in the same rhythm, so the course keeps its
 * session count and ends later.
 */
export function generateSessions(input: {
  firstDate: LocalDate;
  startTime: LocalTime;
  plan: SessionPlan;
  blockedPeriods: BlockedPeriod[];
}): { sessions: GeneratedSession[]; moved: MovedDate[] } {
  const { firstDate, startTime, plan, blockedPeriods } = input;
  if (!isValidLocalDate(firstDate)) throw new RangeError(`Not a YYYY-MM-DD date: "${firstDate}"`);
  if (!isValidLocalTime(startTime)) throw new RangeError(`Not an HH:MM time: "${startTime}"`);
  assertPositiveInteger('sessionCount', plan.sessionCount);
  // A session of a day or more would make `endTime` ambiguous.
  assertPositiveInteger('sessionMinutes', plan.sessionMinutes, minutesPerDay);
  assertPositiveInteger('intervalWeeks', plan.intervalWeeks);

  const sessions: GeneratedSession[] = [];
  const moved: MovedDate[] = [];
  let skippedSinceLastSession: { from: LocalDate; reason: DayOff }[] = [];
  const candidateLimit = plan.sessionCount + maxSkippedCandidates;

  for (let candidateIndex = 0; sessions.length < plan.sessionCount; candidateIndex++) {
    if (candidateIndex >= candidateLimit) {
      throw new NoFreeDates(
        `Could not fit ${plan.sessionCount} sessions from ${firstDate} within ${candidateLimit} ` +
          `candidate dates: too many of them are holidays or blocked`,
      );
    }
    const localDate = addDays(firstDate, candidateIndex * 7 * plan.intervalWeeks);
    const dayOff = dayOffOn(localDate, blockedPeriods);
    if (dayOff) {
      skippedSinceLastSession.push({ from: localDate, reason: dayOff });
      continue;
    }

    for (const skipped of skippedSinceLastSession) {
      moved.push({ from: skipped.from, to: localDate, reason: skipped.reason });
    }
    skippedSinceLastSession = [];

    const end = addMinutesToWallClock(localDate, startTime, plan.sessionMinutes);
    sessions.push({
      ordinal: sessions.length + 1,
      localDate,
      startTime,
      endTime: end.time,
      startsAt: wallClockToInstant(localDate, startTime),
      endsAt: wallClockToInstant(end.date, end.time),
    });
  }

  return { sessions, moved };
}
