import { join } from 'node:path';
import Database from 'better-sqlite3';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enrollments } from '../../db/schema';
import { openDatabase } from '../../src/db';
import { createUser } from '../../src/features/users/queries';
import type { RunningServer } from '../support/browser';
import { aLocality, anOpenCourse, aWaitingApplicant } from '../support/planning-fixtures';
import { postPlacement, serversOnOneFile, signInAt } from '../support/server-requests';
import { temporaryDirectory } from '../support/test-app';

const applicants = 500;
const seats = 16;
const coordinator = { email: 'koordinaattori@test.example', password: 'correct horse battery' };

describe('two server processes on one database file', () => {
  const directory = temporaryDirectory('two-processes');
  const servers: RunningServer[] = [];
  let courseId = 0;
  let applicationIds: number[] = [];

  beforeAll(async () => {
    const db = openDatabase(join(directory, 'e2e.sqlite'));
    await createUser(
      db,
      { ...coordinator, role: 'coordinator', name: 'Koordinaattori' },
      new Date(),
    );
    const localityId = aLocality(db);
    courseId = anOpenCourse(db, { seats, localityId });
    applicationIds = Array.from({ length: applicants }, () => aWaitingApplicant(db, localityId));
    db.$client.close();
    servers.push(...(await serversOnOneFile(directory, 2, '2026-09-01T12:00:00+03:00')));
  }, 60_000);

  afterAll(async () => {
    for (const server of servers) expect(await server.stop()).toBe(0);
  });

  it('places exactly the free seats from 500 requests split across both, the rest waitlisted', async () => {
    const cookie = await signInAt(servers[0]!, coordinator);
    const statuses = await Promise.all(
      applicationIds.map((applicationId, index) =>
        postPlacement(servers[index % 2]!, cookie, { applicationId, courseId }),
      ),
    );
    expect(new Set(statuses)).toEqual(new Set([303]));
    const db = openDatabase(join(directory, 'e2e.sqlite'));
    const count = (state: 'placed' | 'waitlisted') =>
      db
        .select({ count: sql<number>`count(*)` })
        .from(enrollments)
        .where(and(eq(enrollments.courseId, courseId), eq(enrollments.state, state)))
        .get()!.count;
    expect(count('placed')).toBe(seats);
    expect(count('waitlisted')).toBe(applicants - seats);
    // Each applicant once, and the waitlist has one strict order (first come, first served).
    const waitlist = db
      .select({ applicationId: enrollments.applicationId, queuedAt: enrollments.queuedAt })
      .from(enrollments)
      .where(and(eq(enrollments.courseId, courseId), eq(enrollments.state, 'waitlisted')))
      .orderBy(enrollments.queuedAt, enrollments.id)
      .all();
    expect(new Set(waitlist.map((row) => row.applicationId)).size).toBe(applicants - seats);
    expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    db.$client.close();
    for (const server of servers) expect(server.output()).not.toMatch(/SQLITE_BUSY|error/i);
  }, 120_000);

  it('answers 503 "busy, send again" and saves nothing when the lock is held past the timeout', async () => {
    const cookie = await signInAt(servers[1]!, coordinator);
    const holder = new Database(join(directory, 'e2e.sqlite'));
    holder.exec('BEGIN IMMEDIATE');
    try {
      const response = await fetch(`${servers[1]!.baseUrl}/enrollments`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: servers[1]!.baseUrl,
          Cookie: cookie,
        },
        body: new URLSearchParams({ applicationId: String(applicationIds[0]), courseId: '1' }),
        redirect: 'manual',
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('Retry-After')).toBe('1');
      expect(await response.text()).toContain('Palvelu on juuri nyt ruuhkainen');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }, 60_000);
});
