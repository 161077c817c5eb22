import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog, deletionRequests, enrollments, outbox } from '../../db/schema';
import { openDatabase } from '../../src/db';
import { createUser } from '../../src/features/users/queries';
import type { RunningServer } from '../support/browser';
import {
  aLocality,
  anOpenCourse,
  aWaitingApplicant,
  enrollmentOf,
} from '../support/planning-fixtures';
import { serversOnOneFile, signInAt } from '../support/server-requests';
import { temporaryDirectory } from '../support/test-app';

const coordinator = { email: 'koordinaattori@test.example', password: 'correct horse battery' };

/**
 * A double click, a reload and a second coordinator at once, against two real server processes on
 * one file: the erasure reads and writes in one immediate transaction, so it happens once.
 */
describe('100 identical erasures at once, across two server processes', () => {
  const directory = temporaryDirectory('erasure-race');
  const servers: RunningServer[] = [];
  let courseId = 0;
  let person = 0;
  let waiting = 0;

  beforeAll(async () => {
    const db = openDatabase(join(directory, 'e2e.sqlite'));
    await createUser(
      db,
      { ...coordinator, role: 'coordinator', name: 'Koordinaattori' },
      new Date(),
    );
    const localityId = aLocality(db);
    courseId = anOpenCourse(db, { seats: 1, localityId });
    person = aWaitingApplicant(db, localityId, { email: 'poistuva@example.fi' });
    waiting = aWaitingApplicant(db, localityId);
    const at = new Date('2026-08-25T09:00:00Z');
    for (const [applicationId, state] of [
      [person, 'placed'],
      [waiting, 'waitlisted'],
    ] as const) {
      db.insert(enrollments)
        .values({
          courseId,
          applicationId,
          state,
          queuedAt: at,
          placedAt: state === 'placed' ? at : null,
          createdAt: at,
          updatedAt: at,
        })
        .run();
    }
    db.$client.close();
    servers.push(...(await serversOnOneFile(directory, 2, '2026-09-01T12:00:00+03:00')));
  }, 60_000);

  afterAll(async () => {
    for (const server of servers) expect(await server.stop()).toBe(0);
  });

  it('erases once, frees the seat once and queues one message; the others say it is done', async () => {
    const cookie = await signInAt(servers[0]!, coordinator);
    const statuses = await Promise.all(
      Array.from({ length: 100 }, async (_, index) => {
        const server = servers[index % 2]!;
        const response = await fetch(`${server.baseUrl}/people/${person}/erasure`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Origin: server.baseUrl,
            Cookie: cookie,
          },
          body: new URLSearchParams({ withdrawFirst: 'yes' }),
          redirect: 'manual',
        });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    expect(statuses.filter((status) => status === 303)).toHaveLength(1);
    expect(statuses.filter((status) => status === 410)).toHaveLength(99);

    const db = openDatabase(join(directory, 'e2e.sqlite'));
    try {
      expect(db.select().from(applications).where(eq(applications.id, person)).get()).toMatchObject(
        { email: '', closeReason: 'deleted' },
      );
      expect(enrollmentOf(db, person, courseId).state).toBe('withdrawn');
      expect(enrollmentOf(db, waiting, courseId).state).toBe('placed');
      const notices = db
        .select()
        .from(outbox)
        .where(eq(outbox.recipientEmail, 'poistuva@example.fi'))
        .all();
      expect(notices.map((notice) => notice.subject)).toEqual(['Tietosi on poistettu']);
      expect(
        db.select().from(deletionRequests).where(eq(deletionRequests.applicationId, person)).all(),
      ).toHaveLength(1);
      expect(
        db
          .select()
          .from(auditLog)
          .where(eq(auditLog.action, 'delete'))
          .all()
          .map((entry) => entry.subjectId),
      ).toEqual([person]);
    } finally {
      db.$client.close();
    }
    for (const server of servers) expect(server.output()).not.toMatch(/SQLITE_BUSY|error/i);
  }, 120_000);
});
