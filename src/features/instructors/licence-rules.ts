import type { CourseStatus } from '../../../db/schema';
import { addDays, addMonths, type LocalDate } from '../../lib/helsinki-time';

/**
 * The ArVo instructor licence: a newly trained instructor leads a first course within 12 months of
 * training (6 preferred), and stays licensed by leading at least one course every 12 months.
 *
 * Decisions:
 * - A course is *led* when it is not cancelled and its last scheduled session's date is today or
 *   earlier. A course still to come (or under way) does not make anyone active; a cancelled course,
 *   or one without scheduled sessions, counts for nothing.
 * - The licence clock runs from the later of the training date and the last led course's last
 *   session. "12 months" is calendar months clamped to the month's end: trained 2026-05-20, the
 *   licence is valid through 2027-05-20 and lapsed from 2027-05-21.
 * - *Lapsing* is the last 2 months before the licence runs out (from validUntil − 2 months through
 *   validUntil), for new and active instructors alike.
 * - Instructors registered before training dates were recorded have no trainedOn: one who has led a
 *   course is judged by that course; one who never led one is *untrained* (no licence facts).
 * - Training again after the last led course restarts the clock as a new instructor.
 */
export type LicenceStatus = 'new' | 'active' | 'lapsing' | 'lapsed' | 'untrained';

export const licenceMonths = 12;
export const preferredFirstCourseMonths = 6;
export const lapsingWindowMonths = 2;

/** One course the instructor leads, with its first and last scheduled session (null: none). */
export type LicenceCourse = {
  status: CourseStatus;
  firstDate: LocalDate | null;
  lastDate: LocalDate | null;
};

export type LicenceInput = {
  trainedOn: LocalDate | null;
  courses: readonly LicenceCourse[];
  today: LocalDate;
};

export type Licence = {
  status: LicenceStatus;
  trainedOn: LocalDate | null;
  /** Whole calendar months from training to today; null without a training date. */
  monthsSinceTraining: number | null;
  /** The last session of the last course led (null: none led, or none since training). */
  lastCourseOn: LocalDate | null;
  /** The last day the licence holds; null when untrained. */
  validUntil: LocalDate | null;
  /** The first day without a licence (the day after validUntil). */
  lapsesOn: LocalDate | null;
};

const counts = (course: LicenceCourse) => course.status !== 'cancelled' && course.lastDate !== null;

function isLed(course: LicenceCourse, today: LocalDate): boolean {
  return counts(course) && course.lastDate! <= today;
}

/** Whole calendar months from `from` to `to` (0 when `to` is earlier). */
export function wholeMonthsBetween(from: LocalDate, to: LocalDate): number {
  // Counted from the calendar months apart, not month by month, so years of history cost nothing.
  const monthsApart =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(from.slice(5, 7));
  const months = addMonths(from, monthsApart) <= to ? monthsApart : monthsApart - 1;
  return Math.max(0, months);
}

/**
 * The oldest date a course may end on and still change anyone's licence today: a course that ended
 * before it gives a licence that has lapsed by now, and so does a training before it. Leaving such
 * courses out changes only a "lapsed" status (to "untrained" when there is no training date), and
 * the home page counts and asks about neither — so the overview reads only the last year's
 * courses, not the whole history.
 */
export function oldestCourseEndThatMatters(today: LocalDate): LocalDate {
  return addMonths(today, -licenceMonths);
}

function lastLedCourseOn(input: LicenceInput): LocalDate | null {
  let last: LocalDate | null = null;
  for (const course of input.courses) {
    if (isLed(course, input.today) && (last === null || course.lastDate! > last)) {
      last = course.lastDate;
    }
  }
  return last;
}

export function licenceOf(input: LicenceInput): Licence {
  const { trainedOn, today } = input;
  const lastLed = lastLedCourseOn(input);
  const ledSinceTraining = lastLed !== null && (trainedOn === null || lastLed >= trainedOn);
  const monthsSinceTraining = trainedOn === null ? null : wholeMonthsBetween(trainedOn, today);
  const anchor = ledSinceTraining ? lastLed : trainedOn;
  if (anchor === null) {
    return {
      status: 'untrained',
      trainedOn,
      monthsSinceTraining,
      lastCourseOn: null,
      validUntil: null,
      lapsesOn: null,
    };
  }
  const validUntil = addMonths(anchor, licenceMonths);
  const lapsingFrom = addMonths(validUntil, -lapsingWindowMonths);
  let status: LicenceStatus = ledSinceTraining ? 'active' : 'new';
  if (today > validUntil) status = 'lapsed';
  else if (today >= lapsingFrom) status = 'lapsing';
  return {
    status,
    trainedOn,
    monthsSinceTraining,
    lastCourseOn: ledSinceTraining ? lastLed : null,
    validUntil,
    lapsesOn: addDays(validUntil, 1),
  };
}

export type AttentionItem =
  | {
      kind: 'no-course-planned';
      trainedOn: LocalDate;
      monthsSinceTraining: number;
      /** The preferred date for the first course: 6 months from training. */
      preferredBy: LocalDate;
      validUntil: LocalDate;
    }
  | { kind: 'about-to-lapse'; lastCourseOn: LocalDate; validUntil: LocalDate };

/**
 * Whether a course not yet led (not cancelled, with sessions, last session after today) starts
 * early enough to keep the licence: on or before its last valid day.
 */
export function hasCoursePlannedBy(input: LicenceInput, validUntil: LocalDate): boolean {
  return input.courses.some(
    (course) => counts(course) && course.lastDate! > input.today && course.firstDate! <= validUntil,
  );
}

/**
 * What the coordinator's home page asks about an instructor, or null:
 * - a new instructor (no course led since training, licence not lapsed) with no course planned that
 *   starts by the licence deadline: "no course planned yet" — shown from the training day, with the
 *   preferred 6-month date;
 * - an instructor who has led a course, in the last 2 months of the licence, with no course planned
 *   after it that starts by the deadline: "about to lapse".
 * Planning any course for them that starts on or before the deadline clears the item; a course
 * starting later would not save the licence, so the item stays.
 */
export function needsAttention(
  input: LicenceInput,
  licence: Licence = licenceOf(input),
): AttentionItem | null {
  if (licence.validUntil === null || licence.status === 'lapsed') return null;
  if (hasCoursePlannedBy(input, licence.validUntil)) return null;
  if (licence.lastCourseOn === null) {
    return {
      kind: 'no-course-planned',
      trainedOn: licence.trainedOn!,
      monthsSinceTraining: licence.monthsSinceTraining!,
      preferredBy: addMonths(licence.trainedOn!, preferredFirstCourseMonths),
      validUntil: licence.validUntil,
    };
  }
  if (licence.status !== 'lapsing') return null;
  return {
    kind: 'about-to-lapse',
    lastCourseOn: licence.lastCourseOn,
    validUntil: licence.validUntil,
  };
}
