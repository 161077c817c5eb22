import { load } from 'cheerio';
import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog, instructorLocalities, instructors, users } from '../../db/schema';
import {
  aLocality,
  anAutumnTerm,
  anInstructor,
  anOpenCourse,
  aWaitingApplicant,
} from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';

/**
 * Two counties on one instance: Pirkanmaa (Tampere, Nokia) and Keski-Suomi (Jyväskylä). A
 * coordinator at home in Pirkanmaa sees Pirkanmaa's work unless the address asks for another region.
 */
describe('lists by region', () => {
  const { app, db } = buildTestApp();
  const cookies = { pirkanmaa: '', everywhere: '', admin: '' };
  const ids = { term: 0, tampere: 0, nokia: 0, jyvaskyla: 0 };

  beforeAll(async () => {
    ids.term = anAutumnTerm(db);
    ids.tampere = aLocality(db, 'Tampere', 'Pirkanmaa');
    ids.nokia = aLocality(db, 'Nokia', 'Pirkanmaa');
    ids.jyvaskyla = aLocality(db, 'Jyväskylä', 'Keski-Suomi');
    for (const localityId of [ids.tampere, ids.nokia, ids.jyvaskyla]) {
      anOpenCourse(db, { localityId, termId: ids.term });
    }
    cookies.pirkanmaa = await signIn(
      app,
      await aStaffUser(db, 'coordinator', { homeRegion: 'Pirkanmaa' }),
    );
    cookies.everywhere = await signIn(app, await aStaffUser(db, 'coordinator'));
    cookies.admin = await signIn(app, await aStaffUser(db, 'admin'));
  });

  const termPlanLocalities = async (query: string, cookie = cookies.pirkanmaa) => {
    const response = await getPage(app, `/terms/${ids.term}${query}`, cookie);
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    return { $, text: $('#term-courses').text() };
  };

  it("shows a coordinator only their home region's courses on the term plan, and says so", async () => {
    const { $, text } = await termPlanLocalities('');
    expect(text).toContain('Tampere');
    expect(text).toContain('Nokia');
    expect(text).not.toContain('Jyväskylä');
    expect($('.region-shown').text()).toContain('Pirkanmaa');
    expect($('#region-filter option[selected]').attr('value')).toBe('Pirkanmaa');
  });

  it('shows every region with an empty ?region= and another region when asked', async () => {
    const all = await termPlanLocalities('?region=');
    for (const name of ['Tampere', 'Nokia', 'Jyväskylä']) expect(all.text).toContain(name);
    expect(all.$('#region-filter option[selected]').length).toBe(0);
    const other = await termPlanLocalities('?region=Keski-Suomi');
    expect(other.text).toContain('Jyväskylä');
    expect(other.text).not.toContain('Tampere');
  });

  it('shows every region to someone without a home region', async () => {
    const { text } = await termPlanLocalities('', cookies.everywhere);
    for (const name of ['Tampere', 'Nokia', 'Jyväskylä']) expect(text).toContain(name);
  });

  it('answers an unknown region with a message and every region, never an error', async () => {
    const { $, text } = await termPlanLocalities('?region=Atlantis');
    expect($('#region-filter-error').text()).toContain('Atlantis');
    for (const name of ['Tampere', 'Jyväskylä']) expect(text).toContain(name);
  });

  it("lets an admin set a user's home region, audited, and refuses a region no locality has", async () => {
    const person = await aStaffUser(db, 'coordinator');
    const refused = await postForm(
      app,
      `/admin/users/${person.id}/home-region`,
      { homeRegion: 'Atlantis' },
      { cookie: cookies.admin },
    );
    expect(refused.status).toBe(422);
    const saved = await postForm(
      app,
      `/admin/users/${person.id}/home-region`,
      { homeRegion: 'Keski-Suomi' },
      { cookie: cookies.admin },
    );
    expect(saved.status).toBe(303);
    const row = db.select().from(users).where(eq(users.id, person.id)).get()!;
    expect(row.homeRegion).toBe('Keski-Suomi');
    const entries = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, person.id), eq(auditLog.detail, 'home region')))
      .all();
    expect(entries).toHaveLength(1);
    const signedIn = await signIn(app, person);
    const { text } = await termPlanLocalities('', signedIn);
    expect(text).toContain('Jyväskylä');
    expect(text).not.toContain('Nokia');
  });

  it('lets an admin give a new account its home region', async () => {
    const response = await postForm(
      app,
      '/admin/users',
      {
        name: 'Uusi Koordinaattori',
        email: 'uusi@test.example',
        role: 'coordinator',
        homeRegion: 'Pirkanmaa',
        password: 'correct horse battery',
      },
      { cookie: cookies.admin },
    );
    expect(response.status).toBe(303);
    const row = db.select().from(users).where(eq(users.email, 'uusi@test.example')).get()!;
    expect(row.homeRegion).toBe('Pirkanmaa');
  });

  it('lets staff change their own home region on the account page, audited', async () => {
    const person = await aStaffUser(db, 'instructor');
    const cookie = await signIn(app, person);
    const page = load(await (await getPage(app, '/account', cookie)).text());
    expect(page('select[name="homeRegion"] option').length).toBe(3);
    const saved = await postForm(
      app,
      '/account/home-region',
      { homeRegion: 'Pirkanmaa' },
      { cookie },
    );
    expect(saved.status).toBe(303);
    expect(db.select().from(users).where(eq(users.id, person.id)).get()!.homeRegion).toBe(
      'Pirkanmaa',
    );
    const audited = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, person.id), eq(auditLog.detail, 'home region')))
      .all();
    expect(audited).toHaveLength(1);
    const refused = await postForm(
      app,
      '/account/home-region',
      { homeRegion: 'Atlantis' },
      { cookie },
    );
    expect(refused.status).toBe(422);
    expect(load(await refused.text())('#homeRegion-error').text()).not.toBe('');
    const back = await postForm(app, '/account/home-region', { homeRegion: '' }, { cookie });
    expect(back.status).toBe(303);
    expect(db.select().from(users).where(eq(users.id, person.id)).get()!.homeRegion).toBe('');
  });
});

describe('the demand, decisions, call queue, people and instructors by region', () => {
  const { app, db, clock } = buildTestApp();
  const cookies = { pirkanmaa: '', instructor: '' };
  const courses = { tampere: 0, jyvaskyla: 0 };
  const instructorIds = { tampere: 0, jyvaskyla: 0 };
  let termId = 0;

  const anApplicantToCall = (name: string, localityId: number | null) => {
    const at = new Date('2026-09-20T09:00:00Z');
    return db
      .insert(applications)
      .values({
        source: 'phone',
        name,
        phone: `+35840${String(1000000 + name.length * 7919 + (localityId ?? 0))}`,
        localityId,
        state: 'to-call',
        callDueAt: at,
        createdAt: at,
        updatedAt: at,
      })
      .returning({ id: applications.id })
      .get().id;
  };

  const anInstructorIn = (localityIds: number[]) => {
    const id = anInstructor(db);
    for (const localityId of localityIds) {
      db.insert(instructorLocalities).values({ instructorId: id, localityId }).run();
    }
    return db.select().from(instructors).where(eq(instructors.id, id)).get()!;
  };

  beforeAll(async () => {
    // Past the courses' go/no-go date (29 September) with nobody placed: both need a decision.
    clock.setTo(new Date('2026-09-30T09:00:00Z'));
    termId = anAutumnTerm(db);
    const tampere = aLocality(db, 'Tampere', 'Pirkanmaa');
    const jyvaskyla = aLocality(db, 'Jyväskylä', 'Keski-Suomi');
    courses.tampere = anOpenCourse(db, { localityId: tampere, termId });
    courses.jyvaskyla = anOpenCourse(db, { localityId: jyvaskyla, termId });
    anApplicantToCall('Hakija Tampereelta', tampere);
    anApplicantToCall('Hakija Jyväskylästä', jyvaskyla);
    anApplicantToCall('Hakija Muualta', null);
    aWaitingApplicant(db, tampere, { name: 'Odottaja Tampereella' });
    aWaitingApplicant(db, jyvaskyla, { name: 'Odottaja Jyväskylässä' });
    instructorIds.tampere = anInstructorIn([tampere]).id;
    instructorIds.jyvaskyla = anInstructorIn([jyvaskyla]).id;

    const instructorUser = await aStaffUser(db, 'instructor', { homeRegion: 'Keski-Suomi' });
    const ownInstructor = anInstructorIn([jyvaskyla]);
    db.update(instructors)
      .set({ userId: instructorUser.id })
      .where(eq(instructors.id, ownInstructor.id))
      .run();
    const assigned = anApplicantToCall('Hakija Ohjaajalle', jyvaskyla);
    db.update(applications)
      .set({ assignedInstructorId: ownInstructor.id })
      .where(eq(applications.id, assigned))
      .run();

    cookies.pirkanmaa = await signIn(
      app,
      await aStaffUser(db, 'coordinator', { homeRegion: 'Pirkanmaa' }),
    );
    cookies.instructor = await signIn(app, instructorUser);
  });

  const textOf = async (path: string, selector: string, cookie = cookies.pirkanmaa) => {
    const response = await getPage(app, path, cookie);
    expect(response.status).toBe(200);
    return load(await response.text())(selector).text();
  };

  it("lists the home region's demand on the term plan, every region's with ?region=", async () => {
    const own = await textOf(`/terms/${termId}`, '#demand-table');
    expect(own).toContain('Tampere');
    expect(own).not.toContain('Jyväskylä');
    const all = await textOf(`/terms/${termId}?region=`, '#demand-table');
    expect(all).toContain('Jyväskylä');
  });

  it("lists the home region's go/no-go decisions, and another region's when asked", async () => {
    const own = load(await (await getPage(app, '/decisions', cookies.pirkanmaa)).text());
    expect(own(`#decision-${courses.tampere}`).length).toBe(1);
    expect(own(`#decision-${courses.jyvaskyla}`).length).toBe(0);
    const other = load(
      await (await getPage(app, '/decisions?region=Keski-Suomi', cookies.pirkanmaa)).text(),
    );
    expect(other(`#decision-${courses.tampere}`).length).toBe(0);
    expect(other(`#decision-${courses.jyvaskyla}`).length).toBe(1);
  });

  it("offers the region's instructors for a call, and keeps the region on the queue's next page", async () => {
    const assignees = async (path: string) => {
      const $ = load(await (await getPage(app, path, cookies.pirkanmaa)).text());
      return $('#call-queue select[name="instructorId"]')
        .first()
        .find('option')
        .map((_, option) => $(option).attr('value'))
        .get()
        .filter(Boolean)
        .map(Number);
    };
    expect(await assignees('/calls')).toContain(instructorIds.tampere);
    expect(await assignees('/calls')).not.toContain(instructorIds.jyvaskyla);
    expect(await assignees('/calls?region=')).toContain(instructorIds.jyvaskyla);

    const later = new Date('2026-09-25T09:00:00Z');
    const jyvaskyla = db
      .select()
      .from(applications)
      .where(eq(applications.name, 'Hakija Jyväskylästä'))
      .get()!.localityId;
    for (let index = 0; index < 55; index += 1) {
      db.insert(applications)
        .values({
          source: 'phone',
          name: `Jonossa ${index}`,
          phone: `+35850${String(2000000 + index)}`,
          localityId: jyvaskyla,
          state: 'to-call',
          callDueAt: later,
          createdAt: later,
          updatedAt: later,
        })
        .run();
    }
    const first = load(
      await (await getPage(app, '/calls?region=Keski-Suomi', cookies.pirkanmaa)).text(),
    );
    const next = first('#call-queue-more a').attr('href')!;
    expect(next).toContain('region=Keski-Suomi');
    const second = await textOf(next, '#call-queue');
    expect(second).toContain('Jonossa 54');
    expect(second).not.toContain('Hakija Tampereelta');
    db.delete(applications)
      .where(sql`${applications.name} like 'Jonossa %'`)
      .run();
  });

  it('puts the home region and the applicants without a locality on the call queue', async () => {
    const own = await textOf('/calls', '#call-queue');
    expect(own).toContain('Hakija Tampereelta');
    expect(own).toContain('Hakija Muualta');
    expect(own).not.toContain('Hakija Jyväskylästä');
    const all = await textOf('/calls?region=', '#call-queue');
    expect(all).toContain('Hakija Jyväskylästä');
    const unknown = await getPage(app, '/calls?region=%3Cb%3EX', cookies.pirkanmaa);
    expect(unknown.status).toBe(200);
    const page = load(await unknown.text());
    expect(page('#region-filter-error').text()).toContain('<b>X');
    expect(page('#call-queue').text()).toContain('Hakija Jyväskylästä');
  });

  it("finds people of the home region, and every region's with ?region=", async () => {
    const own = await textOf('/people?q=Hakija', '#people');
    expect(own).toContain('Hakija Tampereelta');
    expect(own).not.toContain('Hakija Jyväskylästä');
    const all = await textOf('/people?q=Hakija&region=', '#people');
    expect(all).toContain('Hakija Jyväskylästä');
  });

  it("lists the home region's instructors and those without a locality", async () => {
    const response = await getPage(app, '/instructors', cookies.pirkanmaa);
    const table = load(await response.text())('#instructors-table').text();
    expect(table).toContain('Tampere');
    expect(table).not.toContain('Jyväskylä');
    const all = await textOf('/instructors?region=', '#instructors-table');
    expect(all).toContain('Jyväskylä');
  });

  it("counts the home region's decisions and calls on the coordinator's home page", async () => {
    const own = load(await (await getPage(app, '/', cookies.pirkanmaa)).text());
    expect(own('#glance-decisions').text()).toMatch(/^1 /);
    expect(own('#glance-calls').text()).toMatch(/^2 /);
    expect(own('#at-a-glance .region-shown').text()).toContain('Pirkanmaa');
    const all = load(await (await getPage(app, '/?region=', cookies.pirkanmaa)).text());
    expect(all('#glance-decisions').text()).toMatch(/^2 /);
    expect(all('#glance-calls').text()).toMatch(/^4 /);
  });

  it("never widens an instructor's lists beyond their own calls and courses", async () => {
    for (const query of ['', '?region=', '?region=Pirkanmaa']) {
      const queue = await textOf(`/calls${query}`, '#calls-page', cookies.instructor);
      expect(queue).not.toContain('Hakija Tampereelta');
      expect(queue).not.toContain('Hakija Jyväskylästä');
      expect(queue).not.toContain('Hakija Muualta');
      if (query !== '?region=Pirkanmaa') expect(queue).toContain('Hakija Ohjaajalle');
    }
    const people = await textOf('/people?q=Hakija&region=', '#people-results', cookies.instructor);
    expect(people).not.toContain('Hakija');
  });
});
