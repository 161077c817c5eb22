import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '../src/config';
import { openDatabase } from '../src/db';
import { loadDemoData } from '../src/features/demo/demo-data';
import { mailSettingsFrom } from '../src/features/invites/invitations';
import { instantToWallClock } from '../src/lib/helsinki-time';
import { needsAttention } from '../src/features/instructors/licence-rules';
import { recentSelfWithdrawals } from '../src/features/enrollment/queries';
const parsed = parseConfig({ PUBLIC_URL: 'http://localhost', SEED_DEMO_DATA: 'false' });
if (!parsed.ok) throw new Error();
const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'p-')), 'b.sqlite'));
await loadDemoData(db, new Date(), mailSettingsFrom(parsed.config));
const today = instantToWallClock(new Date()).date;
const q = db.$client.prepare(`select ci.instructor_id, c.status, min(s.local_date), max(s.local_date) from course_instructors ci join courses c on c.id=ci.course_id left join course_sessions s on s.course_id=c.id and s.status='scheduled' group by ci.instructor_id, c.id`);
const fns: [string, () => unknown][] = [
  ['sql', () => q.all()],
  ['rule', () => needsAttention({ trainedOn: '2026-05-20' as never, courses: [{ status: 'planned', firstDate: '2026-09-01', lastDate: '2026-10-06' } as never], today })],
  ['selfW', () => recentSelfWithdrawals(db, new Date())],
];
for (const [name, fn] of fns) {
  for (let i = 0; i < 50; i++) fn();
  const s = performance.now();
  for (let i = 0; i < 500; i++) fn();
  console.log(name.padEnd(20), ((performance.now() - s) / 500).toFixed(3), 'ms');
}
console.log(db.$client.prepare('select count(*) n from course_sessions').get());
