/**
 * The term proposal's figures, shared by bench/proposal.ts (the demo county) and bench/national.ts
 * (the national data set's largest region): the targets are the ones the proposal form offers
 * (read from GET /terms/:id/proposal), the problem is loaded with `loadProposal` and solved with
 * `proposePlan` as the route does, and each figure is the median of the runs.
 */
import { load } from 'cheerio';
import { asc, count, desc, gt } from 'drizzle-orm';
import { localities, terms } from '../db/schema';
import type { Config } from '../src/config';
import type { AppDatabase } from '../src/db';
import { instantToWallClock } from '../src/lib/helsinki-time';
import { proposalForm, proposalRequestOf } from '../src/features/term-proposal/proposal-input';
import { loadProposal, type ProposalData } from '../src/features/term-proposal/proposal-queries';
import { proposePlan, type ProposalOutcome } from '../src/features/term-proposal/propose';
import { findProgram } from '../src/features/programs/queries';
import { findTerm } from '../src/features/terms/queries';

type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Milliseconds of each of `runs` calls, and the last call's result. */
export async function timed<Result>(
  runs: number,
  work: () => Result | Promise<Result>,
): Promise<{ ms: number[]; result: Result }> {
  const ms: number[] = [];
  let result: Result | undefined;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    result = await work();
    ms.push(performance.now() - started);
  }
  return { ms, result: result! };
}

export const formatMs = (ms: number) => (ms < 100 ? ms.toFixed(1) : ms.toFixed(0));

/** What a plan came to: its size, whether it is proven best and its score. */
export function outcomeText(outcome: ProposalOutcome): string {
  if (outcome.kind === 'blocked') return `blocked: ${JSON.stringify(outcome.blockers)}`;
  return (
    `${outcome.plan.length} courses, ${outcome.provenBest ? 'proven best' : 'NOT proven best'}, ` +
    `score ${outcome.score.total.toFixed(1)} (${outcome.score.servedHere} served here, ` +
    `${outcome.score.servedNearby} nearby, ${outcome.score.deadlinesMet.length} deadlines met)`
  );
}

/** The problem's size: what the solver chooses from. */
export function problemText(data: ProposalData): string {
  const waiting = data.problem.waiting.reduce((sum, group) => sum + group.count, 0);
  return (
    `${data.problem.slots.length} candidate slots, ${data.problem.instructors.length} instructors ` +
    `(licensed), ${data.plannedLocalityIds.length} localities, ${data.venues.size} venues, ` +
    `${waiting} people waiting in ${data.problem.waiting.length} groups`
  );
}

/** The region with the most localities (in the national data set, Pohjois-Pohjanmaa). */
export function largestRegion(db: AppDatabase): { region: string; localities: number } {
  const row = db
    .select({ region: localities.region, localities: count(localities.id) })
    .from(localities)
    .groupBy(localities.region)
    .orderBy(desc(count(localities.id)), localities.region)
    .limit(1)
    .get();
  if (!row) throw new Error('No localities');
  return row;
}

/** The first term that starts after today: the one a coordinator plans ahead (Kevät 2027). */
export function nextTerm(db: AppDatabase, now: Date) {
  return db
    .select({ id: terms.id, name: terms.name })
    .from(terms)
    .where(gt(terms.startsOn, instantToWallClock(now).date))
    .orderBy(asc(terms.startsOn))
    .limit(1)
    .get();
}

/** The form's fields as the GET page gives them (hidden ones, ticked boxes, chosen options). */
async function formFields(app: App, cookie: string, termId: number, region: string) {
  const response = await app.request(
    `/terms/${termId}/proposal?region=${encodeURIComponent(region)}`,
    { headers: { Cookie: cookie } },
  );
  if (response.status !== 200) throw new Error(`proposal form: status ${response.status}`);
  const $ = load(await response.text());
  return Object.fromEntries(
    $('form[action$="/proposal"] :is(input, select)')
      .toArray()
      .filter((element) => $(element).attr('type') !== 'checkbox' || $(element).is(':checked'))
      .map((element) => [$(element).attr('name')!, String($(element).val() ?? '')]),
  ) as Record<string, string>;
}

/**
 * Times one region's proposal for `termId`: loading, then solving for each course count (with a
 * first, unmeasured solve that starts the solver thread), and optionally the whole route.
 */
export async function measureProposal(
  db: AppDatabase,
  app: App,
  coordinatorCookie: string,
  config: Config,
  options: {
    label: string;
    termId: number;
    region: string;
    courseCounts: readonly number[];
    runs: number;
    /** One solve before the measured ones (it starts the solver thread), shown on its own. */
    warmUp: boolean;
    /** Seconds, as the route gives the solver. */
    timeLimit: number;
    /** Runs of POST /terms/:id/proposal (0: not measured), for `httpCourseCount` courses. */
    httpRuns: number;
    httpCourseCount?: number;
  },
) {
  const term = findTerm(db, options.termId);
  if (!term) throw new Error(`No term ${options.termId}`);
  const fields = await formFields(app, coordinatorCookie, term.id, options.region);
  const now = new Date();
  const today = instantToWallClock(now).date;
  const form = proposalForm(() => today);
  const requestFor = (courseCount: number) => {
    const parsed = form.safeParse({ ...fields, courseCount: String(courseCount) });
    if (!parsed.success) throw new Error(`The form's own values: ${parsed.error.message}`);
    return proposalRequestOf(parsed.data);
  };
  const first = requestFor(options.courseCounts[0]!);
  const program = findProgram(db, first.programId)!;
  const loadFor = (courseCount: number) =>
    loadProposal(db, requestFor(courseCount), {
      term,
      region: options.region,
      today,
      now,
      callMinutes: config.intakeCallMinutes,
      program,
    });

  const loaded = await timed(options.runs, () => loadFor(first.courseCount));
  console.log(
    `${options.label}: ${term.name}, ${options.region}, ${program.nameFi}, first dates ` +
      `${fields.earliestStart}…${fields.latestStart}, start times ${fields.startTimes}: ` +
      problemText(loaded.result),
  );
  console.log(
    `  loadProposal                          median ${formatMs(median(loaded.ms)).padStart(6)} ms ` +
      `(${options.runs} runs)`,
  );
  if (options.warmUp) {
    const cold = await timed(1, () =>
      proposePlan(loaded.result.problem, { timeLimit: options.timeLimit }),
    );
    console.log(
      `  first proposePlan (starts the solver thread)     ${formatMs(cold.ms[0]!).padStart(6)} ms`,
    );
  }
  for (const courseCount of options.courseCounts) {
    const data = loadFor(courseCount);
    const solved = await timed(options.runs, () =>
      proposePlan(data.problem, { timeLimit: options.timeLimit }),
    );
    const solveMs = median(solved.ms);
    console.log(
      `  proposePlan, ${String(courseCount).padStart(2)} courses (limit ${options.timeLimit} s) median ` +
        `${formatMs(solveMs).padStart(6)} ms (${options.runs} runs): ${outcomeText(solved.result)}`,
    );
    console.log(
      `  loadProposal + proposePlan, ${courseCount} courses: ` +
        `${((median(loaded.ms) + solveMs) / 1000).toFixed(2)} s`,
    );
  }
  if (options.httpRuns > 0) {
    const body = new URLSearchParams({
      ...fields,
      courseCount: String(options.httpCourseCount ?? options.courseCounts[0]),
    });
    const posted = await timed(options.httpRuns, async () => {
      const response = await app.request(`/terms/${term.id}/proposal`, {
        method: 'POST',
        headers: {
          Cookie: coordinatorCookie,
          Origin: 'http://localhost',
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body,
      });
      const page = await response.text();
      if (response.status !== 200 || !page.includes('proposed-0')) {
        throw new Error(`POST /terms/${term.id}/proposal: status ${response.status}, no plan`);
      }
      return response.status;
    });
    console.log(
      `  POST /terms/:id/proposal, ${body.get('courseCount')} courses (whole route)  median ` +
        `${formatMs(median(posted.ms)).padStart(6)} ms (${options.httpRuns} runs)`,
    );
  }
}

/**
 * The national data set's largest region: its proposal for the next term, 15 courses, with the
 * route's 20 s limit; one run (a solve may take the whole limit).
 */
export async function measureNationalProposal(
  db: AppDatabase,
  app: App,
  coordinatorCookie: string,
  config: Config,
) {
  const term = nextTerm(db, new Date());
  if (!term) {
    console.log('National proposal: no term starts after today (skipped)');
    return;
  }
  const region = largestRegion(db);
  await measureProposal(db, app, coordinatorCookie, config, {
    label: `National data, largest region (${region.localities} localities)`,
    termId: term.id,
    region: region.region,
    courseCounts: [15],
    runs: 1,
    warmUp: false,
    timeLimit: 20,
    httpRuns: 0,
  });
}
