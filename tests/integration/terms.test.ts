import { load } from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  blockedPeriods,
  terms,
  trainingCandidates,
  trainings,
  type CandidateState,
} from '../../db/schema';
import { aLocality, anArvoProgram, anAutumnTerm, anInstructor } from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';

describe('the term plan', () => {
  const { app, db } = buildTestApp();
  let cookie = '';
  const ids = { term: 0, lapua: 0, kurikka: 0 };

  const planCourse = async (
    localityId: number,
    firstDate: string,
    instructorIds: number[] = [],
  ) => {
    const response = await postForm(
      app,
      '/courses',
      {
        termId: String(ids.term),
        programId: String(anArvoProgram(db)),
        localityId: String(localityId),
        audience: 'open',
        firstDate,
        startTime: '17:00',
        instructor1: String(instructorIds[0] ?? ''),
        instructor2: String(instructorIds[1] ?? ''),
        acceptWarnings: 'on',
      },
      { cookie },
    );
    expect(response.status).toBe(303);
    return Number(response.headers.get('Location')!.split('/').pop());
  };

  beforeAll(async () => {
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    ids.term = anAutumnTerm(db);
    ids.lapua = aLocality(db, 'Lapua');
    ids.kurikka = aLocality(db, 'Kurikka');
    await planCourse(ids.lapua, '2026-10-06', [anInstructor(db), anInstructor(db, 'peer')]);
    await planCourse(ids.kurikka, '2026-11-04');
    const cancelled = await planCourse(ids.kurikka, '2026-11-05');
    await postForm(
      app,
      `/courses/${cancelled}/cancellation`,
      { reason: 'Liian vähän hakijoita' },
      { cookie },
    );
  });

  it('lists the courses by locality with dates, instructors, status and seats, and counts them against the target', async () => {
    const $ = load(await (await getPage(app, `/terms/${ids.term}`, cookie)).text());
    expect(
      $('#term-courses caption')
        .map((_, caption) => $(caption).text())
        .get(),
    ).toEqual(['Kurikka', 'Lapua']);
    const lapuaRow = $('#term-courses table').eq(1).find('tbody tr');
    expect(lapuaRow.text()).toContain('ti 6.10.2026 – ti 10.11.2026 (6 kertaa)');
    expect(lapuaRow.text()).toContain('Ohjaaja');
    expect(lapuaRow.find('td').eq(3).text()).toBe('suunniteltu');
    expect(lapuaRow.find('td').eq(4).text()).toBe('0 / 14');
    // The cancelled course is listed but not counted.
    expect($('.targets li').first().text()).toBe('Kursseja: 2 (tavoite 2–4) tavoitteessa');
  });

  it('counts the candidates who completed training within the term against the target', async () => {
    const now = new Date('2026-09-01T09:00:00Z');
    const trainingId = db
      .insert(trainings)
      .values({
        name: 'Ohjaajakoulutus syksy 2026',
        status: 'held',
        capacity: 12,
        calendarUid: 'training-terms-test@kurssipolku.test',
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: trainings.id })
      .get().id;
    const candidate = (state: CandidateState, completedOn: string | null) => ({
      source: 'supervisor' as const,
      name: `Ehdokas ${state} ${completedOn}`,
      phone: '+358401234567',
      kind: 'professional' as const,
      consentAt: now,
      state,
      trainingId,
      completedOn,
      createdAt: now,
      updatedAt: now,
    });
    db.insert(trainingCandidates)
      .values([
        candidate('completed', '2026-08-01'), // the term's first day
        candidate('completed', '2026-10-15'),
        candidate('completed', '2026-12-31'), // the term's last day
        candidate('completed', '2027-01-01'), // the next term
        candidate('completed', '2026-07-31'), // the term before
        candidate('enrolled', null),
        candidate('dropped', null),
      ])
      .run();
    const $ = load(await (await getPage(app, `/terms/${ids.term}`, cookie)).text());
    expect($('#instructors-target').text()).toBe(
      'Koulutettuja ohjaajia: 3 (tavoite 4–6) alle tavoitteen',
    );
  });

  it('shows every session of the term week by week, without cancelled courses', async () => {
    const $ = load(await (await getPage(app, `/terms/${ids.term}`, cookie)).text());
    const weeks = $('.calendar-week h3')
      .map((_, heading) => $(heading).text())
      .get();
    expect(weeks[0]).toBe('Viikko 41: ma 5.10.2026 – su 11.10.2026');
    expect($('.calendar-week li').length).toBe(12);
    expect($('.calendar-week').text()).toContain('ti 27.10.2026 17.00–19.30');
  });

  it('filters by locality and status with plain links, and gives htmx only the course list', async () => {
    const filtered = load(
      await (
        await getPage(app, `/terms/${ids.term}?locality=${ids.kurikka}&status=cancelled`, cookie)
      ).text(),
    );
    expect(filtered('#term-courses tbody tr')).toHaveLength(1);
    expect(filtered('#term-courses tbody tr').text()).toContain('peruttu');
    expect(filtered('#filter-locality option[selected]').text()).toBe('Kurikka');

    const fragment = await (
      await getPage(app, `/terms/${ids.term}?locality=${ids.lapua}`, cookie, {
        'HX-Request': 'true',
        'HX-Target': 'term-courses',
      })
    ).text();
    expect(fragment).not.toContain('<html');
    const $fragment = load(fragment, null, false);
    expect($fragment('#term-courses caption').text()).toBe('Lapua');
    // Only the list it replaces: no calendar, demand or forms for the client to throw away.
    expect($fragment('#calendar-title, #demand-table, #targets-title, form')).toHaveLength(0);
  });

  it('shows per locality how many applicants wait for a course there', async () => {
    const now = new Date();
    db.insert(applications)
      .values(
        ['waiting', 'waiting', 'to-call'].map((state, index) => ({
          source: 'public' as const,
          name: `Hakija ${index}`,
          phone: `+35840123450${index}`,
          state: state as 'waiting' | 'to-call',
          localityId: ids.kurikka,
          callDueAt: now,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .run();
    const $ = load(await (await getPage(app, `/terms/${ids.term}`, cookie)).text());
    expect(
      $('#demand-table tbody tr')
        .map((_, row) => $(row).text())
        .get(),
    ).toEqual(['Kurikka21']);
  });

  it('ignores a filter value that is not one', async () => {
    const response = await getPage(app, `/terms/${ids.term}?locality=abc&status=nonsense`, cookie);
    expect(response.status).toBe(200);
    expect(load(await response.text())('#term-courses tbody tr')).toHaveLength(3);
  });

  it('saves new targets, and refuses a maximum below the minimum', async () => {
    const saved = await postForm(
      app,
      `/terms/${ids.term}/targets`,
      {
        targetCoursesMin: '3',
        targetCoursesMax: '5',
        targetInstructorsMin: '4',
        targetInstructorsMax: '6',
      },
      { cookie },
    );
    expect(saved.status).toBe(303);
    expect(db.select().from(terms).where(eq(terms.id, ids.term)).get()).toMatchObject({
      targetCoursesMin: 3,
      targetCoursesMax: 5,
    });

    const invalid = await postForm(
      app,
      `/terms/${ids.term}/targets`,
      {
        targetCoursesMin: '4',
        targetCoursesMax: '2',
        targetInstructorsMin: 'x',
        targetInstructorsMax: '6',
      },
      { cookie },
    );
    const $ = load(await invalid.text());
    expect(invalid.status).toBe(422);
    expect($('#targetCoursesMax-error').text()).toContain('Enimmäismäärä ei voi olla pienempi');
    expect($('#targetInstructorsMin-error').text()).not.toBe('');
    expect($('input[name=targetCoursesMax]').val()).toBe('2');
    expect(db.select().from(terms).where(eq(terms.id, ids.term)).get()).toMatchObject({
      targetCoursesMin: 3,
      targetCoursesMax: 5,
    });
  });

  it('creates a term, and refuses one that ends before it starts or repeats a name', async () => {
    const targets = {
      targetCoursesMin: '2',
      targetCoursesMax: '4',
      targetInstructorsMin: '4',
      targetInstructorsMax: '6',
    };
    const created = await postForm(
      app,
      '/terms',
      { name: 'Kevät 2027', startsOn: '2027-01-01', endsOn: '2027-06-30', ...targets },
      { cookie },
    );
    expect(created.status).toBe(303);
    const backwards = await postForm(
      app,
      '/terms',
      { name: 'Syksy 2027', startsOn: '2027-12-31', endsOn: '2027-08-01', ...targets },
      { cookie },
    );
    expect(backwards.status).toBe(422);
    expect(load(await backwards.text())('#endsOn-error').text()).toBe(
      'Päättymisajan pitää olla alkamisajan jälkeen.',
    );
    const repeated = await postForm(
      app,
      '/terms',
      { name: 'Kevät 2027', startsOn: '2027-01-01', endsOn: '2027-06-30', ...targets },
      { cookie },
    );
    expect(load(await repeated.text())('#name-error').text()).toBe(
      'Tämän niminen lukukausi on jo olemassa.',
    );
    expect(db.select().from(terms).where(eq(terms.name, 'Kevät 2027')).all()).toHaveLength(1);
  });

  it('adds and removes a blocked period from the plan, and re-renders the plan on bad dates', async () => {
    const returnTo = `/terms/${ids.term}`;
    const added = await postForm(
      app,
      '/blocked-periods',
      { name: 'Joululoma', startsOn: '2026-12-21', endsOn: '2027-01-06', returnTo },
      { cookie },
    );
    expect(added.headers.get('Location')).toBe(returnTo);
    const period = db
      .select()
      .from(blockedPeriods)
      .where(eq(blockedPeriods.name, 'Joululoma'))
      .get()!;

    const invalid = await postForm(
      app,
      '/blocked-periods',
      { name: 'Hiihtoloma', startsOn: '2027-03-07', endsOn: '2027-03-01', returnTo },
      { cookie },
    );
    const $ = load(await invalid.text());
    expect(invalid.status).toBe(422);
    expect($('h1').text()).toContain('Lukukauden suunnitelma');
    expect($('#endsOn-error').text()).toBe('Päättymisajan pitää olla alkamisajan jälkeen.');
    expect($('input[name=name]').last().val()).toBe('Hiihtoloma');

    const removed = await postForm(
      app,
      `/blocked-periods/${period.id}/deletion`,
      { returnTo },
      { cookie },
    );
    expect(removed.status).toBe(303);
    expect(
      db.select().from(blockedPeriods).where(eq(blockedPeriods.id, period.id)).get(),
    ).toBeUndefined();
  });
});
