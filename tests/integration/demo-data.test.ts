import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications, courses, enrollments, invitations, outbox } from '../../db/schema';
import { loadDemoData } from '../../src/features/demo/demo-data';
import { mailSettingsFrom } from '../../src/features/invites/invitations';
import { freshDatabase } from '../support/test-app';

describe('the demo a new user sees at first start', () => {
  const db = freshDatabase();
  const mail = mailSettingsFrom({
    mailFrom: 'Kurssipolku <no-reply@kurssipolku.example>',
    publicUrl: new URL('http://localhost:3000'),
  });

  it('fills every running or open course with 8–12 people, some waiting, their mail or letters queued', async () => {
    await loadDemoData(db, new Date('2026-11-23T10:00:00Z'), mail);
    const active = db
      .select({ id: courses.id })
      .from(courses)
      .where(inArray(courses.status, ['running', 'open']))
      .all();
    expect(active.length).toBeGreaterThanOrEqual(3);
    const inState = (courseId: number, state: 'placed' | 'waitlisted') =>
      db
        .select()
        .from(enrollments)
        .where(and(eq(enrollments.courseId, courseId), eq(enrollments.state, state)))
        .all();
    for (const course of active) {
      const placed = inState(course.id, 'placed').length;
      expect(placed, `course ${course.id}`).toBeGreaterThanOrEqual(8);
      expect(placed, `course ${course.id}`).toBeLessThanOrEqual(12);
    }
    expect(active.filter((course) => inState(course.id, 'waitlisted').length > 0)).toHaveLength(1);

    const participants = db
      .select()
      .from(applications)
      .where(eq(applications.state, 'placed'))
      .all();
    const withEmail = participants.filter((person) => person.email.endsWith('@example.fi'));
    expect(withEmail.length / participants.length).toBeGreaterThan(0.3);
    expect(withEmail.length / participants.length).toBeLessThan(0.7);
    expect(participants.some((person) => /[äöå]/i.test(person.name))).toBe(true);

    const placedIds = participants.map((person) => person.id);
    const participantMail = db
      .select()
      .from(outbox)
      .where(inArray(outbox.applicationId, placedIds))
      .all();
    const participantInvitations = db
      .select()
      .from(invitations)
      .where(inArray(invitations.applicationId, placedIds))
      .all();
    const seated = active.flatMap((course) => inState(course.id, 'placed'));
    expect(participantInvitations).toHaveLength(seated.length);
    expect(participantMail.length).toBe(
      participantInvitations.filter((invitation) => invitation.email !== '').length,
    );
    // Those without e-mail get a printed letter: an invitation without an address.
    expect(participantInvitations.filter((invitation) => invitation.email === '').length).toBe(
      seated.length - participantMail.length,
    );
  });
});
