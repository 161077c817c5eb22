import {
  mayLead,
  scorePlan,
  venueFits,
  type PlannedCourse,
  type PlanScore,
  type ProposalProblem,
} from './plan-rules';
import { solvePlan } from './plan-solver';

/** Why no plan meets the hard rules, named so the coordinator knows what to change. */
export type Blocker =
  | { rule: 'no-candidate-course' }
  | { rule: 'no-venue'; reason: 'capacity' | 'kind' }
  | { rule: 'required-locality-venue'; localityId: number }
  | {
      rule: 'required-locality-instructors';
      localityId: number;
      /** Who works there at all, and the most of them free at any one offered slot. */
      working: number;
      freeAtBest: number;
    }
  | { rule: 'course-count'; most: number; hoursLimited: boolean }
  | { rule: 'required-together'; localityIds: readonly number[] };

/** Seconds for each of the diagnosis's solves. */
const diagnoseSeconds = 4;

export type ProposalOutcome =
  | { kind: 'plan'; plan: PlannedCourse[]; score: PlanScore; provenBest: boolean }
  | { kind: 'blocked'; blockers: Blocker[] };

function mostCourses(outcome: Awaited<ReturnType<typeof solvePlan>>): number {
  return outcome.kind === 'plan' ? outcome.plan.length : 0;
}

/** Finds the hard rules that leave no plan, most specific first. */
export async function diagnose(
  problem: ProposalProblem,
  options: { timeLimit?: number } = {},
): Promise<Blocker[]> {
  if (problem.slots.length === 0) return [{ rule: 'no-candidate-course' }];
  const fitting = problem.slots.filter((slot) => venueFits(problem, slot));
  if (fitting.length === 0) {
    const rightKind = problem.slots.some((slot) => slot.venueOnline === problem.programIsOnline);
    return [{ rule: 'no-venue', reason: rightKind ? 'capacity' : 'kind' }];
  }
  const blockers: Blocker[] = [];
  for (const localityId of problem.requiredLocalityIds) {
    const here = fitting.filter((slot) => slot.localityId === localityId);
    if (here.length === 0) {
      blockers.push({ rule: 'required-locality-venue', localityId });
      continue;
    }
    const freeAtBest = Math.max(
      ...here.map(
        (slot) => problem.instructors.filter((one) => mayLead(problem, one, slot)).length,
      ),
    );
    if (freeAtBest < 2) {
      const working = problem.instructors.filter((one) => one.localityIds.includes(localityId));
      blockers.push({
        rule: 'required-locality-instructors',
        localityId,
        working: working.length,
        freeAtBest,
      });
    }
  }
  if (blockers.length > 0) return blockers;
  // Counting what fits is an easier problem; short limits keep the whole answer within 30 s.
  const counting = { timeLimit: Math.min(options.timeLimit ?? diagnoseSeconds, diagnoseSeconds) };
  const most = mostCourses(await solvePlan(problem, { ...counting, mostCourses: true }));
  if (most < problem.courseCount) {
    const withoutHours = mostCourses(
      await solvePlan(problem, { ...counting, mostCourses: true, ignoreHoursMaximum: true }),
    );
    return [{ rule: 'course-count', most, hoursLimited: withoutHours > most }];
  }
  return [{ rule: 'required-together', localityIds: problem.requiredLocalityIds }];
}

/** The best plan for the coordinator's targets, or what blocks every plan. */
export async function proposePlan(
  problem: ProposalProblem,
  options: { timeLimit?: number } = {},
): Promise<ProposalOutcome> {
  const outcome = await solvePlan(problem, options);
  if (outcome.kind === 'plan') {
    return {
      kind: 'plan',
      plan: outcome.plan,
      score: scorePlan(problem, outcome.plan),
      provenBest: outcome.provenBest,
    };
  }
  return { kind: 'blocked', blockers: await diagnose(problem, options) };
}
