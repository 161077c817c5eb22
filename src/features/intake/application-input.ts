import { z } from 'zod';
import type { AppDatabase } from '../../db';
import { checkbox, optionalText, requiredText, whenFieldsValid } from '../../lib/form-input';
import { normalizePhone } from '../../lib/phone';
import { addressParts, postalAddressShape, requireWholeAddress } from './postal-address';
import { courseLocalityId, findLocalityName, isOpenCourse } from './queries';

/** The hidden field only a form-filling robot sees and fills in. */
export const honeypotField = 'website';
/** The field name as a type, so the form view spells it the same without importing code. */
export type HoneypotField = typeof honeypotField;

/** The choice beside the localities for someone living elsewhere. */
export const otherMunicipality = 'other';
export type OtherMunicipality = typeof otherMunicipality;

/** A Finnish or international phone number, stored as E.164. */
export const phoneNumber = requiredText(50).transform((typed, ctx) => {
  const phone = normalizePhone(typed);
  if (!phone.ok) {
    ctx.addIssue({ code: 'custom', message: 'validation.phone' });
    return z.NEVER;
  }
  return phone.e164;
});

/** An e-mail address or nothing, stored in lower case. */
export const optionalEmail = optionalText(254)
  .transform((email) => email.toLowerCase())
  .refine((email) => email === '' || z.email().safeParse(email).success, 'validation.email');

const consentGiven = checkbox.refine((ticked) => ticked, 'intake.validation.consent');

/** The person's own fields, the same on every way in; the course and locality are checked in `db`. */
function applicantShape(db: AppDatabase) {
  return {
    name: requiredText(200),
    phone: phoneNumber,
    email: optionalEmail,
    localityId: z
      .string('intake.validation.municipality')
      .trim()
      .min(1, 'intake.validation.municipality')
      .refine(
        (typed) =>
          typed === otherMunicipality ||
          (/^\d+$/.test(typed) && findLocalityName(db, Number(typed)) !== null),
        'validation.unknownLocality',
      ),
    otherMunicipality: optionalText(100),
    preferredCourseId: z
      .string('intake.validation.courseNotOpen')
      .trim()
      .default('')
      .transform((typed, ctx) => {
        if (typed === '') return null;
        const id = /^\d+$/.test(typed) ? Number(typed) : Number.NaN;
        if (!Number.isSafeInteger(id) || !isOpenCourse(db, id)) {
          ctx.addIssue({ code: 'custom', message: 'intake.validation.courseNotOpen' });
          return z.NEVER;
        }
        return id;
      }),
    goodTimesToCall: optionalText(200),
    /** The language of contact; none = the page's, an unknown code = Finnish (see `chosenLanguage`). */
    language: z.string().max(20).optional(),
    ...postalAddressShape,
  };
}

type ApplicantFields = z.output<z.ZodObject<ReturnType<typeof applicantShape>>>;

/** The person as every intake form gives them, with the municipality resolved. */
export type Applicant = Omit<ApplicantFields, 'localityId' | 'otherMunicipality'> & {
  localityId: number | null;
  municipality: string;
};

/** "Other" needs the municipality written out. */
function requireOtherMunicipality(applicant: ApplicantFields, ctx: z.RefinementCtx) {
  if (applicant.localityId === otherMunicipality && applicant.otherMunicipality === '') {
    ctx.addIssue({ code: 'custom', path: ['otherMunicipality'], message: 'validation.required' });
  }
}

/** The chosen locality is both the municipality and the demand list the person waits on. */
function resolveMunicipality(db: AppDatabase) {
  return <Fields extends ApplicantFields>({
    localityId,
    otherMunicipality: typedMunicipality,
    ...rest
  }: Fields) => {
    const chosenLocalityId = localityId === otherMunicipality ? null : Number(localityId);
    // Someone from elsewhere who asks for a course waits on that course's locality.
    const courseLocality =
      rest.preferredCourseId === null ? null : courseLocalityId(db, rest.preferredCourseId);
    return {
      ...rest,
      localityId: chosenLocalityId ?? courseLocality,
      municipality:
        chosenLocalityId === null
          ? typedMunicipality
          : (findLocalityName(db, chosenLocalityId) ?? typedMunicipality),
    };
  };
}

/** The public application form (`/apply`). */
export function publicApplicationInputFor(db: AppDatabase) {
  return z
    .object({ ...applicantShape(db), consent: consentGiven })
    .superRefine(requireOtherMunicipality, whenFieldsValid('localityId', 'otherMunicipality'))
    .superRefine(requireWholeAddress, whenFieldsValid(...addressParts))
    .transform(resolveMunicipality(db));
}

/** A referrer's contact: a phone number (stored E.164) or an e-mail address. */
export const referrerContact = requiredText(254).transform((typed, ctx) => {
  if (typed.includes('@')) {
    const email = typed.toLowerCase();
    if (z.email().safeParse(email).success) return email;
  } else {
    const phone = normalizePhone(typed);
    if (phone.ok) return phone.e164;
  }
  ctx.addIssue({ code: 'custom', message: 'intake.validation.referrerContact' });
  return z.NEVER;
});

/** A professional's referral of a client (`/referrals`). */
export function referralInputFor(db: AppDatabase) {
  return z
    .object({
      referrerName: requiredText(200),
      referrerUnit: optionalText(200),
      referrerContact,
      ...applicantShape(db),
      clientConsent: checkbox.refine((ticked) => ticked, 'intake.validation.clientConsent'),
    })
    .superRefine(requireOtherMunicipality, whenFieldsValid('localityId', 'otherMunicipality'))
    .superRefine(requireWholeAddress, whenFieldsValid(...addressParts))
    .transform(resolveMunicipality(db));
}

/** An application the coordinator takes on the phone (`/applications/new`). */
export function phoneApplicationInputFor(db: AppDatabase) {
  return z
    .object({
      ...applicantShape(db),
      consent: checkbox.refine((ticked) => ticked, 'intake.validation.verbalConsent'),
    })
    .superRefine(requireOtherMunicipality, whenFieldsValid('localityId', 'otherMunicipality'))
    .superRefine(requireWholeAddress, whenFieldsValid(...addressParts))
    .transform(resolveMunicipality(db));
}

export type PublicApplicationInput = z.output<ReturnType<typeof publicApplicationInputFor>>;
export type ReferralInput = z.output<ReturnType<typeof referralInputFor>>;
export type PhoneApplicationInput = z.output<ReturnType<typeof phoneApplicationInputFor>>;
