import { join } from 'node:path';
import Database from 'better-sqlite3';
import { load } from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  attendance,
  auditLog,
  candidateHistory,
  courseFeedback,
  courses,
  enrollments,
  interviews,
  invitations,
  outbox,
  participantLinks,
  retentionRuns,
  retentionSettings,
  trainingCandidates,
  trainingInvitations,
  trainings,
  unconfirmedSubmissions,
} from '../../db/schema';
import { openDatabase, type AppDatabase } from '../../src/db';
import { recordAudit } from '../../src/features/audit/audit-log';
import { anonymisedName } from '../../src/features/retention/anonymise';
import { runRetention } from '../../src/features/retention/retention-run';
import {
  dailyRetentionActor,
  startRetentionSchedule,
} from '../../src/features/retention/retention-schedule';
import { runScript } from '../support/scripts';
import { aReportPerson, type ReportPerson } from '../support/report-fixtures';
import {
  aLocality,
  aProgramOfSize,
  anAutumnTerm,
  anInstructor,
  anOpenCourse,
  aSpringTerm,
  aWaitingApplicant,
  sessionsOf,
} from '../support/planning-fixtures';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  manualClock,
  postForm,
  signIn,
  temporaryDirectory,
} from '../support/test-app';

const retentionPath = '/admin/retention';
const robot = { id: null, name: 'Testi' };
let messageNumber = 0;

/** A message as the outbox keeps it, with every field filled. */
function aMessage(
  db: AppDatabase,
  message: {
    state: 'sent' | 'failed' | 'queued';
    at: Date;
    applicationId?: number;
    candidateId?: number;
  },
) {
  messageNumber += 1;
  return db
    .insert(outbox)
    .values({
      messageId: `<retention-${messageNumber}@kurssipolku.test>`,
      recipientEmail: `vastaanottaja${messageNumber}@example.fi`,
      recipientName: 'Vastaanottaja Henkilö',
      recipientPhone: '+358409998877',
      subject: 'Kutsu kurssille',
      textBody: 'Hei Vastaanottaja, tervetuloa.',
      htmlBody: '<p>Hei Vastaanottaja, tervetuloa.</p>',
      calendarMethod: 'REQUEST',
      calendar: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR',
      state: message.state,
      lastError: message.state === 'failed' ? '550 vastaanottaja@example.fi unknown' : '',
      applicationId: message.applicationId ?? null,
      candidateId: message.candidateId ?? null,
      nextAttemptAt: message.at,
      sentAt: message.state === 'sent' ? message.at : null,
      createdAt: message.at,
    })
    .returning({ id: outbox.id })
    .get().id;
}

const rowOf = <Row>(rows: Row[]) => {
  expect(rows).toHaveLength(1);
  return rows[0]!;
};

function expectEmptied(row: Record<string, unknown>, columns: string[], names: string[] = []) {
  for (const column of columns) expect(row[column], column).toBe('');
  for (const column of names) expect(row[column], column).toBe(anonymisedName);
}

/** The figures of every table on a report page, as text, cell by cell. */
async function reportFigures(
  app: ReturnType<typeof buildTestApp>['app'],
  path: string,
  cookie: string,
) {
  const response = await getPage(app, path, cookie);
  expect(response.status).toBe(200);
  const $ = load(await response.text());
  const tables = $('table')
    .map((_, table) => [
      $(table)
        .find('tr')
        .map((__, row) =>
          $(row)
            .find('th, td')
            .map((___, cell) => $(cell).text().trim())
            .get()
            .join(' | '),
        )
        .get(),
    ])
    .get() as string[][];
  expect(tables.length).toBeGreaterThan(0);
  return tables;
}

describe('retention: anonymisation after the periods, with the report figures unchanged', () => {
  const { app, db, clock } = buildTestApp();
  const at = new Date('2026-09-01T09:00:00Z');
  let termId = 0;
  let springId = 0;
  let courseId = 0;
  let person = 0;
  let closedApplication = 0;
  let stillWaiting = 0;
  let candidate = 0;
  let enrolment = 0;
  let reportingCookie = '';
  const before: { page?: string[][]; year?: string[][]; csv?: string } = {};

  beforeAll(async () => {
    termId = anAutumnTerm(db);
    springId = aSpringTerm(db);
    const localityId = aLocality(db, 'Järvikylä');
    const programId = aProgramOfSize(db, { minParticipants: 1, maxParticipants: 20 });
    courseId = anOpenCourse(db, { termId, localityId, programId });
    const people: ReportPerson[] = [
      ...Array.from({ length: 6 }, (): ReportPerson => ({
        source: 'referral',
        reached: true,
        state: 'completed',
        everPlaced: true,
        present: true,
      })),
      ...Array.from({ length: 5 }, (): ReportPerson => ({
        source: 'public',
        reached: true,
        state: 'withdrawn',
        everPlaced: true,
        present: true,
        dropOut: 'health',
      })),
    ];
    people.forEach((shape, index) => {
      aReportPerson(db, { courseId, localityId, at, name: `Raportin Henkilö ${index}` }, shape);
    });
    // As the app leaves them: placed people have a placed application.
    db.update(applications)
      .set({ state: 'placed' })
      .where(eq(applications.localityId, localityId))
      .run();

    // One person with every personal field filled, on the course, who withdrew with a reason.
    person = aWaitingApplicant(db, localityId, { name: 'Täysi Tietonen' });
    db.update(applications)
      .set({
        state: 'placed',
        municipality: 'Järvikylä',
        goodTimesToCall: 'aamupäivisin',
        referrerName: 'Ohjaava Hoitaja',
        referrerUnit: 'Mielenterveysyksikkö',
        referrerContact: '040 111 2222',
        postalStreet: 'Kotikatu 5 B 7',
        postalCode: '60100',
        postOffice: 'Seinäjoki',
        closeNote: 'Soitti itse',
        consentAt: at,
      })
      .where(eq(applications.id, person))
      .run();
    db.insert(interviews)
      .values({
        applicationId: person,
        at,
        canAttendAll: 'unsure',
        suitableTimes: 'tiistai-illat',
        needs: 'hearing,other',
        otherNeeds: 'Kuulolaite',
        notes: 'Kertoi uupumuksesta',
        outcome: 'place',
        outcomeReason: 'Sopii ryhmään',
      })
      .run();
    enrolment = db
      .insert(enrollments)
      .values({
        courseId,
        applicationId: person,
        state: 'withdrawn',
        queuedAt: at,
        placedAt: at,
        withdrawnAt: sessionsOf(db, courseId)[2]!.startsAt,
        movedUpReason: 'Kiireellinen tarve',
        withdrawnReason: 'Sairastui',
        withdrawnBy: 'staff',
        dropOutReason: 'health',
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: enrollments.id })
      .get().id;
    db.insert(attendance)
      .values({
        sessionId: sessionsOf(db, courseId)[0]!.id,
        enrollmentId: enrolment,
        mark: 'present',
        markedByName: 'Ohjaaja',
        markedAt: at,
      })
      .run();
    db.insert(invitations)
      .values({
        courseId,
        applicationId: person,
        name: 'Täysi Tietonen',
        email: 'taysi@example.fi',
        createdAt: at,
      })
      .run();
    aMessage(db, { state: 'sent', at, applicationId: person });
    db.insert(participantLinks)
      .values({
        applicationId: person,
        tokenHash: 'a'.repeat(64),
        expiresAt: new Date('2027-01-01T00:00:00Z'),
        createdAt: at,
      })
      .run();
    db.insert(unconfirmedSubmissions)
      .values({
        applicationId: person,
        source: 'public',
        name: 'Täysi Tietonen',
        phone: '+358401234567',
        email: 'taysi@example.fi',
        municipality: 'Järvikylä',
        goodTimesToCall: 'illalla',
        referrerName: 'Joku',
        referrerUnit: 'Yksikkö',
        referrerContact: 'joku@example.fi',
        receivedAt: at,
      })
      .run();
    for (const usefulness of [5, 4, 4, 3, 5, 4]) {
      db.insert(courseFeedback)
        .values({
          courseId,
          usefulness,
          everydayTools: 4,
          recommend: 'yes',
          bestThing: 'Ohjaaja Liisa oli ihana',
          toImprove: 'Minä, Täysi, en kuullut',
        })
        .run();
    }

    // An application closed without a place, and one still waiting for a course.
    closedApplication = aWaitingApplicant(db, localityId, { name: 'Suljettu Hakija' });
    db.update(applications)
      .set({ state: 'closed', closeReason: 'declined', closeNote: 'Ei halua' })
      .where(eq(applications.id, closedApplication))
      .run();
    stillWaiting = aWaitingApplicant(db, localityId, { name: 'Odottava Hakija' });

    // A training candidate with every field filled, who dropped out.
    const trainingId = db
      .insert(trainings)
      .values({
        name: 'Ohjaajakoulutus',
        capacity: 10,
        calendarUid: 'training-retention@kurssipolku.test',
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: trainings.id })
      .get().id;
    candidate = db
      .insert(trainingCandidates)
      .values({
        source: 'supervisor',
        name: 'Ehdokas Ehdokkaanen',
        phone: '+358409998877',
        email: 'ehdokas@example.fi',
        unit: 'Kotihoito',
        kind: 'professional',
        profession: 'sairaanhoitaja',
        supervisorName: 'Esihenkilö',
        supervisorUnit: 'Kotihoito',
        supervisorContact: 'esi@example.fi',
        consentAt: at,
        state: 'dropped',
        trainingId,
        note: 'Muutti pois',
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: trainingCandidates.id })
      .get().id;
    db.insert(candidateHistory)
      .values({
        candidateId: candidate,
        step: 'dropped',
        at,
        byName: 'Koordinaattori',
        detail: 'Muutti',
      })
      .run();
    db.insert(trainingInvitations)
      .values({
        trainingId,
        candidateId: candidate,
        name: 'Ehdokas Ehdokkaanen',
        email: 'ehdokas@example.fi',
        createdAt: at,
      })
      .run();
    aMessage(db, { state: 'sent', at, candidateId: candidate });

    clock.setTo(new Date('2026-12-01T10:00:00Z'));
    reportingCookie = await signIn(app, await aStaffUser(db, 'reporting'));
    before.page = await reportFigures(app, `/reports/terms/${termId}`, reportingCookie);
    before.year = await reportFigures(app, `/reports?terms=${termId},${springId}`, reportingCookie);
    before.csv = await (await getPage(app, `/reports/terms/${termId}.csv`, reportingCookie)).text();
  });

  it('does nothing before the periods have passed', async () => {
    const result = await runRetention(db, { now: clock(), actor: robot, dryRun: true });
    expect(result).toMatchObject({
      outcome: 'dry-run',
      counts: { applications: 0, candidates: 0, feedbackTexts: 0 },
    });
  });

  it('removes every personal field 13 months after the course, keeping ids, dates, states and marks', async () => {
    clock.setTo(new Date('2027-12-15T09:00:00Z'));
    const admin = await signIn(app, await aStaffUser(db, 'admin'));
    const dry = await runRetention(db, { now: clock(), actor: robot, dryRun: true });
    const response = await postForm(app, `${retentionPath}/runs`, {}, { cookie: admin });
    expect(response.status).toBe(303);
    const page = await getPage(app, retentionPath, cookiesFrom(response, admin));
    const $ = load(await page.text());
    // 11 report people, the full person and the closed application; 6 feedback answers.
    expect($('.flash, [role="status"]').text()).toContain('13 hakemusta');
    expect($('.flash, [role="status"]').text()).toContain('0 sähköpostia');
    expect(dry).toMatchObject({
      // Their two messages are emptied with them, not counted again as mail.
      counts: { applications: 13, candidates: 1, feedbackTexts: 6, mailBodies: 0, auditRows: 0 },
    });
    expect($('[aria-labelledby="retention-runs-caption"] tbody tr')).toHaveLength(1);

    const application = rowOf(
      db.select().from(applications).where(eq(applications.id, person)).all(),
    );
    expectEmptied(
      application,
      [
        'phone',
        'email',
        'municipality',
        'goodTimesToCall',
        'referrerName',
        'referrerUnit',
        'referrerContact',
        'postalStreet',
        'postalCode',
        'postOffice',
        'closeNote',
      ],
      ['name'],
    );
    expect(application).toMatchObject({ id: person, state: 'placed', consentAt: expect.any(Date) });
    expect(application.localityId).not.toBeNull();
    expect(application.anonymisedAt).toEqual(clock());
    const interview = rowOf(
      db.select().from(interviews).where(eq(interviews.applicationId, person)).all(),
    );
    expectEmptied(interview, ['suitableTimes', 'needs', 'otherNeeds', 'notes', 'outcomeReason']);
    expect(interview).toMatchObject({ outcome: 'place', canAttendAll: 'unsure' });
    const enrolled = rowOf(
      db.select().from(enrollments).where(eq(enrollments.id, enrolment)).all(),
    );
    expectEmptied(enrolled, ['movedUpReason', 'withdrawnReason']);
    expect(enrolled).toMatchObject({
      state: 'withdrawn',
      dropOutReason: 'health',
      withdrawnBy: 'staff',
      placedAt: expect.any(Date),
    });
    expect(
      rowOf(db.select().from(attendance).where(eq(attendance.enrollmentId, enrolment)).all()).mark,
    ).toBe('present');
    expectEmptied(
      rowOf(db.select().from(invitations).where(eq(invitations.applicationId, person)).all()),
      ['email'],
      ['name'],
    );
    const messages = [
      rowOf(db.select().from(outbox).where(eq(outbox.applicationId, person)).all()),
      rowOf(db.select().from(outbox).where(eq(outbox.candidateId, candidate)).all()),
    ];
    for (const message of messages) {
      expectEmptied(message, [
        'recipientEmail',
        'recipientPhone',
        'recipientName',
        'subject',
        'textBody',
        'htmlBody',
        'calendar',
        'lastError',
      ]);
      expect(message).toMatchObject({ state: 'sent', sentAt: expect.any(Date) });
    }
    expect(
      db.select().from(participantLinks).where(eq(participantLinks.applicationId, person)).all(),
    ).toEqual([]);
    expect(
      db
        .select()
        .from(unconfirmedSubmissions)
        .where(eq(unconfirmedSubmissions.applicationId, person))
        .all(),
    ).toEqual([]);

    const candidateRow = rowOf(
      db.select().from(trainingCandidates).where(eq(trainingCandidates.id, candidate)).all(),
    );
    expectEmptied(
      candidateRow,
      [
        'phone',
        'email',
        'unit',
        'profession',
        'supervisorName',
        'supervisorUnit',
        'supervisorContact',
        'note',
      ],
      ['name'],
    );
    expect(candidateRow).toMatchObject({ state: 'dropped', kind: 'professional' });
    expectEmptied(
      rowOf(
        db.select().from(candidateHistory).where(eq(candidateHistory.candidateId, candidate)).all(),
      ),
      ['detail'],
    );
    expectEmptied(
      rowOf(
        db
          .select()
          .from(trainingInvitations)
          .where(eq(trainingInvitations.candidateId, candidate))
          .all(),
      ),
      ['email'],
      ['name'],
    );
    const answers = db
      .select()
      .from(courseFeedback)
      .where(eq(courseFeedback.courseId, courseId))
      .all();
    expect(answers.map((answer) => answer.usefulness)).toEqual([5, 4, 4, 3, 5, 4]);
    for (const answer of answers) expectEmptied(answer, ['bestThing', 'toImprove']);

    // And nowhere else in the file: every row of every table, read as text.
    const tables = db.$client
      .prepare(`select name from sqlite_master where type = 'table'`)
      .all() as { name: string }[];
    const everything = tables
      .map(({ name }) => JSON.stringify(db.$client.prepare(`select * from "${name}"`).all()))
      .join('\n');
    for (const personal of [
      'Täysi',
      'taysi@example.fi',
      'Kotikatu',
      'Ohjaava Hoitaja',
      'Kuulolaite',
      'uupumuksesta',
      'Sairastui',
      'Ohjaaja Liisa',
      'Raportin Henkilö',
      'Suljettu Hakija',
      'Ehdokas Ehdokkaanen',
      'ehdokas@example.fi',
      'Esihenkilö',
      'Muutti',
      'Vastaanottaja',
      '+358409998877',
    ]) {
      expect(everything, personal).not.toContain(personal);
    }
    expect(everything).toContain('Odottava Hakija');

    // The closed application went too; the one still waiting for a course stays as it was.
    expect(
      db.select().from(applications).where(eq(applications.id, closedApplication)).get()!.name,
    ).toBe(anonymisedName);
    const waiting = db.select().from(applications).where(eq(applications.id, stillWaiting)).get()!;
    expect(waiting).toMatchObject({ name: 'Odottava Hakija', anonymisedAt: null });
  });

  it('gives identical report figures before and after (page, year view and CSV)', async () => {
    const cookie = await signIn(app, await aStaffUser(db, 'reporting'));
    expect(await reportFigures(app, `/reports/terms/${termId}`, cookie)).toEqual(before.page);
    expect(await reportFigures(app, `/reports?terms=${termId},${springId}`, cookie)).toEqual(
      before.year,
    );
    const csv = await (await getPage(app, `/reports/terms/${termId}.csv`, cookie)).text();
    expect(csv).toBe(before.csv);
    // The figures are not all hidden: 12 people applied and got a place.
    expect(csv).toContain(';12;12;0;12;');
  });

  it('does nothing on a second run the same day and says so; the next day finds nothing new', async () => {
    const admin = await signIn(app, await aStaffUser(db, 'admin'));
    const again = await postForm(app, `${retentionPath}/runs`, {}, { cookie: admin });
    expect(again.status).toBe(303);
    const page = await getPage(app, retentionPath, cookiesFrom(again, admin));
    expect(await page.text()).toContain('Tämän päivän poisto on jo tehty');
    expect(await runRetention(db, { now: clock(), actor: robot })).toMatchObject({
      outcome: 'already-ran',
    });
    expect(db.select().from(retentionRuns).all()).toHaveLength(1);

    clock.setTo(new Date('2027-12-16T09:00:00Z'));
    const nextDay = await runRetention(db, { now: clock(), actor: robot });
    expect(nextDay).toEqual({
      outcome: 'ran',
      runOn: '2027-12-16',
      counts: { applications: 0, candidates: 0, mailBodies: 0, feedbackTexts: 0, auditRows: 0 },
    });
    const runAudit = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectType, 'retention-run'))
      .all();
    expect(runAudit.map((entry) => entry.actorName)).toContain('Testi');
    expect(runAudit).toHaveLength(2);
  });
});

describe('retention of e-mail bodies, candidates and audit rows', () => {
  it('prunes a sent body after 90 days and not before, and a failed one from when it was written', async () => {
    const { app, db, clock } = buildTestApp();
    const sentAt = new Date('2026-09-01T09:00:00Z');
    const sent = aMessage(db, { state: 'sent', at: sentAt });
    const failed = aMessage(db, { state: 'failed', at: sentAt });
    const queued = aMessage(db, { state: 'queued', at: sentAt });
    const day89 = await runRetention(db, {
      now: new Date('2026-11-29T12:00:00Z'),
      actor: robot,
    });
    expect(day89).toMatchObject({ outcome: 'ran', counts: { mailBodies: 0 } });
    const day90 = await runRetention(db, {
      now: new Date('2026-11-30T12:00:00Z'),
      actor: robot,
    });
    expect(day90).toMatchObject({ outcome: 'ran', counts: { mailBodies: 2 } });
    const rows = new Map(
      db
        .select()
        .from(outbox)
        .all()
        .map((row) => [row.id, row]),
    );
    for (const id of [sent, failed]) {
      expectEmptied(rows.get(id)!, ['textBody', 'htmlBody', 'calendar']);
      expect(rows.get(id)!.bodyPrunedAt).toEqual(new Date('2026-11-30T12:00:00Z'));
      // Not a participant's message: who it went to stays in the mail history.
      expect(rows.get(id)!.recipientEmail).not.toBe('');
    }
    expect(rows.get(sent)).toMatchObject({ state: 'sent', sentAt, subject: 'Kutsu kurssille' });
    expect(rows.get(queued)).toMatchObject({ textBody: 'Hei Vastaanottaja, tervetuloa.' });

    // The failed one cannot be sent again blank: the page says why, a posted retry is refused.
    clock.setTo(new Date('2026-12-01T09:00:00Z'));
    const coordinator = await signIn(app, await aStaffUser(db, 'coordinator'));
    const $ = load(await (await getPage(app, `/outbox/${failed}`, coordinator)).text());
    expect($('#outbox-text-pruned').text()).toContain('30.11.2026');
    expect($(`form[action="/outbox/${failed}/retry"]`)).toHaveLength(0);
    const retry = await postForm(app, `/outbox/${failed}/retry`, {}, { cookie: coordinator });
    expect(retry.status).toBe(303);
    expect(db.select().from(outbox).where(eq(outbox.id, failed)).get()!.state).toBe('failed');
  });

  it("empties the recipient too when the message's person was anonymised", async () => {
    const { db } = buildTestApp();
    const sentAt = new Date('2026-09-01T09:00:00Z');
    const applicationId = aWaitingApplicant(db, aLocality(db));
    db.update(applications)
      .set({ anonymisedAt: sentAt })
      .where(eq(applications.id, applicationId))
      .run();
    const message = aMessage(db, { state: 'sent', at: sentAt, applicationId });
    await runRetention(db, { now: new Date('2026-12-15T09:00:00Z'), actor: robot });
    const row = db.select().from(outbox).where(eq(outbox.id, message)).get()!;
    expectEmptied(row, [
      'recipientEmail',
      'recipientPhone',
      'recipientName',
      'textBody',
      'htmlBody',
    ]);
  });

  it('anonymises a candidate who dropped out after 12 months, never one who became an instructor', async () => {
    const { db } = buildTestApp();
    const at = new Date('2026-09-01T09:00:00Z');
    const aCandidate = (state: 'dropped' | 'completed' | 'enrolled', instructorId?: number) =>
      db
        .insert(trainingCandidates)
        .values({
          source: 'self',
          name: `Ehdokas ${state}`,
          phone: '+358401112233',
          kind: 'peer',
          consentAt: at,
          state,
          instructorId: instructorId ?? null,
          createdAt: at,
          updatedAt: at,
        })
        .returning({ id: trainingCandidates.id })
        .get().id;
    const dropped = aCandidate('dropped');
    const instructor = aCandidate('completed', anInstructor(db));
    const enrolled = aCandidate('enrolled');
    expect(
      await runRetention(db, { now: new Date('2027-08-31T09:00:00Z'), actor: robot }),
    ).toMatchObject({ counts: { candidates: 0 } });
    expect(
      await runRetention(db, { now: new Date('2027-09-01T10:00:00Z'), actor: robot }),
    ).toMatchObject({ counts: { candidates: 1 } });
    const names = new Map(
      db
        .select()
        .from(trainingCandidates)
        .all()
        .map((row) => [row.id, row.name]),
    );
    expect(names.get(dropped)).toBe(anonymisedName);
    expect(names.get(instructor)).toBe('Ehdokas completed');
    expect(names.get(enrolled)).toBe('Ehdokas enrolled');
  });

  it('counts a cancelled course from when it was cancelled, and waits for every course a person is on', async () => {
    const { db } = buildTestApp();
    const at = new Date('2026-08-20T09:00:00Z');
    const localityId = aLocality(db);
    const cancelled = anOpenCourse(db, { localityId });
    db.update(courses)
      .set({ status: 'cancelled', updatedAt: new Date('2026-09-15T09:00:00Z') })
      .where(eq(courses.id, cancelled))
      .run();
    const later = anOpenCourse(db, { localityId, firstDate: '2027-10-05' });
    const enrol = (applicationId: number, courseId: number) =>
      db
        .insert(enrollments)
        .values({
          courseId,
          applicationId,
          state: 'cancelled',
          queuedAt: at,
          placedAt: at,
          createdAt: at,
          updatedAt: at,
        })
        .run();
    const onlyCancelled = aWaitingApplicant(db, localityId);
    const onBoth = aWaitingApplicant(db, localityId);
    db.update(applications).set({ state: 'placed' }).run();
    enrol(onlyCancelled, cancelled);
    enrol(onBoth, cancelled);
    enrol(onBoth, later);
    // A year after the cancellation, two months before the scheduled sessions would have ended.
    const result = await runRetention(db, {
      now: new Date('2027-09-16T09:00:00Z'),
      actor: robot,
    });
    expect(result).toMatchObject({ counts: { applications: 1 } });
    const names = new Map(
      db
        .select()
        .from(applications)
        .all()
        .map((row) => [row.id, row.name]),
    );
    expect(names.get(onlyCancelled)).toBe(anonymisedName);
    expect(names.get(onBoth)).not.toBe(anonymisedName);
  });

  it('deletes audit rows older than 5 calendar years and keeps younger ones', async () => {
    const { db } = buildTestApp();
    const now = new Date('2031-12-03T09:00:00Z');
    const entry = (at: string, detail: string) =>
      recordAudit(
        db,
        { actor: robot, action: 'read', subjectType: 'application', subjectId: 1, detail },
        new Date(at),
      );
    entry('2026-12-01T09:00:00Z', 'old');
    entry('2026-12-03T08:00:00Z', 'just old enough');
    entry('2026-12-05T09:00:00Z', 'young');
    const result = await runRetention(db, { now, actor: robot });
    expect(result).toMatchObject({ counts: { auditRows: 2 } });
    expect(
      db
        .select()
        .from(auditLog)
        .all()
        .map((row) => row.detail),
    ).toEqual(['young', 'retention run 2031-12-03']);
  });
});

describe('the retention page', () => {
  const { app, db, clock } = buildTestApp();
  let admin = '';

  beforeAll(async () => {
    anOpenCourse(db, {});
    clock.setTo(new Date('2026-09-01T09:00:00Z'));
    admin = await signIn(app, await aStaffUser(db, 'admin'));
  });

  it('is for admins only', async () => {
    for (const role of ['coordinator', 'reporting', 'instructor'] as const) {
      const cookie = await signIn(app, await aStaffUser(db, role));
      expect((await getPage(app, retentionPath, cookie)).status, role).toBe(403);
      const post = await postForm(app, `${retentionPath}/runs`, {}, { cookie });
      expect(post.status, role).toBe(403);
    }
    const anonymous = await getPage(app, retentionPath);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('Location')).toContain('/sign-in');
    expect(db.select().from(retentionRuns).all()).toEqual([]);
  });

  it('shows the defaults and is linked from the admin navigation', async () => {
    const $ = load(await (await getPage(app, retentionPath, admin)).text());
    expect($('#retention-longest-course').text()).toContain('36 päivää');
    expect($('#participantMonths').val()).toBe('12');
    expect($('#closedApplicationMonths').val()).toBe('6');
    expect($('#sentMailDays').val()).toBe('90');
    expect($('#candidateMonths').val()).toBe('12');
    expect($('#auditYears').val()).toBe('5');
    expect($(`nav a[href="${retentionPath}"]`)).toHaveLength(1);
    const english = load(
      await (await getPage(app, retentionPath, admin, { 'Accept-Language': 'en' })).text(),
    );
    expect(english('h1').text()).toBe('Keeping personal data');
    expect(english('label[for="sentMailDays"]').text()).toContain('days after sending');
  });

  it('refuses what is not a positive whole number, at the field, keeping what was typed', async () => {
    const response = await postForm(
      app,
      retentionPath,
      {
        participantMonths: 'abc',
        closedApplicationMonths: '0',
        sentMailDays: '1.5',
        candidateMonths: '-3',
        auditYears: '',
      },
      { cookie: admin },
    );
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    expect($('#participantMonths').val()).toBe('abc');
    for (const field of [
      'participantMonths',
      'closedApplicationMonths',
      'sentMailDays',
      'candidateMonths',
      'auditYears',
    ]) {
      expect($(`#${field}-error`).text(), field).not.toBe('');
    }
    expect(db.select().from(retentionSettings).all()).toEqual([]);
  });

  it('refuses periods shorter than the longest course, naming its length', async () => {
    const response = await postForm(
      app,
      retentionPath,
      {
        participantMonths: '1',
        closedApplicationMonths: '6',
        sentMailDays: '30',
        candidateMonths: '12',
        auditYears: '5',
      },
      { cookie: admin },
    );
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    // Six weekly sessions from 6 Oct to 10 Nov: 36 days.
    expect($('#participantMonths-error').text()).toContain('36 päivää');
    expect($('#sentMailDays-error').text()).toContain('36 päivää');
    expect($('#closedApplicationMonths-error')).toHaveLength(0);
    expect($('#sentMailDays').val()).toBe('30');
    expect(db.select().from(retentionSettings).all()).toEqual([]);
  });

  it('saves good periods with an audit entry and shows them', async () => {
    const response = await postForm(
      app,
      retentionPath,
      {
        participantMonths: '18',
        closedApplicationMonths: '3',
        sentMailDays: '60',
        candidateMonths: '24',
        auditYears: '7',
      },
      { cookie: admin },
    );
    expect(response.status).toBe(303);
    expect(db.select().from(retentionSettings).get()).toMatchObject({
      participantMonths: 18,
      closedApplicationMonths: 3,
      sentMailDays: 60,
      candidateMonths: 24,
      auditYears: 7,
    });
    const audit = db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectType, 'retention-settings'))
      .all();
    expect(audit).toMatchObject([{ action: 'update', subjectId: 1 }]);
    const $ = load(await (await getPage(app, retentionPath, cookiesFrom(response, admin))).text());
    expect($('#sentMailDays').val()).toBe('60');
    expect($('body').text()).toContain('Säilytysajat on tallennettu.');
  });

  it('lists what becomes due in the next 30 days by date, without names', async () => {
    aMessage(db, { state: 'sent', at: new Date('2026-07-10T09:00:00Z') });
    aMessage(db, { state: 'sent', at: new Date('2026-07-20T09:00:00Z') });
    aMessage(db, { state: 'sent', at: new Date('2026-07-20T10:00:00Z') });
    const $ = load(await (await getPage(app, retentionPath, admin)).text());
    // 60 days: due on 8 Sep (now is 1 Sep) and 18 Sep (two).
    const rows = $('[aria-labelledby="retention-upcoming-caption"] tbody tr')
      .map((_, row) => $(row).find('th').text() + ':' + $(row).find('td').eq(2).text())
      .get();
    expect(rows).toEqual(['8.9.2026:1', '18.9.2026:2']);
    expect($('body').text()).not.toContain('Vastaanottaja');
  });
});

describe('npm run retention', () => {
  /** Runs `npm run retention -- flag` as the README says, on the database file at `path`. */
  const runRetentionScript = (path: string, flag: string) =>
    runScript('retention.ts', [flag], path).done;

  it('counts without changing on --dry-run, runs on --now, and says when today ran already', async () => {
    const path = join(temporaryDirectory('retention-script'), 'live.sqlite');
    const db = openDatabase(path);
    const message = aMessage(db, {
      state: 'sent',
      at: new Date(Date.now() - 200 * 86_400_000),
    });
    db.$client.close();
    const bodyOf = () => {
      const copy = new Database(path, { readonly: true });
      try {
        return (
          copy.prepare('select text_body as body from outbox where id = ?').get(message) as {
            body: string;
          }
        ).body;
      } finally {
        copy.close();
      }
    };

    const dry = await runRetentionScript(path, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.output).toContain('nothing was changed');
    expect(dry.output).toContain('e-mail bodies emptied: 1');
    expect(bodyOf()).not.toBe('');

    const run = await runRetentionScript(path, '--now');
    expect(run.code).toBe(0);
    expect(run.output).toContain('e-mail bodies emptied: 1');
    expect(bodyOf()).toBe('');

    const again = await runRetentionScript(path, '--now');
    expect(again.code).toBe(0);
    expect(again.output).toContain('already ran today');
  });
});

describe('the daily run in the server process', () => {
  it('runs once per Helsinki day, also when two processes share the database', async () => {
    const path = join(temporaryDirectory('retention-daily'), 'shared.sqlite');
    const first = openDatabase(path);
    const second = openDatabase(path);
    const clock = manualClock(new Date('2026-12-03T21:30:00Z'));
    const schedules = [first, second].map((db) => startRetentionSchedule({ db, clock }));
    try {
      const outcomes = await Promise.all(schedules.map((schedule) => schedule.checkOnce()));
      expect(outcomes.map((outcome) => outcome?.outcome).sort()).toEqual(['already-ran', 'ran']);
      // 23:30 in Helsinki: the same day. After midnight there, a new day.
      expect(outcomes[0]!.runOn).toBe('2026-12-03');
      clock.setTo(new Date('2026-12-03T21:59:00Z'));
      expect(await schedules[1]!.checkOnce()).toMatchObject({ outcome: 'already-ran' });
      clock.setTo(new Date('2026-12-03T22:01:00Z'));
      expect(await schedules[1]!.checkOnce()).toMatchObject({
        outcome: 'ran',
        runOn: '2026-12-04',
      });
      const runs = first.select().from(retentionRuns).all();
      expect(runs.map((run) => [run.runOn, run.byName])).toEqual([
        ['2026-12-03', dailyRetentionActor.name],
        ['2026-12-04', dailyRetentionActor.name],
      ]);
    } finally {
      await Promise.all(schedules.map((schedule) => schedule.stop()));
      first.$client.close();
      second.$client.close();
    }
    expect(await schedules[0]!.checkOnce()).toBeNull();
  });
});
