import { addDays, weekdayOf, type LocalDate, type LocalTime } from '../../lib/helsinki-time';
import { dayOffOn, type BlockedPeriod } from '../courses/holidays';
import { generateSessions, NoFreeDates, type SessionPlan } from '../courses/schedule';
import type { CandidateSlot } from './plan-rules';
import type { Weekday } from './suitable-times';

export type SlotVenue = {
  id: number;
  localityId: number;
  stepFree: boolean;
  online: boolean;
  capacity: number | null;
};

export type CoursePlan = SessionPlan & { preparationMinutes: number };

export type SlotWindow = {
  earliestStart: LocalDate;
  latestStart: LocalDate;
  weekdays: readonly Weekday[];
  startTimes: readonly LocalTime[];
  blockedPeriods: readonly BlockedPeriod[];
  /** First dates offered per weekday: spread over the window, the first and last always among them. */
  startChoices?: number;
};

type SlotSessions = CandidateSlot['sessions'];

/** The sessions of a course from `firstDate` at `startTime`; null when too many dates are off. */
function sessionsFrom(
  firstDate: LocalDate,
  startTime: LocalTime,
  plan: CoursePlan,
  blockedPeriods: readonly BlockedPeriod[],
): SlotSessions | null {
  try {
    return generateSessions({
      firstDate,
      startTime,
      plan,
      blockedPeriods: [...blockedPeriods],
    }).sessions.map((session) => ({
      localDate: session.localDate,
      endTime: session.endTime,
      startsAt: session.startsAt.getTime(),
      endsAt: session.endsAt.getTime(),
    }));
  } catch (error) {
    if (error instanceof NoFreeDates) return null;
    throw error;
  }
}

function slotAt(
  venue: SlotVenue,
  firstDate: LocalDate,
  startTime: LocalTime,
  plan: CoursePlan,
  sessions: SlotSessions,
): CandidateSlot {
  return {
    key: `${venue.id}|${firstDate}|${startTime}`,
    localityId: venue.localityId,
    venueId: venue.id,
    venueStepFree: venue.stepFree,
    venueOnline: venue.online,
    venueCapacity: venue.capacity,
    weekday: weekdayOf(firstDate) as Weekday,
    startTime,
    firstDate,
    sessions,
    hours: (sessions.length * (plan.sessionMinutes + plan.preparationMinutes)) / 60,
  };
}

/** A course at `venue` from `firstDate` at `startTime`, holidays and blocked weeks skipped. */
export function slotFor(
  venue: SlotVenue,
  firstDate: LocalDate,
  startTime: LocalTime,
  plan: CoursePlan,
  blockedPeriods: readonly BlockedPeriod[],
): CandidateSlot | null {
  const sessions = sessionsFrom(firstDate, startTime, plan, blockedPeriods);
  return sessions && slotAt(venue, firstDate, startTime, plan, sessions);
}

/** The free dates of one weekday in the window (a holiday or blocked day cannot be a first date). */
export function freeStartDates(window: SlotWindow, weekday: Weekday): LocalDate[] {
  const dates: LocalDate[] = [];
  const offset = (weekday - weekdayOf(window.earliestStart) + 7) % 7;
  for (
    let date = addDays(window.earliestStart, offset);
    date <= window.latestStart;
    date = addDays(date, 7)
  ) {
    if (!dayOffOn(date, [...window.blockedPeriods])) dates.push(date);
  }
  return dates;
}

function spread<Item>(items: readonly Item[], count: number): Item[] {
  if (items.length <= count) return [...items];
  if (count <= 1) return items.slice(0, 1);
  const picked = new Set<number>();
  for (let step = 0; step < count; step++) {
    picked.add(Math.round((step * (items.length - 1)) / (count - 1)));
  }
  return [...picked].sort((a, b) => a - b).map((index) => items[index]!);
}

/** Every course the plan could choose from: each venue × weekday × start time × first date. */
export function candidateSlots(
  venues: readonly SlotVenue[],
  plan: CoursePlan,
  window: SlotWindow,
): CandidateSlot[] {
  const slots: CandidateSlot[] = [];
  for (const weekday of window.weekdays) {
    const firstDates = spread(freeStartDates(window, weekday), window.startChoices ?? 4);
    for (const firstDate of firstDates) {
      for (const startTime of window.startTimes) {
        // Every venue's course at this date and time has the same sessions: generated once.
        const sessions = sessionsFrom(firstDate, startTime, plan, window.blockedPeriods);
        if (!sessions) continue;
        for (const venue of venues) slots.push(slotAt(venue, firstDate, startTime, plan, sessions));
      }
    }
  }
  return slots;
}
