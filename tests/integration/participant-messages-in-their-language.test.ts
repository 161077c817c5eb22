import { beforeAll, describe, expect, it } from 'vitest';
import { expectWrittenIn } from '../support/catalog-language';
import { aCourseWithPeopleInEachLanguage } from '../support/people-in-languages';
import { buildTestApp, postForm } from '../support/test-app';

/**
 * Every kind of message a participant gets through a course's life — the invitation, the course's
 * cancellation, the notice to those on the waitlist — in the person's own language, whatever the
 * coordinator's screen speaks: no text of another language's catalog in subject, body or calendar.
 */
describe("a participant's messages in their own language", () => {
  const { app, db } = buildTestApp();
  let setUp: Awaited<ReturnType<typeof aCourseWithPeopleInEachLanguage>>;
  let people: typeof setUp.people = [];
  const mailTo = (email: string) => setUp.mailTo(email);

  beforeAll(async () => {
    setUp = await aCourseWithPeopleInEachLanguage(app, db);
    people = setUp.people;
    const cancelled = await postForm(
      app,
      `/courses/${setUp.courseId}/cancellation`,
      { reason: 'Liian vähän hakijoita' },
      { cookie: setUp.coordinator },
    );
    expect(cancelled.status).toBe(303);
  });

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
