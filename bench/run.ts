/**
 * npm run bench: throughput of the hot pages through the whole middleware stack (app.fetch, no
 * network), on a temporary SQLite file with the demo data. Prints requests per second.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../src/app';
import { parseConfig } from '../src/config';
import { openDatabase } from '../src/db';
import { hasStarted, isDueAt } from '../src/features/attendance/attendance-rules';
import { loadCourseAttendance } from '../src/features/attendance/queries';
import { demoSignIns, loadDemoData } from '../src/features/demo/demo-data';
import { mailSettingsFrom } from '../src/features/invites/invitations';
import { systemClock } from '../src/lib/clock';
import { measure, signInCookie } from './measure';
import { measureRetention } from './retention';

const directory = mkdtempSync(join(tmpdir(), 'kurssipolku-bench-'));
const parsed = parseConfig({ PUBLIC_URL: 'http://localhost', SEED_DEMO_DATA: 'false' });
if (!parsed.ok) throw new Error(parsed.problems.join());
const db = openDatabase(join(directory, 'bench.sqlite'));
await loadDemoData(db, new Date(), mailSettingsFrom(parsed.config));
const app = createApp({ db, config: parsed.config, clock: systemClock });

const signIn = (person: { email: string; password: string }) => signInCookie(app, person);

// Demo data has one autumn term with four courses of six sessions each.
const cookie = await signIn(demoSignIns.find((person) => person.role === 'admin')!);

console.log(`Kurssipolku bench, Node ${process.version}, ${new Date().toISOString()}`);
await measure('GET /sign-in (anonymous, full page)', () => app.request('/sign-in'));
await measure('GET / (signed in: session lookup + page)', () =>
  app.request('/', { headers: { Cookie: cookie } }),
);
await measure('GET / (signed in, htmx fragment)', () =>
  app.request('/', { headers: { Cookie: cookie, 'HX-Request': 'true' } }),
);
await measure('GET /admin/users (staff list)', () =>
  app.request('/admin/users', { headers: { Cookie: cookie } }),
);

await measure('GET /terms/1 (term plan: 4 courses, calendar)', () =>
  app.request('/terms/1', { headers: { Cookie: cookie } }),
);
await measure('GET /terms/1?locality=2 (htmx filter fragment)', () =>
  app.request('/terms/1?locality=2', {
    headers: { Cookie: cookie, 'HX-Request': 'true', 'HX-Target': 'term-courses' },
  }),
);
await measure('GET /courses/2 (course page + conflict check)', () =>
  app.request('/courses/2', { headers: { Cookie: cookie } }),
);

// Attendance: course 2 (Lapua, running) is led by Matti Mäkelä; its latest session that started.
const lapua = loadCourseAttendance(db, 2)!;
const held = lapua.sessions.filter((session) => hasStarted(session, new Date())).at(-1);
if (held) {
  const matti = demoSignIns.find((person) => person.name === 'Matti Mäkelä')!;
  const instructorCookie = await signIn(matti);
  const due = lapua.participants.find((person) => isDueAt(person, held))!;
  await measure(`GET /sessions/${held.id}/attendance (instructor)`, () =>
    app.request(`/sessions/${held.id}/attendance`, { headers: { Cookie: instructorCookie } }),
  );
  let saved = 0;
  await measure(`POST /sessions/${held.id}/attendance/${due.enrollmentId} (htmx)`, () =>
    app.request(`/sessions/${held.id}/attendance/${due.enrollmentId}`, {
      method: 'POST',
      headers: {
        Cookie: instructorCookie,
        Origin: 'http://localhost',
        'Content-Type': 'application/x-www-form-urlencoded',
        'HX-Request': 'true',
        'HX-Target': 'attendance-list',
      },
      // Alternating, so every request writes a mark (and its audit entry).
      body: new URLSearchParams({ mark: (saved += 1) % 2 === 0 ? 'present' : 'absent' }),
    }),
  );
} else {
  console.log('Attendance: no session of course 2 has started yet (skipped)');
}

// Retention: the admin page now, then a first run two years on, when all the demo data is due.
await measureRetention(db, app, cookie, {
  pageCount: 300,
  later: new Date(Date.now() + 2 * 365 * 86_400_000),
});

db.$client.close();
rmSync(directory, { recursive: true, force: true });
