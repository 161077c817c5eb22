import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, courses, localities, localityNeighbours } from '../../db/schema';
import {
  aLocality,
  aProgramOfSize,
  aWaitingApplicant,
  anAutumnTerm,
  anOpenCourse,
} from '../support/planning-fixtures';
import {
  aStaffUser,
  buildTestApp,
  getPage,
  postForm,
  signIn,
  testOrigin,
} from '../support/test-app';

/** Today in Helsinki is 2026-09-15 throughout. */
const today = '2026-09-15';

describe('courses at risk before their go/no-go decision', () => {
  const { app, db, clock } = buildTestApp();
  let cookie = '';
  let instructorCookie = '';
  const ids = {
    term: 0,
    seinajoki: 0,
    lapua: 0,
    kauhajoki: 0,
    elsewhere: 0,
    otherRegion: 0,
    atRisk: 0,
    notYet: 0,
    decisionDay: 0,
    enough: 0,
  };

  const courseWithDecisionOn = async (
    localityId: number,
    goNoGoDate: string,
    minimum = 8,
  ): Promise<number> => {
    const programId = aProgramOfSize(db, { minParticipants: minimum, maxParticipants: 14 });
    const courseId = anOpenCourse(db, { programId, localityId, termId: ids.term });
    db.update(courses).set({ goNoGoDate }).where(eq(courses.id, courseId)).run();
    return courseId;
  };

  const place = async (localityId: number, courseId: number) => {
    const applicationId = aWaitingApplicant(db, localityId);
    const response = await postForm(app, '/enrollments', { applicationId, courseId }, { cookie });
    expect(response.status).toBe(303);
  };

  /** Posts the neighbours form with these boxes ticked (a repeated field, as a browser sends it). */
  const saveNeighbours = (localityId: number, ticked: number[], as = cookie) => {
    const body = new URLSearchParams();
    for (const id of ticked) body.append('neighbours', String(id));
    return app.request(`/localities/${localityId}/neighbours`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: testOrigin,
        Cookie: as,
      },
      body,
    });
  };

  const neighbourPairs = () =>
    db
      .select()
      .from(localityNeighbours)
      .all()
      .map((row) => `${row.localityId}-${row.neighbourId}`)
      .sort();

  beforeAll(async () => {
    clock.setTo(new Date(`${today}T07:00:00Z`));
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    instructorCookie = await signIn(app, await aStaffUser(db, 'instructor'));
    ids.term = anAutumnTerm(db);
    ids.seinajoki = aLocality(db, 'Seinäjoki');
    ids.lapua = aLocality(db, 'Lapua');
    ids.kauhajoki = aLocality(db, 'Kauhajoki');
    ids.elsewhere = aLocality(db, 'Alajärvi');
    ids.otherRegion = aLocality(db, 'Oulu');
    db.update(localities)
      .set({ region: 'Pohjois-Pohjanmaa' })
      .where(eq(localities.id, ids.otherRegion))
      .run();

    ids.atRisk = await courseWithDecisionOn(ids.seinajoki, '2026-09-29');
    ids.notYet = await courseWithDecisionOn(ids.lapua, '2026-09-30');
    ids.decisionDay = await courseWithDecisionOn(ids.kauhajoki, today);
    ids.enough = await courseWithDecisionOn(ids.elsewhere, '2026-09-20', 1);
    await place(ids.seinajoki, ids.atRisk);
    await place(ids.lapua, ids.notYet);
    await place(ids.elsewhere, ids.enough);
    for (let n = 0; n < 3; n += 1) aWaitingApplicant(db, ids.seinajoki);
    for (let n = 0; n < 2; n += 1) aWaitingApplicant(db, ids.lapua);
    aWaitingApplicant(db, ids.kauhajoki);
    for (let n = 0; n < 5; n += 1) aWaitingApplicant(db, ids.elsewhere);
  });

  describe('locality neighbours', () => {
    it('saves the ticked neighbours both ways round, with an audit entry', async () => {
      const response = await saveNeighbours(ids.seinajoki, [ids.lapua]);
      expect(response.status).toBe(303);
      expect(neighbourPairs()).toEqual(
        [`${ids.seinajoki}-${ids.lapua}`, `${ids.lapua}-${ids.seinajoki}`].sort(),
      );
      const audit = db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectType, 'locality'), eq(auditLog.subjectId, ids.seinajoki)))
        .all();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.action).toBe('update');
    });

    it('replaces the list when saved again, removing both directions of an unticked pair', async () => {
      const both = await saveNeighbours(ids.lapua, [ids.kauhajoki, ids.elsewhere]);
      expect(both.status).toBe(303);
      expect(neighbourPairs()).toEqual(
        [
          `${ids.lapua}-${ids.kauhajoki}`,
          `${ids.kauhajoki}-${ids.lapua}`,
          `${ids.lapua}-${ids.elsewhere}`,
          `${ids.elsewhere}-${ids.lapua}`,
        ].sort(),
      );
      // Seinäjoki's neighbours for the rest of the tests: Lapua and Kauhajoki, not Alajärvi.
      expect((await saveNeighbours(ids.lapua, [])).status).toBe(303);
      expect(neighbourPairs()).toEqual([]);
      await saveNeighbours(ids.seinajoki, [ids.lapua, ids.kauhajoki]);
      expect(neighbourPairs()).toHaveLength(4);
    });

    it('shows the neighbours on the localities page, ticked', async () => {
      const $ = load(await (await getPage(app, '/localities', cookie)).text());
      expect($(`#neighbours-${ids.seinajoki}`).text()).toContain(
        'Naapuripaikkakunnat: Kauhajoki, Lapua',
      );
      expect($(`#neighbours-${ids.seinajoki}-${ids.lapua}`).attr('checked')).toBeDefined();
      expect($(`#neighbours-${ids.seinajoki}-${ids.elsewhere}`).attr('checked')).toBeUndefined();
      // Only the localities of the same region are offered.
      expect($(`#neighbours-${ids.seinajoki}-${ids.otherRegion}`).length).toBe(0);
    });

    it('refuses bad input with 422 and the list unchanged, never 500', async () => {
      const before = neighbourPairs();
      for (const neighbours of [
        'abc',
        String(ids.seinajoki),
        String(ids.otherRegion),
        '999999',
        '1e3',
      ]) {
        const response = await postForm(
          app,
          `/localities/${ids.seinajoki}/neighbours`,
          { neighbours },
          { cookie },
        );
        expect(response.status, neighbours).toBe(422);
        const $ = load(await response.text());
        expect($(`#neighbours-${ids.seinajoki}-error`).text()).toBe(
          'Valitse paikkakunnat listasta.',
        );
      }
      expect(neighbourPairs()).toEqual(before);
      const unknown = await postForm(app, '/localities/999999/neighbours', {}, { cookie });
      expect(unknown.status).toBe(404);
    });

    it('refuses instructors the neighbours and the decisions page', async () => {
      const response = await saveNeighbours(ids.seinajoki, [ids.elsewhere], instructorCookie);
      expect(response.status).toBe(403);
      expect(neighbourPairs()).toHaveLength(4);
      expect((await getPage(app, '/decisions', instructorCookie)).status).toBe(403);
    });
  });

  describe('on the home page, the decisions page and the term plan', () => {
    it('lists a course 14 days before its decision with 1/8 placed and who waits nearby', async () => {
      const $ = load(await (await getPage(app, '/', cookie)).text());
      const item = $(`#at-risk-${ids.atRisk}`);
      expect(item.text()).toContain('1/8 paikan saanutta');
      expect(item.text()).toContain('3 jonottaa paikkakunnalla Seinäjoki');
      // Lapua's 2 and Kauhajoki's 1; Alajärvi's 5 are not neighbours.
      expect(item.text()).toContain('3 naapuripaikkakunnilla');
      expect(item.text()).toContain('päätös ti 29.9.2026');
      expect(item.find(`a[href="/courses/${ids.atRisk}"]`).length).toBe(1);
      expect(item.find(`a[href="/courses/${ids.atRisk}/roster#place-title"]`).length).toBe(1);
    });

    it('does not list a course 15 days before, nor one with its minimum placed', async () => {
      const $ = load(await (await getPage(app, '/', cookie)).text());
      expect($(`#at-risk-${ids.notYet}`).length).toBe(0);
      expect($(`#at-risk-${ids.enough}`).length).toBe(0);
      expect($(`#at-risk-${ids.decisionDay}`).text()).toContain('päätös tänään');
    });

    it('marks the at-risk course on the term plan in words, and not the others', async () => {
      const $ = load(await (await getPage(app, `/terms/${ids.term}`, cookie)).text());
      const row = $(`#term-course-${ids.atRisk}`);
      expect(row.find('.badge').text()).toBe('Vaarassa peruuntua');
      expect(row.text()).toContain('3 jonottaa paikkakunnalla Seinäjoki');
      expect(row.text()).toContain('3 naapuripaikkakunnilla');
      expect($(`#term-course-${ids.notYet} .badge`).length).toBe(0);
      expect($(`#term-course-${ids.enough} .badge`).length).toBe(0);
      expect($(`#term-course-${ids.decisionDay} .badge`).text()).toBe('Vaarassa peruuntua');
    });

    it('marks a course past its decision date as overdue on the term plan', async () => {
      db.update(courses)
        .set({ goNoGoDate: '2026-09-14' })
        .where(eq(courses.id, ids.decisionDay))
        .run();
      const $ = load(await (await getPage(app, `/terms/${ids.term}`, cookie)).text());
      expect($(`#term-course-${ids.decisionDay} .badge`).text()).toBe('Päätös myöhässä');
      const home = load(await (await getPage(app, '/', cookie)).text());
      expect(home(`#at-risk-${ids.decisionDay}`).length).toBe(0);
      expect(home(`#decision-${ids.decisionDay}`).length).toBe(1);
    });

    it('puts the decisions page in the menu, with confirming not the primary button', async () => {
      const $ = load(await (await getPage(app, '/decisions', cookie)).text());
      expect($('nav[aria-label=Päävalikko] a[href="/decisions"]').length).toBe(1);
      expect($(`#at-risk-${ids.atRisk}`).length).toBe(1);
      const forms = $(`#decision-${ids.decisionDay} form`);
      expect(forms.length).toBe(3);
      const confirm = forms.filter((_, form) => $(form).find('input[value=confirm]').length > 0);
      expect(confirm.find('button').attr('class')).toBe('secondary');
      const cancel = forms.filter((_, form) => $(form).find('input[value=cancel]').length > 0);
      expect(cancel.find('button').attr('class')).toBe('danger');
    });
  });
});
