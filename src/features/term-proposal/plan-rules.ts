import type { InstructorKind } from '../../../db/schema';
import { daysBetween, type LocalDate, type LocalTime } from '../../lib/helsinki-time';
import { timeSuits, type TimePreference, type Weekday } from './suitable-times';

/**
 * What a good term plan means, as plain data and functions: the solver maximises exactly
 * `scorePlan` under exactly `hardRuleViolations`, and the review page explains a plan with them.
 */

/** Points of each thing a plan achieves; shown on the proposal page as "what a good plan means". */
export const planWeights = {
  /** Each waiting person a course has a seat for, in their own locality. */
  servedHere: 10,
  /** Each waiting person from a neighbouring locality (within reach, but further to travel). */
  servedNearby: 6,
  /** Each of those served at a day and time they said suits them. */
  timeSuits: 2,
  /** A new instructor's first course, or a course that keeps a lapsing licence, before the deadline. */
  deadlineMet: 40,
  /** A course led by a professional and a peer instructor together. */
  professionalWithPeer: 15,
  /**
   * Subtracted for each hour the plan adds to an instructor's term beyond one course's worth (so
   * the work is spread rather than piled on a few).
   */
  extraHour: 1,
  /** Subtracted for each week a course starts after the earliest start: nobody waits longer. */
  weekLater: 0.5,
} as const;

export type PlanWeightName = keyof typeof planWeights;

export type Interval = { startsAt: number; endsAt: number };

/** One possible course: a venue, a weekly day and time, a first date and its generated sessions. */
export type CandidateSlot = {
  key: string;
  localityId: number;
  venueId: number;
  venueStepFree: boolean;
  venueOnline: boolean;
  venueCapacity: number | null;
  weekday: Weekday;
  startTime: LocalTime;
  firstDate: LocalDate;
  /** Holidays and blocked weeks already skipped. */
  sessions: (Interval & { localDate: LocalDate; endTime: LocalTime })[];
  /** Each instructor's hours for the whole course: sessions and their preparation. */
  hours: number;
};

export type InstructorDeadline = { kind: 'first-course' | 'lapsing'; by: LocalDate };

export type ProposalInstructor = {
  id: number;
  kind: InstructorKind;
  localityIds: readonly number[];
  /** Hours already planned for them in the term. */
  termHours: number;
  /** A course starting by this date gives a first course or keeps the licence; null: none needed. */
  deadline: InstructorDeadline | null;
  /** The last day a course of theirs may start while they hold a licence; null: no limit known. */
  licensedUntil: LocalDate | null;
  /** Sessions they already lead. */
  busy: readonly Interval[];
};

/** People waiting in one locality who share their needs and the times that suit them. */
export type WaitingGroup = {
  key: string;
  localityId: number;
  needsStepFree: boolean;
  suits: TimePreference | null;
  count: number;
};

export type ProposalProblem = {
  courseCount: number;
  /** The earliest first date asked for: later starts cost `weekLater` a week. */
  earliestStart: LocalDate;
  /** Each must get at least one course. */
  requiredLocalityIds: readonly number[];
  maxHoursPerInstructor: number;
  /** One course's hours for each of its instructors: a term beyond this is extra load. */
  oneCourseHours: number;
  /** The program's maximum number of participants: the seats of every course. */
  seats: number;
  programIsOnline: boolean;
  slots: readonly CandidateSlot[];
  instructors: readonly ProposalInstructor[];
  waiting: readonly WaitingGroup[];
  /** Localities within reach of each other (both ways round). */
  neighbours: ReadonlyMap<number, readonly number[]>;
  /** Sessions already held at each venue (online venues are never double-booked). */
  venueBusy: ReadonlyMap<number, readonly Interval[]>;
};

export type Allocation = { groupKey: string; count: number };

export type PlannedCourse = {
  slot: CandidateSlot;
  instructorIds: readonly number[];
  /** Who waiting the course's seats go to (the explanation of why it was chosen). */
  served: readonly Allocation[];
};

const overlaps = (a: Interval, b: Interval) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

export function slotsOverlap(a: CandidateSlot, b: CandidateSlot): boolean {
  return a.sessions.some((one) => b.sessions.some((other) => overlaps(one, other)));
}

function overlapsAny(slot: CandidateSlot, busy: readonly Interval[]): boolean {
  return slot.sessions.some((session) => busy.some((interval) => overlaps(session, interval)));
}

/** A venue may hold the course: big enough, the right kind, and free at every session. */
export function venueFits(problem: ProposalProblem, slot: CandidateSlot): boolean {
  if (slot.venueOnline !== problem.programIsOnline) return false;
  if (!slot.venueOnline && (slot.venueCapacity ?? 0) < problem.seats) return false;
  return slot.venueOnline || !overlapsAny(slot, problem.venueBusy.get(slot.venueId) ?? []);
}

/** Who may lead a slot: works in its locality, holds a licence then, is free, has the hours. */
export function mayLead(
  problem: ProposalProblem,
  instructor: ProposalInstructor,
  slot: CandidateSlot,
): boolean {
  return (
    instructor.localityIds.includes(slot.localityId) &&
    (instructor.licensedUntil === null || slot.firstDate <= instructor.licensedUntil) &&
    instructor.termHours + slot.hours <= problem.maxHoursPerInstructor &&
    !overlapsAny(slot, instructor.busy)
  );
}

/** Whether people waiting in `group` can reach a course in `slot`, and from how far. */
export function reach(
  problem: ProposalProblem,
  group: WaitingGroup,
  slot: CandidateSlot,
): 'here' | 'nearby' | null {
  if (group.needsStepFree && !slot.venueStepFree && !slot.venueOnline) return null;
  if (group.localityId === slot.localityId) return 'here';
  return (problem.neighbours.get(slot.localityId) ?? []).includes(group.localityId)
    ? 'nearby'
    : null;
}

/** Points for one person of `group` seated on `slot` (0 when they cannot reach it). */
export function pointsPerPerson(
  problem: ProposalProblem,
  group: WaitingGroup,
  slot: CandidateSlot,
): number {
  const distance = reach(problem, group, slot);
  if (distance === null) return 0;
  const base = distance === 'here' ? planWeights.servedHere : planWeights.servedNearby;
  return base + (timeSuits(group.suits, slot.weekday, slot.startTime) ? planWeights.timeSuits : 0);
}

export type PlanScore = {
  total: number;
  servedHere: number;
  servedNearby: number;
  servedAtSuitableTime: number;
  servedNeedingStepFree: number;
  /** Instructors whose first course or licence-keeping course the plan gives before the deadline. */
  deadlinesMet: number[];
  professionalWithPeer: number;
  /** The busiest instructor's hours in the term with the plan (existing plans included). */
  busiestHours: number;
  /** Hours the plan adds beyond one course's worth per instructor, added up. */
  extraHours: number;
  /** Weeks from the earliest start to each course's first date, added up. */
  weeksLater: number;
};

/** Whole weeks from the earliest start asked for to the slot's first date. */
export function weeksAfterEarliest(problem: ProposalProblem, slot: CandidateSlot): number {
  return Math.max(0, Math.floor(daysBetween(problem.earliestStart, slot.firstDate) / 7));
}

function deadlineMet(instructor: ProposalInstructor, plan: readonly PlannedCourse[]): boolean {
  const deadline = instructor.deadline;
  return (
    deadline !== null &&
    plan.some(
      (course) =>
        course.instructorIds.includes(instructor.id) && course.slot.firstDate <= deadline.by,
    )
  );
}

export function isProfessionalWithPeer(
  problem: ProposalProblem,
  instructorIds: readonly number[],
): boolean {
  const kinds = new Set(
    instructorIds.map((id) => problem.instructors.find((one) => one.id === id)?.kind),
  );
  return kinds.has('professional') && kinds.has('peer');
}

/** Each instructor's term hours with the plan's courses added. */
export function hoursWithPlan(
  problem: ProposalProblem,
  plan: readonly PlannedCourse[],
): Map<number, number> {
  const hours = new Map(problem.instructors.map((one) => [one.id, one.termHours]));
  for (const course of plan) {
    for (const id of course.instructorIds) hours.set(id, (hours.get(id) ?? 0) + course.slot.hours);
  }
  return hours;
}

/** Hours beyond one course's worth that the plan adds to an instructor's term. */
export function extraHours(problem: ProposalProblem, before: number, after: number): number {
  const beyond = (hours: number) => Math.max(0, hours - problem.oneCourseHours);
  return beyond(after) - beyond(before);
}

/** The objective: how good a plan is, in the points of `planWeights`, and what makes them up. */
export function scorePlan(problem: ProposalProblem, plan: readonly PlannedCourse[]): PlanScore {
  const groups = new Map(problem.waiting.map((group) => [group.key, group]));
  const score: PlanScore = {
    total: 0,
    servedHere: 0,
    servedNearby: 0,
    servedAtSuitableTime: 0,
    servedNeedingStepFree: 0,
    deadlinesMet: [],
    professionalWithPeer: 0,
    busiestHours: 0,
    extraHours: 0,
    weeksLater: 0,
  };
  for (const course of plan) {
    for (const { groupKey, count } of course.served) {
      const group = groups.get(groupKey);
      if (!group) continue;
      const distance = reach(problem, group, course.slot);
      if (distance === 'here') score.servedHere += count;
      if (distance === 'nearby') score.servedNearby += count;
      if (distance !== null && group.needsStepFree) score.servedNeedingStepFree += count;
      if (distance !== null && timeSuits(group.suits, course.slot.weekday, course.slot.startTime)) {
        score.servedAtSuitableTime += count;
      }
    }
    if (isProfessionalWithPeer(problem, course.instructorIds)) score.professionalWithPeer += 1;
    score.weeksLater += weeksAfterEarliest(problem, course.slot);
  }
  score.deadlinesMet = problem.instructors
    .filter((instructor) => deadlineMet(instructor, plan))
    .map((instructor) => instructor.id);
  const hours = hoursWithPlan(problem, plan);
  score.busiestHours = Math.max(0, ...hours.values());
  score.extraHours = problem.instructors.reduce(
    (sum, one) => sum + extraHours(problem, one.termHours, hours.get(one.id) ?? one.termHours),
    0,
  );
  score.total =
    score.servedHere * planWeights.servedHere +
    score.servedNearby * planWeights.servedNearby +
    score.servedAtSuitableTime * planWeights.timeSuits +
    score.deadlinesMet.length * planWeights.deadlineMet +
    score.professionalWithPeer * planWeights.professionalWithPeer -
    score.extraHours * planWeights.extraHour -
    score.weeksLater * planWeights.weekLater;
  return score;
}

export type HardRule =
  | 'course-count'
  | 'required-locality'
  | 'two-instructors'
  | 'instructor-locality'
  | 'licence'
  | 'instructor-double-booked'
  | 'venue-double-booked'
  | 'venue-capacity'
  | 'venue-kind'
  | 'hours-maximum'
  | 'seats';

export type Violation = {
  rule: HardRule;
  slotKey?: string;
  instructorId?: number;
  localityId?: number;
};

function courseViolations(problem: ProposalProblem, course: PlannedCourse): Violation[] {
  const { slot } = course;
  const found: Violation[] = [];
  const at = { slotKey: slot.key };
  if (new Set(course.instructorIds).size !== 2 || course.instructorIds.length !== 2) {
    found.push({ rule: 'two-instructors', ...at });
  }
  if (slot.venueOnline !== problem.programIsOnline) found.push({ rule: 'venue-kind', ...at });
  if (!slot.venueOnline && (slot.venueCapacity ?? 0) < problem.seats) {
    found.push({ rule: 'venue-capacity', ...at });
  }
  if (!slot.venueOnline && overlapsAny(slot, problem.venueBusy.get(slot.venueId) ?? [])) {
    found.push({ rule: 'venue-double-booked', ...at });
  }
  for (const id of new Set(course.instructorIds)) {
    const instructor = problem.instructors.find((one) => one.id === id);
    if (!instructor || !instructor.localityIds.includes(slot.localityId)) {
      found.push({ rule: 'instructor-locality', ...at, instructorId: id });
      continue;
    }
    if (instructor.licensedUntil !== null && slot.firstDate > instructor.licensedUntil) {
      found.push({ rule: 'licence', ...at, instructorId: id });
    }
    if (overlapsAny(slot, instructor.busy)) {
      found.push({ rule: 'instructor-double-booked', ...at, instructorId: id });
    }
  }
  const seated = course.served.reduce((sum, allocation) => sum + allocation.count, 0);
  if (seated > problem.seats) found.push({ rule: 'seats', ...at });
  return found;
}

/** Clashes between two planned courses: the same instructor, or the same physical venue. */
function pairViolations(first: PlannedCourse, second: PlannedCourse): Violation[] {
  if (!slotsOverlap(first.slot, second.slot)) return [];
  const found: Violation[] = [];
  for (const id of first.instructorIds) {
    if (second.instructorIds.includes(id)) {
      found.push({ rule: 'instructor-double-booked', slotKey: second.slot.key, instructorId: id });
    }
  }
  if (first.slot.venueId === second.slot.venueId && !first.slot.venueOnline) {
    found.push({ rule: 'venue-double-booked', slotKey: second.slot.key });
  }
  return found;
}

/** Every hard rule the plan breaks; empty for a plan that may be accepted as it is. */
export function hardRuleViolations(
  problem: ProposalProblem,
  plan: readonly PlannedCourse[],
  { checkTargets = true } = {},
): Violation[] {
  const found = plan.flatMap((course) => courseViolations(problem, course));
  plan.forEach((course, index) => {
    for (const later of plan.slice(index + 1)) found.push(...pairViolations(course, later));
  });
  for (const [id, hours] of hoursWithPlan(problem, plan)) {
    const before = problem.instructors.find((one) => one.id === id)?.termHours ?? 0;
    if (hours > before && hours > problem.maxHoursPerInstructor) {
      found.push({ rule: 'hours-maximum', instructorId: id });
    }
  }
  const seatedPerGroup = new Map<string, number>();
  for (const course of plan) {
    for (const { groupKey, count } of course.served) {
      seatedPerGroup.set(groupKey, (seatedPerGroup.get(groupKey) ?? 0) + count);
    }
  }
  for (const group of problem.waiting) {
    if ((seatedPerGroup.get(group.key) ?? 0) > group.count) {
      found.push({ rule: 'seats', localityId: group.localityId });
    }
  }
  if (checkTargets) {
    if (plan.length !== problem.courseCount) found.push({ rule: 'course-count' });
    for (const localityId of problem.requiredLocalityIds) {
      if (!plan.some((course) => course.slot.localityId === localityId)) {
        found.push({ rule: 'required-locality', localityId });
      }
    }
  }
  return found;
}

/** One reason a course is in the plan, for the review page. */
export type CourseReason =
  | { kind: 'servedHere' | 'servedNearby'; count: number; localityId: number }
  | { kind: 'stepFree' | 'timeSuits'; count: number }
  | { kind: 'first-course' | 'lapsing'; instructorId: number; by: LocalDate }
  | { kind: 'pair' }
  | { kind: 'nobodyWaiting' };

/** Why a planned course is there: whom its seats serve, whose deadline it meets, its pair. */
export function reasonsFor(problem: ProposalProblem, course: PlannedCourse): CourseReason[] {
  const groups = new Map(problem.waiting.map((group) => [group.key, group]));
  const byLocality = new Map<number, number>();
  let stepFree = 0;
  let suits = 0;
  for (const { groupKey, count } of course.served) {
    const group = groups.get(groupKey);
    if (!group || reach(problem, group, course.slot) === null) continue;
    byLocality.set(group.localityId, (byLocality.get(group.localityId) ?? 0) + count);
    if (group.needsStepFree) stepFree += count;
    if (timeSuits(group.suits, course.slot.weekday, course.slot.startTime)) suits += count;
  }
  const reasons: CourseReason[] = [...byLocality]
    .sort(([a], [b]) => Number(b === course.slot.localityId) - Number(a === course.slot.localityId))
    .map(([localityId, count]) => ({
      kind: localityId === course.slot.localityId ? 'servedHere' : 'servedNearby',
      count,
      localityId,
    }));
  if (reasons.length === 0) reasons.push({ kind: 'nobodyWaiting' });
  if (stepFree > 0) reasons.push({ kind: 'stepFree', count: stepFree });
  if (suits > 0) reasons.push({ kind: 'timeSuits', count: suits });
  for (const id of course.instructorIds) {
    const deadline = problem.instructors.find((one) => one.id === id)?.deadline;
    if (deadline && course.slot.firstDate <= deadline.by) {
      reasons.push({ kind: deadline.kind, instructorId: id, by: deadline.by });
    }
  }
  if (isProfessionalWithPeer(problem, course.instructorIds)) reasons.push({ kind: 'pair' });
  return reasons;
}
