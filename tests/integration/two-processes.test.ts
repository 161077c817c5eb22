import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  callAttempts,
  courseSessions,
  courses,
  enrollments,
  programs,
} from '../../db/schema';
import { openDatabase, type AppDatabase } from '../../src/db';
import { placeOnCourse } from '../../src/features/enrollment/seats';
import { organizerFrom } from '../../src/features/invites/invitations';
import { startServer, type RunningServer } from '../support/browser';
import {
  aWaitingApplicant,
  anOpenCourse,
  courseRow,
  enrollmentOf,
  sessionsOf,
} from '../support/planning-fixtures';
import { aStaffUser, cookiesFrom, temporaryDirectory } from '../support/test-app';

const setupMail = {
  organizer: organizerFrom('Kurssipolku <no-reply@kurssipolku.example>'),
  publicUrl: new URL('http://127.0.0.1'),
  now: new Date('2026-09-01T06:00:00Z'),
};

/** A course of `seats` with people placed on it (and on its waitlist, once it is full). */
function aCourseWith(db: AppDatabase, seats: number, people: number) {
  const courseId = anOpenCourse(db, { seats });
  const { localityId, programId } = courseRow(db, courseId)!;
  const applicationIds = Array.from({ length: people }, () => {
    const applicationId = aWaitingApplicant(db, localityId);
    placeOnCourse(db, { applicationId, courseId }, { actor: null, mail: setupMail });
    return applicationId;
  });
  const enrollmentIds = applicationIds.map((id) => enrollmentOf(db, id, courseId).id);
  return { courseId, localityId, programId, enrollmentIds };
}

/** People waiting for their intake call, with consent already given in writing. */
function peopleToCall(db: AppDatabase, localityId: number, count: number) {
  return Array.from({ length: count }, () => {
    const id = aWaitingApplicant(db, localityId);
    db.update(applications)
      .set({ state: 'to-call', callReason: 'intake', consentAt: setupMail.now })
      .where(eq(applications.id, id))
      .run();
    return id;
  });
}

/** Every kind of write, prepared in the database before either process starts. */
function prepareData(db: AppDatabase) {
  const moveUps = aCourseWith(db, 2, 22);
  const withdrawals = aCourseWith(db, 6, 12);
  const sessionChanges = aCourseWith(db, 4, 2);
  const placements = aCourseWith(db, 6, 0);
  const interviews = aCourseWith(db, 3, 0);
  const decisions = [aCourseWith(db, 4, 1), aCourseWith(db, 4, 1), aCourseWith(db, 4, 1)];
  return {
    moveUps: { ...moveUps, waitlisted: moveUps.enrollmentIds.slice(2) },
    withdrawals: { ...withdrawals, placed: withdrawals.enrollmentIds.slice(0, 6) },
    sessionChanges: { ...sessionChanges, sessionIds: sessionsOf(db, sessionChanges.courseId) },
    placements: {
      ...placements,
      newcomers: Array.from({ length: 24 }, () => aWaitingApplicant(db, placements.localityId)),
    },
    calls: peopleToCall(db, placements.localityId, 8),
    interviews: { ...interviews, people: peopleToCall(db, interviews.localityId, 8) },
    decisions,
  };
}

type Write = { kind: string; path: string; fields: Record<string, string | number> };

function writesOf(data: ReturnType<typeof prepareData>): Write[] {
  const { moveUps, withdrawals, sessionChanges, placements, calls, interviews } = data;
  const sessions = sessionChanges.sessionIds.map((session) => session.id);
  const sessionPath = (index: number, action: string) =>
    `/courses/${sessionChanges.courseId}/sessions/${sessions[index]}/${action}`;
  const twice = (write: Write) => [write, write];
  const moveTo = (localDate: string) => ({ localDate, startTime: '10:00', endTime: '12:00' });
  return [
    ...moveUps.waitlisted.flatMap((id) =>
      twice({ kind: 'move-up', path: `/enrollments/${id}/move-up`, fields: { reason: 'Kiire' } }),
    ),
    ...placements.newcomers.map((applicationId) => ({
      kind: 'placement',
      path: '/enrollments',
      fields: { applicationId, courseId: placements.courseId },
    })),
    ...withdrawals.placed.flatMap((id) =>
      twice({ kind: 'withdrawal', path: `/enrollments/${id}/withdrawal`, fields: { reason: 'x' } }),
    ),
    ...calls.flatMap((id) =>
      twice({
        kind: 'call-outcome',
        path: `/applications/${id}/call-attempts`,
        fields: { outcome: 'no-answer' },
      }),
    ),
    ...interviews.people.map((id) => ({
      kind: 'interview',
      path: `/applications/${id}/interview`,
      fields: { canAttendAll: 'yes', outcome: 'place', courseId: interviews.courseId },
    })),
    ...['Kotihoito', 'Omaishoito', 'Kotihoito', 'Omaishoito', 'Kotihoito', 'Omaishoito'].map(
      (targetService) => ({
        kind: 'course-details',
        path: `/courses/${sessionChanges.courseId}`,
        fields: { audience: 'targeted', targetService, acceptWarnings: 'on' },
      }),
    ),
    { kind: 'session', path: sessionPath(1, 'rescheduling'), fields: moveTo('2026-11-24') },
    { kind: 'session', path: sessionPath(2, 'rescheduling'), fields: moveTo('2026-11-25') },
    { kind: 'session', path: sessionPath(3, 'rescheduling'), fields: moveTo('2026-11-26') },
    { kind: 'session', path: sessionPath(3, 'rescheduling'), fields: moveTo('2026-11-27') },
    { kind: 'session', path: sessionPath(4, 'cancellation'), fields: {} },
    { kind: 'session', path: sessionPath(5, 'cancellation'), fields: {} },
    ...data.decisions.flatMap(({ courseId }): Write[] => [
      {
        kind: 'go-decision',
        path: `/courses/${courseId}/go-decision`,
        fields: { decision: 'postpone', weeks: 1 },
      },
      {
        kind: 'go-decision',
        path: `/courses/${courseId}/go-decision`,
        fields: { decision: 'cancel', reason: 'Liian vähän osallistujia' },
      },
    ]),
    ...Array.from({ length: 4 }, () => ({
      kind: 'program-maximum',
      path: `/programs/${placements.programId}`,
      fields: {
        nameFi: `Ohjelma ${placements.programId}`,
        nameEn: `Program ${placements.programId}`,
        sessionCount: 6,
        sessionMinutes: 150,
        intervalWeeks: 1,
        minParticipants: 1,
        maxParticipants: 8,
        completionThreshold: 4,
        lastJoiningSession: 2,
        preparationMinutes: 60,
      },
    })),
  ];
}

/** What each kind of write may answer when another request (or process) got there first. */
const allowedStatuses: Record<string, number[]> = {
  'move-up': [303, 404],
  placement: [303],
  withdrawal: [303, 404],
  'call-outcome': [303],
  interview: [303],
  'course-details': [303],
  session: [303],
  'go-decision': [303, 404],
  'program-maximum': [303],
};

/**
 * Two server processes on one SQLite file, as in a rolling restart: every write is an immediate
 * transaction, so one that reads and then writes waits for the other process's lock instead of
 * failing with SQLITE_BUSY_SNAPSHOT (a 500). With deferred transactions, concurrent move-ups alone
 * gave 500s here.
 */
describe('two server processes writing to one database at once', () => {
  const directory = temporaryDirectory('two-processes');
  const servers: { server: RunningServer; cookie: string }[] = [];
  let db: AppDatabase;
  let data: ReturnType<typeof prepareData>;

  beforeAll(async () => {
    db = openDatabase(join(directory, 'e2e.sqlite'));
    const coordinator = await aStaffUser(db, 'coordinator');
    data = prepareData(db);
    const environment = { SEED_DEMO_DATA: 'false', START_TIME: '2026-09-01T09:00:00+03:00' };
    for (const server of await Promise.all([
      startServer(directory, environment),
      startServer(directory, environment),
    ])) {
      const signedIn = await fetch(`${server.baseUrl}/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.baseUrl },
        body: new URLSearchParams({ email: coordinator.email, password: coordinator.password }),
      });
      expect(signedIn.status).toBe(303);
      servers.push({ server, cookie: cookiesFrom(signedIn) });
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all(servers.map(({ server }) => server.stop()));
    db?.$client.close();
  });

  it('answers every kind of write without a 500 and leaves the seats consistent', async () => {
    const writes = writesOf(data);
    expect(writes.length).toBeLessThanOrEqual(150);
    const answers = await Promise.all(
      writes.map(async (write, index) => {
        const { server, cookie } = servers[index % 2]!;
        const body = new URLSearchParams();
        for (const [name, value] of Object.entries(write.fields)) body.set(name, String(value));
        const response = await fetch(`${server.baseUrl}${write.path}`, {
          method: 'POST',
          redirect: 'manual',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded',
            Origin: server.baseUrl,
            Cookie: cookie,
          },
          body,
        });
        await response.arrayBuffer();
        return { kind: write.kind, status: response.status };
      }),
    );

    const unexpected = answers.filter(
      (answer) => !allowedStatuses[answer.kind]!.includes(answer.status),
    );
    const errors = servers.flatMap(({ server }) =>
      server
        .output()
        .split('\n')
        .filter((line) => line.includes('Unexpected error')),
    );
    expect({ unexpected, errors }).toEqual({ unexpected: [], errors: [] });
    expectConsistentSeats(db, data);
  }, 60_000);
});

function statesOn(db: AppDatabase, courseId: number) {
  const rows = db
    .select({ state: enrollments.state })
    .from(enrollments)
    .where(eq(enrollments.courseId, courseId))
    .all();
  const counted = (state: string) => rows.filter((row) => row.state === state).length;
  return { placed: counted('placed'), waitlisted: counted('waitlisted') };
}

/** No course over its maximum; nobody left waiting while a seat is free. */
function expectConsistentSeats(db: AppDatabase, data: ReturnType<typeof prepareData>) {
  const maximumOf = (courseId: number) =>
    db
      .select({ maximum: programs.maxParticipants })
      .from(courses)
      .innerJoin(programs, eq(programs.id, courses.programId))
      .where(eq(courses.id, courseId))
      .get()!.maximum;
  const { moveUps, withdrawals, placements, interviews, sessionChanges } = data;
  expect(statesOn(db, moveUps.courseId)).toEqual({ placed: 2, waitlisted: 20 });
  expect(statesOn(db, withdrawals.courseId)).toEqual({ placed: 6, waitlisted: 0 });
  expect(maximumOf(placements.courseId)).toBe(8);
  expect(statesOn(db, placements.courseId)).toEqual({ placed: 8, waitlisted: 16 });
  expect(statesOn(db, interviews.courseId)).toEqual({ placed: 3, waitlisted: 5 });
  for (const id of data.calls) {
    const attempts = db.select().from(callAttempts).where(eq(callAttempts.applicationId, id));
    expect(attempts.all()).toHaveLength(2);
  }
  const cancelledSessions = db
    .select()
    .from(courseSessions)
    .where(
      and(
        eq(courseSessions.courseId, sessionChanges.courseId),
        eq(courseSessions.status, 'cancelled'),
      ),
    )
    .all();
  expect(cancelledSessions).toHaveLength(2);
  for (const { courseId } of data.decisions) {
    const { status } = courseRow(db, courseId)!;
    const seats = statesOn(db, courseId);
    if (status === 'cancelled') expect(seats).toEqual({ placed: 0, waitlisted: 0 });
    else expect({ status, seats }).toEqual({ status: 'open', seats: { placed: 1, waitlisted: 0 } });
  }
}
