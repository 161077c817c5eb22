import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  callAttempts,
  instructors,
  sessionLeaders,
  trainingCandidates,
  trainingDays,
  trainings,
} from '../../db/schema';
import type { AppDatabase } from '../../src/db';
import { wallClockToInstant } from '../../src/lib/helsinki-time';
import { aRunningCourse, aSubstituteIn } from '../support/attendance-fixtures';
import { aWaitingApplicant, courseRow } from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, getPage, signIn, testConfig } from '../support/test-app';

const unit = 'Lapuan terveyskeskus';
const otherUnit = 'Seinäjoen kaupunki';
/** After session 2 (Tue 13 Oct, 17:00–19:30) and before session 3. */
const afterTwoSessions = wallClockToInstant('2026-10-14', '09:00');

/** A held training of two 6-hour days that the instructor completed as a candidate. */
function aCompletedTraining(db: AppDatabase, instructorId: number) {
  const now = new Date('2026-08-01T09:00:00Z');
  const trainingId = db
    .insert(trainings)
    .values({
      name: 'Ohjaajakoulutus syksy 2026',
      status: 'held',
      capacity: 12,
      calendarUid: `training-${instructorId}@kurssipolku.test`,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: trainings.id })
    .get().id;
  db.insert(trainingDays)
    .values(
      ['2026-09-10', '2026-09-11'].map((localDate) => ({
        trainingId,
        localDate,
        startTime: '09:00',
        endTime: '15:00',
        startsAt: wallClockToInstant(localDate, '09:00'),
        endsAt: wallClockToInstant(localDate, '15:00'),
      })),
    )
    .run();
  db.insert(trainingCandidates)
    .values({
      source: 'supervisor',
      name: 'Ohjaajaksi koulutettu',
      phone: '+358401234567',
      kind: 'professional',
      consentAt: now,
      state: 'completed',
      trainingId,
      completedOn: '2026-09-11',
      instructorId,
      createdAt: now,
      updatedAt: now,
    })
    .run();
}

function callsBy(db: AppDatabase, userId: number, localityId: number, count: number) {
  const applicationId = aWaitingApplicant(db, localityId);
  db.insert(callAttempts)
    .values(
      Array.from({ length: count }, (_, index) => ({
        applicationId,
        at: wallClockToInstant(`2026-08-2${index}`, '10:00'),
        outcome: 'no-answer' as const,
        byUserId: userId,
      })),
    )
    .run();
}

/**
 * A running course (six 150-minute sessions from Tue 6 Oct 2026, 60 minutes' preparation each)
 * led by a pair from one unit; the first of them signs in as an instructor.
 */
async function aPairWithHours(options: { config?: ReturnType<typeof testConfig> } = {}) {
  const built = buildTestApp(options);
  const { db } = built;
  const account = await aStaffUser(db, 'instructor');
  const course = aRunningCourse(db, { instructorUserIds: [account.id] });
  const [own, partner] = course.pair as [number, number];
  db.update(instructors).set({ employerUnit: unit }).where(eq(instructors.id, own)).run();
  db.update(instructors).set({ employerUnit: unit }).where(eq(instructors.id, partner)).run();
  const termId = courseRow(db, course.courseId)!.termId;
  return { ...built, account, course, own, partner, termId };
}

function shownHours(html: string) {
  const $ = load(html);
  return {
    planned: $('#hours-planned').text(),
    done: $('#hours-done').text(),
    row: (name: string) =>
      $(`#hours-${name} td`)
        .map((_, cell) => $(cell).text())
        .get(),
  };
}

describe("an instructor's hours in a term", () => {
  let setup: Awaited<ReturnType<typeof aPairWithHours>>;
  let coordinatorCookie = '';
  let substitute = 0;

  const hoursPage = async (instructorId: number) => {
    const response = await getPage(
      setup.app,
      `/instructors/${instructorId}/hours?term=${setup.termId}`,
      coordinatorCookie,
    );
    expect(response.status).toBe(200);
    return shownHours(await response.text());
  };

  beforeAll(async () => {
    setup = await aPairWithHours();
    setup.clock.setTo(afterTwoSessions);
    coordinatorCookie = await signIn(setup.app, await aStaffUser(setup.db, 'coordinator'));
  });

  it('plans six sessions of 150 minutes with 60 minutes of preparation for each of the pair', async () => {
    for (const instructorId of [setup.own, setup.partner]) {
      const shown = await hoursPage(instructorId);
      expect(shown.planned).toBe('21 h'); // 6 × 210 min
      expect(shown.done).toBe('7 h'); // 2 × 210 min: two sessions are over
      expect(shown.row('sessions')).toEqual(['6', '15 h', '2', '5 h']);
      expect(shown.row('preparation')).toEqual(['6', '6 h', '2', '2 h']);
    }
  });

  it('gives session 3 to the substitute recorded as leading it instead of the partner', async () => {
    substitute = aSubstituteIn(setup.db, setup.course.localityId);
    setup.db
      .update(instructors)
      .set({ employerUnit: otherUnit })
      .where(eq(instructors.id, substitute))
      .run();
    const third = setup.course.sessions[2]!.id;
    setup.db
      .insert(sessionLeaders)
      .values([
        { sessionId: third, instructorId: setup.own },
        { sessionId: third, instructorId: substitute },
      ])
      .run();
    expect((await hoursPage(setup.own)).planned).toBe('21 h');
    expect((await hoursPage(setup.partner)).planned).toBe('17 h 30 min'); // 5 × 210 min
    const standIn = await hoursPage(substitute);
    expect(standIn).toMatchObject({ planned: '3 h 30 min', done: '0 min' });
  });

  it('adds the days of a completed training and 15 minutes for each intake call made', async () => {
    aCompletedTraining(setup.db, setup.own);
    callsBy(setup.db, setup.account.id, setup.course.localityId, 2);
    const shown = await hoursPage(setup.own);
    expect(shown.row('training')).toEqual(['2', '12 h', '2', '12 h']);
    expect(shown.row('calls')).toEqual(['2', '30 min', '2', '30 min']);
    expect(shown.planned).toBe('33 h 30 min'); // 21 h + 12 h + 30 min
    expect(shown.done).toBe('19 h 30 min'); // 7 h + 12 h + 30 min
  });

  it('sums the unit’s instructors on the printable summary, and leaves out other units', async () => {
    const response = await getPage(
      setup.app,
      `/hours?term=${setup.termId}&unit=${encodeURIComponent(unit)}`,
      coordinatorCookie,
    );
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    const cells = (selector: string) =>
      $(`${selector} td`)
        .map((_, cell) => $(cell).text())
        .get();
    expect(cells(`#instructor-${setup.own}`)).toEqual(['33 h 30 min', '19 h 30 min']);
    expect(cells(`#instructor-${setup.partner}`)).toEqual(['17 h 30 min', '7 h']);
    expect($(`#instructor-${substitute}`).length).toBe(0);
    expect(cells('#unit-total')).toEqual(['51 h', '26 h 30 min']);
    expect(
      $('#hours-unit option')
        .map((_, option) => $(option).text())
        .get(),
    ).toEqual([unit, otherUnit]);
    expect($('.table-scroll[role=region]').attr('aria-labelledby')).toBe('unit-hours-caption');
  });

  it('opens on the term containing today and the first unit', async () => {
    const $ = load(await (await getPage(setup.app, '/hours', coordinatorCookie)).text());
    expect($('#hours-term option[selected]').val()).toBe(String(setup.termId));
    expect($('#hours-unit option[selected]').text()).toBe(unit);
    expect($('#unit-total td').first().text()).toBe('51 h');
  });

  it('audits a planner reading someone’s hours', () => {
    const reads = setup.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.subjectType, 'instructor'),
          eq(auditLog.subjectId, setup.partner),
          eq(auditLog.action, 'read'),
        ),
      )
      .all();
    expect(reads.length).toBeGreaterThan(0);
    expect(reads[0]!.detail).toMatch(/^hours /);
  });

  it('answers 404 for a term or unit that does not exist', async () => {
    const noTerm = await getPage(
      setup.app,
      `/instructors/${setup.own}/hours?term=999`,
      coordinatorCookie,
    );
    expect(noTerm.status).toBe(404);
    const noUnit = await getPage(setup.app, '/hours?unit=Ei%20ole', coordinatorCookie);
    expect(noUnit.status).toBe(404);
  });
});

describe('the time an intake call counts', () => {
  it('follows INTAKE_CALL_MINUTES', async () => {
    const setup = await aPairWithHours({ config: testConfig({ INTAKE_CALL_MINUTES: '20' }) });
    callsBy(setup.db, setup.account.id, setup.course.localityId, 3);
    setup.clock.setTo(afterTwoSessions);
    const cookie = await signIn(setup.app, await aStaffUser(setup.db, 'coordinator'));
    const response = await getPage(setup.app, `/instructors/${setup.own}/hours`, cookie);
    const shown = shownHours(await response.text());
    expect(shown.row('calls')).toEqual(['3', '1 h', '3', '1 h']);
    expect(shown.planned).toBe('22 h');
  });
});

describe('who may see hours', () => {
  let setup: Awaited<ReturnType<typeof aPairWithHours>>;
  let instructorCookie = '';

  beforeAll(async () => {
    setup = await aPairWithHours();
    setup.clock.setTo(afterTwoSessions);
    instructorCookie = await signIn(setup.app, setup.account);
  });

  it('shows an instructor their own hours, linked from their home page, without an audit entry', async () => {
    const home = load(await (await getPage(setup.app, '/', instructorCookie)).text());
    expect(home('#my-hours-link').attr('href')).toBe(`/instructors/${setup.own}/hours`);
    expect(home('#my-hours-link').text()).toBe('Oma työaika');

    const response = await getPage(setup.app, `/instructors/${setup.own}/hours`, instructorCookie);
    expect(response.status).toBe(200);
    expect(shownHours(await response.text())).toMatchObject({ planned: '21 h', done: '7 h' });
    const audited = setup.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectId, setup.own))
      .all()
      .filter((entry) => entry.action === 'read');
    expect(audited).toEqual([]);
  });

  it('refuses an instructor another instructor’s hours and the unit summary', async () => {
    const other = await getPage(setup.app, `/instructors/${setup.partner}/hours`, instructorCookie);
    expect(other.status).toBe(403);
    expect((await getPage(setup.app, '/hours', instructorCookie)).status).toBe(403);
  });

  it('sends someone not signed in to sign in', async () => {
    for (const path of ['/hours', `/instructors/${setup.own}/hours`]) {
      const response = await getPage(setup.app, path);
      expect(response.status, path).toBe(303);
      expect(response.headers.get('Location'), path).toBe(
        `/sign-in?next=${encodeURIComponent(path)}`,
      );
    }
  });
});
