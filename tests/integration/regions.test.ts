import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '../../db/schema';
import { aLocality, anAutumnTerm, anOpenCourse } from '../support/planning-fixtures';
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
