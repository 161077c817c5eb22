import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog } from '../../db/schema';
import { saveInstructor } from '../../src/features/instructors/queries';
import { systemActor } from '../../src/features/audit/audit-log';
import { aLocality, anOpenCourse } from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';

describe("the applicant's answers on the interview page", () => {
  const { app, db } = buildTestApp();
  const cookies = { coordinator: '', instructor: '' };
  const ids = { lapua: 0, kurikka: 0, course: 0, instructor: 0 };
  let phoneCounter = 0;

  const applicationRow = (id: number) =>
    db.select().from(applications).where(eq(applications.id, id)).get()!;
  const correctionsOf = (id: number) =>
    db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.subjectType, 'application'),
          eq(auditLog.subjectId, id),
          eq(auditLog.action, 'update'),
        ),
      )
      .all();

  /** A public application through `/apply`, as the person sends it; returns its id. */
  const anAppliedPerson = async (fields: Record<string, string> = {}) => {
    phoneCounter += 1;
    const phone = `040 777 ${String(phoneCounter).padStart(4, '0')}`;
    const response = await postForm(
      app,
      '/apply',
      {
        name: `Hakija ${phoneCounter}`,
        phone,
        email: `hakija${phoneCounter}@example.fi`,
        localityId: String(ids.lapua),
        otherMunicipality: '',
        preferredCourseId: String(ids.course),
        goodTimesToCall: 'arkisin aamupäivisin',
        consent: 'on',
        website: '',
        ...fields,
      },
      { address: `198.51.100.${phoneCounter}` },
    );
    expect(response.status).toBe(303);
    return db
      .select({ id: applications.id })
      .from(applications)
      .where(eq(applications.phone, `+35840777${String(phoneCounter).padStart(4, '0')}`))
      .get()!.id;
  };

  const correct = (id: number, fields: Record<string, string>, cookie = cookies.coordinator) =>
    postForm(app, `/applications/${id}/details`, fields, { cookie });

  beforeAll(async () => {
    const coordinator = await aStaffUser(db, 'coordinator');
    cookies.coordinator = await signIn(app, coordinator);
    const instructorUser = await aStaffUser(db, 'instructor');
    cookies.instructor = await signIn(app, instructorUser);
    const linked = saveInstructor(
      db,
      null,
      {
        name: 'Olli Ohjaaja',
        kind: 'professional',
        email: '',
        phone: '',
        employerUnit: '',
        userId: instructorUser.id,
        localityIds: [],
      },
      systemActor,
      new Date(),
    );
    if (!linked.ok) throw new Error('instructor not created');
    ids.instructor = linked.id;
    ids.lapua = aLocality(db, 'Lapua');
    ids.kurikka = aLocality(db, 'Kurikka');
    ids.course = anOpenCourse(db, { localityId: ids.lapua, firstDate: '2026-10-06' });
  });

  it('shows the course asked for, the locality, the contact details and good times to call', async () => {
    const id = await anAppliedPerson();
    const response = await getPage(app, `/applications/${id}/interview`, cookies.coordinator);
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    const details = $('#applicant-details dl').text();
    expect(details).toContain('Arkeen Voimaa');
    expect(details).toContain('6.10.2026');
    expect(details).toContain('Lapua');
    expect(details).toContain(`hakija${phoneCounter}@example.fi`);
    expect(details).toContain('arkisin aamupäivisin');
    expect(details).toContain('verkkolomake');
    expect($('#applicant-details a[href^="tel:+35840777"]')).toHaveLength(1);
    expect($('#applicant-details-form #email').attr('value')).toBe(
      `hakija${phoneCounter}@example.fi`,
    );
    expect($('#applicant-details-form #homeLocalityId option[selected]').attr('value')).toBe(
      String(ids.lapua),
    );

    const anyCourse = await anAppliedPerson({ preferredCourseId: '' });
    const page = load(
      await (
        await getPage(app, `/applications/${anyCourse}/interview`, cookies.coordinator)
      ).text(),
    );
    expect(page('#applicant-details dl').text()).toContain('mikä tahansa kurssi läheltä');
  });

  it('stores corrected details and writes one audit entry without the values', async () => {
    const id = await anAppliedPerson();
    const response = await correct(id, {
      email: ' Uusi.Osoite@Example.FI ',
      phone: '050 123 4567',
      homeLocalityId: String(ids.kurikka),
      goodTimesToCall: 'iltaisin',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/applications/${id}/interview`);
    expect(applicationRow(id)).toMatchObject({
      email: 'uusi.osoite@example.fi',
      phone: '+358501234567',
      localityId: ids.kurikka,
      municipality: 'Kurikka',
      goodTimesToCall: 'iltaisin',
    });
    const entries = correctionsOf(id);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.detail).toBe('details corrected');
    expect(JSON.stringify(entries)).not.toMatch(/uusi\.osoite|358501234567|iltaisin/);
  });

  it('allows a phone another application has, without merging them', async () => {
    const first = await anAppliedPerson();
    const second = await anAppliedPerson();
    const shared = applicationRow(first).phone;
    const response = await correct(second, { phone: shared, email: '' });
    expect(response.status).toBe(303);
    expect(applicationRow(second)).toMatchObject({ phone: shared, email: '', state: 'to-call' });
    expect(applicationRow(first).state).toBe('to-call');
  });

  it('refuses a wrong e-mail or phone with messages, keeping what was typed and storing nothing', async () => {
    const id = await anAppliedPerson();
    const before = applicationRow(id);
    const response = await correct(id, {
      email: 'ei-osoite',
      phone: '040 abc',
      homeLocalityId: String(ids.kurikka),
      goodTimesToCall: 'iltaisin',
    });
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    expect($('#applicant-details-form #email-error').text()).toContain('sähköpostiosoite');
    expect($('#applicant-details-form #phone-error').text()).toContain('puhelinnumero');
    expect($('#applicant-details-form #email').attr('value')).toBe('ei-osoite');
    expect($('#applicant-details-form #phone').attr('value')).toBe('040 abc');
    expect($('#applicant-details-form #goodTimesToCall').text()).toBe('iltaisin');
    expect($('#interview-form .field-error')).toHaveLength(0);
    expect(applicationRow(id)).toEqual(before);
    expect(correctionsOf(id)).toEqual([]);
  });

  it('lets only the assigned instructor correct, and sends the anonymous to sign in', async () => {
    const id = await anAppliedPerson();
    const before = applicationRow(id);
    const fields = { email: 'toinen@example.fi', phone: '050 765 4321' };
    expect((await correct(id, fields, cookies.instructor)).status).toBe(403);

    const anonymous = await postForm(app, `/applications/${id}/details`, fields);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('Location')).toMatch(/^\/sign-in/);
    expect(applicationRow(id)).toEqual(before);

    db.update(applications)
      .set({ assignedInstructorId: ids.instructor })
      .where(eq(applications.id, id))
      .run();
    expect((await correct(id, fields, cookies.instructor)).status).toBe(303);
    expect(applicationRow(id)).toMatchObject({ email: 'toinen@example.fi' });
  });
});
