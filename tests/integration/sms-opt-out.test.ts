import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications, auditLog, instructors, outbox } from '../../db/schema';
import type { AppDatabase } from '../../src/db';
import { createParticipantLink } from '../../src/features/outbox/personal-links';
import { queueDueReminders } from '../../src/features/texts/reminders';
import { aRunningCourse } from '../support/attendance-fixtures';
import { anInstructor } from '../support/planning-fixtures';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  postForm,
  signIn,
  signInEveryRole,
} from '../support/test-app';

const reminderTimePassed = new Date('2026-10-05T09:05:00Z');

function remindersFor(db: AppDatabase, applicationId: number) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.channel, 'sms'), eq(outbox.applicationId, applicationId)))
    .all();
}

const stoppedAt = (db: AppDatabase, id: number) =>
  db.select().from(applications).where(eq(applications.id, id)).get()!.remindersStoppedAt;

const auditedFor = (db: AppDatabase, id: number) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'application'), eq(auditLog.subjectId, id)))
    .all()
    .map((entry) => [entry.action, entry.detail]);

function setUp() {
  const { app, db, clock } = buildTestApp();
  clock.setTo(reminderTimePassed);
  const { people } = aRunningCourse(db, { participants: 2 });
  const [aino, other] = people.map((person) => person.applicationId) as [number, number];
  const token = createParticipantLink(db, aino, new Date('2027-01-01T00:00:00Z'), clock());
  queueDueReminders(db, { now: clock(), reminderTime: '12:00', domain: 'kurssipolku.test' });
  return { app, db, clock, aino, other, token };
}

/** The same person with their call open, assigned to an instructor who can sign in. */
async function withOpenCall() {
  const opened = setUp();
  const { app, db, aino } = opened;
  const instructorUser = await aStaffUser(db, 'instructor');
  const instructorId = anInstructor(db);
  db.update(instructors)
    .set({ userId: instructorUser.id })
    .where(eq(instructors.id, instructorId))
    .run();
  db.update(applications)
    .set({ state: 'to-call', assignedInstructorId: instructorId })
    .where(eq(applications.id, aino))
    .run();
  const cookies = {
    coordinator: await signIn(app, await aStaffUser(db, 'coordinator')),
    instructor: await signIn(app, instructorUser),
    reporting: await signIn(app, await aStaffUser(db, 'reporting')),
  };
  return { ...opened, cookies };
}

describe('stopping reminder texts on the personal link', () => {
  it('stops them with one button and drops the reminder already queued, not others’', async () => {
    const { app, db, aino, other, token } = setUp();
    expect(remindersFor(db, aino)).toHaveLength(1);

    const page = load(await (await getPage(app, `/p/${token}`)).text());
    const form = page('#reminder-choice form');
    expect(form.attr('action')).toBe(`/p/${token}/reminders`);
    expect(form.find('button').text()).toBe('Lopeta muistutusviestit');

    const response = await postForm(app, `/p/${token}/reminders`, { stopped: 'yes' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/p/${token}`);
    expect(stoppedAt(db, aino)).toEqual(reminderTimePassed);
    expect(remindersFor(db, aino)).toHaveLength(0);
    expect(remindersFor(db, other)).toHaveLength(1);

    // The job runs again: nothing new for the person who said stop.
    queueDueReminders(db, {
      now: new Date(reminderTimePassed.getTime() + 5 * 60_000),
      reminderTime: '12:00',
      domain: 'kurssipolku.test',
    });
    expect(remindersFor(db, aino)).toHaveLength(0);

    const after = load(await (await getPage(app, `/p/${token}`)).text());
    expect(after('#reminder-choice p').text()).toContain('Olet lopettanut muistutusviestit');
    expect(after('#reminder-choice button').text()).toBe('Ota muistutusviestit käyttöön');
  });

  it('turns them back on', async () => {
    const { app, db, aino, token } = setUp();
    await postForm(app, `/p/${token}/reminders`, { stopped: 'yes' });

    const response = await postForm(app, `/p/${token}/reminders`, { stopped: 'no' });
    expect(response.status).toBe(303);
    expect(stoppedAt(db, aino)).toBeNull();
  });

  it('refuses an unknown choice and changes nothing', async () => {
    const { app, db, aino, token } = setUp();
    const response = await postForm(app, `/p/${token}/reminders`, { stopped: 'maybe' });
    expect(response.status).toBe(422);
    expect(stoppedAt(db, aino)).toBeNull();
    expect(remindersFor(db, aino)).toHaveLength(1);
  });

  it('answers an unknown link with 404 and changes nothing', async () => {
    const { app, db, aino } = setUp();
    const response = await postForm(app, '/p/not-a-real-token/reminders', { stopped: 'yes' });
    expect(response.status).toBe(404);
    expect(stoppedAt(db, aino)).toBeNull();
  });

  it('offers no reminder choice to a person with a landline only', async () => {
    const { app, db, aino, token } = setUp();
    db.update(applications).set({ phone: '+35862123456' }).where(eq(applications.id, aino)).run();
    const page = load(await (await getPage(app, `/p/${token}`)).text());
    expect(page('#reminder-choice')).toHaveLength(0);
  });
});

describe('staff stopping reminder texts for a person', () => {
  it('lets a coordinator stop and restart them on the person page, audited', async () => {
    const { app, db, aino, other } = setUp();
    const roles = await signInEveryRole({ app, db });

    const page = load(await (await getPage(app, `/people/${aino}`, roles.coordinator)).text());
    expect(page('#reminder-choice form').attr('action')).toBe(`/people/${aino}/reminders`);

    const stop = await postForm(
      app,
      `/people/${aino}/reminders`,
      { stopped: 'yes' },
      { cookie: roles.coordinator },
    );
    expect(stop.status).toBe(303);
    expect(stop.headers.get('location')).toBe(`/people/${aino}`);
    expect(stoppedAt(db, aino)).not.toBeNull();
    expect(remindersFor(db, aino)).toHaveLength(0);
    expect(remindersFor(db, other)).toHaveLength(1);
    expect(auditedFor(db, aino)).toContainEqual(['update', 'reminders stopped']);

    await postForm(
      app,
      `/people/${aino}/reminders`,
      { stopped: 'no' },
      { cookie: roles.coordinator },
    );
    expect(stoppedAt(db, aino)).toBeNull();
  });

  it('refuses instructors and reporting staff, and an unknown person', async () => {
    const { app, db, aino } = setUp();
    const roles = await signInEveryRole({ app, db });
    for (const role of ['instructor', 'reporting'] as const) {
      const response = await postForm(
        app,
        `/people/${aino}/reminders`,
        { stopped: 'yes' },
        { cookie: roles[role] },
      );
      expect(response.status).toBe(403);
    }
    const unknown = await postForm(
      app,
      '/people/999999/reminders',
      { stopped: 'yes' },
      { cookie: roles.coordinator },
    );
    expect(unknown.status).toBe(404);
    expect(stoppedAt(db, aino)).toBeNull();
  });
});

describe('stopping reminder texts from the call record', () => {
  it('offers the one button on the interview page, stops and drops queued reminders, returns there', async () => {
    const { app, db, aino, other, cookies } = await withOpenCall();
    expect(remindersFor(db, aino)).toHaveLength(1);

    const page = load(
      await (await getPage(app, `/applications/${aino}/interview`, cookies.coordinator)).text(),
    );
    const form = page('#interview-page #reminder-choice form');
    expect(form.attr('action')).toBe(`/applications/${aino}/reminders`);
    expect(form.find('button').text()).toBe('Lopeta muistutusviestit');

    const stop = await postForm(
      app,
      `/applications/${aino}/reminders`,
      { stopped: 'yes' },
      { cookie: cookies.coordinator },
    );
    expect(stop.status).toBe(303);
    expect(stop.headers.get('location')).toBe(`/applications/${aino}/interview`);
    expect(stoppedAt(db, aino)).toEqual(reminderTimePassed);
    expect(remindersFor(db, aino)).toHaveLength(0);
    expect(remindersFor(db, other)).toHaveLength(1);
    expect(auditedFor(db, aino)).toContainEqual(['update', 'reminders stopped']);

    const after = await getPage(
      app,
      `/applications/${aino}/interview`,
      cookiesFrom(stop, cookies.coordinator),
    );
    const $ = load(await after.text());
    expect($('#reminder-choice p').text()).toContain('Olet lopettanut muistutusviestit');
    expect($('#reminder-choice button').text()).toBe('Ota muistutusviestit käyttöön');
    expect($.text()).toContain('Muistutusviestit on lopetettu');
  });

  it('hides the button from the assigned instructor and refuses their post and reporting’s', async () => {
    const { app, db, aino, cookies } = await withOpenCall();
    const page = await getPage(app, `/applications/${aino}/interview`, cookies.instructor);
    expect(page.status).toBe(200);
    const $ = load(await page.text());
    expect($('#interview-page')).toHaveLength(1);
    expect($('#reminder-choice')).toHaveLength(0);
    for (const cookie of [cookies.instructor, cookies.reporting]) {
      const response = await postForm(
        app,
        `/applications/${aino}/reminders`,
        { stopped: 'yes' },
        { cookie },
      );
      expect(response.status).toBe(403);
    }
    expect(stoppedAt(db, aino)).toBeNull();
    expect(remindersFor(db, aino)).toHaveLength(1);
  });

  it('shows no button for a person with a landline only', async () => {
    const { app, db, aino, cookies } = await withOpenCall();
    db.update(applications).set({ phone: '+35862123456' }).where(eq(applications.id, aino)).run();
    const page = await getPage(app, `/applications/${aino}/interview`, cookies.coordinator);
    expect(load(await page.text())('#reminder-choice')).toHaveLength(0);
  });
});
