import { solveInThread } from './solver-thread';
import {
  mayLead,
  planWeights,
  pointsPerPerson,
  reach,
  venueFits,
  weeksAfterEarliest,
  type CandidateSlot,
  type PlannedCourse,
  type ProposalInstructor,
  type ProposalProblem,
} from './plan-rules';

/**
 * The term plan as a mixed-integer program, solved by HiGHS (WebAssembly build of the open-source
 * solver SciPy and JuMP use). Variables:
 *   x_s      a course is planned in slot s                       (binary)
 *   y_s_i    instructor i leads it                               (binary)
 *   a_s_g    seats of the course given to waiting group g        (integer)
 *   n_i      instructor i gets the course their deadline needs   (binary)
 *   p_s      the course pairs a professional with a peer         (binary)
 *   e_i      instructor i's hours beyond one course's worth      (continuous)
 * The objective is `scorePlan` term by term, and the constraints are `hardRuleViolations`, so the
 * optimum is the best plan by the page's own definition.
 */

export type SolveOptions = {
  /** Seconds; the best plan found by then is returned. */
  timeLimit?: number;
  /** Leave out the count and required-locality targets and plan as many courses as fit. */
  mostCourses?: boolean;
  /** Leave out the per-instructor hours maximum (to tell whether it is what blocks a plan). */
  ignoreHoursMaximum?: boolean;
  /** Each of these courses must be in the plan as it is (the coordinator's edits). */
  fixed?: readonly PlannedCourse[];
};

export type SolveOutcome =
  | { kind: 'plan'; plan: PlannedCourse[]; objective: number; provenBest: boolean }
  | { kind: 'infeasible' };

/** Where a slot's sessions are all running: any two slots in one set overlap in time. */
function overlapCliques(slots: readonly CandidateSlot[]): number[][] {
  const points = new Set<number>();
  for (const slot of slots) for (const session of slot.sessions) points.add(session.startsAt);
  const cliques = new Map<string, number[]>();
  const byDay = new Map<string, number[]>();
  slots.forEach((slot, index) => {
    for (const session of slot.sessions) {
      byDay.set(session.localDate, [...(byDay.get(session.localDate) ?? []), index]);
    }
  });
  for (const point of points) {
    const day = new Date(point).toISOString().slice(0, 10);
    const nearby = new Set([
      ...(byDay.get(day) ?? []),
      ...(byDay.get(new Date(point - 86_400_000).toISOString().slice(0, 10)) ?? []),
      ...(byDay.get(new Date(point + 86_400_000).toISOString().slice(0, 10)) ?? []),
    ]);
    const active = [...nearby]
      .filter((index) =>
        slots[index]!.sessions.some((s) => s.startsAt <= point && point < s.endsAt),
      )
      .sort((a, b) => a - b);
    if (active.length >= 2) cliques.set(active.join(','), active);
  }
  return [...cliques.values()];
}

/** LP-format lines are read through a fixed buffer: long sums are broken over several lines. */
function sum(terms: readonly string[]): string {
  const lines: string[] = [];
  for (let index = 0; index < terms.length; index += 8) {
    lines.push(terms.slice(index, index + 8).join(' + '));
  }
  return lines.join('\n + ');
}

const number = (value: number) => String(Math.round(value * 1000) / 1000);

type Model = {
  text: string;
  slots: CandidateSlot[];
  leaders: ProposalInstructor[][];
  /** Added to the solver's objective to give `scorePlan`'s total. */
  objectiveOffset: number;
};

function buildModel(asked: ProposalProblem, options: SolveOptions): Model {
  const problem = options.ignoreHoursMaximum
    ? { ...asked, maxHoursPerInstructor: Number.POSITIVE_INFINITY }
    : asked;
  const fixed = options.fixed ?? [];
  const slots = [
    ...fixed.map((course) => course.slot),
    ...(fixed.length > 0 ? [] : problem.slots.filter((slot) => venueFits(problem, slot))),
  ];
  const leaders = slots.map((slot, index) => {
    if (index < fixed.length) {
      return problem.instructors.filter((one) => fixed[index]!.instructorIds.includes(one.id));
    }
    return problem.instructors.filter((one) => mayLead(problem, one, slot));
  });
  const objective: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const integers: string[] = [];
  const bounds: string[] = [];
  let row = 0;
  let objectiveOffset = 0;
  const constraint = (terms: string[], relation: string) =>
    rows.push(` c${row++}: ${terms.length ? sum(terms) : '0 x_none'} ${relation}`);

  slots.forEach((slot, s) => {
    binaries.push(`x${s}`);
    const later = weeksAfterEarliest(problem, slot);
    if (later > 0 && !options.mostCourses)
      objective.push(`-${number(later * planWeights.weekLater)} x${s}`);
    if (s < fixed.length) bounds.push(` x${s} = 1`);
    const lead = leaders[s]!;
    lead.forEach((one) => binaries.push(`y${s}_${one.id}`));
    if (s < fixed.length) lead.forEach((one) => bounds.push(` y${s}_${one.id} = 1`));
    constraint([...lead.map((one) => `y${s}_${one.id}`), `-2 x${s}`], '= 0');

    const seats: string[] = [];
    problem.waiting.forEach((group, g) => {
      if (reach(problem, group, slot) === null || group.count === 0) return;
      // Continuous: with the courses chosen, seating people is a transport problem whose best
      // solution the simplex method finds at a whole-number corner.
      const name = `a${s}_${g}`;
      bounds.push(` 0 <= ${name} <= ${Math.min(group.count, problem.seats)}`);
      objective.push(`${number(pointsPerPerson(problem, group, slot))} ${name}`);
      seats.push(name);
      // Implied by the course's seats, but stated per group the relaxation cannot serve a whole
      // locality from a fraction of a course: it is what lets the solver prove a plan best.
      constraint([name, `-${Math.min(group.count, problem.seats)} x${s}`], '<= 0');
    });
    if (seats.length > 0) constraint([...seats, `-${problem.seats} x${s}`], '<= 0');

    const professionals = lead.filter((one) => one.kind === 'professional');
    const peers = lead.filter((one) => one.kind === 'peer');
    if (professionals.length > 0 && peers.length > 0) {
      binaries.push(`p${s}`);
      objective.push(`${planWeights.professionalWithPeer} p${s}`);
      constraint([`p${s}`, ...professionals.map((one) => `-1 y${s}_${one.id}`)], '<= 0');
      constraint([`p${s}`, ...peers.map((one) => `-1 y${s}_${one.id}`)], '<= 0');
    }
  });

  problem.waiting.forEach((group, g) => {
    const seated = slots.flatMap((slot, s) =>
      reach(problem, group, slot) !== null && group.count > 0 ? [`a${s}_${g}`] : [],
    );
    if (seated.length > 1) constraint(seated, `<= ${group.count}`);
  });

  for (const one of problem.instructors) {
    const led = slots.flatMap((slot, s) =>
      leaders[s]!.includes(one) ? [{ name: `y${s}_${one.id}`, slot }] : [],
    );
    if (led.length === 0) continue;
    const hours = led.map(({ name, slot }) => `${number(slot.hours)} ${name}`);
    // e_i >= termHours + new hours - one course, e_i >= 0; what was beyond before is added back
    // to the objective, so it equals `scorePlan` (which counts only what the plan adds).
    constraint([...hours, `-1 e${one.id}`], `<= ${number(problem.oneCourseHours - one.termHours)}`);
    if (!options.mostCourses) {
      objective.push(`-${planWeights.extraHour} e${one.id}`);
      objectiveOffset +=
        Math.max(0, one.termHours - problem.oneCourseHours) * planWeights.extraHour;
    }
    if (!options.ignoreHoursMaximum && fixed.length === 0) {
      if (Number.isFinite(problem.maxHoursPerInstructor)) {
        constraint(hours, `<= ${number(problem.maxHoursPerInstructor - one.termHours)}`);
      }
    }
    const deadline = one.deadline;
    if (deadline !== null && !options.mostCourses) {
      const inTime = led.filter(({ slot }) => slot.firstDate <= deadline.by);
      if (inTime.length > 0) {
        binaries.push(`n${one.id}`);
        objective.push(`${planWeights.deadlineMet} n${one.id}`);
        constraint([`n${one.id}`, ...inTime.map(({ name }) => `-1 ${name}`)], '<= 0');
      }
    }
  }

  for (const clique of overlapCliques(slots)) {
    for (const one of problem.instructors) {
      const led = clique.filter((s) => leaders[s]!.includes(one));
      if (led.length >= 2)
        constraint(
          led.map((s) => `y${s}_${one.id}`),
          '<= 1',
        );
    }
    const byVenue = new Map<number, number[]>();
    for (const s of clique) {
      if (slots[s]!.venueOnline) continue;
      byVenue.set(slots[s]!.venueId, [...(byVenue.get(slots[s]!.venueId) ?? []), s]);
    }
    for (const same of byVenue.values()) {
      if (same.length >= 2)
        constraint(
          same.map((s) => `x${s}`),
          '<= 1',
        );
    }
  }

  const all = slots.map((_, s) => `x${s}`);
  if (options.mostCourses) {
    objective.length = 0;
    objective.push(...all);
  } else {
    constraint(all, `= ${fixed.length > 0 ? fixed.length : problem.courseCount}`);
    for (const localityId of fixed.length > 0 ? [] : problem.requiredLocalityIds) {
      constraint(
        slots.flatMap((slot, s) => (slot.localityId === localityId ? [`x${s}`] : [])),
        '>= 1',
      );
    }
  }

  const text = [
    'Maximize',
    ` obj: ${objective.length ? sum(objective) : '0 x_none'}`,
    'Subject To',
    ...rows,
    ' c_none: x_none = 0',
    'Bounds',
    ...bounds.filter((line) => line !== ''),
    'Binary',
    ...chunks(binaries),
    'General',
    ...chunks(integers),
    'End',
  ].join('\n');
  return { text, slots, leaders, objectiveOffset };
}

function chunks(names: readonly string[]): string[] {
  const lines: string[] = [];
  for (let index = 0; index < names.length; index += 20) {
    lines.push(` ${names.slice(index, index + 20).join(' ')}`);
  }
  return lines;
}

/** Solves the term plan; returns the best plan, or that no plan meets the hard rules. */
export async function solvePlan(
  problem: ProposalProblem,
  options: SolveOptions = {},
): Promise<SolveOutcome> {
  const model = buildModel(problem, options);
  const answer = await solveInThread(model.text, {
    time_limit: options.timeLimit ?? 20,
    mip_rel_gap: 1e-6,
    output_flag: false,
  });
  if (answer.status === 'Infeasible') return { kind: 'infeasible' };
  const value = (name: string) => answer.primal[name] ?? 0;
  const provenBest = answer.status === 'Optimal';
  // Out of time before any plan was found: nothing to show, which the caller says as "no plan".
  if (!provenBest && !Number.isFinite(answer.objective)) return { kind: 'infeasible' };
  const plan: PlannedCourse[] = [];
  model.slots.forEach((slot, s) => {
    if (value(`x${s}`) < 0.5) return;
    plan.push({
      slot,
      instructorIds: model.leaders[s]!.filter((one) => value(`y${s}_${one.id}`) > 0.5).map(
        (one) => one.id,
      ),
      served: problem.waiting.flatMap((group, g) => {
        const count = Math.round(value(`a${s}_${g}`));
        return count > 0 ? [{ groupKey: group.key, count }] : [];
      }),
    });
  });
  return { kind: 'plan', plan, objective: answer.objective + model.objectiveOffset, provenBest };
}
