import { z } from 'zod';
import { callOutcomes, interviewOutcomes, participantNeeds } from '../../../db/schema';
import type { AppDatabase } from '../../db';
import { checkbox, optionalText, whenFieldsValid } from '../../lib/form-input';
import { isValidLocalDate, isValidLocalTime, wallClockToInstant } from '../../lib/helsinki-time';
import { optionalEmail, phoneNumber } from '../intake/application-input';
import { addressParts, postalAddressShape, requireWholeAddress } from '../intake/postal-address';
import { instructorExists, listPlacementCourses, localityExists } from './queries';

/** Interview notes stay short: what is needed for the course, no more. */
export const interviewNotesMax = 1000;

const optionalId = z
  .string('validation.unknownChoice')
  .trim()
  .regex(/^(\d{1,9})?$/, 'validation.unknownChoice')
  .optional()
  .transform((value) => (value ? Number(value) : null));

/** A datetime-local value ('2026-09-03T14:30'), read as Helsinki wall-clock time. */
const helsinkiDateTime = z
  .string('calls.validation.callBackAt')
  .trim()
  .default('')
  .transform((typed, ctx) => {
    if (typed === '') return null;
    const [date = '', time = ''] = typed.split('T');
    if (!isValidLocalDate(date) || !isValidLocalTime(time.slice(0, 5))) {
      ctx.addIssue({ code: 'custom', message: 'calls.validation.callBackAt' });
      return z.NEVER;
    }
    return wallClockToInstant(date, time.slice(0, 5));
  });

export function callAttemptInputFor(now: () => Date) {
  return z
    .object({
      outcome: z.enum(callOutcomes, 'calls.validation.outcome'),
      callBackAt: helsinkiDateTime,
    })
    .superRefine((call, ctx) => {
      if (call.outcome !== 'call-back') return;
      if (call.callBackAt === null) {
        ctx.addIssue({
          code: 'custom',
          path: ['callBackAt'],
          message: 'calls.validation.callBackAt',
        });
      } else if (call.callBackAt < now()) {
        ctx.addIssue({
          code: 'custom',
          path: ['callBackAt'],
          message: 'calls.validation.callBackInPast',
        });
      }
    })
    .transform((call) => ({
      outcome: call.outcome,
      callBackAt: call.outcome === 'call-back' ? call.callBackAt : null,
    }));
}
export type CallAttemptInput = z.output<ReturnType<typeof callAttemptInputFor>>;

export const closureInput = z.object({
  reason: z.enum(['unreachable', 'not-suitable', 'declined'], 'calls.validation.closeReason'),
  note: optionalText(500),
});
export type ClosureInput = z.output<typeof closureInput>;

export function assignmentInputFor(db: AppDatabase) {
  return z.object({
    instructorId: optionalId.refine(
      (id) => id === null || instructorExists(db, id),
      'validation.unknownChoice',
    ),
  });
}

/**
 * The phone interview. Whether consent must be confirmed depends on the application (it may have
 * been given in writing already), so that check is made by the route, not here.
 */
export function interviewInputFor(db: AppDatabase) {
  return z
    .object({
      canAttendAll: z.enum(['yes', 'no', 'unsure'], 'interview.validation.canAttendAll'),
      suitableTimes: optionalText(500),
      // One ticked box arrives as a string, several as an array, none not at all.
      needs: z
        .union([z.string(), z.array(z.string())], 'validation.unknownChoice')
        .optional()
        .transform((ticked) => (ticked === undefined ? [] : [ticked].flat()))
        .pipe(z.array(z.enum(participantNeeds, 'validation.unknownChoice')))
        .transform((needs) => participantNeeds.filter((need) => needs.includes(need))),
      otherNeeds: optionalText(500),
      consentConfirmed: checkbox,
      /** Placing someone who can no longer reach the completion threshold, confirmed. */
      confirmCannotComplete: checkbox,
      notes: optionalText(interviewNotesMax),
      outcome: z.enum(interviewOutcomes, 'interview.validation.outcome'),
      courseId: optionalId,
      localityId: optionalId,
      reason: optionalText(500),
    })
    .superRefine(
      (value, ctx) => {
        const require = (field: string, message: string) =>
          ctx.addIssue({ code: 'custom', path: [field], message });
        if (value.outcome === 'place') {
          if (value.courseId === null) require('courseId', 'interview.validation.course');
          else if (!listPlacementCourses(db).some((course) => course.id === value.courseId))
            require('courseId', 'validation.unknownChoice');
        }
        if (value.outcome === 'wait') {
          if (value.localityId === null) require('localityId', 'interview.validation.locality');
          else if (!localityExists(db, value.localityId))
            require('localityId', 'validation.unknownChoice');
        }
        if ((value.outcome === 'not-suitable' || value.outcome === 'declined') && !value.reason) {
          require('reason', 'interview.validation.reason');
        }
      },
      whenFieldsValid('outcome', 'courseId', 'localityId', 'reason'),
    );
}
export type InterviewInput = z.output<ReturnType<typeof interviewInputFor>>;

/**
 * What the applicant told, as corrected on the phone. The locality is chosen from the list; left
 * unchosen it stays as it was (the person may live somewhere not on the list).
 */
export function applicantDetailsInputFor(db: AppDatabase) {
  return z
    .object({
      email: optionalEmail,
      phone: phoneNumber,
      homeLocalityId: optionalId.refine(
        (id) => id === null || localityExists(db, id),
        'validation.unknownChoice',
      ),
      goodTimesToCall: optionalText(200),
      ...postalAddressShape,
    })
    .superRefine(requireWholeAddress, whenFieldsValid(...addressParts));
}
export type ApplicantDetailsInput = z.output<ReturnType<typeof applicantDetailsInputFor>>;
