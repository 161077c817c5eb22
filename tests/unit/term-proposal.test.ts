import { describe, expect, it } from 'vitest';
import {
  candidateSlots,
  freeStartDates,
  slotFor,
  type CoursePlan,
  type SlotVenue,
} from '../../src/features/term-proposal/candidate-slots';
import {
  hardRuleViolations,
  planWeights,
  reasonsFor,
  scorePlan,
  type CandidateSlot,
  type PlannedCourse,
  type ProposalInstructor,
  type ProposalProblem,
  type WaitingGroup,
} from '../../src/features/term-proposal/plan-rules';
import { solvePlan } from '../../src/features/term-proposal/plan-solver';
import { diagnose } from '../../src/features/term-proposal/propose';
import { readSuitableTimes, timeSuits } from '../../src/features/term-proposal/suitable-times';

const arvo: CoursePlan = {
  sessionCount: 6,
  sessionMinutes: 150,
  intervalWeeks: 1,
  preparationMinutes: 60,
};
/** 6 sessions × (150 + 60) minutes. */
const courseHours = 21;

const venue = (id: number, localityId: number, extra: Partial<SlotVenue> = {}): SlotVenue => ({
  id,
  localityId,
  stepFree: false,
  online: false,
  capacity: 20,
  ...extra,
});

function slot(place: SlotVenue, firstDate: string, startTime: string): CandidateSlot {
  const made = slotFor(place, firstDate, startTime, arvo, []);
  if (!made) throw new Error('no slot');
  return made;
}

const instructor = (
  id: number,
  kind: 'professional' | 'peer',
  localityIds: number[],
  extra: Partial<ProposalInstructor> = {},
): ProposalInstructor => ({
  id,
  kind,
  localityIds,
  termHours: 0,
  deadline: null,
  licensedUntil: null,
  busy: [],
  ...extra,
});

const waiting = (
  key: string,
  localityId: number,
  count: number,
  extra: Partial<WaitingGroup> = {},
): WaitingGroup => ({ key, localityId, count, needsStepFree: false, suits: null, ...extra });

function problem(extra: Partial<ProposalProblem>): ProposalProblem {
  return {
    courseCount: 1,
    earliestStart: '2027-01-11',
    requiredLocalityIds: [],
    maxHoursPerInstructor: 100,
    oneCourseHours: courseHours,
    seats: 14,
    programIsOnline: false,
    slots: [],
    instructors: [],
    waiting: [],
    neighbours: new Map(),
    venueBusy: new Map(),
    ...extra,
  };
}

async function bestPlan(given: ProposalProblem): Promise<PlannedCourse[]> {
  const outcome = await solvePlan(given);
  if (outcome.kind !== 'plan') throw new Error('no plan');
  expect(outcome.provenBest).toBe(true);
  // The solver maximises exactly the objective the page explains, under exactly the hard rules.
  expect(hardRuleViolations(given, outcome.plan)).toEqual([]);
  expect(outcome.objective).toBeCloseTo(scorePlan(given, outcome.plan).total, 6);
  return outcome.plan;
}

// 2027-01-12 is a Tuesday, 2027-01-13 a Wednesday.
const lapua = 1;
const seinajoki = 2;
const kauhajoki = 3;

describe('the suitable times people give in the interview', () => {
  it('reads days, ranges and times of day in Finnish, Swedish and English', () => {
    expect(readSuitableTimes('tiistai-iltaisin', 'fi')).toEqual({
      weekdays: [2],
      dayparts: ['evening'],
    });
    expect(readSuitableTimes('ma–to aamupäivällä', 'fi')).toEqual({
      weekdays: [1, 2, 3, 4],
      dayparts: ['morning'],
    });
    expect(readSuitableTimes('Tuesday or Thursday evenings', 'en')).toEqual({
      weekdays: [2, 4],
      dayparts: ['evening'],
    });
    expect(readSuitableTimes('Monday to Wednesday', 'en')).toEqual({
      weekdays: [1, 2, 3],
      dayparts: [],
    });
    expect(readSuitableTimes('tisdagar på eftermiddagen', 'sv')).toEqual({
      weekdays: [2],
      dayparts: ['afternoon'],
    });
    expect(readSuitableTimes('iltapäivisin', 'fi')).toEqual({
      weekdays: [],
      dayparts: ['afternoon'],
    });
  });

  it('reads nothing from text without a day or a time of day', () => {
    expect(readSuitableTimes('', 'fi')).toBeNull();
    expect(readSuitableTimes('soita ensin', 'fi')).toBeNull();
  });

  it('matches a course day and start time against what was said', () => {
    const tuesdayEvenings = readSuitableTimes('tiistai-iltaisin', 'fi');
    expect(timeSuits(tuesdayEvenings, 2, '17:00')).toBe(true);
    expect(timeSuits(tuesdayEvenings, 2, '10:00')).toBe(false);
    expect(timeSuits(tuesdayEvenings, 3, '17:00')).toBe(false);
    expect(timeSuits(null, 2, '17:00')).toBe(false);
  });
});

describe('candidate courses', () => {
  it('skips holidays and blocked weeks as first dates and in the sessions', () => {
    const window = {
      earliestStart: '2027-03-01',
      latestStart: '2027-04-12',
      weekdays: [1 as const],
      startTimes: ['17:00'],
      blockedPeriods: [{ name: 'Hiihtoloma', startsOn: '2027-03-01', endsOn: '2027-03-07' }],
    };
    // Easter Monday 2027 is 29 March; the week of 1 March is blocked.
    const dates = freeStartDates(window, 1);
    expect(dates).not.toContain('2027-03-01');
    expect(dates).not.toContain('2027-03-29');
    expect(dates[0]).toBe('2027-03-08');
    const slots = candidateSlots([venue(1, lapua)], arvo, window);
    expect(slots.length).toBeGreaterThan(0);
    for (const each of slots) {
      expect(each.sessions).toHaveLength(6);
      expect(each.sessions.map((session) => session.localDate)).not.toContain('2027-03-29');
      expect(each.hours).toBe(courseHours);
    }
  });

  it('offers first dates spread over the window, the first and the last among them', () => {
    const window = {
      earliestStart: '2027-01-11',
      latestStart: '2027-04-30',
      weekdays: [2 as const],
      startTimes: ['17:00'],
      blockedPeriods: [],
      startChoices: 3,
    };
    const firstDates = candidateSlots([venue(1, lapua)], arvo, window).map((one) => one.firstDate);
    const free = freeStartDates(window, 2);
    expect(firstDates).toHaveLength(3);
    expect(firstDates[0]).toBe(free[0]);
    expect(firstDates[2]).toBe(free[free.length - 1]);
  });
});

describe('the best plan on small cases', () => {
  it('gives a new instructor their first course when a pair with them is as good otherwise', async () => {
    const place = venue(1, lapua);
    const given = problem({
      slots: [slot(place, '2027-01-12', '17:00')],
      instructors: [
        instructor(1, 'professional', [lapua]),
        instructor(2, 'peer', [lapua]),
        instructor(3, 'peer', [lapua], { deadline: { kind: 'first-course', by: '2027-06-30' } }),
      ],
      waiting: [waiting('lapua', lapua, 9)],
    });
    const [course] = await bestPlan(given);
    expect([...course!.instructorIds].sort()).toEqual([1, 3]);
    expect(course!.served).toEqual([{ groupKey: 'lapua', count: 9 }]);
    const score = scorePlan(given, [course!]);
    expect(score.deadlinesMet).toEqual([3]);
    expect(score.total).toBe(
      9 * planWeights.servedHere + planWeights.deadlineMet + planWeights.professionalWithPeer,
    );
  });

  it('does not count a first course that starts after the deadline', async () => {
    const place = venue(1, lapua);
    const given = problem({
      slots: [slot(place, '2027-03-02', '17:00')],
      instructors: [
        instructor(1, 'professional', [lapua]),
        instructor(3, 'peer', [lapua], { deadline: { kind: 'first-course', by: '2027-02-28' } }),
        instructor(4, 'peer', [lapua]),
      ],
      waiting: [waiting('lapua', lapua, 9)],
    });
    const [course] = await bestPlan(given);
    expect(scorePlan(given, [course!]).deadlinesMet).toEqual([]);
  });

  it('puts the course in the step-free venue when the people waiting need one', async () => {
    const stairs = venue(1, lapua, { stepFree: false });
    const ramp = venue(2, lapua, { stepFree: true });
    const given = problem({
      slots: [slot(stairs, '2027-01-12', '17:00'), slot(ramp, '2027-01-12', '17:00')],
      instructors: [instructor(1, 'professional', [lapua]), instructor(2, 'peer', [lapua])],
      waiting: [
        waiting('lapua-step-free', lapua, 5, { needsStepFree: true }),
        waiting('lapua', lapua, 4),
      ],
    });
    const [course] = await bestPlan(given);
    expect(course!.slot.venueId).toBe(ramp.id);
    expect(scorePlan(given, [course!]).servedNeedingStepFree).toBe(5);
  });

  it('serves the neighbours of a locality but not localities out of reach', async () => {
    const given = problem({
      courseCount: 1,
      slots: [
        slot(venue(1, lapua), '2027-01-12', '17:00'),
        slot(venue(2, kauhajoki), '2027-01-12', '17:00'),
      ],
      instructors: [
        instructor(1, 'professional', [lapua, kauhajoki]),
        instructor(2, 'peer', [lapua, kauhajoki]),
      ],
      neighbours: new Map([
        [lapua, [seinajoki]],
        [seinajoki, [lapua]],
      ]),
      // Kauhajoki has more people waiting than Lapua, but Lapua and Seinäjoki together have more.
      waiting: [
        waiting('lapua', lapua, 4),
        waiting('seinajoki', seinajoki, 8),
        waiting('kauhajoki', kauhajoki, 7),
      ],
    });
    const [course] = await bestPlan(given);
    expect(course!.slot.localityId).toBe(lapua);
    const score = scorePlan(given, [course!]);
    expect(score.servedHere).toBe(4);
    expect(score.servedNearby).toBe(8);
  });

  it('prefers the day and time the waiting people said suit them', async () => {
    const place = venue(1, lapua);
    const given = problem({
      slots: [slot(place, '2027-01-12', '10:00'), slot(place, '2027-01-13', '17:00')],
      instructors: [instructor(1, 'professional', [lapua]), instructor(2, 'peer', [lapua])],
      waiting: [
        waiting('evenings', lapua, 6, { suits: readSuitableTimes('keskiviikkoiltaisin', 'fi') }),
      ],
    });
    const [course] = await bestPlan(given);
    expect(course!.slot.firstDate).toBe('2027-01-13');
    expect(scorePlan(given, [course!]).servedAtSuitableTime).toBe(6);
  });

  it('spreads two courses over two pairs rather than giving one pair both', async () => {
    const place = venue(1, lapua);
    const given = problem({
      courseCount: 2,
      slots: [slot(place, '2027-01-12', '10:00'), slot(place, '2027-01-12', '17:00')],
      instructors: [
        instructor(1, 'professional', [lapua]),
        instructor(2, 'peer', [lapua]),
        instructor(3, 'professional', [lapua]),
        instructor(4, 'peer', [lapua]),
      ],
      waiting: [waiting('lapua', lapua, 20)],
    });
    const plan = await bestPlan(given);
    expect(plan).toHaveLength(2);
    expect(new Set(plan.flatMap((course) => course.instructorIds)).size).toBe(4);
    expect(scorePlan(given, plan).busiestHours).toBe(courseHours);
  });
});

describe('the hard rules', () => {
  const place = venue(1, lapua);
  const pair = [instructor(1, 'professional', [lapua]), instructor(2, 'peer', [lapua])];

  it('never double-books the only pair: two courses at the same time cannot both be planned', async () => {
    const given = problem({
      courseCount: 2,
      slots: [slot(place, '2027-01-12', '17:00'), slot(venue(2, lapua), '2027-01-12', '17:00')],
      instructors: pair,
    });
    expect(await solvePlan(given)).toEqual({ kind: 'infeasible' });
    const sameTime: PlannedCourse[] = given.slots.map((each) => ({
      slot: each,
      instructorIds: [1, 2],
      served: [],
    }));
    expect(hardRuleViolations(given, sameTime).map((found) => found.rule)).toContain(
      'instructor-double-booked',
    );
  });

  it('lets the same pair lead two courses at different times', async () => {
    const given = problem({
      courseCount: 2,
      slots: [slot(place, '2027-01-12', '10:00'), slot(place, '2027-01-12', '17:00')],
      instructors: pair,
    });
    expect(await bestPlan(given)).toHaveLength(2);
  });

  it('never books one venue twice at the same time', async () => {
    const given = problem({
      courseCount: 2,
      slots: [slot(place, '2027-01-12', '17:00'), slot(place, '2027-01-12', '18:00')],
      instructors: [
        ...pair,
        instructor(3, 'professional', [lapua]),
        instructor(4, 'peer', [lapua]),
      ],
    });
    expect(await solvePlan(given)).toEqual({ kind: 'infeasible' });
  });

  it('needs two instructors: one instructor in the locality is not enough', async () => {
    const given = problem({
      slots: [slot(place, '2027-01-12', '17:00')],
      instructors: [instructor(1, 'professional', [lapua]), instructor(2, 'peer', [seinajoki])],
    });
    expect(await solvePlan(given)).toEqual({ kind: 'infeasible' });
    const withStranger: PlannedCourse = {
      slot: given.slots[0]!,
      instructorIds: [1, 2],
      served: [],
    };
    expect(hardRuleViolations(given, [withStranger])).toEqual([
      { rule: 'instructor-locality', slotKey: given.slots[0]!.key, instructorId: 2 },
    ]);
    const alone: PlannedCourse = { slot: given.slots[0]!, instructorIds: [1], served: [] };
    expect(hardRuleViolations(given, [alone]).map((found) => found.rule)).toEqual([
      'two-instructors',
    ]);
  });

  it('uses no venue smaller than the program and no online venue for a course in person', async () => {
    const small = venue(1, lapua, { capacity: 10 });
    const online = venue(2, lapua, { online: true, capacity: null });
    const given = problem({
      slots: [slot(small, '2027-01-12', '17:00'), slot(online, '2027-01-12', '17:00')],
      instructors: pair,
    });
    expect(await solvePlan(given)).toEqual({ kind: 'infeasible' });
    const rules = (chosen: CandidateSlot) =>
      hardRuleViolations(given, [{ slot: chosen, instructorIds: [1, 2], served: [] }]).map(
        (found) => found.rule,
      );
    expect(rules(given.slots[0]!)).toEqual(['venue-capacity']);
    expect(rules(given.slots[1]!)).toEqual(['venue-kind']);
    const onlineProgram = await bestPlan({ ...given, programIsOnline: true });
    expect(onlineProgram[0]!.slot.venueOnline).toBe(true);
  });

  it('keeps every instructor within the maximum hours of the term', async () => {
    const given = problem({
      courseCount: 2,
      maxHoursPerInstructor: 30,
      slots: [slot(place, '2027-01-12', '10:00'), slot(place, '2027-01-12', '17:00')],
      instructors: pair,
    });
    expect(await solvePlan(given)).toEqual({ kind: 'infeasible' });
    expect(await solvePlan(given, { ignoreHoursMaximum: true })).toMatchObject({ kind: 'plan' });
  });

  it('avoids the sessions instructors and venues already have', async () => {
    const chosen = slot(place, '2027-01-12', '17:00');
    const busy = [{ startsAt: chosen.sessions[2]!.startsAt, endsAt: chosen.sessions[2]!.endsAt }];
    const busyInstructor = problem({
      slots: [chosen],
      instructors: [pair[0]!, { ...pair[1]!, busy }],
    });
    expect(await solvePlan(busyInstructor)).toEqual({ kind: 'infeasible' });
    const busyVenue = problem({
      slots: [chosen],
      instructors: pair,
      venueBusy: new Map([[place.id, busy]]),
    });
    expect(await solvePlan(busyVenue)).toEqual({ kind: 'infeasible' });
  });

  it('plans in each required locality', async () => {
    const given = problem({
      requiredLocalityIds: [kauhajoki],
      slots: [
        slot(venue(1, lapua), '2027-01-12', '17:00'),
        slot(venue(2, kauhajoki), '2027-01-12', '17:00'),
      ],
      instructors: [
        instructor(1, 'professional', [lapua, kauhajoki]),
        instructor(2, 'peer', [lapua, kauhajoki]),
      ],
      waiting: [waiting('lapua', lapua, 12)],
    });
    const [course] = await bestPlan(given);
    expect(course!.slot.localityId).toBe(kauhajoki);
  });

  it('plans as many courses as fit when asked for the most', async () => {
    const given = problem({
      courseCount: 5,
      slots: [slot(place, '2027-01-12', '10:00'), slot(place, '2027-01-12', '17:00')],
      instructors: pair,
    });
    expect(await solvePlan(given)).toEqual({ kind: 'infeasible' });
    const most = await solvePlan(given, { mostCourses: true });
    expect(most.kind === 'plan' && most.plan.length).toBe(2);
  });

  it('evaluates a fixed plan: the seats go to the people waiting within reach', async () => {
    const given = problem({
      slots: [slot(place, '2027-01-12', '17:00')],
      instructors: pair,
      waiting: [waiting('lapua', lapua, 20)],
    });
    const fixed: PlannedCourse = { slot: given.slots[0]!, instructorIds: [1, 2], served: [] };
    const outcome = await solvePlan(given, { fixed: [fixed] });
    expect(outcome.kind === 'plan' && outcome.plan[0]!.served).toEqual([
      { groupKey: 'lapua', count: 14 },
    ]);
  });
});

describe('when no plan meets the hard rules', () => {
  const place = venue(1, lapua);
  const pair = [instructor(1, 'professional', [lapua]), instructor(2, 'peer', [lapua])];

  it('names a required locality without two free instructors', async () => {
    const given = problem({
      requiredLocalityIds: [kauhajoki],
      slots: [slot(place, '2027-01-12', '17:00'), slot(venue(2, kauhajoki), '2027-01-12', '17:00')],
      instructors: [...pair, instructor(3, 'peer', [kauhajoki])],
    });
    expect(await solvePlan(given)).toEqual({ kind: 'infeasible' });
    expect(await diagnose(given)).toEqual([
      { rule: 'required-locality-instructors', localityId: kauhajoki, working: 1, freeAtBest: 1 },
    ]);
  });

  it('says how many courses fit when more are asked than the pairs allow', async () => {
    const given = problem({
      courseCount: 3,
      slots: [slot(place, '2027-01-12', '10:00'), slot(place, '2027-01-12', '17:00')],
      instructors: pair,
    });
    expect(await diagnose(given)).toEqual([{ rule: 'course-count', most: 2, hoursLimited: false }]);
  });

  it('says when the hours maximum is what allows fewer courses', async () => {
    const given = problem({
      courseCount: 2,
      maxHoursPerInstructor: 10,
      slots: [slot(place, '2027-01-12', '10:00'), slot(place, '2027-01-12', '17:00')],
      instructors: pair,
    });
    expect(await diagnose(given)).toEqual([{ rule: 'course-count', most: 0, hoursLimited: true }]);
  });

  it('says when no venue is big enough', async () => {
    const given = problem({
      slots: [slot(venue(1, lapua, { capacity: 8 }), '2027-01-12', '17:00')],
      instructors: pair,
    });
    expect(await diagnose(given)).toEqual([{ rule: 'no-venue', reason: 'capacity' }]);
  });
});

describe('why a course was chosen', () => {
  it('starts as early as it can when all else is equal', async () => {
    const place = venue(1, lapua);
    const given = problem({
      slots: [slot(place, '2027-02-02', '17:00'), slot(place, '2027-01-12', '17:00')],
      instructors: [instructor(1, 'professional', [lapua]), instructor(2, 'peer', [lapua])],
      waiting: [waiting('lapua', lapua, 5)],
    });
    const [course] = await bestPlan(given);
    expect(course!.slot.firstDate).toBe('2027-01-12');
  });

  it('lists the people it serves, their needs and times, deadlines met and the pair', async () => {
    const ramp = venue(1, lapua, { stepFree: true });
    const given = problem({
      slots: [slot(ramp, '2027-01-12', '17:00')],
      neighbours: new Map([[lapua, [seinajoki]]]),
      instructors: [
        instructor(1, 'professional', [lapua]),
        instructor(2, 'peer', [lapua], { deadline: { kind: 'lapsing', by: '2027-03-01' } }),
      ],
      waiting: [
        waiting('lapua-ramp', lapua, 2, {
          needsStepFree: true,
          suits: readSuitableTimes('tiistaisin', 'fi'),
        }),
        waiting('seinajoki', seinajoki, 3),
      ],
    });
    const [course] = await bestPlan(given);
    expect(reasonsFor(given, course!)).toEqual([
      { kind: 'servedHere', count: 2, localityId: lapua },
      { kind: 'servedNearby', count: 3, localityId: seinajoki },
      { kind: 'stepFree', count: 2 },
      { kind: 'timeSuits', count: 2 },
      { kind: 'lapsing', instructorId: 2, by: '2027-03-01' },
      { kind: 'pair' },
    ]);
  });
});
