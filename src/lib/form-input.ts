import { z } from 'zod';
import { normalizePhone } from './phone';

/**
 * Zod pieces for posted forms, where every value arrives as text. Messages are catalog keys;
 * `validation.wholeNumber` and `validation.numberBetween` live in programs/messages.ts.
 */

export function requiredText(max: number) {
  return z
    .string('validation.required')
    .trim()
    .min(1, 'validation.required')
    .max(max, 'validation.tooLong');
}

/** A text that may be left empty; a missing field counts as empty. */
export function optionalText(max: number) {
  return z.string('validation.invalid').trim().max(max, 'validation.tooLong').default('');
}

/** A phone number that may be left empty, stored as E.164 (empty stays empty). */
export function optionalPhone(max = 50) {
  return optionalText(max).transform((typed, ctx) => {
    if (typed === '') return '';
    const phone = normalizePhone(typed);
    if (!phone.ok) {
      ctx.addIssue({ code: 'custom', message: 'validation.phone' });
      return z.NEVER;
    }
    return phone.e164;
  });
}

/** The id of a choice from a list, or null when none was chosen. */
export const optionalId = z
  .string()
  .trim()
  .regex(/^(\d{1,9})?$/, 'validation.unknownChoice')
  .optional()
  .transform((value) => (value ? Number(value) : null));

/** An unchecked box is not sent at all, so presence is the answer. */
export const checkbox = z
  .string('validation.invalid')
  .optional()
  .transform((value) => value !== undefined);

function numberIn(min: number, max: number) {
  return z
    .string('validation.required')
    .trim()
    .min(1, 'validation.required')
    .regex(/^[+-]?\d+$/, 'validation.wholeNumber')
    .transform(Number)
    .superRefine((value, ctx) => {
      if (value < min || value > max) {
        // The limits travel on the issue so the message can name them.
        ctx.addIssue({
          code: 'custom',
          message: 'validation.numberBetween',
          input: value,
          minimum: min,
          maximum: max,
        } as never);
      }
    });
}

/** A required whole number between min and max: '' is missing, 'abc' or '1.5' not a number. */
export function wholeNumber(min: number, max: number) {
  return numberIn(min, max);
}

/** A whole number that may be left empty, which gives null. */
export function optionalWholeNumber(min: number, max: number) {
  return z
    .preprocess(
      (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
      numberIn(min, max).optional(),
    )
    .transform((value) => value ?? null);
}

/** For a rule across fields: run it only when the fields it compares were valid themselves. */
export function whenFieldsValid(...fields: string[]) {
  return {
    when: (payload: z.core.ParsePayload) =>
      !payload.issues.some((issue) => fields.includes(String(issue.path?.[0]))),
  };
}
