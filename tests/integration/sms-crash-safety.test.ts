import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema';
import { openDatabase, type AppDatabase } from '../../src/db';
import { enqueueText, sendLeaseMs } from '../../src/features/outbox/queries';
import { startServer, type RunningServer } from '../support/browser';
import { startTestSmsProvider } from '../support/sms-provider';
import { temporaryDirectory } from '../support/test-app';

function queueNumberedTexts(db: AppDatabase, count: number) {
  const now = new Date();
  for (let index = 1; index <= count; index += 1) {
    enqueueText(
      db,
      {
        recipientPhone: `+35840${String(1000000 + index)}`,
        recipientName: `Osallistuja ${index}`,
        textBody: `Muistutus numero ${index}`,
        courseId: null,
        applicationId: null,
      },
      { now, domain: 'kurssipolku.test' },
    );
  }
}

describe('a server killed with SIGKILL while sending texts', () => {
  const running: RunningServer[] = [];
  afterAll(async () => {
    for (const server of running) await server.stop();
  });

  it('loses no text, and resends an interrupted one with the same reference', async () => {
    const directory = temporaryDirectory('crash-texts');
    const path = join(directory, 'e2e.sqlite');
    let openTheGate = () => {};
    const gate = new Promise<void>((resolve) => (openTheGate = resolve));
    const provider = await startTestSmsProvider({ holdUntil: gate });
    try {
      const db = openDatabase(path);
      const textCount = 30;
      queueNumberedTexts(db, textCount);
      const environment = {
        SMS_URL: provider.url,
        SMS_TOKEN: 'crash-token',
        SEED_DEMO_DATA: 'false',
      };
      const first = await startServer(directory, environment);
      running.push(first);
      const sending = () =>
        db
          .select({ count: sql<number>`count(*)` })
          .from(outbox)
          .where(eq(outbox.state, 'sending'))
          .get()!.count;
      // The provider holds the first texts it got without answering; then the plug is pulled.
      await expect
        .poll(() => provider.received.length, { timeout: 30_000, interval: 50 })
        .toBeGreaterThan(0);
      const exited = new Promise((resolve) => first.process.once('exit', resolve));
      first.process.kill('SIGKILL');
      await exited;
      const interrupted = sending();
      expect(interrupted).toBeGreaterThan(0);
      openTheGate();

      // Restarted after the dead process's lease has run out (its clock set past it).
      const restartAt = new Date(Date.now() + sendLeaseMs + 60_000);
      running.push(
        await startServer(directory, { ...environment, START_TIME: restartAt.toISOString() }),
      );
      const stored = () => db.select().from(outbox).all();
      await expect
        .poll(() => stored().every((row) => row.state === 'sent'), {
          timeout: 60_000,
          interval: 200,
        })
        .toBe(true);
      expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
      const references = provider.received.map((request) => request.body.reference);
      expect(new Set(provider.received.map((r) => r.headers.authorization))).toEqual(
        new Set(['Bearer crash-token']),
      );
      const rows = stored();
      expect(rows).toHaveLength(textCount);
      // Every text arrived; only those cut off mid-send may have arrived a second time.
      for (const row of rows) {
        const copies = references.filter((reference) => reference === row.messageId).length;
        expect(copies).toBeGreaterThanOrEqual(1);
        expect(copies).toBeLessThanOrEqual(2);
        const request = provider.received.find((r) => r.body.reference === row.messageId)!;
        expect(request.body).toEqual({
          to: row.recipientPhone,
          message: row.textBody,
          reference: row.messageId,
        });
      }
      expect(references.length - textCount).toBeLessThanOrEqual(interrupted);
      // Those the provider got but never answered went again, under the same reference.
      expect(references.length - textCount).toBeGreaterThan(0);
      db.$client.close();
    } finally {
      openTheGate();
      await provider.close();
    }
  }, 120_000);
});
