import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../../db/schema';
import type { Language } from '../../src/i18n';
import { expectWrittenIn } from '../support/catalog-language';
import {
  aLocality,
  anInstructorWithEmailOn,
  anOpenCourse,
  aWaitingApplicant,
  enrollmentOf,
} from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, postForm, signIn } from '../support/test-app';

/**
 * Every kind of message a participant gets through a course's life — the invitation, the course's
 * cancellation, the notice to those on the waitlist — in the person's own language, whatever the
 * coordinator's screen speaks: no text of another language's catalog in subject, body or calendar.
 */
describe("a participant's messages in their own language", () => {
  const { app, db } = buildTestApp();
  const people: { email: string; language: Language; id: number }[] = [
    { email: 'sara.placed@example.fi', language: 'sv', id: 0 },
    { email: 'emma.placed@example.fi', language: 'en', id: 0 },
    { email: 'sune.waiting@example.fi', language: 'sv', id: 0 },
    { email: 'ella.waiting@example.fi', language: 'en', id: 0 },
  ];
  let courseId = 0;

  beforeAll(async () => {
    const coordinator = await signIn(app, await aStaffUser(db, 'coordinator'));
    const localityId = aLocality(db);
    courseId = anOpenCourse(db, { seats: 2, localityId });
    anInstructorWithEmailOn(db, courseId, 'ohjaaja@example.fi');
    for (const person of people) {
      person.id = aWaitingApplicant(db, localityId, {
        email: person.email,
        language: person.language,
      });
      const placed = await postForm(
        app,
        '/enrollments',
        { applicationId: person.id, courseId },
        { cookie: coordinator },
      );
      expect(placed.status).toBe(303);
    }
    expect(enrollmentOf(db, people[2]!.id, courseId).state).toBe('waitlisted');
    const cancelled = await postForm(
      app,
      `/courses/${courseId}/cancellation`,
      { reason: 'Liian vähän hakijoita' },
      { cookie: coordinator },
    );
    expect(cancelled.status).toBe(303);
  });

  const mailTo = (email: string) =>
    db.select().from(outbox).where(eq(outbox.recipientEmail, email)).all();

  it.each([0, 1])('invites and then cancels a placed person in their language (%i)', (index) => {
    const person = people[index]!;
    const mail = mailTo(person.email);
    expect(mail.map((message) => message.calendarMethod)).toEqual(['REQUEST', 'CANCEL']);
    for (const message of mail) {
      expectWrittenIn(
        [message.subject, message.textBody, message.calendar].join('\n'),
        person.language,
      );
    }
  });

  it.each([2, 3])(
    'tells a person on the waitlist of the cancellation in their language (%i)',
    (index) => {
      const person = people[index]!;
      const mail = mailTo(person.email);
      expect(mail).toHaveLength(1);
      expectWrittenIn([mail[0]!.subject, mail[0]!.textBody].join('\n'), person.language);
    },
  );

  it('writes the same kind of message differently per language', () => {
    const subjects = people.slice(0, 2).map((person) => mailTo(person.email)[0]!.subject);
    expect(new Set(subjects).size).toBe(2);
  });
});
