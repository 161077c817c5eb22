import { z } from 'zod';
import { audiences, courseStatuses } from '../../../db/schema';
import { checkbox, optionalId, optionalText, whenFieldsValid } from '../../lib/form-input';
import { isValidLocalDate, isValidLocalTime, type LocalDate } from '../../lib/helsinki-time';

const requiredId = z
  .string('validation.required')
  .trim()
  .min(1, 'validation.required')
  .regex(/^\d{1,9}$/, 'validation.unknownChoice')
  .transform(Number);

export const localDate = z
  .string('validation.required')
  .trim()
  .min(1, 'validation.required')
  .max(10, 'validation.date')
  .refine(isValidLocalDate, 'validation.date');

const optionalLocalDate = z
  .string()
  .trim()
  .max(10, 'validation.date')
  .refine((value) => value === '' || isValidLocalDate(value), 'validation.date')
  .optional()
  .transform((value) => value || null);

export const localTime = z
  .string('validation.required')
  .trim()
  .min(1, 'validation.required')
  .max(5, 'validation.time')
  .refine(isValidLocalTime, 'validation.time');

/** The details of a course that can change after it is created (the schedule changes per session). */
const courseDetailShape = {
  venueId: optionalId,
  audience: z.enum(audiences, 'validation.unknownChoice'),
  targetService: optionalText(200),
  instructor1: optionalId,
  instructor2: optionalId,
  goNoGoDate: optionalLocalDate,
  acceptWarnings: checkbox,
};

function targetServiceForTargetedGroups(
  value: { audience: string; targetService: string },
  context: z.RefinementCtx,
) {
  if (value.audience === 'targeted' && value.targetService === '') {
    context.addIssue({ code: 'custom', path: ['targetService'], message: 'validation.required' });
  }
}

function twoDifferentInstructors(
  value: { instructor1: number | null; instructor2: number | null },
  context: z.RefinementCtx,
) {
  if (value.instructor1 !== null && value.instructor1 === value.instructor2) {
    context.addIssue({
      code: 'custom',
      path: ['instructor2'],
      message: 'validation.sameInstructorTwice',
    });
  }
}

export function newCourseForm(today: () => LocalDate) {
  return z
    .object({
      termId: requiredId,
      programId: requiredId,
      localityId: requiredId,
      firstDate: localDate.refine((date) => date >= today(), 'validation.dateInPast'),
      startTime: localTime,
      intent: z.enum(['preview', 'save']).default('save'),
      ...courseDetailShape,
    })
    .superRefine(targetServiceForTargetedGroups, whenFieldsValid('audience', 'targetService'))
    .superRefine(twoDifferentInstructors, whenFieldsValid('instructor1', 'instructor2'))
    .superRefine(
      (value, context) => {
        if (value.goNoGoDate !== null && value.goNoGoDate >= value.firstDate) {
          context.addIssue({
            code: 'custom',
            path: ['goNoGoDate'],
            message: 'validation.goNoGoAfterStart',
          });
        }
      },
      whenFieldsValid('goNoGoDate', 'firstDate'),
    );
}
export type NewCourseInput = z.output<ReturnType<typeof newCourseForm>>;

export const courseDetailsForm = z
  .object(courseDetailShape)
  .superRefine(targetServiceForTargetedGroups, whenFieldsValid('audience', 'targetService'))
  .superRefine(twoDifferentInstructors, whenFieldsValid('instructor1', 'instructor2'));
export type CourseDetailsInput = z.output<typeof courseDetailsForm>;

export function sessionMoveForm(today: () => LocalDate) {
  return z
    .object({
      localDate: localDate.refine((date) => date >= today(), 'validation.dateInPast'),
      startTime: localTime,
      endTime: localTime,
      acceptWarnings: checkbox,
    })
    .superRefine((value, context) => {
      if (value.endTime <= value.startTime) {
        context.addIssue({
          code: 'custom',
          path: ['endTime'],
          message: 'validation.endBeforeStart',
        });
      }
    });
}
export type SessionMoveInput = z.output<ReturnType<typeof sessionMoveForm>>;

export const courseCancellationForm = z.object({
  reason: z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong'),
});

export const courseStatusForm = z.object({
  status: z.enum(courseStatuses, 'validation.unknownChoice'),
});
