import type { AppDatabase } from '../../db';
import type { Clock } from '../../lib/clock';
import type { Actor } from '../audit/audit-log';
import { runRetention, type RetentionOutcome } from './retention-run';

/** Who the daily run is recorded as, on the admin page and in the audit log. */
export const dailyRetentionActor: Actor = { id: null, name: 'Kurssipolku (daily)' };

export type RetentionSchedule = {
  /** Runs today's retention unless a run for today exists (here or in another process). */
  checkOnce(): Promise<RetentionOutcome | null>;
  /** Stops the timer; a run under way ends after its current batch. */
  stop(): Promise<void>;
};

/**
 * The daily retention job in the server process: checks every `intervalMs` (an hour) and runs once
 * the Helsinki day has no run. The unique date of the run row decides, so two servers on one
 * database run it once between them.
 */
export function startRetentionSchedule(options: {
  db: AppDatabase;
  clock: Clock;
  intervalMs?: number;
}): RetentionSchedule {
  const { db, clock, intervalMs = 60 * 60 * 1000 } = options;
  const stopping = new AbortController();
  let running: Promise<RetentionOutcome | null> | null = null;

  function checkOnce(): Promise<RetentionOutcome | null> {
    if (stopping.signal.aborted) return Promise.resolve(null);
    if (running) return running;
    running = runRetention(db, {
      now: clock(),
      actor: dailyRetentionActor,
      signal: stopping.signal,
    })
      .then((result) => {
        if (result.outcome === 'ran') {
          console.log(`Retention run for ${result.runOn}: ${JSON.stringify(result.counts)}`);
        }
        return result;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  const check = () => {
    checkOnce().catch((error: unknown) => console.error('The retention run failed:', error));
  };
  // The first check soon after start (not during it), then every interval.
  const first = setTimeout(check, 60 * 1000);
  const timer = setInterval(check, intervalMs);
  first.unref();
  timer.unref();

  return {
    checkOnce,
    async stop() {
      stopping.abort();
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
