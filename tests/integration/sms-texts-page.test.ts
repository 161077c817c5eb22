import { load } from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, outbox } from '../../db/schema';
import { countFailedMail, enqueueMessage, enqueueText } from '../../src/features/outbox/queries';
import { pageSize } from '../../src/http/paging';
import { buildTestApp, getPage, signInEveryRole, testConfig } from '../support/test-app';

const queuedAt = (now: Date) => ({ now, domain: 'kurssipolku.test' });

function setUp(config = testConfig()) {
  const built = buildTestApp({ config });
  const { db, clock } = built;
  clock.setTo(new Date('2026-10-05T09:05:00Z'));
  const aText = (textBody: string) =>
    enqueueText(
      db,
      {
        recipientPhone: '+358401234567',
        recipientName: 'Aino Osallistuja',
        textBody,
        courseId: null,
        applicationId: null,
      },
      queuedAt(clock()),
    )!;
  const mail = enqueueMessage(
    db,
    {
      recipientEmail: 'aino@test.example',
      recipientName: 'Aino',
      subject: 'Kurssikutsu',
      textBody: 'Tervetuloa',
      htmlBody: '<p>Tervetuloa</p>',
      calendarMethod: '',
      calendar: '',
      courseId: null,
      applicationId: null,
    },
    queuedAt(clock()),
  );
  return { ...built, aText, mail };
}

describe('the outgoing texts page', () => {
  it('lists the queued texts, not the mail, and says no provider is set', async () => {
    const { app, db, aText, mail } = setUp();
    const text = aText('Muistutus: huomenna klo 17.00');
    const roles = await signInEveryRole({ app, db });

    const response = await getPage(app, '/texts', roles.coordinator);
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    expect($('#no-text-provider')).toHaveLength(1);
    expect($(`#text-${text} th`).text()).toContain('040 1234567');
    expect($(`#text-${text}`).text()).toContain('Muistutus: huomenna klo 17.00');
    expect($(`#text-${text}`).attr('data-state')).toBe('queued');
    expect($(`#text-${mail}`)).toHaveLength(0);
    expect($('nav a[href="/texts"]')).toHaveLength(1);

    const mailPage = load(await (await getPage(app, '/outbox', roles.coordinator)).text());
    expect(mailPage(`#outbox-${mail}`)).toHaveLength(1);
    expect(mailPage(`#outbox-${text}`)).toHaveLength(0);

    const reads = db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'outbox-message'), eq(auditLog.detail, 'texts list')))
      .all();
    expect(reads).toHaveLength(1);
  });

  it('drops the notice once SMS_URL is set', async () => {
    const { app, db } = setUp(testConfig({ SMS_URL: 'http://127.0.0.1:9/texts' }));
    const roles = await signInEveryRole({ app, db });
    const $ = load(await (await getPage(app, '/texts', roles.admin)).text());
    expect($('#no-text-provider')).toHaveLength(0);
    expect($('#texts-empty')).toHaveLength(1);
  });

  it('is for planning staff only', async () => {
    const { app, db } = setUp();
    const roles = await signInEveryRole({ app, db });
    expect((await getPage(app, '/texts', roles.instructor)).status).toBe(403);
    expect((await getPage(app, '/texts', roles.reporting)).status).toBe(403);
  });

  it('pages newest first, and "show more" answers with the next rows only', async () => {
    const { app, db, aText, clock } = setUp();
    const ids: number[] = [];
    for (let n = 0; n <= pageSize; n += 1) {
      ids.push(aText(`Viesti ${n}`));
      clock.advanceMinutes(1);
    }
    const roles = await signInEveryRole({ app, db });

    const first = load(await (await getPage(app, '/texts', roles.coordinator)).text());
    expect(first('#texts-rows tr[data-state]')).toHaveLength(pageSize);
    expect(first('#texts-rows tr[data-state]').first().attr('id')).toBe(`text-${ids.at(-1)}`);
    const more = first('#texts-more a').attr('href')!;

    const rest = await getPage(app, more, roles.coordinator, {
      'HX-Request': 'true',
      'HX-Target': 'texts-more',
    });
    const $ = load(`<table><tbody>${await rest.text()}</tbody></table>`);
    expect(
      $('tr[data-state]')
        .map((_, row) => $(row).attr('id'))
        .get(),
    ).toEqual([`text-${ids[0]}`]);
    expect($('h1')).toHaveLength(0);
  });
});

describe('failed texts and the failed-mail count', () => {
  it('counts only e-mail, as the mail list it links to shows only e-mail', () => {
    const { db, aText, mail } = setUp();
    const text = aText('Muistutus');
    db.update(outbox).set({ state: 'failed' }).where(eq(outbox.id, text)).run();
    expect(countFailedMail(db)).toBe(0);
    db.update(outbox).set({ state: 'failed' }).where(eq(outbox.id, mail)).run();
    expect(countFailedMail(db)).toBe(1);
  });
});
