/**
 * Fills a new database with the national-scale demo: the demo's sign-ins and, around them, ten
 * years of invented ArVo work in all 21 wellbeing services counties.
 *   DATABASE_PATH=./data/national.sqlite npm run demo:national            (the full set)
 *   DATABASE_PATH=/tmp/small.sqlite npm run demo:national -- --scale 0.01 (a hundredth of it)
 * Refuses a database that already has data: invented rows are never mixed into real ones.
 */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/config';
import { openDatabase } from '../src/db';
import { demoSignIns } from '../src/features/demo/demo-data';
import { hasAnyData, loadNationalData } from '../src/features/demo/national-data';
import { mailSettingsFrom } from '../src/features/invites/invitations';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values: args } = parseArgs({
  options: { scale: { type: 'string', default: '1' }, seed: { type: 'string', default: '15' } },
});
const scale = Number(args.scale);
if (!Number.isFinite(scale) || scale <= 0 || scale > 1) {
  fail(`--scale must be a number above 0 and at most 1, such as 0.01 (got "${args.scale}")`);
}
if (!process.env.DATABASE_PATH) {
  fail('Set DATABASE_PATH to a new database file, e.g. DATABASE_PATH=./data/national.sqlite');
}
const parsed = parseConfig(process.env);
if (!parsed.ok) fail(`Bad configuration:\n  ${parsed.problems.join('\n  ')}`);
const { config } = parsed;

const started = performance.now();
const db = openDatabase(config.databasePath);
if (hasAnyData(db)) {
  db.$client.close();
  fail(
    `${config.databasePath} already has data (staff, localities, programs, courses or applications). ` +
      'The national demo fills only a new, empty database, so invented data never mixes with real data.',
  );
}
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const counts = await loadNationalData(db, {
  scale,
  seed: Number(args.seed),
  now: config.startTime ?? new Date(),
  mail: mailSettingsFrom(config),
  progress: (line) => console.log(`${seconds().padStart(6)} s  ${line}`),
});
db.$client.pragma('wal_checkpoint(TRUNCATE)');
db.$client.close();
console.table(counts);
const megabytes = (statSync(config.databasePath).size / 1024 / 1024).toFixed(0);
console.log(
  `National data (scale ${scale}) in ${seconds()} s: ${config.databasePath}, ${megabytes} MB`,
);
console.log('Sign in with the demo accounts:');
console.table(demoSignIns.map(({ role, email, password }) => ({ role, email, password })));
