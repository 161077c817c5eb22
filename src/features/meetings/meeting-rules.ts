import { z } from 'zod';
import {
  addDays,
  daysBetween,
  weekdayOf,
  type LocalDate,
  type LocalTime,
} from '../../lib/helsinki-time';
import { finnishHolidaysBetween } from '../courses/holidays';

/** A person invited to a meeting: staff (with their account) or a guest known by e-mail only. */
export type MeetingPerson = { userId: number | null; name: string; email: string };

/** What the next meeting copies from the latest one. */
export type MeetingTemplate = {
  title: string;
  localDate: LocalDate;
  startTime: LocalTime;
  endTime: LocalTime;
  place: string;
  onlineLink: string;
  attendees: MeetingPerson[];
};

/** "The next meeting is agreed at the previous one": four weeks on when there is no rhythm yet. */
export const defaultIntervalDays = 28;

/** A weekend day or a Finnish public holiday (or holiday eve): nobody meets then. */
export function isDayOff(date: LocalDate): boolean {
  return weekdayOf(date) >= 6 || finnishHolidaysBetween(date, date).length > 0;
}

/**
 * The next meeting as the latest ones suggest it (`latest` newest first): the same title, time,
 * place, link and attendees, on the latest date plus the interval between the last two (four
 * weeks with only one), as many intervals on as it takes to be after `today`, and moved forward to
 * the next working day when that is a holiday. The times stay Helsinki wall-clock times, so 17:00
 * stays 17:00 across the change to or from summer time. Null when there is no meeting yet.
 */
export function proposeNextMeeting(
  latest: readonly MeetingTemplate[],
  today: LocalDate,
): MeetingTemplate | null {
  const [last, before] = latest;
  if (!last) return null;
  const gap = before ? daysBetween(before.localDate, last.localDate) : 0;
  const interval = gap > 0 ? gap : defaultIntervalDays;
  let date = addDays(last.localDate, interval);
  while (date <= today) date = addDays(date, interval);
  while (isDayOff(date)) date = addDays(date, 1);
  return { ...last, localDate: date };
}

/** One guest line: "Name <name@example.fi>" or the address alone. */
const guestLinePattern = /^(?:(.*?)\s*<([^<>\s]+)>|([^<>\s]+))$/;

const isEmail = (text: string) => z.email().safeParse(text).success;

/**
 * The guests typed one per line; empty lines are skipped. The first line that is not a name and
 * an address (or an address alone) is returned as `badLine`, so the message can name it.
 */
export function parseGuestLines(text: string): { guests: MeetingPerson[]; badLine: string | null } {
  const guests: MeetingPerson[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const match = guestLinePattern.exec(line);
    const email = (match?.[2] ?? match?.[3] ?? '').toLowerCase();
    if (!match || !isEmail(email)) return { guests, badLine: line };
    const name = (match[1] ?? '').replace(/^"|"$/g, '').trim();
    guests.push({ userId: null, name: name || email, email });
  }
  return { guests, badLine: null };
}

/** A guest as the form shows them again: "Name <address>", or the address alone. */
export function guestLine(person: Pick<MeetingPerson, 'name' | 'email'>): string {
  return person.name === person.email ? person.email : `${person.name} <${person.email}>`;
}

/** Staff and guests together, once per address (a staff member typed as a guest too counts once). */
export function attendeesOf(staff: readonly MeetingPerson[], guests: readonly MeetingPerson[]) {
  const byEmail = new Map<string, MeetingPerson>();
  for (const person of [...staff, ...guests]) {
    const email = person.email.toLowerCase();
    if (!byEmail.has(email)) byEmail.set(email, { ...person, email });
  }
  return [...byEmail.values()];
}

/** An action item still open after its due date. */
export function isOverdue(item: { dueDate: LocalDate; doneAt: Date | null }, today: LocalDate) {
  return item.doneAt === null && item.dueDate < today;
}
