/**
 * Part of npm run bench: how long a term proposal takes (issue 18: within 2 s for a county, within
 * 30 s for the national data set's largest region).
 *   1. The demo county (Etelä-Pohjanmaa, the spring term, people waiting): loadProposal, proposePlan
 *      for 2, 3 and 4 courses and the whole route (POST /terms/:id/proposal), medians of 5 runs.
 *   2. A county of the size built in memory: 6 localities, 15 instructors, 42 candidate
 *      slots, people waiting — proposePlan for 2 to 8 courses.
 *   3. With NATIONAL_DATABASE=/path (a file made by `npm run demo:national`, copied first): the
 *      largest region's proposal for 15 courses with the route's 20 s limit. bench/national.ts
 *      measures the same on the data it builds.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app';
import { parseConfig, type Config } from '../src/config';
import { openDatabase, type AppDatabase } from '../src/db';
import { demoSignIns, loadDemoData } from '../src/features/demo/demo-data';
import { mailSettingsFrom } from '../src/features/invites/invitations';
import {
  candidateSlots,
  slotFor,
  type CoursePlan,
} from '../src/features/term-proposal/candidate-slots';
import type {
  ProposalInstructor,
  ProposalProblem,
  WaitingGroup,
} from '../src/features/term-proposal/plan-rules';
import { proposePlan } from '../src/features/term-proposal/propose';
import { systemClock } from '../src/lib/clock';
import { signInCookie } from './measure';
import {
  formatMs,
  largestRegion,
  measureNationalProposal,
  measureProposal,
  median,
  nextTerm,
  outcomeText,
  timed,
} from './proposal-timing';

const parsed = parseConfig({ PUBLIC_URL: 'http://localhost', SEED_DEMO_DATA: 'false' });
if (!parsed.ok) throw new Error(parsed.problems.join());
const config = parsed.config;

async function coordinatorOf(db: AppDatabase, settings: Config) {
  const app = createApp({ db, config: settings, clock: systemClock });
  const cookie = await signInCookie(
    app,
    demoSignIns.find((person) => person.role === 'coordinator')!,
  );
  return { app, cookie };
}

console.log(`Term proposal bench, Node ${process.version}, ${new Date().toISOString()}`);

// 1. The demo county.
const directory = mkdtempSync(join(tmpdir(), 'kurssipolku-bench-proposal-'));
const demo = openDatabase(join(directory, 'demo.sqlite'));
await loadDemoData(demo, new Date(), mailSettingsFrom(config));
{
  const { app, cookie } = await coordinatorOf(demo, config);
  const term = nextTerm(demo, new Date());
  if (!term) throw new Error('The demo data has no term ahead');
  await measureProposal(demo, app, cookie, config, {
    label: 'Demo county',
    termId: term.id,
    region: largestRegion(demo).region,
    courseCounts: [2, 3, 4],
    runs: 5,
    warmUp: true,
    timeLimit: 20,
    httpRuns: 5,
    httpCourseCount: 3,
  });
}
demo.$client.close();

// 2. A county of the size, in memory. The program as the demo's Arkeen Voimaa: six weekly
// sessions of 2.5 hours with an hour's preparation, 14 seats.
const arvo: CoursePlan = {
  sessionCount: 6,
  sessionMinutes: 150,
  intervalWeeks: 1,
  preparationMinutes: 60,
};
const localityIds = [1, 2, 3, 4, 5, 6];
// One venue per locality and a second in the largest town; every other one step-free.
const countyVenues = [...localityIds, 1].map((localityId, index) => ({
  id: 11 + index,
  localityId,
  stepFree: index % 2 === 0,
  online: false,
  capacity: 20,
}));
// Tuesday and Thursday of one week at 10:00, 13:00 and 17:00: 7 venues × 2 × 3 = 42 slots.
const slots = candidateSlots(countyVenues, arvo, {
  earliestStart: '2027-01-11',
  latestStart: '2027-01-17',
  weekdays: [2, 4],
  startTimes: ['10:00', '13:00', '17:00'],
  blockedPeriods: [],
});
// Courses some instructors already lead on Tuesday evenings and Thursday mornings.
const elsewhere = { id: 99, localityId: 99, stepFree: false, online: false, capacity: 20 };
const tuesdayEvening = slotFor(elsewhere, '2027-01-12', '17:00', arvo, [])!.sessions;
const thursdayMorning = slotFor(elsewhere, '2027-01-14', '10:00', arvo, [])!.sessions;
const countyInstructors: ProposalInstructor[] = Array.from({ length: 15 }, (_, index) => {
  const home = localityIds[index % 6]!;
  return {
    id: 101 + index,
    kind: index % 2 === 0 ? 'professional' : 'peer',
    // Every third also works in the next locality.
    localityIds: index % 3 === 0 ? [home, (home % 6) + 1] : [home],
    termHours: index % 4 === 0 ? 21 : 0,
    deadline:
      index === 3 || index === 8
        ? { kind: 'first-course', by: '2027-03-31' }
        : index === 11
          ? { kind: 'lapsing', by: '2027-02-28' }
          : null,
    licensedUntil: index === 11 ? '2027-02-28' : null,
    busy: index % 5 === 0 ? tuesdayEvening : index % 7 === 1 ? thursdayMorning : [],
  };
});
// Three groups per locality: no preference, evenings, and Tuesday mornings needing step-free.
const countyWaiting: WaitingGroup[] = localityIds.flatMap((localityId) => [
  {
    key: `${localityId}|any`,
    localityId,
    needsStepFree: false,
    suits: null,
    count: 4 + localityId,
  },
  {
    key: `${localityId}|evening`,
    localityId,
    needsStepFree: false,
    suits: { weekdays: [], dayparts: ['evening'] },
    count: 3 + (localityId % 3),
  },
  {
    key: `${localityId}|tuesday-step-free`,
    localityId,
    needsStepFree: true,
    suits: { weekdays: [2], dayparts: ['morning'] },
    count: 2,
  },
]);
// Neighbouring localities in a chain: 1–2–3–4–5–6.
const neighbours = new Map(
  localityIds.map((id) => [id, localityIds.filter((other) => Math.abs(other - id) === 1)]),
);
const county = (courseCount: number): ProposalProblem => ({
  courseCount,
  earliestStart: '2027-01-11',
  requiredLocalityIds: [],
  maxHoursPerInstructor: 60,
  oneCourseHours: (arvo.sessionCount * (arvo.sessionMinutes + arvo.preparationMinutes)) / 60,
  seats: 14,
  programIsOnline: false,
  slots,
  instructors: countyInstructors,
  waiting: countyWaiting,
  neighbours,
  venueBusy: new Map(),
});
console.log(
  `County of the issue's size (in memory): ${slots.length} candidate slots, ` +
    `${countyInstructors.length} instructors, ${localityIds.length} localities, ` +
    `${countyVenues.length} venues, ${countyWaiting.reduce((sum, group) => sum + group.count, 0)} ` +
    `people waiting in ${countyWaiting.length} groups`,
);
for (const courseCount of [2, 4, 6, 8]) {
  const solved = await timed(5, () => proposePlan(county(courseCount), { timeLimit: 20 }));
  console.log(
    `  proposePlan, ${courseCount} courses (limit 20 s) median ${formatMs(median(solved.ms)).padStart(6)} ms ` +
      `(5 runs): ${outcomeText(solved.result)}`,
  );
}

// 3. The national data set's largest region, from a file made by npm run demo:national.
const national = process.env.NATIONAL_DATABASE;
if (national && existsSync(national)) {
  const copy = join(directory, 'national.sqlite');
  copyFileSync(national, copy);
  if (existsSync(`${national}-wal`)) copyFileSync(`${national}-wal`, `${copy}-wal`);
  const db = openDatabase(copy);
  const { app, cookie } = await coordinatorOf(db, config);
  await measureNationalProposal(db, app, cookie, config);
  db.$client.close();
} else {
  console.log('NATIONAL_DATABASE not set: the national region is measured by bench/national.ts.');
}
rmSync(directory, { recursive: true, force: true });
