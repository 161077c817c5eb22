import { z } from 'zod';
import { optionalId, optionalText, requiredText, wholeNumber } from '../../lib/form-input';
import { isValidLocalDate, isValidLocalTime } from '../../lib/helsinki-time';
import type { CalendarDay } from '../invites/day-calendar';

/** Rows the form offers: a training has at most this many days and trainers. */
export const dayRows = 6;
export const trainerRows = 4;

const rowNumbers = (count: number) => Array.from({ length: count }, (_, index) => index + 1);
export const dayNumbers = rowNumbers(dayRows);
export const trainerNumbers = rowNumbers(trainerRows);

export const dayField = (number: number, part: 'Date' | 'Start' | 'End') => `day${number}${part}`;
export const trainerField = (number: number, part: 'Name' | 'Email') => `trainer${number}${part}`;

const rowShape = Object.fromEntries([
  ...dayNumbers.flatMap((number) => [
    [dayField(number, 'Date'), optionalText(10)],
    [dayField(number, 'Start'), optionalText(5)],
    [dayField(number, 'End'), optionalText(5)],
  ]),
  ...trainerNumbers.flatMap((number) => [
    [trainerField(number, 'Name'), optionalText(200)],
    [
      trainerField(number, 'Email'),
      optionalText(254)
        .transform((email) => email.toLowerCase())
        .refine((email) => email === '' || z.email().safeParse(email).success, 'validation.email'),
    ],
  ]),
]) as Record<string, z.ZodType<string, unknown>>;

export type TrainerInput = { name: string; email: string };

export type TrainingInput = {
  name: string;
  venueId: number | null;
  capacity: number;
  days: CalendarDay[];
  trainers: TrainerInput[];
};

type Rows = Record<string, string>;
type Problem = { path: string; message: string };

/** The filled-in day rows; each problem names the field it is about. */
function daysOf(rows: Rows, problems: Problem[]): CalendarDay[] {
  const days: CalendarDay[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  for (const number of dayNumbers) {
    const dateName = dayField(number, 'Date');
    const startName = dayField(number, 'Start');
    const endName = dayField(number, 'End');
    const localDate = rows[dateName] ?? '';
    const startTime = rows[startName] ?? '';
    const endTime = rows[endName] ?? '';
    if (localDate === '' && startTime === '' && endTime === '') continue;
    const before = problems.length;
    for (const [name, value, isValid, message] of [
      [dateName, localDate, isValidLocalDate, 'validation.date'],
      [startName, startTime, isValidLocalTime, 'validation.time'],
      [endName, endTime, isValidLocalTime, 'validation.time'],
    ] as const) {
      if (value === '') problem(name, 'validation.required');
      else if (!isValid(value)) problem(name, message);
    }
    if (problems.length > before) continue;
    if (endTime <= startTime) problem(endName, 'validation.endBeforeStart');
    else if (days.some((day) => day.localDate === localDate))
      problem(dateName, 'validation.dayTwice');
    else days.push({ localDate, startTime, endTime });
  }
  if (days.length === 0 && problems.length === 0) {
    problem(dayField(1, 'Date'), 'validation.atLeastOneDay');
  }
  return days;
}

function trainersOf(rows: Rows, problems: Problem[]): TrainerInput[] {
  const trainers: TrainerInput[] = [];
  for (const number of trainerNumbers) {
    const name = rows[trainerField(number, 'Name')] ?? '';
    const email = rows[trainerField(number, 'Email')] ?? '';
    if (name === '' && email !== '') {
      problems.push({
        path: trainerField(number, 'Name'),
        message: 'validation.trainerNameMissing',
      });
    } else if (email !== '' && trainers.some((trainer) => trainer.email === email)) {
      // One address, one invitation: the same person twice would get the series twice.
      problems.push({ path: trainerField(number, 'Email'), message: 'validation.trainerTwice' });
    } else if (name !== '') trainers.push({ name, email });
  }
  return trainers;
}

/** The rows as days and trainers, with what is wrong with them. */
function readRows(rows: Rows) {
  const problems: Problem[] = [];
  const days = daysOf(rows, problems);
  const trainers = trainersOf(rows, problems);
  return { days, trainers, problems };
}

/**
 * The training form: name, venue, capacity, up to six day rows (date, start, end at Helsinki
 * wall-clock time; empty rows left out, at least one day) and up to four trainers. The rows are
 * checked even when another field is wrong, so every message shows at once.
 */
export const trainingForm = z
  .object({
    name: requiredText(200),
    venueId: optionalId,
    capacity: wholeNumber(1, 100),
    ...rowShape,
  })
  .superRefine(
    (value, context) => {
      for (const { path, message } of readRows(value as unknown as Rows).problems) {
        context.addIssue({ code: 'custom', path: [path], message });
      }
    },
    { when: () => true },
  )
  .transform((value): TrainingInput => {
    const { days, trainers } = readRows(value as unknown as Rows);
    return { name: value.name, venueId: value.venueId, capacity: value.capacity, days, trainers };
  });

export const trainingCancellationForm = z.object({
  reason: requiredText(500),
});

export const trainingStatusForm = z.object({
  status: z.enum(['open', 'held'], 'validation.unknownChoice'),
});
