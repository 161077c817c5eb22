import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failedSignIns } from '../../db/schema';
import { openDatabase } from '../../src/db';
import { signInThrottle } from '../../src/features/auth/sign-in-throttle';
import { startServer, type RunningServer } from '../support/browser';
import { aStaffUser, temporaryDirectory } from '../support/test-app';

const guessCount = 100;

/**
 * A hundred guesses at once against the real server process: each attempt is reserved (counted
 * and recorded) in one immediate transaction before its password is checked, so parallel requests
 * cannot all pass on the same count. The server trusts one proxy, so each test is its own client
 * address through X-Forwarded-For.
 */
describe('a hundred parallel sign-in guesses from one address', () => {
  const directory = temporaryDirectory('sign-in-race');
  let server: RunningServer;
  let victim: Awaited<ReturnType<typeof aStaffUser>>;

  beforeAll(async () => {
    const db = openDatabase(join(directory, 'e2e.sqlite'));
    victim = await aStaffUser(db, 'admin');
    db.$client.close();
    server = await startServer(directory, { SEED_DEMO_DATA: 'false', TRUST_PROXY: 'true' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  const guess = (fields: { email: string; password: string }, forwardedFor: string) =>
    fetch(`${server.baseUrl}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: server.baseUrl,
        'X-Forwarded-For': forwardedFor,
      },
      body: new URLSearchParams(fields),
    }).then((response) => response.status);

  const countStatuses = (statuses: number[]) =>
    statuses.reduce<Record<number, number>>(
      (counts, status) => ({ ...counts, [status]: (counts[status] ?? 0) + 1 }),
      {},
    );

  const recordedFailures = () => {
    const db = openDatabase(join(directory, 'e2e.sqlite'));
    try {
      return db.select().from(failedSignIns).all();
    } finally {
      db.$client.close();
    }
  };

  it('checks only the few guesses at one account that its growing delay allows, not all hundred', async () => {
    const address = '198.51.100.1';
    const rightOne = guessCount / 2;
    const statuses = await Promise.all(
      Array.from({ length: guessCount }, (_, index) =>
        guess(
          {
            email: victim.email,
            password: index === rightOne ? victim.password : `guess ${index}`,
          },
          address,
        ),
      ),
    );
    const counts = countStatuses(statuses);
    const checked = (counts[401] ?? 0) + (counts[303] ?? 0);
    expect(checked).toBeGreaterThanOrEqual(signInThrottle.freeFailuresPerAccount);
    // Three at once, then one more after 1, 3, 7, 15 and 31 seconds (and three more at once only if
    // the right one was among the first and ended the run): far fewer than the hundred sent.
    expect(checked).toBeLessThan(10);
    expect(counts[429]).toBe(guessCount - checked);
    expect(counts[303] ?? 0).toBeLessThanOrEqual(1);
    // Every checked guess was recorded before its password was verified.
    const onRecord = recordedFailures().filter((row) => row.address === address);
    if (!counts[303]) expect(onRecord).toHaveLength(checked);
  });

  it('checks exactly twenty guesses at different accounts, however the client spoofs its address', async () => {
    const statuses = await Promise.all(
      Array.from({ length: guessCount }, (_, index) =>
        guess(
          { email: `nobody${index}@test.example`, password: 'x' },
          `203.0.113.${index}, 198.51.100.2`,
        ),
      ),
    );
    expect(countStatuses(statuses)).toEqual({
      401: signInThrottle.maxFailuresPerAddress,
      429: guessCount - signInThrottle.maxFailuresPerAddress,
    });
  });
});
