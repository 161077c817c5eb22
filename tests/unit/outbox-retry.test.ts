import { describe, expect, it } from 'vitest';
import { mailOptionsFor } from '../../src/features/outbox/mail-sender';
import {
  classifySendError,
  describeSendError,
  maxAttempts,
  nextRetryDelay,
  outcomeOfFailedSend,
} from '../../src/features/outbox/retry-policy';

/** Shaped like nodemailer's errors: a message, its own code and maybe the SMTP reply code. */
function smtpError(message: string, fields: { code?: string; responseCode?: number }) {
  return Object.assign(new Error(message), fields);
}

const now = new Date('2026-09-01T09:00:00Z');

describe('which send errors are worth another try', () => {
  it.each([
    ['a refused connection', { code: 'ECONNREFUSED' }],
    ['a timeout', { code: 'ETIMEDOUT' }],
    ['a broken socket', { code: 'ESOCKET' }],
    ['a failed connection', { code: 'ECONNECTION' }],
    ['a 421 service not available', { code: 'EMESSAGE', responseCode: 421 }],
    ['a 450 mailbox busy at RCPT', { code: 'EENVELOPE', responseCode: 450 }],
    ['a 451 local error', { code: 'EMESSAGE', responseCode: 451 }],
    ['a refused login (our configuration)', { code: 'EAUTH', responseCode: 535 }],
    ['an error nodemailer does not name', {}],
  ])('treats %s as temporary', (_, fields) => {
    expect(classifySendError(smtpError('x', fields))).toBe('temporary');
  });

  it.each([
    ['a 550 unknown user', { code: 'EENVELOPE', responseCode: 550 }],
    ['a 552 message too large', { code: 'EMESSAGE', responseCode: 552 }],
    ['a 554 rejected message', { responseCode: 554 }],
    ['an address no server would take', { code: 'EENVELOPE' }],
    ['a message that cannot be built', { code: 'EMESSAGE' }],
  ])('treats %s as permanent', (_, fields) => {
    expect(classifySendError(smtpError('x', fields))).toBe('permanent');
  });

  it('treats something that is not an error object as temporary', () => {
    expect(classifySendError('boom')).toBe('temporary');
    expect(classifySendError(null)).toBe('temporary');
  });
});

describe('how long to wait before the next try', () => {
  it('starts at half a minute and grows with every failed attempt, never shrinking', () => {
    expect(nextRetryDelay(1)).toBe(30_000);
    expect(nextRetryDelay(2)).toBe(2 * 60_000);
    expect(nextRetryDelay(3)).toBe(10 * 60_000);
    expect(nextRetryDelay(5)).toBe(60 * 60_000);
    for (let attempts = 1; attempts < 20; attempts += 1) {
      expect(nextRetryDelay(attempts + 1)).toBeGreaterThanOrEqual(nextRetryDelay(attempts));
    }
    expect(nextRetryDelay(20)).toBeLessThanOrEqual(4 * 60 * 60_000);
  });

  it('retries a temporary error until the last allowed attempt, then gives up', () => {
    const refused = smtpError('connect ECONNREFUSED', { code: 'ECONNREFUSED' });
    expect(outcomeOfFailedSend(refused, 1, now)).toEqual({
      state: 'retry',
      retryAt: new Date(now.getTime() + 30_000),
    });
    expect(outcomeOfFailedSend(refused, maxAttempts - 1, now).state).toBe('retry');
    expect(outcomeOfFailedSend(refused, maxAttempts, now)).toEqual({ state: 'failed' });
    expect(maxAttempts).toBe(8);
  });

  it('gives up on a permanent error at once', () => {
    const unknownUser = smtpError('No such user', { code: 'EENVELOPE', responseCode: 550 });
    expect(outcomeOfFailedSend(unknownUser, 1, now)).toEqual({ state: 'failed' });
  });
});

describe('the reason kept with a failed message', () => {
  it('names the SMTP reply code and the error code before the text', () => {
    const error = smtpError('Message failed: 550 No such user', {
      code: 'EMESSAGE',
      responseCode: 550,
    });
    expect(describeSendError(error)).toBe('550 EMESSAGE: Message failed: 550 No such user');
    expect(describeSendError(new Error('plain'))).toBe('plain');
  });
});

describe('an outbox row as nodemailer mail', () => {
  const row = {
    messageId: '<outbox-abc@kurssipolku>',
    recipientEmail: 'aino@test.example',
    recipientName: 'Aino A',
    subject: 'Kurssikutsu',
    textBody: 'Tervetuloa',
    htmlBody: '<p>Tervetuloa</p>',
    calendarMethod: 'REQUEST',
    calendar: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
  };

  it('keeps the stored Message-ID and adds the invitation inline and once as kurssi.ics', () => {
    expect(mailOptionsFor('Kurssipolku <no-reply@test.example>', row)).toEqual({
      from: 'Kurssipolku <no-reply@test.example>',
      to: { name: 'Aino A', address: 'aino@test.example' },
      subject: 'Kurssikutsu',
      text: 'Tervetuloa',
      html: '<p>Tervetuloa</p>',
      messageId: '<outbox-abc@kurssipolku>',
      alternatives: [
        { contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: row.calendar },
      ],
      attachments: [
        {
          filename: 'kurssi.ics',
          contentType: 'text/calendar; charset=utf-8; method=REQUEST',
          content: row.calendar,
        },
      ],
    });
  });

  it('sends a plain message without any calendar part', () => {
    const mail = mailOptionsFor('a@test.example', { ...row, calendarMethod: '', calendar: '' });
    expect(mail.alternatives).toBeUndefined();
    expect(mail.attachments).toBeUndefined();
  });
});
