import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { courseInstructors, instructors, outbox } from '../../db/schema';
import { issuePersonalLink } from '../../src/features/outbox/personal-links';
import { readCalendar } from '../support/ical';
import {
  aLocality,
  anInstructor,
  anOpenCourse,
  aWaitingApplicant,
} from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';

/** The peer instructor's personal number, in every way it could be written out. */
const peerPhone = '+358405550123';
const peerPhoneShown = ['+358405550123', '040 5550123', '0405550123', '5550123'];

function expectNoPeerPhone(text: string) {
  for (const written of peerPhoneShown) expect(text).not.toContain(written);
}

describe("an instructor's phone in what participants get", () => {
  it('is left out until the instructor chooses to share it; staff always get it', async () => {
    const { app, db, clock } = buildTestApp();
    const cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    const localityId = aLocality(db);
    const courseId = anOpenCourse(db, { seats: 6, localityId });
    const peer = anInstructor(db, 'peer');
    db.update(instructors)
      .set({ phone: peerPhone, email: 'vertais@example.fi' })
      .where(eq(instructors.id, peer))
      .run();
    db.insert(courseInstructors).values({ courseId, instructorId: peer }).run();

    const place = async (applicationId: number) => {
      const response = await postForm(app, '/enrollments', { applicationId, courseId }, { cookie });
      expect(response.status).toBe(303);
    };
    const mailTo = (email: string) =>
      db
        .select()
        .from(outbox)
        .where(and(eq(outbox.recipientEmail, email), eq(outbox.courseId, courseId)))
        .all()
        .at(-1)!;

    const first = aWaitingApplicant(db, localityId, { email: 'eka@example.fi' });
    await place(first);
    const invitation = mailTo('eka@example.fi');
    expect(invitation.textBody).toContain('Kerromme paikan myöhemmin.');
    expectNoPeerPhone(invitation.textBody);
    expectNoPeerPhone(invitation.htmlBody);
    const calendar = readCalendar(invitation.calendar);
    expect(calendar.method).toBe('REQUEST');
    for (const event of calendar.calendar.getAllSubcomponents('vevent')) {
      expectNoPeerPhone(String(event.getFirstPropertyValue('description') ?? ''));
      expectNoPeerPhone(JSON.stringify(event.getAllProperties('organizer').map(String)));
      expectNoPeerPhone(JSON.stringify(event.getAllProperties('attendee').map(String)));
    }
    expectNoPeerPhone(invitation.calendar);
    // The instructor's own invitation (staff) still lists the number.
    expect(mailTo('vertais@example.fi').textBody).toContain('040 5550123');

    const token = issuePersonalLink(db, first, courseId, clock());
    const page = await getPage(app, `/p/${token}`);
    expect(page.status).toBe(200);
    expectNoPeerPhone(await page.text());
    expectNoPeerPhone(await (await getPage(app, `/p/${token}/calendar.ics/${courseId}`)).text());

    // The instructor chooses to share it, on their record.
    const saved = await postForm(
      app,
      `/instructors/${peer}`,
      {
        name: 'Vertti Vertainen',
        email: 'vertais@example.fi',
        phone: '040 5550123',
        sharePhoneWithParticipants: 'on',
        kind: 'peer',
        employerUnit: '',
        userId: '',
      },
      { cookie },
    );
    expect(saved.status).toBe(303);
    expect(db.select().from(instructors).where(eq(instructors.id, peer)).get()).toMatchObject({
      sharePhoneWithParticipants: true,
    });
    const edit = await (await getPage(app, `/instructors/${peer}/edit`, cookie)).text();
    expect(edit).toMatch(/id="sharePhoneWithParticipants"[^>]*checked/);

    const second = aWaitingApplicant(db, localityId, { email: 'toka@example.fi' });
    await place(second);
    const shared = mailTo('toka@example.fi');
    expect(shared.textBody).toContain('Vertti Vertainen 040 5550123');
    expect(shared.htmlBody).toContain('040 5550123');
  });

  it('is off on a new instructor unless the box is ticked', async () => {
    const { app, db } = buildTestApp();
    const cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    const form = await (await getPage(app, '/instructors/new', cookie)).text();
    expect(form).toMatch(/id="sharePhoneWithParticipants"/);
    expect(form).not.toMatch(/id="sharePhoneWithParticipants"[^>]*checked/);
    const created = await postForm(
      app,
      '/instructors',
      { name: 'Uusi Ohjaaja', email: '', phone: '040 5550999', kind: 'peer', employerUnit: '' },
      { cookie },
    );
    expect(created.status).toBe(303);
    expect(
      db.select().from(instructors).where(eq(instructors.name, 'Uusi Ohjaaja')).get(),
    ).toMatchObject({ sharePhoneWithParticipants: false });
  });
});
