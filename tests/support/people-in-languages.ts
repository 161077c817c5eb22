import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { outbox } from '../../db/schema';
import type { AppDatabase } from '../../src/db';
import type { Language } from '../../src/i18n';
import {
  aLocality,
  anInstructorWithEmailOn,
  anOpenCourse,
  aWaitingApplicant,
  enrollmentOf,
} from './planning-fixtures';
import { aStaffUser, postForm, signIn, type TestApp } from './test-app';

/**
 * A two-seat course with four people placed through the app by a Finnish-speaking coordinator:
 * a Swedish and an English speaker get the seats, the next two (sv, en) wait on its waitlist.
 */
export async function aCourseWithPeopleInEachLanguage(app: TestApp, db: AppDatabase) {
  const people: { email: string; language: Language; id: number }[] = [
    { email: 'sara.placed@example.fi', language: 'sv', id: 0 },
    { email: 'emma.placed@example.fi', language: 'en', id: 0 },
    { email: 'sune.waiting@example.fi', language: 'sv', id: 0 },
    { email: 'ella.waiting@example.fi', language: 'en', id: 0 },
  ];
  const coordinator = await signIn(app, await aStaffUser(db, 'coordinator'));
  const localityId = aLocality(db);
  const courseId = anOpenCourse(db, { seats: 2, localityId });
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
  const mailTo = (email: string) =>
    db.select().from(outbox).where(eq(outbox.recipientEmail, email)).all();
  return { people, courseId, coordinator, mailTo };
}
