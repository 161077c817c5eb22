import { z } from 'zod';
import { optionalText, requiredText, whenFieldsValid } from '../../lib/form-input';
import { isValidLocalDate, type LocalDate } from '../../lib/helsinki-time';
import { localDate, localTime } from '../courses/course-input';
import { parseGuestLines, type MeetingPerson, type MeetingTemplate } from './meeting-rules';

/** A staff member's box in the attendee list: `staff12` for user 12. */
export const staffField = (userId: number) => `staff${userId}`;
const staffFieldPattern = /^staff(\d{1,9})$/;

export type MeetingInput = Omit<MeetingTemplate, 'attendees'> & {
  agenda: string;
  /** The ticked staff; the route checks they are staff who can be invited. */
  staffIds: number[];
  guests: MeetingPerson[];
};

const onlineLink = optionalText(500).refine(
  (link) => link === '' || /^https?:\/\/\S+$/i.test(link),
  'validation.meetingLink',
);

function tickedStaff(value: Record<string, unknown>): number[] {
  return Object.keys(value)
    .map((name) => staffFieldPattern.exec(name)?.[1])
    .filter((id): id is string => id !== undefined && value[`staff${id}`] !== undefined)
    .map(Number);
}

/**
 * The meeting form: title, date, start and end (Helsinki wall-clock), place or online link (at
 * least one), agenda, ticked staff (`staff<id>` boxes) and guests one per line. Every message shows
 * at once; a bad guest line is named in its message by the route (`guestLineError`).
 */
export const meetingForm = z
  .looseObject({
    title: requiredText(200),
    localDate,
    startTime: localTime,
    endTime: localTime,
    place: optionalText(300),
    onlineLink,
    agenda: optionalText(5000),
    guests: optionalText(5000),
  })
  .superRefine(
    (value, context) => {
      if (value.endTime <= value.startTime) {
        context.addIssue({
          code: 'custom',
          path: ['endTime'],
          message: 'validation.endBeforeStart',
        });
      }
    },
    whenFieldsValid('startTime', 'endTime'),
  )
  .superRefine(
    (value, context) => {
      if (value.place === '' && value.onlineLink === '') {
        context.addIssue({ code: 'custom', path: ['place'], message: 'validation.placeOrLink' });
      }
      const { guests, badLine } = parseGuestLines(value.guests);
      if (badLine !== null) {
        context.addIssue({ code: 'custom', path: ['guests'], message: 'validation.guestLine' });
      } else if (guests.length === 0 && tickedStaff(value).length === 0) {
        context.addIssue({
          code: 'custom',
          path: ['attendees'],
          message: 'validation.noAttendees',
        });
      }
    },
    whenFieldsValid('place', 'onlineLink', 'guests'),
  )
  .transform((value): MeetingInput => ({
    title: value.title,
    localDate: value.localDate,
    startTime: value.startTime,
    endTime: value.endTime,
    place: value.place,
    onlineLink: value.onlineLink,
    agenda: value.agenda,
    staffIds: tickedStaff(value),
    guests: parseGuestLines(value.guests).guests,
  }));

/** The guest line that could not be read, for the message at the guests field. */
export function badGuestLine(typed: string | undefined): string | null {
  return parseGuestLines(typed ?? '').badLine;
}

export const meetingCancellationForm = z.object({ reason: requiredText(500) });

/** Action item rows the minutes form shows besides the saved ones; "add more" adds this many. */
export const emptyItemRows = 3;
export const maxItemRows = 40;

export const itemField = (
  number: number,
  part: 'Id' | 'Description' | 'Owner' | 'OwnerName' | 'Due',
) => `item${number}${part}`;

export type ActionItemInput = {
  /** A saved item being edited, or null for a new one. */
  id: number | null;
  description: string;
  /** A staff owner picked from the list; otherwise `ownerName` is typed. */
  ownerUserId: number | null;
  ownerName: string;
  dueDate: LocalDate;
};

export type MinutesInput = {
  minutes: string;
  decisions: string;
  items: ActionItemInput[];
  /** Ids of saved items whose row was emptied: they are removed. */
  removedIds: number[];
};

type Problem = { path: string; message: string };

function readItemRows(value: Record<string, unknown>, rows: number) {
  const text = (name: string) => {
    const typed = value[name];
    return typeof typed === 'string' ? typed.trim() : '';
  };
  const items: ActionItemInput[] = [];
  const removedIds: number[] = [];
  const problems: Problem[] = [];
  for (let number = 1; number <= rows; number++) {
    const idText = text(itemField(number, 'Id'));
    const id = /^\d{1,9}$/.test(idText) ? Number(idText) : null;
    const description = text(itemField(number, 'Description'));
    const owner = text(itemField(number, 'Owner'));
    const ownerName = text(itemField(number, 'OwnerName'));
    const dueDate = text(itemField(number, 'Due'));
    if (description === '' && owner === '' && ownerName === '' && dueDate === '') {
      if (id !== null) removedIds.push(id);
      continue;
    }
    const problem = (part: Parameters<typeof itemField>[1], message: string) =>
      problems.push({ path: itemField(number, part), message });
    const before = problems.length;
    if (description === '') problem('Description', 'validation.required');
    else if (description.length > 1000) problem('Description', 'validation.tooLong');
    if (owner !== '' && !/^\d{1,9}$/.test(owner)) problem('Owner', 'validation.unknownChoice');
    if (owner === '' && ownerName === '') problem('OwnerName', 'validation.itemOwner');
    if (ownerName.length > 200) problem('OwnerName', 'validation.tooLong');
    if (dueDate === '') problem('Due', 'validation.required');
    else if (!isValidLocalDate(dueDate)) problem('Due', 'validation.date');
    if (problems.length > before) continue;
    items.push({
      id,
      description,
      ownerUserId: owner === '' ? null : Number(owner),
      ownerName,
      dueDate,
    });
  }
  return { items, removedIds, problems };
}

const rowCount = z
  .string()
  .optional()
  .transform((typed) => {
    const count = Number(typed);
    return Number.isInteger(count) && count > 0 ? Math.min(count, maxItemRows) : emptyItemRows;
  });

/**
 * The minutes form: the minutes, the decisions and `rows` action item rows (description, a staff
 * owner or a typed name, due date); an emptied row of a saved item removes it.
 */
export const minutesForm = z
  .looseObject({
    minutes: optionalText(15_000),
    decisions: optionalText(10_000),
    rows: rowCount,
  })
  .superRefine(
    (value, context) => {
      for (const { path, message } of readItemRows(value, value.rows).problems) {
        context.addIssue({ code: 'custom', path: [path], message });
      }
    },
    { when: () => true },
  )
  .transform((value): MinutesInput => {
    const { items, removedIds } = readItemRows(value, value.rows);
    return { minutes: value.minutes, decisions: value.decisions, items, removedIds };
  });

export const minutesSendingForm = z.object({
  confirmAgain: z
    .string()
    .optional()
    .transform((value) => value !== undefined),
});
