import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema';
import { openDatabase, type AppDatabase } from '../../src/db';
import { startServer, type RunningServer } from '../support/browser';
import { queueNumberedMessages, startTestSmtpServer } from '../support/smtp-server';
import { temporaryDirectory } from '../support/test-app';

const messageCount = 100;

function sendingClaims(db: AppDatabase) {
  return db
    .select({ id: outbox.id, claimedBy: outbox.claimedBy })
    .from(outbox)
    .where(eq(outbox.state, 'sending'))
    .all();
}

describe('two server processes on one database', () => {
  const directory = temporaryDirectory('two-workers');
  const servers: RunningServer[] = [];
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let openTheGate = () => {};
  afterAll(async () => {
    openTheGate();
    await Promise.all(servers.map((server) => server.stop()));
    await smtp?.close();
  });

  it('deliver every queued message exactly once when the second starts while the first sends', async () => {
    // The peer answers nothing until the second process has started, so the first one is in the
    // middle of sending its batch then.
    const gate = new Promise<void>((resolve) => (openTheGate = resolve));
    smtp = await startTestSmtpServer({ holdUntil: gate });
    const db = openDatabase(join(directory, 'e2e.sqlite'));
    queueNumberedMessages(db, messageCount);
    const environment = { SMTP_URL: smtp.url, SEED_DEMO_DATA: 'false' };

    servers.push(await startServer(directory, environment));
    await expect
      .poll(() => sendingClaims(db).length, { timeout: 30_000, interval: 100 })
      .toBeGreaterThan(0);
    const firstClaims = sendingClaims(db);
    servers.push(await startServer(directory, environment));
    // The second process has run its start-up requeue: the first one's live claims are untouched.
    const claimsNow = sendingClaims(db);
    for (const claim of firstClaims) expect(claimsNow).toContainEqual(claim);
    openTheGate();

    await smtp.waitForMessages(messageCount, 60_000);
    // Give a duplicate, were there one, the time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const received = smtp.messages.map((mail) => mail.messageId);
    expect(received).toHaveLength(messageCount);
    expect(new Set(received).size).toBe(messageCount);
    const stored = db
      .select({ messageId: outbox.messageId, state: outbox.state })
      .from(outbox)
      .all();
    expect(new Set(received)).toEqual(new Set(stored.map((row) => row.messageId)));
    expect(stored.every((row) => row.state === 'sent')).toBe(true);
    db.$client.close();
  }, 120_000);
});
