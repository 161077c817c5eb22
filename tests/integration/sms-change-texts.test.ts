import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications, courseSessions, courses, enrollments, outbox } from '../../db/schema';
import { immediateTransaction, type AppDatabase } from '../../src/db';
import {
  mailSettingsFrom,
  notifyCourseInvitees,
  type CourseChange,
} from '../../src/features/invites/invitations';
import { smsLength } from '../../src/features/texts/sms-rules';
import {
  aLocality,
  anOpenCourse,
  aWaitingApplicant,
  sessionsOf,
} from '../support/planning-fixtures';
import { freshDatabase, testConfig } from '../support/test-app';

const now = new Date('2026-09-15T09:00:00Z');

function textsTo(db: AppDatabase, applicationId: number) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.channel, 'sms'), eq(outbox.applicationId, applicationId)))
    .orderBy(outbox.id)
    .all()
    .map((row) => row.textBody);
}

function notify(db: AppDatabase, courseId: number, change: CourseChange) {
  immediateTransaction(db, (tx) =>
    notifyCourseInvitees(tx, courseId, change, { ...mailSettingsFrom(testConfig()), now }),
  );
}

function aPlacedPerson(
  db: AppDatabase,
  courseId: number,
  localityId: number,
  person: { email: string; language?: 'fi' | 'sv' | 'en'; phone?: string },
) {
  const id = aWaitingApplicant(db, localityId, { email: person.email, language: person.language });
  if (person.phone !== undefined) {
    db.update(applications).set({ phone: person.phone }).where(eq(applications.id, id)).run();
  }
  db.insert(enrollments)
    .values({
      courseId,
      applicationId: id,
      state: 'placed',
      queuedAt: now,
      placedAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .run();
  return id;
}

describe('texts about a place for people without e-mail', () => {
  it('texts placed, moved and cancelled in the person’s language; never to those with e-mail', () => {
    const db = freshDatabase();
    const localityId = aLocality(db, 'Lapua');
    const courseId = anOpenCourse(db, { seats: 6, localityId });
    const finn = aPlacedPerson(db, courseId, localityId, { email: '' });
    const swede = aPlacedPerson(db, courseId, localityId, { email: '', language: 'sv' });
    const withMail = aPlacedPerson(db, courseId, localityId, { email: 'a@example.fi' });
    const landline = aPlacedPerson(db, courseId, localityId, { email: '', phone: '+35862123456' });

    notify(db, courseId, { kind: 'planned' });
    expect(textsTo(db, finn)).toEqual([
      expect.stringMatching(
        /^Arkeen Voimaa \d+: sinulle on paikka kurssilla\. Ensimmäinen kerta ti 6\.10\. klo 17\.00, Lapua\.$/,
      ),
    ]);
    expect(textsTo(db, swede)).toEqual([
      expect.stringMatching(
        /: du har fått en plats på kursen\. Första träffen tis 6\.10\. kl\. 17\.00, Lapua\.$/,
      ),
    ]);

    // The first session moves a day later.
    const [first] = sessionsOf(db, courseId);
    db.update(courseSessions)
      .set({ localDate: '2026-10-07', startsAt: new Date(first!.startsAt.getTime() + 86_400_000) })
      .where(eq(courseSessions.id, first!.id))
      .run();
    db.update(courses).set({ scheduleSequence: 1 }).where(eq(courses.id, courseId)).run();
    notify(db, courseId, { kind: 'changed', notes: [] });
    expect(textsTo(db, finn)[1]).toMatch(
      /kurssin aika muuttui\. Seuraava kerta ke 7\.10\. klo 17\.00, Lapua\.$/,
    );

    db.update(courses).set({ status: 'cancelled' }).where(eq(courses.id, courseId)).run();
    notify(db, courseId, { kind: 'cancelled', reason: 'Liian vähän osallistujia' });
    expect(textsTo(db, finn)[2]).toMatch(
      /^Arkeen Voimaa \d+, Lapua: paikkasi kurssilla on peruttu\.$/,
    );
    expect(textsTo(db, swede)[2]).toMatch(/, Lapua: du har inte längre en plats på kursen\.$/);

    expect(textsTo(db, withMail)).toEqual([]);
    expect(textsTo(db, landline)).toEqual([]);
    for (const text of [...textsTo(db, finn), ...textsTo(db, swede)]) {
      expect(smsLength(text)).toMatchObject({ encoding: 'gsm7', segments: 1 });
    }
  });
});
