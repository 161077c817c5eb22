import type { AppDatabase } from '../../src/db';

/**
 * Makes one statement fail from inside the database, as a full disk or a broken constraint would,
 * for the time of `run`: whatever the command wrote before that statement must be rolled back.
 */
export async function withFailing<Result>(
  db: AppDatabase,
  trigger: { when: string; on: string; condition?: string },
  run: () => Result | Promise<Result>,
): Promise<Result> {
  const condition = trigger.condition ? `WHEN ${trigger.condition}` : '';
  db.$client.exec(
    `CREATE TRIGGER failing_in_test BEFORE ${trigger.when} ON ${trigger.on} ${condition}
     BEGIN SELECT RAISE(ABORT, 'failing on purpose'); END;`,
  );
  try {
    return await run();
  } finally {
    db.$client.exec('DROP TRIGGER failing_in_test');
  }
}
