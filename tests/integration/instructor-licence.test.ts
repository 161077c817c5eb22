import { load } from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { courseInstructors, courses, instructors } from '../../db/schema';
import {
  aLocality,
  anArvoProgram,
  anInstructor,
  anOpenCourse,
  aSpringTerm,
} from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';

describe('instructor licences on the instructor list and the coordinator’s home page', () => {
  const { app, db, clock } = buildTestApp();
  let cookie = '';
  let instructorCookie = '';
  const ids = { newcomer: 0, lapsing: 0, active: 0, lapsed: 0, unknown: 0 };

  const instructorNamed = (name: string, trainedOn: string | null) => {
    const id = anInstructor(db);
    db.update(instructors).set({ name, trainedOn }).where(eq(instructors.id, id)).run();
    return id;
  };

  /** A course of six weekly sessions from `firstDate`, held (completed) and led by `instructorId`. */
  const aHeldCourse = (instructorId: number, firstDate: string) => {
    const courseId = anOpenCourse(db, { firstDate });
    db.update(courses).set({ status: 'completed' }).where(eq(courses.id, courseId)).run();
    db.insert(courseInstructors).values({ courseId, instructorId }).run();
  };

  const licenceCell = async (instructorId: number) => {
    const $ = load(await (await getPage(app, '/instructors', cookie)).text());
    return $(`#instructor-${instructorId} .instructor-licence`);
  };

  const homeItems = async (sessionCookie = cookie) => {
    const $ = load(await (await getPage(app, '/', sessionCookie)).text());
    return $('#licence-items li');
  };

  beforeAll(async () => {
    // Today is 2027-01-20 in Helsinki; set before signing in, so the sessions stay valid.
    clock.setTo(new Date('2027-01-20T09:00:00Z'));
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    instructorCookie = await signIn(app, await aStaffUser(db, 'instructor'));
    ids.newcomer = instructorNamed('Uusi Ohjaaja', '2026-06-20');
    ids.lapsing = instructorNamed('Raukeava Ohjaaja', '2025-01-10');
    aHeldCourse(ids.lapsing, '2026-01-13'); // last session 2026-02-17
    ids.active = instructorNamed('Aktiivinen Ohjaaja', '2026-05-20');
    aHeldCourse(ids.active, '2026-10-13'); // last session 2026-11-17
    ids.lapsed = instructorNamed('Rauennut Ohjaaja', '2025-06-01');
    ids.unknown = instructorNamed('Vanha Ohjaaja', null);
  });

  it('shows each instructor’s licence status with its facts', async () => {
    expect((await licenceCell(ids.newcomer)).text()).toBe(
      'uusikoulutettu 20.6.2026, ei vielä kurssia: 7 kk, voimassa 20.6.2027 asti',
    );
    expect((await licenceCell(ids.lapsing)).text()).toBe(
      'raukeamassaviimeisin kurssi päättyi 17.2.2026, voimassa 17.2.2027 asti',
    );
    expect((await licenceCell(ids.active)).text()).toBe(
      'voimassaviimeisin kurssi päättyi 17.11.2026, voimassa 17.11.2027 asti',
    );
    expect((await licenceCell(ids.lapsed)).text()).toBe(
      'rauennutkoulutettu 1.6.2025, ei vielä kurssia: 19 kk, rauennut 2.6.2026',
    );
    expect((await licenceCell(ids.unknown)).text()).toBe(
      'ei koulutustietoakoulutuspäivää ei ole merkitty',
    );
  });

  it('lists a new instructor with no course planned and one about to lapse, each with links', async () => {
    const items = await homeItems();
    expect(items).toHaveLength(2);
    const newcomer = items.filter(`#licence-item-${ids.newcomer}`);
    expect(newcomer.text()).toContain(
      'Uusi Ohjaaja: koulutettu 20.6.2026, kurssia ei ole vielä suunniteltu (7 kk). Ensimmäinen kurssi olisi hyvä pitää 20.12.2026 mennessä',
    );
    expect(newcomer.find('a').first().attr('href')).toBe(`/instructors/${ids.newcomer}/edit`);
    expect(newcomer.find('a').last().attr('href')).toBe(`/courses/new?instructor=${ids.newcomer}`);
    expect(items.filter(`#licence-item-${ids.lapsing}`).text()).toContain(
      'Raukeava Ohjaaja: viimeisin kurssi päättyi 17.2.2026. Lisenssi raukeaa pian (voimassa 17.2.2027 asti)',
    );
  });

  it('offers the course form with the instructor chosen', async () => {
    const $ = load(
      await (await getPage(app, `/courses/new?instructor=${ids.newcomer}`, cookie)).text(),
    );
    expect($('select[name=instructor1] option[selected]').val()).toBe(String(ids.newcomer));
  });

  it('clears the item once a course is planned for the new instructor, who stays new', async () => {
    const term = aSpringTerm(db);
    const response = await postForm(
      app,
      '/courses',
      {
        termId: String(term),
        programId: String(anArvoProgram(db)),
        localityId: String(aLocality(db)),
        venueId: '',
        audience: 'open',
        targetService: '',
        firstDate: '2027-03-02',
        startTime: '17:00',
        instructor1: String(ids.newcomer),
        instructor2: '',
        goNoGoDate: '',
        intent: 'save',
        acceptWarnings: 'on',
      },
      { cookie },
    );
    expect(response.status, await response.clone().text()).toBe(303);
    const items = await homeItems();
    expect(items.filter(`#licence-item-${ids.newcomer}`)).toHaveLength(0);
    expect(items.filter(`#licence-item-${ids.lapsing}`)).toHaveLength(1);
    expect((await licenceCell(ids.newcomer)).find('strong').text()).toBe('uusi');
  });

  it('shows no licence items to an instructor', async () => {
    expect(await homeItems(instructorCookie)).toHaveLength(0);
    const home = await (await getPage(app, '/', instructorCookie)).text();
    expect(home).not.toContain('Raukeava Ohjaaja');
  });
});
