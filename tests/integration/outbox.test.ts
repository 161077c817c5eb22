import type { AddressInfo } from 'node:net';
import { load } from 'cheerio';
import { eq } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { outbox, type OutboxState } from '../../db/schema';
import type { AppDatabase } from '../../src/db';
import { createMailSender } from '../../src/features/outbox/mail-sender';
import { startOutboxWorker, type OutboxWorker } from '../../src/features/outbox/outbox-worker';
import {
  claimDueMessages,
  enqueueMessage,
  findOutboxMessage,
  markFailed,
  markSent,
  requeueExpiredLeases,
  sendLeaseMs,
  type NewOutboxMessage,
} from '../../src/features/outbox/queries';
import { startTestSmtpServer } from '../support/smtp-server';
import {
  aStaffUser,
  buildTestApp,
  cookiesFrom,
  freshDatabase,
  getPage,
  manualClock,
  postForm,
  signIn,
} from '../support/test-app';

const from = 'Kurssipolku <no-reply@kurssipolku.example>';

const invitationCalendar = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:course-7@kurssipolku',
  'SUMMARY:Arkeen Voimaa\\, Lapua',
  'DESCRIPTION:<b>Tuo vesipullo</b>',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

function anInvitation(overrides: Partial<NewOutboxMessage> = {}): NewOutboxMessage {
  return {
    recipientEmail: 'aino.osallistuja@test.example',
    recipientName: 'Aino Osallistuja',
    subject: 'Kurssikutsu: Arkeen Voimaa, Lapua',
    textBody: 'Tervetuloa Arkeen Voimaa -kurssille Lapualle!',
    htmlBody: '<p>Tervetuloa <strong>Arkeen Voimaa</strong> -kurssille Lapualle!</p>',
    calendarMethod: 'REQUEST',
    calendar: invitationCalendar,
    courseId: null,
    applicationId: null,
    ...overrides,
  };
}

function aPlainMessage(overrides: Partial<NewOutboxMessage> = {}): NewOutboxMessage {
  return anInvitation({ calendarMethod: '', calendar: '', ...overrides });
}

const stored = (db: AppDatabase, id: number) => findOutboxMessage(db, id)!;

function setState(db: AppDatabase, id: number, state: OutboxState, lastError = '') {
  db.update(outbox).set({ state, lastError }).where(eq(outbox.id, id)).run();
}

/** After each test the workers stop first (closing their SMTP pools), then the servers. */
const workersToStop: OutboxWorker[] = [];
const serversToClose: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(workersToStop.splice(0).map((worker) => worker.stop()));
  await Promise.all(serversToClose.splice(0).map((close) => close()));
});

async function aSmtpServer(options: Parameters<typeof startTestSmtpServer>[0] = {}) {
  const smtp = await startTestSmtpServer(options);
  serversToClose.push(() => smtp.close());
  return smtp;
}

function aWorker(db: AppDatabase, clock: () => Date, smtpUrl: string | null) {
  const worker: OutboxWorker = startOutboxWorker({
    db,
    clock,
    sender: smtpUrl ? createMailSender(smtpUrl, from) : null,
    intervalMs: 60_000,
  });
  workersToStop.push(worker);
  return worker;
}

/** A port where nothing listens: a test server's, once it is closed. */
async function aClosedPort(): Promise<number> {
  const smtp = await startTestSmtpServer();
  await smtp.close();
  return smtp.port;
}

/** Like the shared test server, but on a port the test chooses (the helper always picks one). */
async function smtpServerOnPort(port: number) {
  const messages: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push(parsed);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  expect((server.server.address() as AddressInfo).port).toBe(port);
  serversToClose.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { messages };
}

/** When a message is queued, and the domain its Message-ID carries. */
const queuedAt = (now: Date) => ({ now, domain: 'kurssipolku.test' });

describe('sending a calendar invitation', () => {
  const db = freshDatabase();

  it('delivers it over SMTP with the text, the html, the invitation and the .ics file', async () => {
    const clock = manualClock();
    const smtp = await aSmtpServer();
    const id = enqueueMessage(db, anInvitation(), queuedAt(clock()));
    const worker = aWorker(db, clock, smtp.url);

    expect(await worker.runOnce()).toBe(1);

    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.envelopeTo).toEqual(['aino.osallistuja@test.example']);
    expect(mail!.subject).toBe('Kurssikutsu: Arkeen Voimaa, Lapua');
    expect(mail!.text?.trim()).toBe('Tervetuloa Arkeen Voimaa -kurssille Lapualle!');
    expect(mail!.html).toContain('<strong>Arkeen Voimaa</strong>');
    expect(mail!.messageId).toBe(stored(db, id).messageId);

    const invitation = mail!.attachments.find((part) => part.contentType === 'text/calendar');
    expect(invitation).toBeDefined();
    const contentType = invitation!.headers.get('content-type') as {
      params: Record<string, string>;
    };
    expect(contentType.params.method).toBe('REQUEST');
    expect(invitation!.content.toString()).toContain('UID:course-7@kurssipolku');

    const icsFile = mail!.attachments.find((part) => part.filename === 'kurssi.ics');
    expect(icsFile?.contentType).toBe('text/calendar');
    expect(icsFile?.content.toString()).toBe(invitationCalendar);
    // The invitation and one file: no third copy under another name.
    const calendarCopies = mail!.attachments.filter(
      (part) => part.contentType === 'text/calendar' || part.contentType === 'application/ics',
    );
    expect(calendarCopies).toHaveLength(2);
    expect(calendarCopies.map((part) => part.content.toString())).toEqual([
      invitationCalendar,
      invitationCalendar,
    ]);

    expect(stored(db, id)).toMatchObject({ state: 'sent', attempts: 1, sentAt: clock() });
  });
});

describe('a mail server that cannot be reached', () => {
  const db = freshDatabase();

  it('keeps the message for a later try, and delivers it once the server is back', async () => {
    const clock = manualClock();
    const port = await aClosedPort();
    const id = enqueueMessage(db, anInvitation(), queuedAt(clock()));
    const worker = aWorker(db, clock, `smtp://127.0.0.1:${port}`);

    expect(await worker.runOnce()).toBe(0);
    const waiting = stored(db, id);
    expect(waiting.state).toBe('retry');
    expect(waiting.attempts).toBe(1);
    expect(waiting.lastError).toMatch(/ECONNREFUSED|ECONNECTION/);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(clock().getTime());
    expect(waiting.sentAt).toBeNull();

    const server = await smtpServerOnPort(port);
    expect(await worker.runOnce()).toBe(0);
    expect(server.messages).toHaveLength(0);

    clock.advanceMinutes(1);
    expect(clock().getTime()).toBeGreaterThan(waiting.nextAttemptAt.getTime());
    expect(await worker.runOnce()).toBe(1);
    expect(server.messages.map((mail) => mail.messageId)).toEqual([waiting.messageId]);
    expect(stored(db, id)).toMatchObject({ state: 'sent', attempts: 2, sentAt: clock() });
  });
});

describe('a mail server that refuses the message for good', () => {
  const db = freshDatabase();

  it('marks it failed with the reason and does not try again', async () => {
    const clock = manualClock();
    const smtp = await aSmtpServer({ rejectWith: { code: 550, message: 'No such user here' } });
    const id = enqueueMessage(db, aPlainMessage(), queuedAt(clock()));
    const worker = aWorker(db, clock, smtp.url);

    expect(await worker.runOnce()).toBe(0);
    const failed = stored(db, id);
    expect(failed.state).toBe('failed');
    expect(failed.lastError).toContain('550');
    expect(failed.lastError).toContain('No such user here');

    clock.advanceMinutes(24 * 60);
    await worker.runOnce();
    expect(stored(db, id)).toMatchObject({ state: 'failed', attempts: 1 });
  });
});

describe('a batch with one bad address', () => {
  const db = freshDatabase();

  it('fails only that message and delivers the others', async () => {
    const clock = manualClock();
    const smtp = await aSmtpServer();
    const bad = enqueueMessage(
      db,
      aPlainMessage({ recipientEmail: 'ei-osoite' }),
      queuedAt(clock()),
    );
    const good = enqueueMessage(
      db,
      aPlainMessage({ recipientEmail: 'pekka@test.example' }),
      queuedAt(clock()),
    );
    const worker = aWorker(db, clock, smtp.url);

    expect(await worker.runOnce()).toBe(1);

    expect(stored(db, bad).state).toBe('failed');
    expect(stored(db, bad).lastError).not.toBe('');
    expect(stored(db, good).state).toBe('sent');
    expect(smtp.messages.map((mail) => mail.envelopeTo)).toEqual([['pekka@test.example']]);
  });
});

describe('a message a crashed worker left sending', () => {
  const db = freshDatabase();

  it('waits while the lease lasts, then is queued again and sent with its original Message-ID', async () => {
    const clock = manualClock();
    const smtp = await aSmtpServer();
    const id = enqueueMessage(db, anInvitation(), queuedAt(clock()));
    const [claimed] = claimDueMessages(db, 'crashed-worker', clock(), 10);
    expect(claimed).toMatchObject({ id, state: 'sending', claimedBy: 'crashed-worker' });
    const { messageId } = stored(db, id);
    expect(messageId).toMatch(/^<outbox-[0-9a-f]{32}@kurssipolku\.test>$/);

    const worker = aWorker(db, clock, smtp.url);
    expect(stored(db, id).state).toBe('sending');
    expect(await worker.runOnce()).toBe(0);

    clock.advanceMinutes(sendLeaseMs / 60_000);
    expect(await worker.runOnce()).toBe(1);

    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.messageId).toBe(messageId);
    expect(mail!.headers.get('message-id')).toBe(messageId);
    expect(stored(db, id)).toMatchObject({ state: 'sent', leaseUntil: null });
    expect(stored(db, id).claimedBy).not.toBe('crashed-worker');
  });

  it('is queued again only once its lease has expired', () => {
    const clock = manualClock();
    const expired = enqueueMessage(db, anInvitation(), queuedAt(clock()));
    const live = enqueueMessage(db, anInvitation(), queuedAt(clock()));
    expect(claimDueMessages(db, 'worker-b', clock(), 1).map((row) => row.id)).toEqual([expired]);
    clock.advanceMinutes(5);
    expect(claimDueMessages(db, 'worker-a', clock(), 1).map((row) => row.id)).toEqual([live]);
    clock.advanceMinutes(sendLeaseMs / 60_000 - 5);

    expect(requeueExpiredLeases(db, clock())).toBe(1);
    expect(stored(db, live)).toMatchObject({ state: 'sending', claimedBy: 'worker-a' });
    expect(stored(db, expired)).toMatchObject({
      state: 'queued',
      claimedBy: '',
      leaseUntil: null,
      nextAttemptAt: clock(),
    });
  });
});

describe('a worker whose lease ran out while it was still sending', () => {
  const db = freshDatabase();

  it('cannot settle the message another worker has taken over', () => {
    const clock = manualClock();
    const id = enqueueMessage(db, anInvitation(), queuedAt(clock()));
    const [first] = claimDueMessages(db, 'slow-worker', clock(), 10);
    clock.advanceMinutes(sendLeaseMs / 60_000 + 1);
    requeueExpiredLeases(db, clock());
    const [second] = claimDueMessages(db, 'other-worker', clock(), 10);
    expect(second!.id).toBe(id);

    expect(markFailed(db, first!, '550 too late')).toBe(false);
    expect(markSent(db, first!, clock())).toBe(false);
    expect(stored(db, id)).toMatchObject({ state: 'sending', claimedBy: 'other-worker' });
    expect(markSent(db, second!, clock())).toBe(true);
    expect(stored(db, id)).toMatchObject({ state: 'sent', attempts: 2 });
  });
});

describe('without a mail server (no SMTP_URL)', () => {
  const { app, db, clock, config } = buildTestApp();
  const cookieFor = async (role: 'coordinator' | 'instructor') =>
    signIn(app, await aStaffUser(db, role));

  it('sends nothing and keeps every message queued', async () => {
    expect(config.smtpUrl).toBeNull();
    const id = enqueueMessage(db, anInvitation(), queuedAt(clock()));
    const worker = aWorker(db, clock, config.smtpUrl);
    expect(await worker.runOnce()).toBe(0);
    expect(stored(db, id)).toMatchObject({ state: 'queued', attempts: 0 });
  });

  it('tells the coordinator that mail waits on the Outgoing mail page', async () => {
    const id = enqueueMessage(db, anInvitation({ subject: 'Kutsu: Seinäjoki' }), queuedAt(clock()));
    const response = await getPage(app, '/outbox', await cookieFor('coordinator'));
    expect(response.status).toBe(200);
    const $ = load(await response.text());
    expect($('#no-mail-server').text()).toContain('SMTP_URL');
    const row = $(`#outbox-${id}`);
    expect(row.find('th[scope=row]').text()).toBe('Kutsu: Seinäjoki');
    expect(row.find('.outbox-recipient').text()).toContain('aino.osallistuja@test.example');
    expect(row.find('.outbox-state').text()).toBe('Odottaa lähetystä');
    expect(row.find(`a[href="/outbox/${id}"]`)).toHaveLength(1);
    expect(row.find('form')).toHaveLength(0);
    expect($('#outbox-table caption').text()).not.toBe('');
  });

  it('previews the text and the calendar, escaped', async () => {
    const id = enqueueMessage(db, anInvitation(), queuedAt(clock()));
    const response = await getPage(app, `/outbox/${id}`, await cookieFor('coordinator'));
    expect(response.status).toBe(200);
    const html = await response.text();
    const $ = load(html);
    expect($('pre#outbox-text').text()).toBe('Tervetuloa Arkeen Voimaa -kurssille Lapualle!');
    expect($('pre#outbox-calendar').text()).toContain('METHOD:REQUEST');
    expect($('pre#outbox-calendar').text()).toContain('DESCRIPTION:<b>Tuo vesipullo</b>');
    expect($('pre#outbox-calendar b')).toHaveLength(0);
  });

  it('answers 404 for a message that does not exist', async () => {
    const cookie = await cookieFor('coordinator');
    expect((await getPage(app, '/outbox/999999', cookie)).status).toBe(404);
    expect((await postForm(app, '/outbox/999999/retry', {}, { cookie })).status).toBe(404);
  });

  it('shows only the messages in the chosen state, and all with a message for an unknown one', async () => {
    const queued = enqueueMessage(db, anInvitation(), queuedAt(clock()));
    const failed = enqueueMessage(db, anInvitation(), queuedAt(clock()));
    setState(db, failed, 'failed', '550 No such user');
    const cookie = await cookieFor('coordinator');

    const onlyFailed = load(await (await getPage(app, '/outbox?state=failed', cookie)).text());
    expect(onlyFailed(`#outbox-${failed}`)).toHaveLength(1);
    expect(onlyFailed(`#outbox-${queued}`)).toHaveLength(0);
    expect(onlyFailed('#outbox-state-filter option[selected]').attr('value')).toBe('failed');

    const unknown = await getPage(app, '/outbox?state=%3Cscript%3E', cookie);
    expect(unknown.status).toBe(200);
    const all = load(await unknown.text());
    expect(all('#outbox-state-error').text()).toBe('Tuntematon tila. Näytetään kaikki viestit.');
    expect(all(`#outbox-${failed}`)).toHaveLength(1);
    expect(all(`#outbox-${queued}`)).toHaveLength(1);
  });

  it('keeps instructors out', async () => {
    const id = enqueueMessage(db, anInvitation(), queuedAt(clock()));
    setState(db, id, 'failed', '550 No such user');
    const cookie = await cookieFor('instructor');
    expect((await getPage(app, '/outbox', cookie)).status).toBe(403);
    expect((await getPage(app, `/outbox/${id}`, cookie)).status).toBe(403);
    expect((await postForm(app, `/outbox/${id}/retry`, {}, { cookie })).status).toBe(403);
    expect(stored(db, id).state).toBe('failed');
  });

  it('lets the coordinator send a failed message again', async () => {
    const id = enqueueMessage(
      db,
      anInvitation({ recipientEmail: 'liisa@test.example' }),
      queuedAt(clock()),
    );
    db.update(outbox)
      .set({ state: 'failed', attempts: 8, lastError: '421 ETIMEDOUT: gave up' })
      .where(eq(outbox.id, id))
      .run();
    const cookie = await cookieFor('coordinator');

    const list = load(await (await getPage(app, '/outbox', cookie)).text());
    expect(list(`#outbox-${id} .outbox-state`).text()).toBe('Epäonnistui');
    expect(list(`#outbox-${id} .outbox-error`).text()).toBe('421 ETIMEDOUT: gave up');
    expect(list(`#outbox-${id} form`).attr('action')).toBe(`/outbox/${id}/retry`);

    const response = await postForm(app, `/outbox/${id}/retry`, {}, { cookie });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/outbox');
    expect(stored(db, id)).toMatchObject({
      state: 'queued',
      attempts: 0,
      nextAttemptAt: clock(),
    });

    const after = load(await (await getPage(app, '/outbox', cookiesFrom(response, cookie))).text());
    expect(after('.flash').text()).toContain('liisa@test.example');
    expect(after(`#outbox-${id} .outbox-state`).text()).toBe('Odottaa lähetystä');
  });

  it('does not re-queue a message that has not failed', async () => {
    const id = enqueueMessage(db, anInvitation(), queuedAt(clock()));
    const cookie = await cookieFor('coordinator');
    const response = await postForm(app, `/outbox/${id}/retry`, {}, { cookie });
    expect(response.status).toBe(303);
    expect(stored(db, id)).toMatchObject({ state: 'queued', attempts: 0 });
  });
});
