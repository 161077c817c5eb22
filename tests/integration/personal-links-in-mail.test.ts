import { load } from 'cheerio';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, deletionRequests, invitations, outbox } from '../../db/schema';
import type { AppDatabase } from '../../src/db';
import { retryFailed } from '../../src/features/outbox/queries';
import { hashSecretToken } from '../../src/lib/tokens';
import {
  aLocality,
  anArvoProgram,
  anAutumnTerm,
  aVenue,
  aWaitingApplicant,
  sessionsOf,
} from '../support/planning-fixtures';
import { deliverQueuedMail, startTestSmtpServer } from '../support/smtp-server';
import { aStaffUser, buildTestApp, getPage, postForm, signIn } from '../support/test-app';

/** Every outbox row with all its columns, as one string to search. */
const wholeOutbox = (db: AppDatabase) =>
  JSON.stringify(db.$client.prepare('SELECT * FROM outbox').all());

const personalLinkIn = (text: string) => /https?:\/\/\S+?(\/p\/[\w-]+)/.exec(text)?.[1];

describe('personal links in participant mail', () => {
  const { app, db, clock } = buildTestApp();
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let cookie = '';
  let courseId = 0;
  let locality = 0;
  const people = { aino: 0, bertta: 0, ilman: 0 };
  const place = async (applicationId: number) => {
    const placed = await postForm(app, '/enrollments', { applicationId, courseId }, { cookie });
    expect(placed.status).toBe(303);
  };

  const deliver = () => deliverQueuedMail(db, clock, smtp);
  const mailTo = (mail: Awaited<ReturnType<typeof deliver>>, email: string) =>
    mail.find((message) => message.envelopeTo.includes(email))!;

  beforeAll(async () => {
    smtp = await startTestSmtpServer();
    cookie = await signIn(app, await aStaffUser(db, 'coordinator'));
    locality = aLocality(db);
    const created = await postForm(
      app,
      '/courses',
      {
        termId: anAutumnTerm(db),
        programId: anArvoProgram(db),
        localityId: locality,
        venueId: aVenue(db, locality),
        audience: 'open',
        firstDate: '2026-10-06',
        startTime: '17:00',
        acceptWarnings: 'on',
      },
      { cookie },
    );
    courseId = Number(created.headers.get('Location')!.split('/').pop());
    await postForm(app, `/courses/${courseId}/status`, { status: 'open' }, { cookie });
    people.aino = aWaitingApplicant(db, locality, {
      name: 'Aino Salainen',
      email: 'aino.salainen@test.example',
    });
    people.bertta = aWaitingApplicant(db, locality, {
      name: 'Bertta Toinen',
      email: 'bertta@test.example',
    });
    people.ilman = aWaitingApplicant(db, locality, { name: 'Ilmari Kirjeellä', email: '' });
    for (const applicationId of Object.values(people)) await place(applicationId);
  });
  afterAll(() => smtp.close());

  it('stores the invitation with a placeholder, never a token that opens a personal page', async () => {
    const stored = db.select().from(outbox).where(eq(outbox.applicationId, people.aino)).all();
    expect(stored.length).toBeGreaterThan(0);
    for (const message of stored) {
      expect(message.textBody).toContain('http://localhost/p/personal-link-made-when-sent');
    }

    const everything = wholeOutbox(db);
    const linkHashes = new Set(
      db.$client
        .prepare('SELECT token_hash AS hash FROM participant_links')
        .all()
        .map((row) => (row as { hash: string }).hash),
    );
    for (const candidate of everything.match(/[\w-]{16,}/g) ?? []) {
      expect(linkHashes.has(hashSecretToken(candidate))).toBe(false);
    }
    for (const path of new Set(everything.match(/\/p\/[\w-]+/g) ?? [])) {
      expect((await getPage(app, path)).status).toBe(404);
    }
  });

  it('shows the coordinator where the link goes, and that it is made when sent', async () => {
    const [stored] = db.select().from(outbox).where(eq(outbox.applicationId, people.aino)).all();
    const $ = load(await (await getPage(app, `/outbox/${stored!.id}`, cookie)).text());
    expect($('pre#outbox-text').text()).toContain('/p/personal-link-made-when-sent');
    expect($('#outbox-personal-link-note').text()).toContain('tehdään vasta, kun viesti lähtee');
  });

  it('sends each participant a personal link that works, and a resend one that works too', async () => {
    const mail = await deliver();
    const first = mailTo(mail, 'aino.salainen@test.example');
    const link = personalLinkIn(first.text ?? '')!;
    expect(first.html).toContain(link);
    const page = await getPage(app, link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Aino Salainen');
    expect(personalLinkIn(mailTo(mail, 'bertta@test.example').text ?? '')).not.toBe(link);

    const [stored] = db.select().from(outbox).where(eq(outbox.applicationId, people.aino)).all();
    db.update(outbox).set({ state: 'failed' }).where(eq(outbox.id, stored!.id)).run();
    expect(retryFailed(db, stored!.id, clock())).toBe(true);
    const resent = mailTo(await deliver(), 'aino.salainen@test.example');
    expect(resent.messageId).toBe(first.messageId);
    const secondLink = personalLinkIn(resent.text ?? '')!;
    expect(secondLink).not.toBe(link);
    expect((await getPage(app, secondLink)).status).toBe(200);
    expect((await getPage(app, link)).status).toBe(200);
    expect(wholeOutbox(db)).not.toContain(secondLink.slice(3));
  });

  it('prints a letter with a working personal link for someone without e-mail', async () => {
    const letter = db
      .select()
      .from(invitations)
      .where(eq(invitations.applicationId, people.ilman))
      .get()!;
    const response = await getPage(app, `/letters/${letter.id}`, cookie);
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    const lines = $('article.letter p')
      .toArray()
      .map((line) => $(line).text());
    const link = lines.map(personalLinkIn).find(Boolean)!;
    const page = await getPage(app, link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Ilmari Kirjeellä');
  });

  it('leaves no trace of an erased person in the outbox, nor on the Outgoing mail page', async () => {
    const eeva = aWaitingApplicant(db, locality, {
      name: 'Eeva Poistettava',
      email: 'eeva.poistettava@test.example',
    });
    await place(eeva);
    await deliver();
    const person = db.select().from(applications).where(eq(applications.id, eeva)).get()!;
    const traces = [person.name, person.email, person.phone, person.phone.replace('+358', '0')];
    // An update still waiting to be sent when the erasure happens.
    const lastSession = sessionsOf(db, courseId).at(-1)!;
    await postForm(
      app,
      `/courses/${courseId}/sessions/${lastSession.id}/cancellation`,
      {},
      { cookie },
    );
    const before = db.select().from(outbox).where(eq(outbox.applicationId, eeva)).all();
    expect(before.map((row) => row.state)).toEqual(['sent', 'queued']);
    expect(wholeOutbox(db)).toContain(person.email);

    const request = db
      .insert(deletionRequests)
      .values({ applicationId: eeva, requestedAt: clock() })
      .returning({ id: deletionRequests.id })
      .get();
    const erased = await postForm(
      app,
      `/deletion-requests/${request.id}/erasure`,
      { withdrawFirst: 'yes' },
      { cookie },
    );
    expect(erased.status).toBe(303);

    // The one message telling her it was done waits to be sent (the retention job empties it
    // later, with the other sent bodies); nothing else of hers is left.
    const [notice, ...others] = db
      .select()
      .from(outbox)
      .where(eq(outbox.applicationId, eeva))
      .orderBy(desc(outbox.id))
      .all();
    expect(notice).toMatchObject({ subject: 'Tietosi on poistettu', state: 'queued' });
    const everything = JSON.stringify(
      db.$client.prepare('SELECT * FROM outbox WHERE id != ?').all(notice!.id),
    );
    for (const trace of traces) expect(everything).not.toContain(trace);
    const kept = others;
    expect(kept.map((row) => row.state)).toEqual(['sent']);
    expect(kept[0]).toMatchObject({ recipientEmail: '', subject: '', textBody: '', calendar: '' });

    const $ = load(await (await getPage(app, '/outbox', cookie)).text());
    $(`#outbox-${notice!.id}`).remove();
    for (const trace of traces) expect($.html()).not.toContain(trace);
    expect($(`#outbox-${kept[0]!.id} th[scope=row]`).text()).toBe(
      'Viesti henkilölle, jonka tiedot on poistettu',
    );
    expect(wholeOutbox(db)).toContain('bertta@test.example');
  });
});
