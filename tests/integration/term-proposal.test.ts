import { load } from 'cheerio';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { courses, terms } from '../../db/schema';
import { demoSignIns, loadDemoData } from '../../src/features/demo/demo-data';
import { mailSettingsFrom } from '../../src/features/invites/invitations';
import { buildTestApp, cookiesFrom, getPage, postForm, signIn } from '../support/test-app';

const now = new Date('2026-11-23T10:00:00Z');

describe('proposing the spring term on the demo data', () => {
  const { app, db, clock, config } = buildTestApp();
  let cookie = '';
  let springId = 0;

  beforeAll(async () => {
    clock.setTo(now);
    await loadDemoData(db, now, mailSettingsFrom(config));
    const coordinator = demoSignIns.find((person) => person.role === 'coordinator')!;
    cookie = await signIn(app, coordinator);
    springId = db.select().from(terms).where(eq(terms.name, 'Kevät 2027')).get()!.id;
  });

  it('shows the targets form with what a good plan means', async () => {
    const response = await getPage(app, `/terms/${springId}/proposal`, cookie);
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    const fields = Object.fromEntries(
      $('form[action$="/proposal"] :is(input, select)')
        .toArray()
        .filter((element) => $(element).attr('type') !== 'checkbox' || $(element).is(':checked'))
        .map((element) => [$(element).attr('name'), $(element).val()]),
    );
    console.log(fields);
    const before = db.select().from(courses).all().length;
    const proposed = await postForm(app, `/terms/${springId}/proposal`, { ...fields, courseCount: '3' } as never, { cookie });
    const page = load(await proposed.text());
    console.log(proposed.status, page('main').text().replace(/\s+/g, ' ').slice(0, 3000));
    expect(db.select().from(courses).all().length).toBe(before);
  });
});

export { cookiesFrom };
