import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  applications,
  courseSessions,
  courses,
  enrollments,
  outbox,
  programs,
  venues,
} from '../../db/schema';
import { openDatabase, type AppDatabase } from '../../src/db';
import { queueDueReminders } from '../../src/features/texts/reminders';
import { smsLength } from '../../src/features/texts/sms-rules';
import { aRunningCourse } from '../support/attendance-fixtures';
import { aVenue, sessionsOf } from '../support/planning-fixtures';
import { freshDatabase } from '../support/test-app';

// The first session is on Tue 6 Oct 2026 at 17:00; its reminders are due Mon 5 Oct at 12:00
// Helsinki (summer time, 09:00 UTC).
const beforeReminderTime = new Date('2026-10-05T08:59:00Z');
const afterReminderTime = new Date('2026-10-05T09:05:00Z');
const domain = 'kurssipolku.test';
const queueAt = (db: AppDatabase, now: Date) =>
  queueDueReminders(db, { now, reminderTime: '12:00', domain });

function reminders(db: AppDatabase) {
  return db.select().from(outbox).where(eq(outbox.channel, 'sms')).all();
}

function aCourseWithVenue(db: AppDatabase, participants = 3) {
  const course = aRunningCourse(db, { participants });
  const localityId = db
    .select({ localityId: courses.localityId })
    .from(courses)
    .where(eq(courses.id, course.courseId))
    .get()!.localityId;
  const venueId = aVenue(db, localityId);
  db.update(courses).set({ venueId }).where(eq(courses.id, course.courseId)).run();
  return course;
}

function setPerson(db: AppDatabase, id: number, values: Partial<typeof applications.$inferInsert>) {
  db.update(applications).set(values).where(eq(applications.id, id)).run();
}

describe('reminder texts the day before a session', () => {
  it('queues one text per placed person once the reminder time has passed, in Finnish', () => {
    const db = freshDatabase();
    const { courseId, people } = aCourseWithVenue(db);
    const [first] = sessionsOf(db, courseId);

    expect(queueAt(db, beforeReminderTime)).toBe(0);
    expect(reminders(db)).toHaveLength(0);

    expect(queueAt(db, afterReminderTime)).toBe(3);
    const queued = reminders(db);
    expect(queued.map((row) => row.applicationId).sort()).toEqual(
      people.map((person) => person.applicationId).sort(),
    );
    for (const row of queued) {
      expect(row.state).toBe('queued');
      expect(row.reminderSessionId).toBe(first!.id);
      expect(row.recipientPhone).toMatch(/^\+35840/);
      expect(row.recipientEmail).toBe('');
      expect(row.textBody).toMatch(
        /^Muistutus: Arkeen Voimaa \d+ huomenna ti 6\.10\. klo 17\.00, Tila \d+\. Tervetuloa!$/,
      );
    }
  });

  it('queues nothing twice: a re-run, or a second connection, adds no text', () => {
    const db = freshDatabase();
    aCourseWithVenue(db);
    const other = openDatabase(db.$client.name);
    try {
      expect(queueAt(db, afterReminderTime)).toBe(3);
      expect(queueAt(db, afterReminderTime)).toBe(0);
      expect(queueAt(other, new Date(afterReminderTime.getTime() + 60_000))).toBe(0);
    } finally {
      other.$client.close();
    }
    expect(reminders(db)).toHaveLength(3);
  });

  it('writes in the person’s own language, Swedish or English', () => {
    const db = freshDatabase();
    const { people } = aCourseWithVenue(db, 2);
    setPerson(db, people[0]!.applicationId, { language: 'sv' });
    setPerson(db, people[1]!.applicationId, { language: 'en' });

    queueAt(db, afterReminderTime);

    const byPerson = new Map(reminders(db).map((row) => [row.applicationId, row.textBody]));
    expect(byPerson.get(people[0]!.applicationId)).toMatch(
      /^Påminnelse: Arkeen Voimaa \d+ i morgon tis 6\.10\. kl\. 17\.00, Tila \d+\. Välkommen!$/,
    );
    expect(byPerson.get(people[1]!.applicationId)).toMatch(
      /^Reminder: Arkeen Voimaa \d+ tomorrow, Tue 6 Oct at 17:00, Tila \d+\. Welcome!$/,
    );
  });

  it('fits one GSM-7 text in every language, even with long names', () => {
    const db = freshDatabase();
    const { courseId, people } = aCourseWithVenue(db, 3);
    const longVenue = 'Seurakuntakeskuksen iso sali, Kirkkokatu';
    // The longest names a program and a venue usually have here, with typographic dashes.
    const venueId = db.select().from(courses).where(eq(courses.id, courseId)).get()!.venueId!;
    db.update(venues).set({ name: longVenue }).where(eq(venues.id, venueId)).run();
    const programId = db.select().from(courses).where(eq(courses.id, courseId)).get()!.programId;
    db.update(programs)
      .set({
        nameFi: 'Arkeen Voimaa – kipu',
        nameSv: 'Kraft i vardagen – smärta',
        nameEn: 'Arkeen Voimaa – pain',
      })
      .where(eq(programs.id, programId))
      .run();
    setPerson(db, people[1]!.applicationId, { language: 'sv' });
    setPerson(db, people[2]!.applicationId, { language: 'en' });

    queueAt(db, afterReminderTime);

    const texts = reminders(db).map((row) => row.textBody);
    expect(texts).toHaveLength(3);
    for (const text of texts) {
      expect(text).toContain(longVenue);
      const length = smsLength(text);
      expect(length.segments).toBe(1);
      expect(length.units).toBeLessThanOrEqual(160);
    }
  });

  it('sends none to a person who withdrew, stopped reminders, has a landline or no number', () => {
    const db = freshDatabase();
    const { courseId, people } = aCourseWithVenue(db, 5);
    const [withdrawn, stopped, landline, noNumber, reminded] = people.map((p) => p.applicationId);
    db.update(enrollments)
      .set({ state: 'withdrawn' })
      .where(and(eq(enrollments.courseId, courseId), eq(enrollments.applicationId, withdrawn!)))
      .run();
    setPerson(db, stopped!, { remindersStoppedAt: new Date('2026-10-01T10:00:00Z') });
    setPerson(db, landline!, { phone: '+35862123456' });
    setPerson(db, noNumber!, { phone: '' });

    expect(queueAt(db, afterReminderTime)).toBe(1);
    expect(reminders(db).map((row) => row.applicationId)).toEqual([reminded]);
  });

  it('sends none for a cancelled session or a cancelled course', () => {
    const db = freshDatabase();
    const cancelledSession = aCourseWithVenue(db, 2);
    const cancelledCourse = aCourseWithVenue(db, 2);
    const [first] = sessionsOf(db, cancelledSession.courseId);
    db.update(courseSessions)
      .set({ status: 'cancelled' })
      .where(eq(courseSessions.id, first!.id))
      .run();
    db.update(courses)
      .set({ status: 'cancelled' })
      .where(eq(courses.id, cancelledCourse.courseId))
      .run();

    expect(queueAt(db, afterReminderTime)).toBe(0);
    expect(reminders(db)).toHaveLength(0);
  });
});
