import { z } from 'zod';
import { isValidLocalDate } from '../../lib/helsinki-time';
import { requiredText, whenFieldsValid, wholeNumber } from '../../lib/form-input';

const localDate = z
  .string('validation.required')
  .trim()
  .min(1, 'validation.required')
  .max(10, 'validation.date')
  .refine(isValidLocalDate, 'validation.date');

function endNotBeforeStart(value: { startsOn: string; endsOn: string }, context: z.RefinementCtx) {
  if (value.endsOn < value.startsOn) {
    context.addIssue({ code: 'custom', path: ['endsOn'], message: 'validation.endBeforeStart' });
  }
}

function maximumNotBelowMinimum(minField: string, maxField: string) {
  return (value: Record<string, unknown>, context: z.RefinementCtx) => {
    const minimum = value[minField] as number;
    if ((value[maxField] as number) < minimum) {
      context.addIssue({
        code: 'custom',
        path: [maxField],
        message: 'validation.maxBelowMin',
        minimum,
      } as never);
    }
  };
}

const targetShape = {
  targetCoursesMin: wholeNumber(0, 100),
  targetCoursesMax: wholeNumber(0, 100),
  targetInstructorsMin: wholeNumber(0, 100),
  targetInstructorsMax: wholeNumber(0, 100),
};

export const termTargetsForm = z
  .object(targetShape)
  .superRefine(
    maximumNotBelowMinimum('targetCoursesMin', 'targetCoursesMax'),
    whenFieldsValid('targetCoursesMin', 'targetCoursesMax'),
  )
  .superRefine(
    maximumNotBelowMinimum('targetInstructorsMin', 'targetInstructorsMax'),
    whenFieldsValid('targetInstructorsMin', 'targetInstructorsMax'),
  );

export const newTermForm = z
  .object({ name: requiredText(100), startsOn: localDate, endsOn: localDate, ...targetShape })
  .superRefine(endNotBeforeStart, whenFieldsValid('startsOn', 'endsOn'))
  .superRefine(
    maximumNotBelowMinimum('targetCoursesMin', 'targetCoursesMax'),
    whenFieldsValid('targetCoursesMin', 'targetCoursesMax'),
  )
  .superRefine(
    maximumNotBelowMinimum('targetInstructorsMin', 'targetInstructorsMax'),
    whenFieldsValid('targetInstructorsMin', 'targetInstructorsMax'),
  );

export const blockedPeriodForm = z
  .object({ name: requiredText(100), startsOn: localDate, endsOn: localDate })
  .superRefine(endNotBeforeStart, whenFieldsValid('startsOn', 'endsOn'));
