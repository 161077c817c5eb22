import { load } from 'cheerio';
import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { invitations, organisationSettings, outbox, retentionSettings } from '../../db/schema';
import { issuePersonalLink } from '../../src/features/outbox/personal-links';
import {
  aLocality,
  anInstructorWithEmailOn,
  anOpenCourse,
  aWaitingApplicant,
  enrollmentOf,
  sessionsOf,
} from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';
import { expectPrivacyNoticeLink, privacyNoticeLine } from '../support/privacy-notice';

const settings = {
  name: 'Järvi-Suomen hyvinvointialue',
  coordinatorName: 'Kerttu Kurssivastaava',
  phone: '044 765 4321',
  email: 'arvo@hyvinvointialue.example',
  streetAddress: 'Sairaalakatu 3',
  postcode: '50100',
  postOffice: 'Mikkeli',
  privacyContact: 'Tietosuojavastaava Tea Turva, tietosuoja@hyvinvointialue.example',
};

type TestApp = ReturnType<typeof buildTestApp>;

/** The admin's retention settings, written straight into the row the notices read. */
function setRetention(test: TestApp, periods: Omit<typeof retentionSettings.$inferInsert, 'id'>) {
  test.db
    .insert(retentionSettings)
    .values({ id: 1, ...periods })
    .onConflictDoUpdate({ target: retentionSettings.id, set: periods })
    .run();
}

async function page(test: TestApp, path: string, cookie?: string) {
  const response = await getPage(test.app, path, cookie);
  return { status: response.status, $: load(await response.text()) };
}

describe('the privacy notice page', () => {
  const test = buildTestApp();

  beforeAll(async () => {
    const admin = await signIn(test.app, await aStaffUser(test.db, 'admin'));
    const saved = await postForm(test.app, '/admin/organisation', settings, { cookie: admin });
    expect(saved.status).toBe(303);
  });

  it('is public and names the controller, its privacy contact, the legal basis and the default periods', async () => {
    const { status, $ } = await page(test, '/privacy');
    expect(status).toBe(200);
    expect($('h1').text()).toBe('Tietosuojaseloste');
    expect($('#controller').text()).toContain(
      'Tietojesi rekisterinpitäjä on Järvi-Suomen hyvinvointialue.',
    );
    expect($('#controller').text()).toContain('Sairaalakatu 3, 50100 Mikkeli');
    expect($('#controller').text()).toContain(settings.privacyContact);
    expect($('#controller a[href="mailto:arvo@hyvinvointialue.example"]')).toHaveLength(1);
    expect($('#legal-basis').text()).toContain('artikla 6, kohta 1 e');
    expect($('#legal-basis').text()).toContain('lupasi');
    expect($('#legal-basis').text()).toContain('Ohjaajakoulutukseen');
    const periods = $('#retention li')
      .map((_, item) => $(item).text())
      .get();
    expect(periods).toEqual([
      'Kurssin osallistujien tiedot: 12 kuukautta kurssin päättymisen jälkeen.',
      'Hakemus, joka suljetaan ilman kurssipaikkaa: 6 kuukautta sulkemisen jälkeen.',
      'Lähetettyjen sähköpostien sisältö: 90 päivää lähettämisen jälkeen.',
      'Ohjaajakoulutukseen ehdotettujen tiedot: 12 kuukautta koulutuksen päättymisen tai keskeyttämisen jälkeen. Ohjaajan tiedot säilyvät niin kauan kuin hän toimii ohjaajana.',
      'Loki siitä, kuka on avannut tietoja: 5 vuotta.',
    ]);
    expect($('#retention').text()).toContain('Jäljelle jää vain nimettömiä lukuja');
    expect($('#rights').text()).toContain('kopion');
    expect($('#rights').text()).toContain('poistamista');
    expect($('#complaint a[href="https://tietosuoja.fi"]').text()).toBe('tietosuoja.fi');
  });

  it('quotes the periods in force and the controller as saved now, with the right singular and plural', async () => {
    setRetention(test, {
      participantMonths: 1,
      closedApplicationMonths: 18,
      sentMailDays: 1,
      candidateMonths: 24,
      auditYears: 1,
    });
    test.db
      .update(organisationSettings)
      .set({ name: 'Pohjanmaan hyvinvointialue', privacyContact: 'Tietosuoja Tapio' })
      .run();

    const fi = (await page(test, '/privacy')).$;
    const fiText = fi('#retention').text();
    expect(fiText).toContain('Kurssin osallistujien tiedot: 1 kuukausi kurssin päättymisen');
    expect(fiText).toContain('ilman kurssipaikkaa: 18 kuukautta sulkemisen');
    expect(fiText).toContain('sisältö: 1 päivä lähettämisen');
    expect(fiText).toContain('ehdotettujen tiedot: 24 kuukautta koulutuksen');
    expect(fiText).toContain('avannut tietoja: 1 vuosi.');
    expect(fiText).not.toContain('12 kuukautta');
    expect(fi('#controller').text()).toContain('rekisterinpitäjä on Pohjanmaan hyvinvointialue.');
    expect(fi('#controller').text()).toContain('Tietosuoja Tapio');

    const en = (await page(test, '/privacy', 'kp_lang=en')).$;
    expect(en('h1').text()).toBe('Privacy notice');
    const enText = en('#retention').text();
    expect(enText).toContain('Course participants: 1 month after the course ends.');
    expect(enText).toContain('without a course place: 18 months after');
    expect(enText).toContain('e-mails sent: 1 day after sending');
    expect(enText).toContain('instructor training: 24 months after');
    expect(enText).toContain('who opened data: 1 year.');
    expect(en('#legal-basis').text()).toContain('Article 6(1)(e)');

    setRetention(test, {
      participantMonths: 12,
      closedApplicationMonths: 6,
      sentMailDays: 90,
      candidateMonths: 12,
      auditYears: 5,
    });
    const back = (await page(test, '/privacy', 'kp_lang=en')).$('#retention').text();
    expect(back).toContain('12 months after the course ends');
    expect(back).toContain('90 days after sending');
    expect(back).toContain('5 years');
  });

  it('is linked from the footer of every page', async () => {
    for (const path of ['/', '/apply', '/sign-in', '/privacy']) {
      const { $ } = await page(test, path);
      expect($('footer a[href="/privacy"]').text(), path).toBe('Tietosuoja');
    }
  });
});

describe('the short notice on every public form and the personal link', () => {
  const test = buildTestApp();
  let token = '';
  let enrollmentId = 0;

  beforeAll(async () => {
    const admin = await signIn(test.app, await aStaffUser(test.db, 'admin'));
    await postForm(test.app, '/admin/organisation', settings, { cookie: admin });
    setRetention(test, {
      participantMonths: 9,
      closedApplicationMonths: 1,
      sentMailDays: 30,
      candidateMonths: 15,
      auditYears: 5,
    });
    const localityId = aLocality(test.db);
    const courseId = anOpenCourse(test.db, { seats: 4, localityId });
    const applicationId = aWaitingApplicant(test.db, localityId);
    const coordinator = await signIn(test.app, await aStaffUser(test.db, 'coordinator'));
    await postForm(test.app, '/enrollments', { applicationId, courseId }, { cookie: coordinator });
    enrollmentId = enrollmentOf(test.db, applicationId, courseId).id;
    token = issuePersonalLink(test.db, applicationId, courseId, test.clock());
  });

  const applicantPeriods =
    'Tiedot säilytetään 9 kuukautta kurssin päättymisen jälkeen. Jos kurssipaikkaa ei tule, hakemus säilytetään 1 kuukausi sen sulkemisen jälkeen.';

  it('gives the applicant forms and the personal link pages the periods in force and the link', async () => {
    for (const path of [
      '/apply',
      '/referrals',
      `/p/${token}`,
      `/p/${token}/withdrawal/${enrollmentId}`,
    ]) {
      const { status, $ } = await page(test, path);
      expect(status, path).toBe(200);
      const notice = $('main .privacy-notice');
      expect(notice, path).toHaveLength(1);
      expect(notice.text(), path).toContain(applicantPeriods);
      expect(notice.text(), path).toContain('rekisterinpitäjä on Järvi-Suomen hyvinvointialue.');
      expect(notice.text(), path).toContain(settings.privacyContact);
      expect(notice.text(), path).toContain('Voit pyytää kopion tiedoistasi');
      expect(notice.find('a[href="/privacy"]').text(), path).toBe('koko tietosuojaseloste');
    }
  });

  it('keeps the "delete my data" request inside the notice on the personal page', async () => {
    const { $ } = await page(test, `/p/${token}`);
    expect(
      $(`.privacy-notice form[action="/p/${token}/deletion-request"] button`).text(),
    ).toContain('Pyydän, että tietoni poistetaan');
  });

  it("gives the training nomination forms the candidates' period", async () => {
    for (const path of ['/nominations', '/instructor-applications']) {
      const { status, $ } = await page(test, path);
      expect(status, path).toBe(200);
      const notice = $('main .privacy-notice');
      expect(notice.text(), path).toContain(
        'Tiedot säilytetään 15 kuukautta koulutuksen päättymisen tai keskeyttämisen jälkeen.',
      );
      expect(notice.text(), path).toContain(settings.privacyContact);
      expect(notice.find('a[href="/privacy"]')).toHaveLength(1);
    }
  });

  it('shows the same notice on the phone application form the coordinator reads out', async () => {
    const coordinator = await signIn(test.app, await aStaffUser(test.db, 'coordinator'));
    const { $ } = await page(test, '/applications/new', coordinator);
    expect($('main .privacy-notice').text()).toContain(applicantPeriods);
  });

  it('speaks English with English plural forms', async () => {
    const { $ } = await page(test, '/apply', 'kp_lang=en');
    expect($('main .privacy-notice').text()).toContain(
      'The data is kept for 9 months after the course ends. If no place comes up, the application is kept for 1 month after it is closed.',
    );
    expect($('main .privacy-notice a[href="/privacy"]').text()).toBe('the full privacy notice');
  });
});

describe('the link to the notice in every message and letter', () => {
  const test = buildTestApp();
  let coordinator = '';
  let courseId = 0;
  const people = { aino: 0, emma: 0, waiting: 0, letter: 0 };

  beforeAll(async () => {
    coordinator = await signIn(test.app, await aStaffUser(test.db, 'coordinator'));
    const localityId = aLocality(test.db);
    courseId = anOpenCourse(test.db, { seats: 3, localityId });
    anInstructorWithEmailOn(test.db, courseId, 'ohjaaja@example.fi');
    people.aino = aWaitingApplicant(test.db, localityId, { email: 'aino@example.fi' });
    people.emma = aWaitingApplicant(test.db, localityId, {
      email: 'emma@example.fi',
      language: 'en',
    });
    people.letter = aWaitingApplicant(test.db, localityId, { email: '' });
    people.waiting = aWaitingApplicant(test.db, localityId, { email: 'odottaja@example.fi' });
    for (const applicationId of [people.aino, people.emma, people.letter, people.waiting]) {
      const placed = await postForm(
        test.app,
        '/enrollments',
        { applicationId, courseId },
        { cookie: coordinator },
      );
      expect(placed.status).toBe(303);
    }
    expect(enrollmentOf(test.db, people.waiting, courseId).state).toBe('waitlisted');
  });

  const mailOf = (email: string) =>
    test.db.select().from(outbox).where(eq(outbox.recipientEmail, email)).all();

  it("ends a participant's and an instructor's invitation with the link, in text and HTML", () => {
    const [aino] = mailOf('aino@example.fi');
    const [emma] = mailOf('emma@example.fi');
    const [instructor] = mailOf('ohjaaja@example.fi');
    expect(aino!.textBody.trimEnd().endsWith(privacyNoticeLine.fi)).toBe(true);
    expect(instructor!.textBody).toContain(privacyNoticeLine.fi);
    expect(emma!.textBody.trimEnd().endsWith(privacyNoticeLine.en)).toBe(true);
    for (const [message, line] of [
      [aino!, privacyNoticeLine.fi],
      [instructor!, privacyNoticeLine.fi],
      [emma!, privacyNoticeLine.en],
    ] as const) {
      expect(load(message.htmlBody)('body > div').last().text()).toBe(line);
    }
  });

  it('puts it in the mail to the instructors when a participant says they will miss a session', async () => {
    const token = issuePersonalLink(test.db, people.aino, courseId, test.clock());
    const enrollment = enrollmentOf(test.db, people.aino, courseId);
    const before = mailOf('ohjaaja@example.fi').length;
    const response = await postForm(
      test.app,
      `/p/${token}/withdrawal/${enrollment.id}/missed-session`,
      { sessionId: sessionsOf(test.db, courseId)[2]!.id },
    );
    expect(response.status).toBe(303);
    const mail = mailOf('ohjaaja@example.fi');
    expect(mail).toHaveLength(before + 1);
    expectPrivacyNoticeLink(mail.at(-1)!);
  });

  it('prints it at the end of a letter to a person without e-mail', async () => {
    const invitation = test.db
      .select()
      .from(invitations)
      .where(and(eq(invitations.applicationId, people.letter), isNull(invitations.instructorId)))
      .get()!;
    const { status, $ } = await page(test, `/letters/${invitation.id}`, coordinator);
    expect(status).toBe(200);
    expect($('.letter').text()).toContain(privacyNoticeLine.fi);
  });

  it('prints it on the paper feedback questionnaire', async () => {
    const { status, $ } = await page(test, `/courses/${courseId}/feedback/paper`, coordinator);
    expect(status).toBe(200);
    expect($('.paper-questionnaire').text()).toContain(privacyNoticeLine.fi);
  });

  it('puts it in the cancellation to everyone invited and the notice to the waitlisted person, and every message queued carries it', async () => {
    const response = await postForm(
      test.app,
      `/courses/${courseId}/cancellation`,
      { reason: 'Liian vähän hakijoita' },
      { cookie: coordinator },
    );
    expect(response.status).toBe(303);
    const [notice] = mailOf('odottaja@example.fi');
    expect(notice!.subject).toMatch(/^Peruttu/);
    expect(notice!.textBody).toContain(privacyNoticeLine.fi);
    expect(mailOf('aino@example.fi').at(-1)!.calendarMethod).toBe('CANCEL');
    expect(mailOf('ohjaaja@example.fi').at(-1)!.calendarMethod).toBe('CANCEL');

    // Text messages stay short (one GSM-7 text): the link is in every e-mail and letter instead.
    const everything = test.db.select().from(outbox).where(eq(outbox.channel, 'email')).all();
    // Invitations, the missed-session mail, cancellations and the waitlist notice.
    expect(new Set(everything.map((message) => message.subject)).size).toBeGreaterThanOrEqual(4);
    for (const message of everything) {
      expectPrivacyNoticeLink(message, message.recipientEmail === 'emma@example.fi' ? 'en' : 'fi');
    }
  });
});
