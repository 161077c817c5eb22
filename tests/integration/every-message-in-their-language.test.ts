import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { enrollments, instructors, outbox, users } from '../../db/schema';
import { immediateTransaction } from '../../src/db';
import { queueFeedbackInvitationsIn } from '../../src/features/feedback/feedback-mail';
import { mailSettingsFrom } from '../../src/features/invites/invitations';
import { issuePersonalLink } from '../../src/features/outbox/personal-links';
import type { Language } from '../../src/i18n';
import { expectWrittenIn } from '../support/catalog-language';
import { readCalendar } from '../support/ical';
import { aCourseWithPeopleInEachLanguage } from '../support/people-in-languages';
import {
  aLocality,
  anInstructorWithEmailOn,
  anOpenCourse,
  aWaitingApplicant,
  enrollmentOf,
  sessionsOf,
} from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, postForm } from '../support/test-app';

/**
 * The message kinds not covered elsewhere: a moved session's update, a place from the waitlist and
 * an erasure's confirmation, the mail to the instructors of a missed session: each in the
 * recipient's own language whatever the coordinator's screen speaks — no text of another
 * language's catalog in subject, body or calendar, and every calendar read with ical.js.
 */
describe('every message kind in the person’s own language', () => {
  const { app, db, config, clock } = buildTestApp();
  let setUp: Awaited<ReturnType<typeof aCourseWithPeopleInEachLanguage>>;
  let people: typeof setUp.people = [];
  let courseId = 0;
  let coordinator = '';
  const mailTo = (email: string) => setUp.mailTo(email);

  beforeAll(async () => {
    setUp = await aCourseWithPeopleInEachLanguage(app, db);
    ({ people, courseId, coordinator } = setUp);
  });

  const expectMessageIn = (
    message: { subject: string; textBody: string; calendar: string | null },
    language: Language,
  ) => expectWrittenIn([message.subject, message.textBody, message.calendar].join('\n'), language);

  it.each([0, 1])('sends a moved session’s update in the person’s language (%i)', async (index) => {
    const person = people[index]!;
    const before = mailTo(person.email).length;
    const second = sessionsOf(db, courseId)[1]!;
    const moved = await postForm(
      app,
      `/courses/${courseId}/sessions/${second.id}/rescheduling`,
      {
        localDate: second.localDate,
        startTime: `1${3 + index}:00`,
        endTime: '15:30',
        acceptWarnings: 'on',
      },
      { cookie: coordinator },
    );
    expect(moved.status).toBe(303);
    expect(sessionsOf(db, courseId)[1]!.startTime).toBe(`1${3 + index}:00`);
    const update = mailTo(person.email).slice(before);
    expect(update).toHaveLength(1);
    const calendar = readCalendar(update[0]!.calendar!);
    expect(calendar.method).toBe('REQUEST');
    expect(Math.max(...calendar.events.map((event) => event.sequence))).toBeGreaterThan(0);
    expectMessageIn(update[0]!, person.language);
  });

  it.each([
    [0, 2],
    [1, 3],
  ])(
    'places the next on the waitlist when %i withdraws, and tells them in their language',
    async (leaving, waiting) => {
      const person = people[waiting]!;
      const before = mailTo(person.email).length;
      const withdrawn = await postForm(
        app,
        `/enrollments/${enrollmentOf(db, people[leaving]!.id, courseId).id}/withdrawal`,
        { reason: 'Muutti pois' },
        { cookie: coordinator },
      );
      expect(withdrawn.status).toBe(303);
      expect(enrollmentOf(db, person.id, courseId).state).toBe('placed');
      const placement = mailTo(person.email).slice(before);
      expect(placement.length).toBeGreaterThan(0);
      for (const message of placement) {
        if (message.calendar) expect(readCalendar(message.calendar).method).toBe('REQUEST');
        expectMessageIn(message, person.language);
      }
    },
  );

  it.each(['sv', 'en'] as const)(
    'confirms an erasure in the person’s language (%s)',
    async (language) => {
      const id = aWaitingApplicant(db, aLocality(db), {
        email: `erased.${language}@example.fi`,
        language,
      });
      const erased = await postForm(app, `/people/${id}/erasure`, {}, { cookie: coordinator });
      expect(erased.status).toBe(303);
      const notice = db.select().from(outbox).where(eq(outbox.applicationId, id)).all();
      expect(notice).toHaveLength(1);
      expectMessageIn(notice[0]!, language);
    },
  );

  it('tells each instructor of a missed session in their own language', async () => {
    const staff = [
      { email: 'sven.ohjaaja@example.fi', language: 'sv' },
      { email: 'eric.ohjaaja@example.fi', language: 'en' },
    ] as const;
    for (const member of staff) {
      const instructorId = anInstructorWithEmailOn(db, courseId, member.email);
      const user = await aStaffUser(db, 'instructor');
      db.update(users).set({ language: member.language }).where(eq(users.id, user.id)).run();
      db.update(instructors).set({ userId: user.id }).where(eq(instructors.id, instructorId)).run();
    }
    const person = people[2]!;
    const token = issuePersonalLink(db, person.id, courseId, new Date('2026-09-01T09:00:00Z'));
    const enrollment = enrollmentOf(db, person.id, courseId);
    const missed = await postForm(app, `/p/${token}/withdrawal/${enrollment.id}/missed-session`, {
      sessionId: sessionsOf(db, courseId)[2]!.id,
    });
    expect(missed.status).toBe(303);
    for (const member of staff) {
      const mail = mailTo(member.email);
      expect(mail).toHaveLength(1);
      expectMessageIn(mail[0]!, member.language);
    }
  });

  it('texts a person without e-mail of each change to their place in their language', async () => {
    const localityId = aLocality(db);
    const textCourse = anOpenCourse(db, { seats: 2, localityId });
    const texted = (['sv', 'en'] as const).map((language) => ({
      language,
      id: aWaitingApplicant(db, localityId, { email: '', language }),
    }));
    for (const person of texted) {
      const placed = await postForm(
        app,
        '/enrollments',
        { applicationId: person.id, courseId: textCourse },
        { cookie: coordinator },
      );
      expect(placed.status).toBe(303);
    }
    const second = sessionsOf(db, textCourse)[1]!;
    const moved = await postForm(
      app,
      `/courses/${textCourse}/sessions/${second.id}/rescheduling`,
      { localDate: second.localDate, startTime: '12:00', endTime: '15:30', acceptWarnings: 'on' },
      { cookie: coordinator },
    );
    expect(moved.status).toBe(303);
    const cancelled = await postForm(
      app,
      `/courses/${textCourse}/cancellation`,
      { reason: 'Liian vähän hakijoita' },
      { cookie: coordinator },
    );
    expect(cancelled.status).toBe(303);
    for (const person of texted) {
      const texts = db
        .select()
        .from(outbox)
        .where(and(eq(outbox.channel, 'sms'), eq(outbox.applicationId, person.id)))
        .all();
      expect(texts).toHaveLength(3);
      for (const text of texts) expectWrittenIn(text.textBody, person.language);
    }
  });

  it('thanks the participants and asks for feedback at the course end in their language', () => {
    const before = people.slice(2).map((person) => mailTo(person.email).length);
    // The course has ended for them: the closing marks a placed person completed.
    for (const person of people.slice(2)) {
      db.update(enrollments)
        .set({ state: 'completed' })
        .where(eq(enrollments.id, enrollmentOf(db, person.id, courseId).id))
        .run();
    }
    immediateTransaction(db, (tx) =>
      queueFeedbackInvitationsIn(tx, courseId, { ...mailSettingsFrom(config), now: clock() }),
    );
    for (const [index, person] of people.slice(2).entries()) {
      expect(mailTo(person.email)).toHaveLength(before[index]! + 1);
      const thanks = mailTo(person.email).at(-1)!;
      expect(thanks.textBody).toContain('/p/');
      expectMessageIn(thanks, person.language);
    }
  });
});
