import { z } from 'zod';
import {
  checkbox,
  optionalText,
  requiredText,
  whenFieldsValid,
  wholeNumber,
} from '../../lib/form-input';

/** The licensed Arkeen Voimaa format, offered as the starting point of a new programme. */
export const programDefaults = {
  sessionCount: 6,
  sessionMinutes: 150,
  intervalWeeks: 1,
  minParticipants: 8,
  maxParticipants: 14,
  completionThreshold: 4,
  lastJoiningSession: 2,
  preparationMinutes: 60,
  hasInfoSession: false,
  online: false,
} as const;

export const programInput = z
  .object({
    nameFi: requiredText(200),
    /** Optional: empty = the Finnish name is shown on Swedish pages and in Swedish mail. */
    nameSv: optionalText(200),
    nameEn: requiredText(200),
    sessionCount: wholeNumber(1, 20),
    sessionMinutes: wholeNumber(15, 600),
    intervalWeeks: wholeNumber(1, 4),
    minParticipants: wholeNumber(1, 100),
    maxParticipants: wholeNumber(1, 100),
    completionThreshold: wholeNumber(1, 20),
    lastJoiningSession: wholeNumber(0, 20),
    preparationMinutes: wholeNumber(0, 600),
    hasInfoSession: checkbox,
    online: checkbox,
  })
  .superRefine(
    (program, ctx) => {
      if (program.maxParticipants < program.minParticipants) {
        ctx.addIssue({
          code: 'custom',
          path: ['maxParticipants'],
          message: 'validation.maxBelowMin',
          minimum: program.minParticipants,
        } as never);
      }
    },
    whenFieldsValid('minParticipants', 'maxParticipants'),
  )
  .superRefine(
    (program, ctx) => {
      if (program.completionThreshold > program.sessionCount) {
        ctx.addIssue({
          code: 'custom',
          path: ['completionThreshold'],
          message: 'validation.thresholdAboveSessions',
          maximum: program.sessionCount,
        } as never);
      }
    },
    whenFieldsValid('sessionCount', 'completionThreshold'),
  );

export type ProgramInput = z.output<typeof programInput>;

/** Adapted formats meet less often than weekly; the licensed one is weekly. */
export function isAdaptedInterval(intervalWeeks: number): boolean {
  return intervalWeeks > 1;
}
