/**
 * The retention job by hand, on the database at DATABASE_PATH (the server also runs it daily):
 *   npm run retention -- --dry-run   counts what today's run would do, changes nothing
 *   npm run retention -- --now       runs today's removal now (once per Helsinki day)
 */
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/config';
import { openDatabase } from '../src/db';
import { runRetention } from '../src/features/retention/retention-run';
import type { RetentionCounts } from '../src/features/retention/retention-rules';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values: args } = parseArgs({
  options: { 'dry-run': { type: 'boolean' }, now: { type: 'boolean' } },
});
if (Boolean(args['dry-run']) === Boolean(args.now)) {
  fail('Usage: npm run retention -- --dry-run   or   npm run retention -- --now');
}
const parsed = parseConfig(process.env);
if (!parsed.ok) fail(`Bad configuration:\n  ${parsed.problems.join('\n  ')}`);

const labels: Record<keyof RetentionCounts, string> = {
  applications: 'applications anonymised',
  candidates: 'training candidates anonymised',
  mailBodies: 'e-mail bodies emptied',
  feedbackTexts: 'feedback free texts emptied',
  auditRows: 'audit rows deleted',
};
const printCounts = (counts: RetentionCounts) => {
  for (const [kind, label] of Object.entries(labels)) {
    console.log(`  ${label}: ${counts[kind as keyof RetentionCounts]}`);
  }
};

const db = openDatabase(parsed.config.databasePath);
try {
  const result = await runRetention(db, {
    now: new Date(),
    actor: { id: null, name: 'npm run retention' },
    dryRun: Boolean(args['dry-run']),
  });
  if (result.outcome === 'already-ran') {
    console.log(`Retention already ran today (${result.runOn}): nothing was done.`);
  } else if (result.outcome === 'dry-run') {
    console.log(`Dry run for ${result.runOn}: nothing was changed. A run now would do:`);
    printCounts(result.counts);
    if (result.alreadyRanToday) {
      console.log(`Retention already ran today (${result.runOn}): a run now would do nothing.`);
    }
  } else {
    console.log(`Retention run for ${result.runOn} done:`);
    printCounts(result.counts);
  }
} finally {
  db.$client.close();
}
