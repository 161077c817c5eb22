import { z } from 'zod';
import { audiences } from '../../../db/schema';
import type { FieldErrors } from '../../http/form';
import { fieldErrorsFrom } from '../../http/form';
import type { Translate } from '../../i18n';
import {
  checkbox,
  optionalId,
  optionalText,
  whenFieldsValid,
  wholeNumber,
} from '../../lib/form-input';
import { isValidLocalTime, type LocalDate, type LocalTime } from '../../lib/helsinki-time';
import { localDate, localTime } from '../courses/course-input';
import type { ProposalRequest } from './proposal-queries';
import type { Weekday } from './suitable-times';

export const proposalWeekdays = [1, 2, 3, 4, 5, 6, 7] as const;
export const localityChoices = ['may', 'must', 'no'] as const;
export type LocalityChoice = (typeof localityChoices)[number];

const requiredId = z
  .string('validation.required')
  .trim()
  .min(1, 'validation.required')
  .regex(/^\d{1,9}$/, 'validation.unknownChoice')
  .transform(Number);

/** "10:00, 17:00" (commas, spaces or semicolons between): one to six distinct times of day. */
const startTimeList = z
  .string('validation.required')
  .trim()
  .min(1, 'validation.required')
  .max(60, 'validation.tooLong')
  .transform((text) => [...new Set(text.split(/[\s,;]+/).filter((time) => time !== ''))])
  .refine(
    (times) => times.every((time) => /^\d{1,2}[:.]\d{2}$/.test(time)),
    'proposal.validation.startTimes',
  )
  .transform((times) => times.map((time) => time.replace('.', ':').padStart(5, '0')))
  .refine((times) => times.every(isValidLocalTime), 'proposal.validation.startTimes')
  .refine((times) => times.length <= 6, 'proposal.validation.tooManyTimes');

/**
 * A session from `startTime` would end on the next day: refused, as a session's end before its
 * start cannot be moved or shown as the course pages expect.
 */
export function endsAfterMidnight(startTime: LocalTime, program: { sessionMinutes: number }) {
  const [hours, minutes] = startTime.split(':').map(Number) as [number, number];
  return hours * 60 + minutes + program.sessionMinutes > 24 * 60;
}

const weekdayFields = Object.fromEntries(
  proposalWeekdays.map((day) => [`weekday${day}`, checkbox]),
) as Record<`weekday${Weekday}`, typeof checkbox>;

/** The coordinator's targets and limits for a proposal (`place_<id>`: may / must / no). */
export function proposalForm(today: () => LocalDate) {
  return z
    .object({
      programId: requiredId,
      courseCount: wholeNumber(1, 40),
      earliestStart: localDate.refine((date) => date >= today(), 'validation.dateInPast'),
      latestStart: localDate,
      startTimes: startTimeList,
      maxHours: wholeNumber(1, 1000),
      ...weekdayFields,
    })
    .catchall(z.string('validation.invalid'))
    .superRefine(
      (value, context) => {
        if (value.latestStart < value.earliestStart) {
          context.addIssue({
            code: 'custom',
            path: ['latestStart'],
            message: 'proposal.validation.startAfterEnd',
          });
        }
      },
      whenFieldsValid('earliestStart', 'latestStart'),
    )
    .superRefine((value, context) => {
      if (!proposalWeekdays.some((day) => value[`weekday${day}`])) {
        context.addIssue({
          code: 'custom',
          path: ['weekdays'],
          message: 'proposal.validation.noWeekday',
        });
      }
      for (const [name, choice] of Object.entries(value)) {
        if (!/^place_/.test(name)) continue;
        if (
          !/^place_\d{1,9}$/.test(name) ||
          !(localityChoices as readonly unknown[]).includes(choice)
        ) {
          context.addIssue({ code: 'custom', path: [name], message: 'validation.unknownChoice' });
        }
      }
    });
}
export type ProposalInput = z.output<ReturnType<typeof proposalForm>>;

/** What the form asked for, in the shape the proposal is loaded with. */
export function proposalRequestOf(input: ProposalInput): ProposalRequest {
  const choices = Object.entries(input).flatMap(([name, choice]) => {
    const id = /^place_(\d+)$/.exec(name)?.[1];
    return id === undefined ? [] : [{ id: Number(id), choice: choice as LocalityChoice }];
  });
  return {
    programId: input.programId,
    courseCount: input.courseCount,
    earliestStart: input.earliestStart,
    latestStart: input.latestStart,
    weekdays: proposalWeekdays.filter((day) => input[`weekday${day}`]),
    startTimes: input.startTimes,
    requiredLocalityIds: choices.filter((one) => one.choice === 'must').map((one) => one.id),
    excludedLocalityIds: choices.filter((one) => one.choice === 'no').map((one) => one.id),
    maxHoursPerInstructor: input.maxHours,
  };
}

/** One course on the review page, as the coordinator left it. */
export type ReviewedCourse = {
  index: number;
  keep: boolean;
  localityId: number;
  venueId: number;
  firstDate: LocalDate;
  startTime: LocalTime;
  instructorIds: number[];
  audience: (typeof audiences)[number];
  targetService: string;
};

const reviewedCourse = z
  .object({
    keep: checkbox,
    locality: requiredId,
    venue: requiredId,
    firstDate: localDate,
    startTime: localTime,
    instructor1: optionalId,
    instructor2: optionalId,
    audience: z.enum(audiences, 'validation.unknownChoice'),
    targetService: optionalText(200),
  })
  .superRefine(
    (value, context) => {
      if (value.audience === 'targeted' && value.targetService === '') {
        context.addIssue({
          code: 'custom',
          path: ['targetService'],
          message: 'validation.required',
        });
      }
    },
    whenFieldsValid('audience', 'targetService'),
  )
  .superRefine(
    (value, context) => {
      if (value.instructor1 === null) {
        context.addIssue({ code: 'custom', path: ['instructor1'], message: 'validation.required' });
      }
      if (value.instructor2 === null) {
        context.addIssue({ code: 'custom', path: ['instructor2'], message: 'validation.required' });
      } else if (value.instructor1 === value.instructor2) {
        context.addIssue({
          code: 'custom',
          path: ['instructor2'],
          message: 'validation.sameInstructorTwice',
        });
      }
    },
    whenFieldsValid('instructor1', 'instructor2'),
  );

export const reviewCourseFields = [
  'keep',
  'locality',
  'venue',
  'firstDate',
  'startTime',
  'instructor1',
  'instructor2',
  'audience',
  'targetService',
] as const;

/** The name of one course's field on the review page: `venue_2` is the third course's venue. */
export const reviewField = (field: (typeof reviewCourseFields)[number], index: number) =>
  `${field}_${index}`;

/**
 * Reads the review page's courses (`courses` says how many there are); a course that is not kept
 * is not checked. Errors are keyed by the page's field names.
 */
export function readReviewedCourses(
  values: Record<string, string>,
  t: Translate,
): { count: number; courses: ReviewedCourse[]; errors: FieldErrors } {
  // The page never has more than 40 courses; a forged count is cut there.
  const count = Math.min(40, Number(/^\d{1,2}$/.test(values.courses ?? '') ? values.courses : 0));
  const courses: ReviewedCourse[] = [];
  const errors: FieldErrors = {};
  for (let index = 0; index < count; index++) {
    const fields = Object.fromEntries(
      reviewCourseFields.flatMap((field) => {
        const value = values[reviewField(field, index)];
        return value === undefined ? [] : [[field, value]];
      }),
    );
    if (fields.keep === undefined) {
      continue;
    }
    const parsed = reviewedCourse.safeParse(fields);
    if (!parsed.success) {
      for (const [field, message] of Object.entries(fieldErrorsFrom(parsed.error, t))) {
        errors[`${field}_${index}`] = message;
      }
      continue;
    }
    const course = parsed.data;
    courses.push({
      index,
      keep: true,
      localityId: course.locality,
      venueId: course.venue,
      firstDate: course.firstDate,
      startTime: course.startTime,
      instructorIds: [course.instructor1!, course.instructor2!],
      audience: course.audience,
      targetService: course.audience === 'targeted' ? course.targetService : '',
    });
  }
  return { count, courses, errors };
}
