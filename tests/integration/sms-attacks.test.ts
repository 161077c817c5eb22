import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications, auditLog, outbox } from '../../db/schema';
import { maxRequestBodyBytes } from '../../src/app';
import { createParticipantLink } from '../../src/features/outbox/personal-links';
import { queueDueReminders } from '../../src/features/texts/reminders';
import { aRunningCourse } from '../support/attendance-fixtures';
import { buildTestApp, getPage, postForm, signInEveryRole, testOrigin } from '../support/test-app';
import { failOnUnexpectedErrors } from '../support/unexpected-errors';

/** The text-message routes attacked: every role, cross-site, oversized, odd and repeated posts. */

failOnUnexpectedErrors();

const reminderTimePassed = new Date('2026-10-05T09:05:00Z');

function setUp() {
  const setup = buildTestApp();
  setup.clock.setTo(reminderTimePassed);
  const { people } = aRunningCourse(setup.db, { participants: 2 });
  const [aino] = people.map((person) => person.applicationId) as [number];
  const token = createParticipantLink(
    setup.db,
    aino,
    new Date('2027-01-01T00:00:00Z'),
    setup.clock(),
  );
  return { ...setup, aino, token };
}

const remindersOf = (db: ReturnType<typeof setUp>['db'], applicationId: number) =>
  db
    .select({ count: sql<number>`count(*)` })
    .from(outbox)
    .where(and(eq(outbox.channel, 'sms'), eq(outbox.applicationId, applicationId)))
    .get()!.count;

describe('attacks on the text-message routes', () => {
  it('shows the outgoing texts only to planning staff; anonymous is sent to sign in', async () => {
    const { app, db } = setUp();
    const cookies = await signInEveryRole({ app, db });
    expect((await getPage(app, '/texts', cookies.coordinator)).status).toBe(200);
    expect((await getPage(app, '/texts', cookies.admin)).status).toBe(200);
    expect((await getPage(app, '/texts', cookies.instructor)).status).toBe(403);
    expect((await getPage(app, '/texts', cookies.reporting)).status).toBe(403);
    const anonymous = await getPage(app, '/texts');
    expect(anonymous.headers.get('Location') ?? '').toMatch(/^\/sign-in/);
    for (const after of ['0', '-1', 'abc', '99999999999999999999', '1e3']) {
      expect((await getPage(app, `/texts?after=${after}`, cookies.coordinator)).status).toBe(200);
    }
  });

  it('stops reminders once, whatever 100 identical posts at once, and queues none after', async () => {
    const { app, db, clock, aino, token } = setUp();
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => postForm(app, `/p/${token}/reminders`, { stopped: 'yes' })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(100).fill(303));
    queueDueReminders(db, { now: clock(), reminderTime: '12:00', domain: 'kurssipolku.test' });
    expect(remindersOf(db, aino)).toBe(0);
    expect(
      db.select().from(applications).where(eq(applications.id, aino)).get()!.remindersStoppedAt,
    ).toEqual(reminderTimePassed);
  });

  it('refuses cross-site posts, a 10 MB body and JSON, and changes nothing', async () => {
    const { app, db, aino, token } = setUp();
    const cookies = await signInEveryRole({ app, db });
    const post = (path: string, headers: Record<string, string>, body: string) =>
      app.request(path, { method: 'POST', headers, body });
    const form = 'application/x-www-form-urlencoded';
    for (const path of [`/p/${token}/reminders`, `/people/${aino}/reminders`]) {
      const crossSite = await post(
        path,
        { 'Content-Type': form, Origin: 'https://evil.example', Cookie: cookies.coordinator },
        'stopped=yes',
      );
      expect(crossSite.status, path).toBe(403);
      const huge = await post(
        path,
        { 'Content-Type': form, Origin: testOrigin, Cookie: cookies.coordinator },
        `stopped=${'y'.repeat(maxRequestBodyBytes + 10 * 1024 * 1024)}`,
      );
      expect(huge.status, path).toBe(413);
      const json = await post(
        path,
        { 'Content-Type': 'application/json', Origin: testOrigin, Cookie: cookies.coordinator },
        '{"stopped":"yes"}',
      );
      expect(json.status, path).toBe(415);
    }
    expect(
      db.select().from(applications).where(eq(applications.id, aino)).get()!.remindersStoppedAt,
    ).toBeNull();
  });

  it('answers odd values and odd people without a 500, and audits only real changes', async () => {
    const { app, db, aino, token } = setUp();
    const cookies = await signInEveryRole({ app, db });
    for (const stopped of ['', 'YES', 'true', '1', '<b>yes</b>']) {
      expect((await postForm(app, `/p/${token}/reminders`, { stopped })).status).toBe(422);
      const staff = await postForm(
        app,
        `/people/${aino}/reminders`,
        { stopped },
        { cookie: cookies.coordinator },
      );
      expect(staff.status).toBe(422);
    }
    for (const id of ['0', '99999', '99999999999999999999', 'abc']) {
      const response = await postForm(
        app,
        `/people/${id}/reminders`,
        { stopped: 'yes' },
        { cookie: cookies.coordinator },
      );
      expect(response.status, id).toBe(404);
    }
    const audited = db
      .select({ count: sql<number>`count(*)` })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'application'), eq(auditLog.action, 'update')))
      .get()!.count;
    expect(audited).toBe(0);
  });

  it("lists a person's texts in their data export, with the number they went to", async () => {
    const { app, db, clock, aino } = setUp();
    const cookies = await signInEveryRole({ app, db });
    queueDueReminders(db, { now: clock(), reminderTime: '12:00', domain: 'kurssipolku.test' });
    const phone = db.select().from(applications).where(eq(applications.id, aino)).get()!.phone;
    const file = await getPage(app, `/people/${aino}/export.json`, cookies.coordinator);
    expect(file.status).toBe(200);
    const data = (await file.json()) as {
      applications: { id: number; messages: { channel: string; recipientPhone: string }[] }[];
    };
    const own = data.applications.find((application) => application.id === aino)!;
    expect(own.messages).toContainEqual(
      expect.objectContaining({ channel: 'sms', recipientPhone: phone }),
    );
  });
});
