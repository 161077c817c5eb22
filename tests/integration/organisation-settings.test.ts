import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, enrollments, organisationSettings, outbox } from '../../db/schema';
import { createApp } from '../../src/app';
import { access } from '../../src/http/access';
import { issuePersonalLink } from '../../src/features/outbox/personal-links';
import {
  aLocality,
  anInstructorWithEmailOn,
  anOpenCourse,
  aWaitingApplicant,
} from '../support/planning-fixtures';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  getPage,
  postForm,
  signIn,
} from '../support/test-app';

const settingsPath = '/admin/organisation';

/** What an admin types in: the phone as people write it. */
const typedSettings = {
  name: 'Järvi-Suomen hyvinvointialue',
  coordinatorName: 'Kerttu Kurssivastaava',
  phone: '044 765 4321',
  email: 'ArkeenVoimaa@Hyvinvointialue.example',
  streetAddress: 'Sairaalakatu 3',
  postcode: '50100',
  postOffice: 'Mikkeli',
  privacyContact: 'Tietosuojavastaava Tea Turva, tietosuoja@hyvinvointialue.example',
};
const phoneShown = '044 7654321';
const phoneLink = 'tel:+358447654321';

type TestApp = ReturnType<typeof buildTestApp>;

async function anAdminWithSettingsSaved(test: TestApp) {
  const cookie = await signIn(test.app, await aStaffUser(test.db, 'admin'));
  const saved = await postForm(test.app, settingsPath, typedSettings, { cookie });
  expect(saved.status).toBe(303);
  expect(saved.headers.get('Location')).toBe(settingsPath);
  // With the notice the save leaves for the next page.
  return cookiesFrom(saved, cookie);
}

/** The contact block's visible text and links on a page, by selector. */
async function contactOn(test: TestApp, path: string) {
  const response = await getPage(test.app, path);
  const $ = load(await response.text());
  const block = $('main .contact-block');
  return {
    status: response.status,
    text: block.text(),
    phoneLinks: block
      .find('a[href^="tel:"]')
      .map((_, link) => $(link).attr('href'))
      .get(),
    mailLinks: block
      .find('a[href^="mailto:"]')
      .map((_, link) => $(link).attr('href'))
      .get(),
    privacyText: $('main .privacy-notice, main .participant-privacy').text(),
  };
}

describe('the organisation settings page', () => {
  it('lets an admin save the details: the phone is stored as E.164, shown formatted, and the change is audited', async () => {
    const test = buildTestApp();
    const cookie = await anAdminWithSettingsSaved(test);

    const row = test.db
      .select()
      .from(organisationSettings)
      .where(eq(organisationSettings.id, 1))
      .get();
    expect(row).toMatchObject({
      ...typedSettings,
      phone: '+358447654321',
      email: 'arkeenvoimaa@hyvinvointialue.example',
    });
    expect(row?.updatedAt).toEqual(test.clock());
    const audit = test.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subjectType, 'organisation-settings'))
      .all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'update', detail: 'organisation settings changed' });
    expect(audit[0]?.detail).not.toContain('Kerttu');

    const $ = load(await (await getPage(test.app, settingsPath, cookie)).text());
    expect($('#phone').val()).toBe(phoneShown);
    expect($('#name').val()).toBe(typedSettings.name);
    expect($('#privacyContact').text()).toBe(typedSettings.privacyContact);
    expect($('.flash, [role=status]').text()).toContain('tallennettu');

    // Saving again updates the one row.
    const again = await postForm(
      test.app,
      settingsPath,
      { ...typedSettings, phone: '', coordinatorName: 'Uusi Nimi' },
      { cookie },
    );
    expect(again.status).toBe(303);
    const rows = test.db.select().from(organisationSettings).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ phone: '', coordinatorName: 'Uusi Nimi' });
  });

  it('is in the admin navigation only, and refuses coordinators and instructors with 403', async () => {
    const test = buildTestApp();
    const admin = await signIn(test.app, await aStaffUser(test.db, 'admin'));
    const adminNav = load(await (await getPage(test.app, '/', admin)).text());
    expect(adminNav(`nav a[href="${settingsPath}"]`).length).toBe(1);

    for (const role of ['coordinator', 'instructor'] as const) {
      const cookie = await signIn(test.app, await aStaffUser(test.db, role));
      const home = load(await (await getPage(test.app, '/', cookie)).text());
      expect(home(`nav a[href="${settingsPath}"]`).length, role).toBe(0);
      expect((await getPage(test.app, settingsPath, cookie)).status, role).toBe(403);
      const post = await postForm(test.app, settingsPath, typedSettings, { cookie });
      expect(post.status, role).toBe(403);
    }
    expect(test.db.select().from(organisationSettings).all()).toHaveLength(0);

    const anonymous = await getPage(test.app, settingsPath);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('Location')).toContain('/sign-in');
  });

  it('shows bad input again with a message at each field and what was typed, and saves nothing', async () => {
    const test = buildTestApp();
    const cookie = await signIn(test.app, await aStaffUser(test.db, 'admin'));
    const typed = {
      ...typedSettings,
      name: 'x'.repeat(201),
      phone: '040 12ab',
      email: 'not-an-address@',
      postcode: '501',
    };
    const response = await postForm(test.app, settingsPath, typed, { cookie });
    expect(response.status).toBe(422);
    const $ = load(await response.text());
    expect($('#name-error').text()).toContain('200');
    expect($('#phone-error').text()).toContain('puhelinnumero');
    expect($('#email-error').text()).toContain('sähköpostiosoite');
    expect($('#postcode-error').text()).toContain('viisi numeroa');
    expect($('#coordinatorName-error').length).toBe(0);
    expect($('#phone').val()).toBe('040 12ab');
    expect($('#email').val()).toBe('not-an-address@');
    expect($('#postcode').val()).toBe('501');
    expect($('#coordinatorName').val()).toBe(typedSettings.coordinatorName);
    expect($('#phone').attr('aria-describedby')).toContain('phone-error');
    expect(test.db.select().from(organisationSettings).all()).toHaveLength(0);
    expect(
      test.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.subjectType, 'organisation-settings'))
        .all(),
    ).toHaveLength(0);
  });

  it('answers odd input (repeated fields, control characters, nothing at all) without a 500', async () => {
    const test = buildTestApp();
    const cookie = await signIn(test.app, await aStaffUser(test.db, 'admin'));
    const repeated = new URLSearchParams([
      ['name', 'Yksi'],
      ['name', 'Kaksi'],
      ['phone', '040 1234567'],
    ]);
    const twice = await test.app.request(settingsPath, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: 'http://localhost',
        Cookie: cookie,
      },
      body: repeated,
    });
    expect(twice.status).toBe(422);
    const $ = load(await twice.text());
    expect($('#name-error').length).toBe(1);

    const controls = await postForm(
      test.app,
      settingsPath,
      { name: 'Alue\u202e\u0000', postcode: ' 60100 ' },
      { cookie },
    );
    expect(controls.status).toBe(303);
    expect(test.db.select().from(organisationSettings).get()).toMatchObject({
      name: 'Alue',
      postcode: '60100',
      phone: '',
    });

    const empty = await postForm(test.app, settingsPath, {}, { cookie });
    expect(empty.status).toBe(303);
    expect(test.db.select().from(organisationSettings).get()?.name).toBe('');
  });
});

describe('the organisation contact where a person is told to get in touch', () => {
  it('is on the front page, the forms, the thanks pages, a 404 page and the privacy notices', async () => {
    const test = buildTestApp();
    await anAdminWithSettingsSaved(test);

    for (const path of ['/', '/apply', '/apply/thanks', '/referrals', '/referrals/thanks']) {
      const contact = await contactOn(test, path);
      expect(contact.status, path).toBe(200);
      expect(contact.text, path).toContain(typedSettings.name);
      expect(contact.text, path).toContain('Kurssikoordinaattori Kerttu Kurssivastaava');
      expect(contact.text, path).toContain(phoneShown);
      expect(contact.phoneLinks, path).toContain(phoneLink);
      expect(contact.mailLinks, path).toContain('mailto:arkeenvoimaa@hyvinvointialue.example');
    }

    const coordinator = await signIn(test.app, await aStaffUser(test.db, 'coordinator'));
    const refused = await getPage(test.app, settingsPath, coordinator);
    expect(refused.status).toBe(403);
    expect(load(await refused.text())('main .contact-block a[href^="tel:"]').attr('href')).toBe(
      phoneLink,
    );

    // No route fails on purpose, so one is added here for the error handler's 500 page.
    const failing = { ...test, app: createApp(test) };
    failing.app.get('/fails', access('public'), () => {
      throw new Error('on purpose');
    });
    const originalError = console.error;
    console.error = () => undefined;
    const failed = await contactOn(failing, '/fails').finally(() => {
      console.error = originalError;
    });
    expect(failed.status).toBe(500);
    expect(failed.phoneLinks).toEqual([phoneLink]);

    const missing = await contactOn(test, '/no-such-page');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain(phoneShown);
    expect(missing.phoneLinks).toEqual([phoneLink]);

    for (const path of ['/apply', '/referrals', '/nominations']) {
      const { privacyText } = await contactOn(test, path);
      expect(privacyText, path).toContain(
        'Tietojesi rekisterinpitäjä on Järvi-Suomen hyvinvointialue.',
      );
      expect(privacyText, path).toContain('Sairaalakatu 3, 50100 Mikkeli');
      expect(privacyText, path).toContain(typedSettings.privacyContact);
    }
  });

  it("is on a participant's personal link page (with the privacy notice) and an unknown link's page", async () => {
    const test = buildTestApp();
    await anAdminWithSettingsSaved(test);
    const localityId = aLocality(test.db);
    const courseId = anOpenCourse(test.db, { seats: 4, localityId });
    const applicationId = aWaitingApplicant(test.db, localityId, {
      email: 'osallistuja@example.fi',
    });
    const token = issuePersonalLink(test.db, applicationId, courseId, test.clock());

    const own = await contactOn(test, `/p/${token}`);
    expect(own.status).toBe(200);
    expect(own.text).toContain('Kurssikoordinaattori Kerttu Kurssivastaava');
    expect(own.phoneLinks).toContain(phoneLink);
    expect(own.privacyText).toContain(
      'Tietojesi rekisterinpitäjä on Järvi-Suomen hyvinvointialue.',
    );
    expect(own.privacyText).toContain(typedSettings.privacyContact);

    const enrollment = test.db
      .insert(enrollments)
      .values({
        courseId,
        applicationId,
        state: 'placed',
        queuedAt: test.clock(),
        placedAt: test.clock(),
        createdAt: test.clock(),
        updatedAt: test.clock(),
      })
      .returning({ id: enrollments.id })
      .get();
    const withdrawal = await contactOn(test, `/p/${token}/withdrawal/${enrollment.id}`);
    expect(withdrawal.status).toBe(200);
    expect(withdrawal.phoneLinks).toEqual([phoneLink]);

    const unknown = await contactOn(test, `/p/${'x'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.phoneLinks).toEqual([phoneLink]);
  });

  it("ends a participant's invitation e-mail (text and HTML), not the instructors' mail", async () => {
    const test = buildTestApp();
    await anAdminWithSettingsSaved(test);
    const cookie = await signIn(test.app, await aStaffUser(test.db, 'coordinator'));
    const localityId = aLocality(test.db);
    const courseId = anOpenCourse(test.db, { seats: 4, localityId });
    const applicationId = aWaitingApplicant(test.db, localityId, {
      email: 'osallistuja@example.fi',
    });
    anInstructorWithEmailOn(test.db, courseId, 'ohjaaja@example.fi');
    const placed = await postForm(
      test.app,
      '/enrollments',
      { applicationId, courseId },
      { cookie },
    );
    expect(placed.status).toBe(303);
    const instructorMail = test.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipientEmail, 'ohjaaja@example.fi'))
      .all();
    expect(instructorMail.length).toBeGreaterThan(0);
    for (const message of instructorMail) {
      expect(message.textBody).not.toContain('Kerttu Kurssivastaava');
    }

    const mail = test.db
      .select()
      .from(outbox)
      .where(
        and(eq(outbox.recipientEmail, 'osallistuja@example.fi'), eq(outbox.courseId, courseId)),
      )
      .get()!;
    const ending = mail.textBody.slice(mail.textBody.lastIndexOf('Yhteystiedot'));
    expect(ending).toBe(
      [
        'Yhteystiedot',
        'Järvi-Suomen hyvinvointialue',
        'Kurssikoordinaattori Kerttu Kurssivastaava',
        `Puhelin ${phoneShown}`,
        'Sähköposti arkeenvoimaa@hyvinvointialue.example',
        '',
        'Miten käsittelemme tietojasi: http://localhost/privacy',
      ].join('\n'),
    );
    const html = load(mail.htmlBody);
    // The contact is the last section before the line that links the privacy notice.
    const lastSection = html('body > div').eq(-2).text();
    expect(lastSection).toContain('Kurssikoordinaattori Kerttu Kurssivastaava');
    expect(lastSection).toContain(`Puhelin ${phoneShown}`);
    expect(lastSection).toContain('Järvi-Suomen hyvinvointialue');
  });

  it('is left out cleanly when nothing is set: no empty heading, no empty link, no stray label', async () => {
    const test = buildTestApp();
    const localityId = aLocality(test.db);
    const courseId = anOpenCourse(test.db, { seats: 4, localityId });
    const applicationId = aWaitingApplicant(test.db, localityId, {
      email: 'osallistuja@example.fi',
    });
    const token = issuePersonalLink(test.db, applicationId, courseId, test.clock());

    for (const path of [
      '/',
      '/apply',
      '/apply/thanks',
      '/referrals',
      '/no-such-page',
      `/p/${token}`,
    ]) {
      const $ = load(await (await getPage(test.app, path)).text());
      expect($('.contact-block').length, path).toBe(0);
      expect($('a[href="tel:"], a[href="mailto:"]').length, path).toBe(0);
      expect($('main').text(), path).not.toContain('rekisterinpitäjä on');
      expect($('#contact').length, path).toBe(0);
    }

    const cookie = await signIn(test.app, await aStaffUser(test.db, 'coordinator'));
    await postForm(test.app, '/enrollments', { applicationId, courseId }, { cookie });
    const mail = test.db
      .select()
      .from(outbox)
      .where(eq(outbox.recipientEmail, 'osallistuja@example.fi'))
      .get()!;
    expect(mail.textBody).not.toContain('Yhteystiedot');
    expect(
      mail.textBody
        .trimEnd()
        .endsWith('Kurssipolku\n\nMiten käsittelemme tietojasi: http://localhost/privacy'),
    ).toBe(true);
    expect(mail.htmlBody).not.toContain('Yhteystiedot');
  });

  it('shows only what is set: a phone alone gives one tel: link and no name lines', async () => {
    const test = buildTestApp();
    const cookie = await signIn(test.app, await aStaffUser(test.db, 'admin'));
    await postForm(test.app, settingsPath, { phone: '044 765 4321' }, { cookie });
    const front = await contactOn(test, '/');
    expect(front.phoneLinks).toEqual([phoneLink]);
    expect(front.mailLinks).toEqual([]);
    expect(front.text).not.toContain('Kurssikoordinaattori');
    const $ = load(await (await getPage(test.app, '/apply')).text());
    expect($('.privacy-notice').text()).not.toContain('rekisterinpitäjä on');
  });
});
