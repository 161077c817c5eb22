/**
 * The retention figures of npm run bench, shared by the demo bench and the national one: the
 * admin page (what is due now and in the next 30 days), a dry run, and a real first run at a
 * moment when everything in the database is due, timed with its longest batch.
 */
import type { AppDatabase } from '../src/db';
import { systemActor } from '../src/features/audit/audit-log';
import { runRetention, retentionBatchSize } from '../src/features/retention/retention-run';
import { measure } from './measure';

type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

export async function measureRetention(
  db: AppDatabase,
  app: App,
  adminCookie: string,
  options: { pageCount: number; later: Date },
) {
  await measure(
    'GET /admin/retention (due now and next 30 days)',
    () => app.request('/admin/retention', { headers: { Cookie: adminCookie } }),
    options.pageCount,
    Math.min(10, options.pageCount),
  );
  let started = performance.now();
  const dry = await runRetention(db, { now: options.later, actor: systemActor, dryRun: true });
  const dryMs = performance.now() - started;
  if (dry.outcome !== 'dry-run') throw new Error('not a dry run');
  console.log(
    `Retention dry run at ${options.later.toISOString().slice(0, 10)}: ${dryMs.toFixed(0)} ms for ${JSON.stringify(dry.counts)}`,
  );

  // The longest write transaction (each batch is one) and the longest stretch without a turn of
  // the event loop (requests wait that long in the server process; reads do not hold the lock).
  let longestTransactionMs = 0;
  const transaction = db.transaction.bind(db);
  db.transaction = ((work, config) => {
    const began = performance.now();
    try {
      return transaction(work, config);
    } finally {
      longestTransactionMs = Math.max(longestTransactionMs, performance.now() - began);
    }
  }) as typeof db.transaction;
  let longestTurnMs = 0;
  let lastTurn = performance.now();
  let running = true;
  const watch = (async () => {
    while (running) {
      await new Promise((resolve) => setImmediate(resolve));
      const now = performance.now();
      longestTurnMs = Math.max(longestTurnMs, now - lastTurn);
      lastTurn = now;
    }
  })();
  started = performance.now();
  const run = await runRetention(db, { now: options.later, actor: systemActor });
  running = false;
  await watch;
  db.transaction = transaction;
  if (run.outcome !== 'ran') throw new Error(`the run did not run: ${run.outcome}`);
  console.log(
    `Retention first run (batches of ${retentionBatchSize}): ${(performance.now() - started).toFixed(0)} ms, ` +
      `longest transaction ${longestTransactionMs.toFixed(0)} ms, longest wait for the event loop ` +
      `${longestTurnMs.toFixed(0)} ms, ${JSON.stringify(run.counts)}`,
  );
}
