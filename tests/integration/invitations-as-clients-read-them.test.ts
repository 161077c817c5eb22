import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courses, enrollments } from '../../db/schema';
import { createCourse } from '../../src/features/courses/course-changes';
import { mailSettingsFrom } from '../../src/features/invites/invitations';
import { nextSequenceFor } from '../../src/features/invites/invitation-rules';
import { generateSessions } from '../../src/features/courses/schedule';
import { programDefaults } from '../../src/features/programs/program-input';
import { readCalendar } from '../support/ical';
import {
  aLocality,
  anAutumnTerm,
  anOpenCourse,
  aProgramOfSize,
  aWaitingApplicant,
} from '../support/planning-fixtures';
import { deliverQueuedMail, startTestSmtpServer, type CapturedMail } from '../support/smtp-server';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  freshDatabase,
  getPage,
  postForm,
  testConfig,
} from '../support/test-app';

const publicUrl = 'https://kurssipolku.hyvinvointialue.example';
const domainName = /@[a-z0-9-]+(\.[a-z0-9-]+)+>?$/;

function calendarPartsOf(mail: CapturedMail) {
  return mail.attachments.filter(
    (part) => part.contentType === 'text/calendar' || part.contentType === 'application/ics',
  );
}

describe('invitations as calendar clients read them', () => {
  const { app, db, clock } = buildTestApp({ config: testConfig({ PUBLIC_URL: publicUrl }) });
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let cookie = '';

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    const coordinator = await aStaffUser(db, 'coordinator');
    const signedIn = await postForm(
      app,
      '/sign-in',
      { email: coordinator.email, password: coordinator.password },
      { origin: publicUrl },
    );
    cookie = cookiesFrom(signedIn);
  });
  afterAll(() => smtp.close());

  const post = (path: string, fields: Record<string, string | number>) =>
    postForm(app, path, fields, { cookie, origin: publicUrl });

  it('raises SEQUENCE on every message to a person: withdrawn, placed again, course cancelled', async () => {
    const courseId = anOpenCourse(db, { seats: 3 });
    const applicationId = aWaitingApplicant(db, aLocality(db), { email: 'aino@example.fi' });
    const place = () => post('/enrollments', { applicationId, courseId });
    expect((await place()).status).toBe(303);
    const enrollment = db
      .select()
      .from(enrollments)
      .where(eq(enrollments.applicationId, applicationId))
      .get()!;
    expect(
      (await post(`/enrollments/${enrollment.id}/withdrawal`, { reason: 'Sairastui' })).status,
    ).toBe(303);
    expect((await place()).status).toBe(303);
    expect(
      (await post(`/courses/${courseId}/cancellation`, { reason: 'Liian vähän' })).status,
    ).toBe(303);

    const mails = (await deliverQueuedMail(db, clock, smtp)).filter((mail) =>
      mail.envelopeTo.includes('aino@example.fi'),
    );
    expect(mails).toHaveLength(4);
    const read = mails
      .map((mail) => {
        expect(mail.envelopeTo).toEqual(['aino@example.fi']);
        const parts = calendarPartsOf(mail);
        expect(parts.length).toBeGreaterThan(0);
        expect(parts.length).toBeLessThanOrEqual(2);
        const inline = parts.find((part) => part.filename !== 'kurssi.ics')!;
        const headerMethod = (
          inline.headers.get('content-type') as { params: Record<string, string> }
        ).params.method;
        const calendar = readCalendar(inline.content.toString());
        expect(calendar.method).toBe(headerMethod);
        expect(mail.messageId).toMatch(domainName);
        return { calendar, messageId: mail.messageId! };
      })
      // Sent in parallel, they may arrive in any order: a client orders them by SEQUENCE alone.
      .sort((a, b) => a.calendar.events[0]!.sequence - b.calendar.events[0]!.sequence);
    expect(read.map(({ calendar }) => calendar.method)).toEqual([
      'REQUEST',
      'CANCEL',
      'REQUEST',
      'CANCEL',
    ]);
    const sequences = read.map(({ calendar }) => calendar.events[0]!.sequence);
    expect(new Set(sequences).size).toBe(4);
    const uids = new Set(read.map(({ calendar }) => calendar.events[0]!.uid));
    expect(uids.size).toBe(1);
    expect([...uids][0]).toMatch(domainName);
  });

  it('marks every event of a cancelled course’s download cancelled', async () => {
    const courseId = anOpenCourse(db, { seats: 2 });
    await post(`/courses/${courseId}/cancellation`, { reason: 'Tila ei käytössä' });
    const download = await getPage(app, `/courses/${courseId}/calendar.ics`, cookie);
    expect(download.status).toBe(200);
    const { method, events } = readCalendar(await download.text());
    expect(method).toBe('PUBLISH');
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.status === 'CANCELLED')).toBe(true);
  });
});

describe('calendar UIDs across installations', () => {
  it('gives the same course in two installations different UIDs, each with its host name', async () => {
    const uidIn = async (url: string) => {
      const db = freshDatabase();
      const actor = await aStaffUser(db, 'coordinator');
      const { sessions } = generateSessions({
        firstDate: '2026-10-06',
        startTime: '17:00',
        plan: programDefaults,
        blockedPeriods: [],
      });
      const courseId = createCourse(
        db,
        {
          termId: anAutumnTerm(db),
          programId: aProgramOfSize(db, { minParticipants: 1, maxParticipants: 8 }),
          localityId: aLocality(db),
          venueId: null,
          audience: 'open',
          targetService: '',
          goNoGoDate: '2026-09-29',
          weeklyStartTime: '17:00',
          instructorIds: [],
        },
        sessions,
        {
          actor,
          mail: { ...mailSettingsFrom(testConfig({ PUBLIC_URL: url })), now: new Date() },
        },
      );
      return db.select().from(courses).where(eq(courses.id, courseId)).get()!.calendarUid;
    };
    const seinajoki = await uidIn('https://kurssit.epshp.example');
    const oulu = await uidIn('https://kurssit.pohde.example');
    expect(seinajoki).not.toBe(oulu);
    expect(seinajoki).toMatch(/^course-[0-9a-f]{24}@kurssit\.epshp\.example$/);
    expect(oulu).toMatch(/@kurssit\.pohde\.example$/);
  });
});

describe('the SEQUENCE a person is sent', () => {
  it('starts at the course’s and is always above the last one that person got', () => {
    expect(nextSequenceFor(0, null)).toBe(0);
    expect(nextSequenceFor(3, null)).toBe(3);
    expect(nextSequenceFor(1, 1)).toBe(2);
    expect(nextSequenceFor(1, 4)).toBe(5);
    expect(nextSequenceFor(7, 4)).toBe(7);
  });
});
