import { load } from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { courses, enrollments, organisationSettings } from '../../db/schema';
import { aLocality, anOpenCourse, aVenue, aWaitingApplicant } from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, getPage, signIn, testConfig } from '../support/test-app';

describe('the public front page', () => {
  const { app, db } = buildTestApp({
    config: testConfig({ MAIL_FROM: 'Kurssipolku <no-reply@yhdistys.example>' }),
  });
  const ids = { lapua: 0, kurikka: 0, withSeats: 0, full: 0, cancelled: 0, venue: 0 };

  const place = (courseId: number, localityId: number) => {
    const now = new Date('2026-08-21T09:00:00Z');
    db.insert(enrollments)
      .values({
        courseId,
        applicationId: aWaitingApplicant(db, localityId),
        state: 'placed',
        queuedAt: now,
        placedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .run();
  };

  beforeAll(() => {
    db.insert(organisationSettings)
      .values({ id: 1, email: 'kurssit@yhdistys.example', phone: '+358401234500' })
      .run();
    ids.lapua = aLocality(db, 'Lapua');
    ids.kurikka = aLocality(db, 'Kurikka');
    ids.venue = aVenue(db, ids.lapua);
    ids.withSeats = anOpenCourse(db, { seats: 5, localityId: ids.lapua, firstDate: '2026-10-06' });
    db.update(courses).set({ venueId: ids.venue }).where(eq(courses.id, ids.withSeats)).run();
    place(ids.withSeats, ids.lapua);
    place(ids.withSeats, ids.lapua);
    ids.full = anOpenCourse(db, { seats: 1, localityId: ids.kurikka, firstDate: '2026-11-04' });
    place(ids.full, ids.kurikka);
    ids.cancelled = anOpenCourse(db, { seats: 4, localityId: ids.lapua });
    db.update(courses).set({ status: 'cancelled' }).where(eq(courses.id, ids.cancelled)).run();
  });

  it('shows an anonymous visitor the open courses by locality with dates, venue and seats left', async () => {
    const response = await getPage(app, '/');
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    expect($('h1').text()).toBe('Arkeen Voimaa -kurssit');
    expect(
      $('.front-locality h3')
        .map((_, heading) => $(heading).text())
        .get(),
    ).toEqual(['Kurikka', 'Lapua']);

    const open = $(`.front-course[data-course-id=${ids.withSeats}]`);
    expect(open.closest('.front-locality').find('h3').text()).toBe('Lapua');
    const text = open.text();
    expect(text).toContain('6.10.2026');
    expect(text).toContain('tiistaisin 17.00');
    expect(text).toContain('Tila ');
    expect(open.find('.seats-left').text()).toBe('3');
  });

  it('shows a full course as full (applicants go to the waitlist) and a cancelled one not at all', async () => {
    const $ = load(await (await getPage(app, '/')).text());
    expect($(`.front-course[data-course-id=${ids.full}] .seats-left`).text()).toBe(
      'Täynnä – voit hakea jonoon',
    );
    expect($(`.front-course[data-course-id=${ids.cancelled}]`).length).toBe(0);
  });

  it('links to applying, referring, the organisation contact (not the sender address) and a small staff sign-in', async () => {
    const $ = load(await (await getPage(app, '/')).text());
    const main = $('main');
    expect(main.find('a[href="/apply"]').length).toBeGreaterThan(0);
    expect(main.find('a[href="/referrals"]').length).toBeGreaterThan(0);
    expect(main.find('a[href="/sign-in"]').text()).toBe('Henkilökunnan kirjautuminen');
    expect(main.find('#contact a.contact-email').attr('href')).toBe(
      'mailto:kurssit@yhdistys.example',
    );
    expect(main.find('#contact a.contact-phone').attr('href')).toBe('tel:+358401234500');
    expect(main.text()).not.toContain('no-reply@');
  });

  it('is linked from the header of every public page for an anonymous visitor', async () => {
    for (const path of ['/', '/apply', '/referrals', '/sign-in', '/nominations']) {
      const $ = load(await (await getPage(app, path)).text());
      expect($('header a.front-page-link').attr('href'), path).toBe('/');
      expect($('header a.front-page-link').text(), path).toBe('Etusivu');
    }
  });

  it('still gives a signed-in user their own home page, without the front page link', async () => {
    const coordinator = await aStaffUser(db, 'coordinator');
    const cookie = await signIn(app, coordinator);
    const response = await getPage(app, '/', cookie);
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    expect($('h1').text()).toBe(`Hei, ${coordinator.name}!`);
    expect($('#front-page').length).toBe(0);
    expect($('header a.front-page-link').length).toBe(0);
  });

  it('still sends an anonymous visitor of a staff page to sign-in', async () => {
    const response = await getPage(app, '/calls');
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/sign-in?next=%2Fcalls');
  });
});
