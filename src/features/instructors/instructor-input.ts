import { z } from 'zod';
import { instructorKinds } from '../../../db/schema';
import type { AppDatabase } from '../../db';
import { checkbox, optionalPhone, optionalText, requiredText } from '../../lib/form-input';
import { existingLocalityIds, isInstructorAccount } from './queries';

const localityIdText = z.string().regex(/^\d+$/, 'validation.unknownLocality').transform(Number);

/**
 * The instructor form, checked against the database it is built with: the localities and the
 * account must exist. Whether the account is free is decided when saving (see queries.ts).
 */
export function instructorInputFor(db: AppDatabase) {
  return z
    .object({
      name: requiredText(200),
      email: optionalText(254)
        .transform((email) => email.toLowerCase())
        .refine((email) => email === '' || z.email().safeParse(email).success, 'validation.email'),
      phone: optionalPhone(),
      /** Off unless the instructor chose to give their phone to their participants. */
      sharePhoneWithParticipants: checkbox,
      kind: z.enum(instructorKinds, 'validation.instructorKind'),
      employerUnit: optionalText(200),
      // One ticked box arrives as a string, several as an array, none not at all.
      localities: z
        .union([z.string(), z.array(z.string())], 'validation.unknownLocality')
        .optional()
        .transform((ticked) => (ticked === undefined ? [] : [ticked].flat()))
        .pipe(z.array(localityIdText))
        .transform((ids) => [...new Set(ids)])
        .refine((ids) => {
          const known = existingLocalityIds(db, ids);
          return ids.every((id) => known.has(id));
        }, 'validation.unknownLocality'),
      userId: z
        .string('validation.unknownAccount')
        .trim()
        .default('')
        .transform((typed, ctx) => {
          if (typed === '') return null;
          const id = /^\d+$/.test(typed) ? Number(typed) : Number.NaN;
          if (!isInstructorAccount(db, id)) {
            ctx.addIssue({ code: 'custom', message: 'validation.unknownAccount' });
            return z.NEVER;
          }
          return id;
        }),
    })
    .transform(({ localities, ...instructor }) => ({ ...instructor, localityIds: localities }));
}

export type InstructorInput = z.output<ReturnType<typeof instructorInputFor>>;
