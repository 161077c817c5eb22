import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications, auditLog, outbox } from '../../db/schema';
import type { AppDatabase } from '../../src/db';
import { createParticipantLink } from '../../src/features/outbox/personal-links';
import { queueDueReminders } from '../../src/features/texts/reminders';
import { aRunningCourse } from '../support/attendance-fixtures';
import { buildTestApp, getPage, postForm, signInEveryRole } from '../support/test-app';

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

function setUp() {
  const { app, db, clock } = buildTestApp();
  clock.setTo(reminderTimePassed);
  const { people } = aRunningCourse(db, { participants: 2 });
  const [aino, other] = people.map((person) => person.applicationId) as [number, number];
  const token = createParticipantLink(db, aino, new Date('2027-01-01T00:00:00Z'), clock());
  queueDueReminders(db, { now: clock(), reminderTime: '12:00', domain: 'kurssipolku.test' });
  return { app, db, aino, other, token };
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
    const audited = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'application'), eq(auditLog.subjectId, aino)))
      .all()
      .map((entry) => [entry.action, entry.detail]);
    expect(audited).toContainEqual(['update', 'reminders stopped']);

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
