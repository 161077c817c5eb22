import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, enrollments, localities, programs, terms } from '../../db/schema';
import { openDatabase, type AppDatabase } from '../../src/db';
import { startServer, type RunningServer } from '../support/browser';
import { temporaryDirectory } from '../support/test-app';

const applicantCount = 50;
const seats = 3;

/**
 * Fifty coordinators' clicks at once against the real server process: the seat count and the insert
 * happen in one immediate transaction, so exactly the free seats are filled and everyone else waits.
 */
describe('placing 50 people at once on a course with 3 seats', () => {
  const directory = temporaryDirectory('seat-race');
  let server: RunningServer;
  let db: AppDatabase;
  let cookie = '';
  let courseId = 0;
  const applicationIds: number[] = [];

  const post = (path: string, fields: Record<string, string | number>) =>
    fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: server.baseUrl,
        ...(cookie ? { Cookie: cookie } : {}),
      },
      body: new URLSearchParams(
        Object.entries(fields).map(([name, value]): [string, string] => [name, String(value)]),
      ),
    });

  beforeAll(async () => {
    server = await startServer(directory, { START_TIME: '2026-09-01T09:00:00Z' });
    db = openDatabase(join(directory, 'e2e.sqlite'));

    const signedIn = await post('/sign-in', {
      email: 'koordinaattori@kurssipolku.example',
      password: 'demo-koordinaattori-2026',
    });
    expect(signedIn.status).toBe(303);
    const session = signedIn.headers
      .getSetCookie()
      .map((header) => header.split(';')[0]!)
      .find((pair) => pair.startsWith('kp_session='));
    expect(session).toBeDefined();
    cookie = session!;

    const programCreated = await post('/programs', {
      nameFi: 'Kilpailutesti',
      nameEn: 'Race test',
      sessionCount: 6,
      sessionMinutes: 150,
      intervalWeeks: 1,
      minParticipants: 1,
      maxParticipants: seats,
      completionThreshold: 4,
      lastJoiningSession: 2,
      preparationMinutes: 60,
    });
    expect(programCreated.status).toBe(303);
    const programId = db
      .select({ id: programs.id })
      .from(programs)
      .where(eq(programs.nameFi, 'Kilpailutesti'))
      .get()!.id;
    const termId = db.select({ id: terms.id }).from(terms).get()!.id;
    const localityId = db
      .select({ id: localities.id })
      .from(localities)
      .where(eq(localities.name, 'Kurikka'))
      .get()!.id;

    const courseCreated = await post('/courses', {
      termId,
      programId,
      localityId,
      audience: 'open',
      firstDate: '2026-11-03',
      startTime: '12:00',
      acceptWarnings: 'on',
    });
    expect(courseCreated.status).toBe(303);
    courseId = Number(courseCreated.headers.get('Location')!.split('/').pop());
    expect((await post(`/courses/${courseId}/status`, { status: 'open' })).status).toBe(303);

    const now = new Date('2026-09-01T09:00:00Z');
    for (let n = 1; n <= applicantCount; n += 1) {
      applicationIds.push(
        db
          .insert(applications)
          .values({
            source: 'phone',
            name: `Kilpailija ${n}`,
            phone: `+35840${String(3000000 + n)}`,
            email: n % 2 === 0 ? `kilpailija${n}@example.fi` : '',
            localityId,
            state: 'waiting',
            callDueAt: now,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: applications.id })
          .get().id,
      );
    }
  }, 60_000);

  afterAll(async () => {
    db?.$client.close();
    if (server) expect(await server.stop()).toBe(0);
  });

  it('fills exactly the free seats and puts everyone else on the waitlist, without errors', async () => {
    const responses = await Promise.all(
      applicationIds.map((applicationId) => post('/enrollments', { applicationId, courseId })),
    );
    expect(responses.map((response) => response.status)).toEqual(applicationIds.map(() => 303));

    const count = (state: 'placed' | 'waitlisted') =>
      db
        .select({ id: enrollments.id })
        .from(enrollments)
        .where(and(eq(enrollments.courseId, courseId), eq(enrollments.state, state)))
        .all().length;
    expect(count('placed')).toBe(seats);
    expect(count('waitlisted')).toBe(applicantCount - seats);
    expect(server.output()).not.toMatch(/Unexpected error/);
  }, 60_000);
});
