import { z } from 'zod';
import { chosenLanguage, type Language } from '../../i18n';
import { instructorKinds } from '../../../db/schema';
import { checkbox, optionalText, requiredText } from '../../lib/form-input';
import { isValidLocalDate } from '../../lib/helsinki-time';
import { optionalEmail, phoneNumber, referrerContact } from '../intake/application-input';

/** The nominee as every way in gives them: who they are and what they bring. */
const nomineeShape = {
  name: requiredText(200),
  phone: phoneNumber,
  email: optionalEmail,
  unit: optionalText(200),
  kind: z.enum(instructorKinds, 'candidates.validation.kind'),
  profession: optionalText(200),
  tookArvoCourse: z.enum(['yes', 'no', 'unknown'], 'candidates.validation.tookArvoCourse'),
  /** The language of contact; none = the page's, an unknown code = Finnish (see `chosenLanguage`). */
  language: z.string().max(20).optional(),
};

const supervisorShape = {
  supervisorName: requiredText(200),
  supervisorUnit: requiredText(200),
  supervisorContact: referrerContact,
};

/** A supervisor nominates an employee (`/nominations`), with the nominee's consent confirmed. */
export const supervisorNominationInput = z.object({
  ...supervisorShape,
  ...nomineeShape,
  consent: checkbox.refine((ticked) => ticked, 'candidates.validation.nomineeConsent'),
});

/** A peer (experience expert) applies themself (`/instructor-applications`): always as a peer. */
const { kind: _kind, ...ownShape } = nomineeShape;
export const selfApplicationInput = z
  .object({
    ...ownShape,
    consent: checkbox.refine((ticked) => ticked, 'candidates.validation.ownConsent'),
  })
  .transform((input) => ({
    ...input,
    kind: 'peer' as const,
    supervisorName: '',
    supervisorUnit: '',
    supervisorContact: '',
  }));

/** The coordinator records a nomination taken by phone; the supervisor may be unknown. */
export const phoneNominationInput = z.object({
  supervisorName: optionalText(200),
  supervisorUnit: optionalText(200),
  supervisorContact: optionalText(254),
  ...nomineeShape,
  consent: checkbox.refine((ticked) => ticked, 'candidates.validation.verbalConsent'),
});

export type Nomination = z.output<typeof supervisorNominationInput>;

/** A nomination with its language of contact settled (`chosenLanguage` against the page's). */
export type SettledNomination = Omit<Nomination, 'language'> & { language: Language };

export function settledNomination<Form extends { language?: string | undefined }>(
  form: Form,
  pageLanguage: Language,
): Omit<Form, 'language'> & { language: Language } {
  return { ...form, language: chosenLanguage(form.language, pageLanguage) };
}

export const enrolmentInput = z.object({
  trainingId: z
    .string('candidates.validation.training')
    .trim()
    .regex(/^\d{1,9}$/, 'candidates.validation.training')
    .transform(Number),
});

/** Completed on a Helsinki date, all days attended or with the exception noted. */
export const completionInput = z
  .object({
    completedOn: z
      .string('validation.date')
      .trim()
      .refine((typed) => isValidLocalDate(typed), 'validation.date'),
    attendedAll: checkbox,
    exception: optionalText(500),
  })
  .superRefine((input, ctx) => {
    if (!input.attendedAll && input.exception === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['exception'],
        message: 'candidates.validation.exception',
      });
    }
  });

export const dropInput = z.object({ reason: requiredText(500) });

export const instructorLinkInput = z.object({
  /** 'new' creates an instructor record from the candidate; an id links an existing one. */
  instructor: z
    .string('candidates.validation.instructor')
    .trim()
    .regex(/^(new|\d{1,9})$/, 'candidates.validation.instructor'),
});
