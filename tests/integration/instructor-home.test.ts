import { load } from 'cheerio';
import { systemActor } from '../../src/features/audit/audit-log';
import { beforeAll, describe, expect, it } from 'vitest';
import { saveInstructor } from '../../src/features/instructors/queries';
import { aLocality, anArvoProgram, anAutumnTerm } from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';

describe("an instructor's home page", () => {
  const { app, db } = buildTestApp();
  let instructorCookie = '';

  const instructorFor = (name: string, userId: number | null, email = '') => {
    const created = saveInstructor(
      db,
      null,
      {
        name,
        email,
        phone: '',
        kind: 'peer',
        employerUnit: '',
        userId,
        localityIds: [],
      },
      systemActor,
      new Date(),
    );
    if (!created.ok) throw new Error('instructor');
    return created.id;
  };

  beforeAll(async () => {
    const account = await aStaffUser(db, 'instructor');
    instructorCookie = await signIn(app, account);
    const coordinatorCookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    // With an e-mail address, so the course's invitation is in their calendar as well.
    const own = instructorFor('Oma Ohjaaja', account.id, 'oma.ohjaaja@example.fi');
    const other = instructorFor('Toinen Ohjaaja', null);
    const term = anAutumnTerm(db);
    const program = anArvoProgram(db);
    for (const [locality, instructor] of [
      ['Lapua', own],
      ['Kurikka', other],
    ] as const) {
      const response = await postForm(
        app,
        '/courses',
        {
          termId: String(term),
          programId: String(program),
          localityId: String(aLocality(db, locality)),
          audience: 'open',
          firstDate: '2026-10-06',
          startTime: '17:00',
          instructor1: String(instructor),
        },
        { cookie: coordinatorCookie },
      );
      expect(response.status).toBe(303);
    }
  });

  it('lists only the courses the instructor leads, with their dates', async () => {
    const $ = load(await (await getPage(app, '/', instructorCookie)).text());
    const titles = $('.own-course h3')
      .map((_, heading) => $(heading).text())
      .get();
    expect(titles).toHaveLength(1);
    expect(titles[0]).toMatch(/· Lapua$/);
    expect($('.own-course table tbody tr')).toHaveLength(6);
    expect($('.own-course').text()).toContain('ti 6.10.2026');
    expect($('main').text()).not.toContain('Kurikka');
    expect($('.own-course a, .own-course button')).toHaveLength(0);
  });
});
