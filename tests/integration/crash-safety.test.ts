import { join } from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { applications, enrollments, outbox } from '../../db/schema';
import { openDatabase } from '../../src/db';
import { sendLeaseMs } from '../../src/features/outbox/queries';
import { createUser } from '../../src/features/users/queries';
import { startServer, type RunningServer } from '../support/browser';
import { aLocality, anOpenCourse, aWaitingApplicant } from '../support/planning-fixtures';
import { postPlacement, signInAt } from '../support/server-requests';
import { queueNumberedMessages, startTestSmtpServer } from '../support/smtp-server';
import { temporaryDirectory } from '../support/test-app';

const coordinator = { email: 'koordinaattori@test.example', password: 'correct horse battery' };

/** Kills the process the way a power cut or the OOM killer does: no handler runs. */
async function killHard(server: RunningServer) {
  const exited = new Promise((resolve) => server.process.once('exit', resolve));
  server.process.kill('SIGKILL');
  await exited;
}

describe('a server killed with SIGKILL', () => {
  const running: RunningServer[] = [];
  afterAll(async () => {
    for (const server of running) await server.stop();
  });

  it('keeps every answered change and nothing half-written through a burst of writes', async () => {
    const directory = temporaryDirectory('crash-writes');
    const path = join(directory, 'e2e.sqlite');
    const db = openDatabase(path);
    await createUser(db, { ...coordinator, role: 'coordinator', name: 'K' }, new Date());
    const localityId = aLocality(db);
    const courseId = anOpenCourse(db, { seats: 400, localityId });
    const applicationIds = Array.from({ length: 300 }, () => aWaitingApplicant(db, localityId));
    db.$client.close();
    const environment = { SEED_DEMO_DATA: 'false', START_TIME: '2026-09-01T12:00:00+03:00' };
    const server = await startServer(directory, environment);
    running.push(server);
    const cookie = await signInAt(server, coordinator);

    const answered: number[] = [];
    let killing: Promise<void> | null = null;
    await Promise.all(
      applicationIds.map(async (applicationId) => {
        try {
          const status = await postPlacement(server, cookie, { applicationId, courseId });
          if (status === 303) answered.push(applicationId);
          // Pull the plug in the middle of the burst.
          if (answered.length === 80) killing ??= killHard(server);
        } catch {
          // Cut off by the kill: not answered, so it may or may not have been saved.
        }
      }),
    );
    await killing;
    expect(answered.length).toBeGreaterThanOrEqual(80);
    expect(answered.length).toBeLessThan(applicationIds.length);

    running.push(await startServer(directory, environment));
    const after = openDatabase(path);
    expect(after.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    const placed = after
      .select({ applicationId: enrollments.applicationId })
      .from(enrollments)
      .where(eq(enrollments.courseId, courseId))
      .all()
      .map((row) => row.applicationId);
    for (const applicationId of answered) expect(placed).toContain(applicationId);
    // Each placement is whole: its enrolment, the application's new state and its invitation.
    const placedApplications = after
      .select({ id: applications.id })
      .from(applications)
      .where(eq(applications.state, 'placed'))
      .all();
    expect(placedApplications.map((row) => row.id).sort()).toEqual([...placed].sort());
    const invited = after
      .select({ applicationId: outbox.applicationId })
      .from(outbox)
      .where(inArray(outbox.applicationId, placed))
      .groupBy(outbox.applicationId)
      .all();
    expect(invited).toHaveLength(placed.length);
    after.$client.close();
  }, 120_000);

  it('loses no mail when killed mid-send, and resends an interrupted one with its Message-ID', async () => {
    const directory = temporaryDirectory('crash-outbox');
    const path = join(directory, 'e2e.sqlite');
    let openTheGate = () => {};
    const gate = new Promise<void>((resolve) => (openTheGate = resolve));
    const smtp = await startTestSmtpServer({ holdUntil: gate });
    try {
      const db = openDatabase(path);
      const messageCount = 40;
      queueNumberedMessages(db, messageCount);
      const first = await startServer(directory, { SMTP_URL: smtp.url, SEED_DEMO_DATA: 'false' });
      running.push(first);
      const sending = () =>
        db
          .select({ count: sql<number>`count(*)` })
          .from(outbox)
          .where(eq(outbox.state, 'sending'))
          .get()!.count;
      await expect.poll(sending, { timeout: 30_000, interval: 50 }).toBeGreaterThan(0);
      await killHard(first);
      const interrupted = sending();
      expect(interrupted).toBeGreaterThan(0);
      // The peer got those messages' data but never answered: to the sender they are unsent.
      openTheGate();

      // Restarted after the dead process's lease has run out (its clock set past it).
      const restartAt = new Date(Date.now() + sendLeaseMs + 60_000);
      running.push(
        await startServer(directory, {
          SMTP_URL: smtp.url,
          SEED_DEMO_DATA: 'false',
          START_TIME: restartAt.toISOString(),
        }),
      );
      const stored = () => db.select().from(outbox).all();
      await expect
        .poll(() => stored().every((row) => row.state === 'sent'), {
          timeout: 60_000,
          interval: 200,
        })
        .toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
      const received = smtp.messages.map((mail) => mail.messageId);
      const ids = stored().map((row) => row.messageId);
      expect(ids).toHaveLength(messageCount);
      // Every message arrived; only those cut off mid-send may have arrived a second time.
      for (const id of ids) {
        const copies = received.filter((messageId) => messageId === id).length;
        expect(copies).toBeGreaterThanOrEqual(1);
        expect(copies).toBeLessThanOrEqual(2);
      }
      expect(received.length - messageCount).toBeLessThanOrEqual(interrupted);
      db.$client.close();
    } finally {
      openTheGate();
      await smtp.close();
    }
  }, 120_000);
});
