/**
 * Part of npm run bench: the term report, the term plan, the largest region's term proposal and
 * retention on the national data set. Building all ten years takes minutes, so by default the
 * bench builds the last year only (two terms) at full scale: each term then has the 1,000 courses
 * of a national term. BENCH_NATIONAL_SCALE and BENCH_NATIONAL_YEARS change that; the scale and
 * years used are printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, desc, eq } from 'drizzle-orm';
import { courses, localities, terms } from '../db/schema';
import { createApp } from '../src/app';
import { parseConfig } from '../src/config';
import { openDatabase } from '../src/db';
import { demoSignIns } from '../src/features/demo/demo-data';
import { countRows, loadNationalData } from '../src/features/demo/national-data';
import { mailSettingsFrom } from '../src/features/invites/invitations';
import { systemClock } from '../src/lib/clock';
import { measure, signInCookie } from './measure';
import { measureNationalProposal } from './proposal-timing';
import { measureRetention } from './retention';

const scale = Number(process.env.BENCH_NATIONAL_SCALE ?? '1');
const years = Number(process.env.BENCH_NATIONAL_YEARS ?? '1');
const directory = mkdtempSync(join(tmpdir(), 'kurssipolku-bench-national-'));
const parsed = parseConfig({ PUBLIC_URL: 'http://localhost', SEED_DEMO_DATA: 'false' });
if (!parsed.ok) throw new Error(parsed.problems.join());
const db = openDatabase(join(directory, 'national.sqlite'));
const started = performance.now();
await loadNationalData(db, {
  scale,
  years,
  now: new Date(),
  mail: mailSettingsFrom(parsed.config),
});
const counts = countRows(db);
console.log(
  `National data at scale ${scale}, ${years} year(s): ${counts.courses} courses, ` +
    `${counts.enrollments} enrolments, ${counts.attendance} marks, built in ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s`,
);

const app = createApp({ db, config: parsed.config, clock: systemClock });
const cookie = await signInCookie(
  app,
  demoSignIns.find((person) => person.role === 'coordinator')!,
);
// The year's two national terms: the two with the most courses (the demo adds a term of its own).
const [first, second] = db
  .select({ id: terms.id, name: terms.name, startsOn: terms.startsOn, courses: count(courses.id) })
  .from(terms)
  .innerJoin(courses, eq(courses.termId, terms.id))
  .groupBy(terms.id)
  .orderBy(desc(count(courses.id)))
  .limit(2)
  .all()
  .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
if (!first || !second) throw new Error('The national data set has no full year of terms');
const page = (path: string) => () => app.request(path, { headers: { Cookie: cookie } });
await measure(
  `GET /reports/terms/:id (${second.name}: ${second.courses} courses)`,
  page(`/reports/terms/${second.id}`),
  30,
  3,
);
await measure(
  `GET /reports?terms=… (year: ${first.name}, ${second.name})`,
  page(`/reports?terms=${first.id},${second.id}`),
  30,
  3,
);

// The term plan: one county (the one with the most courses that term), then every county at once.
const busiest = db
  .select({ region: localities.region, courses: count(courses.id) })
  .from(courses)
  .innerJoin(localities, eq(localities.id, courses.localityId))
  .where(eq(courses.termId, second.id))
  .groupBy(localities.region)
  .orderBy(desc(count(courses.id)))
  .limit(1)
  .get()!;
await measure(
  `GET /terms/:id?region=${busiest.region} (${busiest.courses} courses)`,
  page(`/terms/${second.id}?region=${encodeURIComponent(busiest.region)}`),
  100,
  5,
);
await measure(
  `GET /terms/:id?region= (all regions: ${second.courses} courses)`,
  page(`/terms/${second.id}?region=`),
  20,
  2,
);

// The term proposal for the largest region (Pohjois-Pohjanmaa): 15 courses, the route's 20 s limit.
await measureNationalProposal(db, app, cookie, parsed.config);

// Retention last, as it changes the data: the admin page, then a first run two years on, when
// everything in the file is due (a county's first run after years without one).
await measureRetention(
  db,
  app,
  await signInCookie(
    app,
    demoSignIns.find((person) => person.role === 'admin')!,
  ),
  { pageCount: 5, later: new Date(Date.now() + 2 * 365 * 86_400_000) },
);

db.$client.close();
rmSync(directory, { recursive: true, force: true });
