import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditLog,
  outbox,
  trainingCandidates,
  trainingDays,
  trainingInvitations,
  trainings,
} from '../../db/schema';
import { immediateTransaction } from '../../src/db';
import { mailSettingsFrom } from '../../src/features/invites/invitations';
import { notifyTrainingInvitees } from '../../src/features/trainings/training-invitations';
import { wallClockOccurrences } from '../support/ical';
import { aLocality, aVenue } from '../support/planning-fixtures';
import { deliverQueuedMail, startTestSmtpServer } from '../support/smtp-server';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';
import { expectPrivacyNoticeLink } from '../support/privacy-notice';

function calendarHead(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  const events = root.getAllSubcomponents('vevent');
  return {
    method: String(root.getFirstPropertyValue('method')),
    uids: [...new Set(events.map((event) => String(event.getFirstPropertyValue('uid'))))],
    sequence: Number(events[0]!.getFirstPropertyValue('sequence')),
    status: String(events[0]!.getFirstPropertyValue('status')),
    attendees: events[0]!
      .getAllProperties('attendee')
      .map((attendee) => String(attendee.getFirstValue()).toLowerCase()),
  };
}

const autumnDays = {
  day1Date: '2026-10-20',
  day1Start: '09:00',
  day1End: '16:00',
  day2Date: '2026-10-27',
  day2Start: '09:00',
  day2End: '16:00',
  day3Date: '2026-11-05',
  day3Start: '12:00',
  day3End: '15:30',
};

describe('instructor trainings as events with calendar invitations', () => {
  const { app, db, clock, config } = buildTestApp();
  const mail = () => ({ ...mailSettingsFrom(config), now: clock() });
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let cookie = '';
  let venueId = 0;
  let trainingId = 0;
  let candidateId = 0;

  const training = () => db.select().from(trainings).where(eq(trainings.id, trainingId)).get()!;
  /** The messages queued since the last look, oldest first. */
  let seen = 0;
  const newMessages = () => {
    const all = db.select().from(outbox).orderBy(outbox.id).all();
    const fresh = all.slice(seen);
    seen = all.length;
    return fresh;
  };

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    venueId = aVenue(db, aLocality(db, 'Seinäjoki'));
  });
  afterAll(() => smtp.close());

  it('refuses a day that ends before it starts, with the message at that field, and saves nothing', async () => {
    const response = await postForm(
      app,
      '/trainings/new',
      { name: 'Ohjaajakoulutus', capacity: '12', ...autumnDays, day2End: '08:00' },
      { cookie },
    );
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    expect($('#day2End-error').text()).toBe('Päättymisajan pitää olla alkamisajan jälkeen.');
    expect($('#day1Date').val()).toBe('2026-10-20');
    expect(db.select().from(trainings).all()).toHaveLength(0);
    expect(db.select().from(trainingDays).all()).toHaveLength(0);
  });

  it('refuses a training without any day', async () => {
    const response = await postForm(
      app,
      '/trainings/new',
      { name: 'Ohjaajakoulutus', capacity: '12' },
      { cookie },
    );
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    expect($('#day1Date-error').text()).toBe('Anna vähintään yksi koulutuspäivä.');
    expect(db.select().from(trainings).all()).toHaveLength(0);
  });

  it('creates a training of three non-consecutive days and invites the trainer with an e-mail', async () => {
    const response = await postForm(
      app,
      '/trainings/new',
      {
        name: 'Ohjaajakoulutus syksy 2026',
        venueId: String(venueId),
        capacity: '12',
        ...autumnDays,
        trainer1Name: 'Tiina Kouluttaja',
        trainer1Email: 'tiina@test.example',
        trainer2Name: 'Pekka Ilman Postia',
      },
      { cookie },
    );
    expect(response.status).toBe(303);
    trainingId = Number(response.headers.get('Location')!.split('/').pop());
    expect(
      db.select().from(trainingDays).where(eq(trainingDays.trainingId, trainingId)).all(),
    ).toHaveLength(3);

    const [message, ...others] = newMessages();
    expect(others).toHaveLength(0);
    expect(message).toMatchObject({
      recipientEmail: 'tiina@test.example',
      calendarMethod: 'REQUEST',
      trainingId,
      candidateId: null,
      subject: 'Kutsu: Ohjaajakoulutus syksy 2026',
    });
    expect(message!.textBody).toContain('1. ti 20.10.2026 klo 09.00–16.00');
    expect(message!.textBody).toContain('3. to 5.11.2026 klo 12.00–15.30');
    expectPrivacyNoticeLink(message!);
    expect(calendarHead(message!.calendar)).toMatchObject({
      method: 'REQUEST',
      uids: [training().calendarUid],
      sequence: 0,
      attendees: ['mailto:tiina@test.example'],
    });
    expect(wallClockOccurrences(message!.calendar)).toEqual([
      '2026-10-20T09:00:00–16:00 Europe/Helsinki',
      '2026-10-27T09:00:00–16:00 Europe/Helsinki',
      '2026-11-05T12:00:00–15:30 Europe/Helsinki',
    ]);
    const created = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'training'), eq(auditLog.action, 'create')))
      .all();
    expect(created.map((entry) => entry.subjectId)).toEqual([trainingId]);
  });

  it('delivers the invitation through SMTP with the calendar attached', async () => {
    const [delivered, ...others] = await deliverQueuedMail(db, clock, smtp);
    expect(others).toHaveLength(0);
    expect(delivered!.envelopeTo).toEqual(['tiina@test.example']);
    const part = delivered!.attachments.find((item) => item.contentType === 'text/calendar');
    expect(part?.headers.get('content-type')).toMatchObject({ params: { method: 'REQUEST' } });
    expect(wallClockOccurrences(part!.content.toString())).toHaveLength(3);
  });

  it('lists the training with its dates, status and seats, and shows its page', async () => {
    const list = load(await (await getPage(app, '/trainings', cookie)).text());
    const row = list(`#training-${trainingId}`);
    expect(row.find('th').text()).toBe('Ohjaajakoulutus syksy 2026');
    expect(row.find('.training-status').text()).toBe('suunnitteilla');
    expect(row.find('.training-seats').text()).toBe('0/12');
    const page = load(await (await getPage(app, `/trainings/${trainingId}`, cookie)).text());
    expect(page('#training-days').parent().find('li')).toHaveLength(3);
    expect(page('#training-trainers').parent().text()).toContain('Pekka Ilman Postia');
  });

  it('sends an enrolled candidate the series and a CANCEL when they drop out', () => {
    candidateId = db
      .insert(trainingCandidates)
      .values({
        source: 'self',
        name: 'Kalle Kandidaatti',
        phone: '+358401234567',
        email: 'kalle@test.example',
        kind: 'peer',
        consentAt: clock(),
        state: 'enrolled',
        trainingId,
        queuedAt: clock(),
        createdAt: clock(),
        updatedAt: clock(),
      })
      .returning({ id: trainingCandidates.id })
      .get().id;
    immediateTransaction(db, (tx) => notifyTrainingInvitees(tx, trainingId, mail()));
    const [invitation, ...others] = newMessages();
    expect(others).toHaveLength(0);
    expect(invitation).toMatchObject({
      recipientEmail: 'kalle@test.example',
      calendarMethod: 'REQUEST',
      trainingId,
      candidateId,
    });
    expect(calendarHead(invitation!.calendar).uids).toEqual([training().calendarUid]);
    expect(wallClockOccurrences(invitation!.calendar)).toHaveLength(3);

    db.update(trainingCandidates)
      .set({ state: 'dropped' })
      .where(eq(trainingCandidates.id, candidateId))
      .run();
    immediateTransaction(db, (tx) => notifyTrainingInvitees(tx, trainingId, mail()));
    const [cancellation, ...more] = newMessages();
    expect(more).toHaveLength(0);
    expect(cancellation).toMatchObject({ recipientEmail: 'kalle@test.example', candidateId });
    expect(calendarHead(cancellation!.calendar)).toMatchObject({
      method: 'CANCEL',
      uids: [training().calendarUid],
      sequence: 1,
      status: 'CANCELLED',
    });

    db.update(trainingCandidates)
      .set({ state: 'enrolled' })
      .where(eq(trainingCandidates.id, candidateId))
      .run();
    immediateTransaction(db, (tx) => notifyTrainingInvitees(tx, trainingId, mail()));
    const [again] = newMessages();
    expect(calendarHead(again!.calendar)).toMatchObject({ method: 'REQUEST', sequence: 2 });
  });

  it('raises SEQUENCE when the days change and sends each invitee a REQUEST with the new days', async () => {
    const response = await postForm(
      app,
      `/trainings/${trainingId}/edit`,
      {
        name: 'Ohjaajakoulutus syksy 2026',
        venueId: String(venueId),
        capacity: '12',
        ...autumnDays,
        day3Date: '2026-11-12',
        day3Start: '08:30',
        day3End: '16:30',
        trainer1Name: 'Tiina Kouluttaja',
        trainer1Email: 'tiina@test.example',
      },
      { cookie },
    );
    expect(response.status).toBe(303);
    expect(training().scheduleSequence).toBe(1);
    const messages = newMessages();
    expect(messages.map((message) => message.recipientEmail).sort()).toEqual([
      'kalle@test.example',
      'tiina@test.example',
    ]);
    for (const message of messages) {
      expect(message.subject).toBe('Muutos: Ohjaajakoulutus syksy 2026');
      expect(calendarHead(message.calendar).method).toBe('REQUEST');
      expect(wallClockOccurrences(message.calendar)).toEqual([
        '2026-10-20T09:00:00–16:00 Europe/Helsinki',
        '2026-10-27T09:00:00–16:00 Europe/Helsinki',
        '2026-11-12T08:30:00–16:30 Europe/Helsinki',
      ]);
    }
    const sequences = Object.fromEntries(
      messages.map((message) => [message.recipientEmail, calendarHead(message.calendar).sequence]),
    );
    expect(sequences).toEqual({ 'tiina@test.example': 1, 'kalle@test.example': 3 });
  });

  it('moves the training on from planned to open, and not back', async () => {
    expect(
      (await postForm(app, `/trainings/${trainingId}/status`, { status: 'open' }, { cookie }))
        .status,
    ).toBe(303);
    expect(training().status).toBe('open');
    expect(
      (await postForm(app, `/trainings/${trainingId}/status`, { status: 'planned' }, { cookie }))
        .status,
    ).toBe(422);
  });

  it('asks for a reason to cancel, then sends everyone a CANCEL with it', async () => {
    const refused = await postForm(
      app,
      `/trainings/${trainingId}/cancellation`,
      { reason: ' ' },
      { cookie },
    );
    expect(refused.status).toBe(422);
    expect(training().status).toBe('open');

    const response = await postForm(
      app,
      `/trainings/${trainingId}/cancellation`,
      { reason: 'Liian vähän ilmoittautuneita' },
      { cookie },
    );
    expect(response.status).toBe(303);
    expect(training()).toMatchObject({
      status: 'cancelled',
      cancellationReason: 'Liian vähän ilmoittautuneita',
    });
    const messages = newMessages();
    expect(messages.map((message) => message.recipientEmail).sort()).toEqual([
      'kalle@test.example',
      'tiina@test.example',
    ]);
    for (const message of messages) {
      expect(calendarHead(message.calendar)).toMatchObject({
        method: 'CANCEL',
        uids: [training().calendarUid],
        status: 'CANCELLED',
      });
      expect(message.textBody).toContain('Syy: Liian vähän ilmoittautuneita');
      expectPrivacyNoticeLink(message);
    }
    const invitations = db
      .select()
      .from(trainingInvitations)
      .where(eq(trainingInvitations.trainingId, trainingId))
      .all();
    expect(invitations.every((invitation) => invitation.state === 'cancelled')).toBe(true);
    const entries = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'training'), eq(auditLog.subjectId, trainingId)))
      .all()
      .map((entry) => `${entry.action} ${entry.detail}`);
    expect(entries).toEqual([
      'create ',
      'update details and days',
      'update status open',
      'update cancelled',
    ]);
  });

  it('lets only planning staff in: an instructor gets 403, someone signed out the sign-in page', async () => {
    const instructor = await signIn(app, await aStaffUser(db, 'instructor'));
    expect((await getPage(app, '/trainings', instructor)).status).toBe(403);
    expect((await getPage(app, `/trainings/${trainingId}`, instructor)).status).toBe(403);
    expect(
      (await postForm(app, '/trainings/new', { name: 'x' }, { cookie: instructor })).status,
    ).toBe(403);
    const anonymous = await getPage(app, '/trainings');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('Location')).toBe('/sign-in?next=%2Ftrainings');
    expect((await getPage(app, '/trainings/999', cookie)).status).toBe(404);
  });
});
