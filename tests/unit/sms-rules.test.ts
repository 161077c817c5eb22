import { describe, expect, it } from 'vitest';
import {
  isMobileNumber,
  reminderDueAt,
  sessionDateDueForReminders,
  smsLength,
  withPlainTypography,
} from '../../src/features/texts/sms-rules';

describe('a text is counted as the phone network counts it', () => {
  it('counts Finnish and Swedish letters as GSM-7', () => {
    expect(smsLength('Hyvää päivää, Åsa! Ölé über')).toEqual({
      encoding: 'gsm7',
      units: 27,
      segments: 1,
    });
  });

  it('counts an extension character such as € or [ as two', () => {
    expect(smsLength('5 €')).toEqual({ encoding: 'gsm7', units: 4, segments: 1 });
    expect(smsLength('[a]')).toEqual({ encoding: 'gsm7', units: 5, segments: 1 });
  });

  it('fits 160 GSM-7 characters in one text and splits longer ones into parts of 153', () => {
    expect(smsLength('a'.repeat(160)).segments).toBe(1);
    expect(smsLength('a'.repeat(161)).segments).toBe(2);
    expect(smsLength('a'.repeat(306)).segments).toBe(2);
    expect(smsLength('a'.repeat(307)).segments).toBe(3);
    expect(smsLength('€'.repeat(80)).segments).toBe(1);
    expect(smsLength('€'.repeat(81)).segments).toBe(2);
  });

  it('turns the whole text into UCS-2 for one š or emoji (70 per text, parts of 67)', () => {
    expect(smsLength('Šárka')).toEqual({ encoding: 'ucs2', units: 5, segments: 1 });
    expect(smsLength('hi 🙂')).toEqual({ encoding: 'ucs2', units: 5, segments: 1 });
    expect(smsLength('š' + 'a'.repeat(69)).segments).toBe(1);
    expect(smsLength('š' + 'a'.repeat(70)).segments).toBe(2);
    expect(smsLength('š' + 'a'.repeat(134)).segments).toBe(3);
  });

  it('counts an empty text as no text', () => {
    expect(smsLength('').segments).toBe(0);
  });
});

describe('only mobile numbers get texts', () => {
  it.each([
    '+358401234567',
    '+358501234567',
    '+358441234567',
    '+358451234567',
    '+358461234567',
    '+358411234567',
    '+46701234567',
  ])('%s is a mobile', (number) => expect(isMobileNumber(number)).toBe(true));

  it('counts a number whose type cannot be told (fixed line or mobile) as mobile', () => {
    expect(isMobileNumber('+12015550123')).toBe(true);
  });

  it.each(['+35862123456', '+3589123456', '+358', 'nonsense'])('%s gets no texts', (number) =>
    expect(isMobileNumber(number)).toBe(false),
  );
});

describe('a reminder is due at the reminder time on the Helsinki day before', () => {
  it('is due at 12:00 winter time for the Monday after the October clock change', () => {
    // Clocks go back on Sunday 25 October 2026; on that Sunday Helsinki is UTC+2.
    expect(reminderDueAt('2026-10-26', '12:00').toISOString()).toBe('2026-10-25T10:00:00.000Z');
    expect(reminderDueAt('2026-10-25', '12:00').toISOString()).toBe('2026-10-24T09:00:00.000Z');
  });

  it('is due at 12:00 summer time for the Monday after the March clock change', () => {
    // Clocks go forward on Sunday 29 March 2026; on that Sunday Helsinki is UTC+3.
    expect(reminderDueAt('2026-03-30', '12:00').toISOString()).toBe('2026-03-29T09:00:00.000Z');
    expect(reminderDueAt('2026-03-29', '12:00').toISOString()).toBe('2026-03-28T10:00:00.000Z');
  });

  it('names tomorrow only once the reminder time has passed today', () => {
    expect(sessionDateDueForReminders(new Date('2026-10-25T09:59:00Z'), '12:00')).toBeNull();
    expect(sessionDateDueForReminders(new Date('2026-10-25T10:00:00Z'), '12:00')).toBe(
      '2026-10-26',
    );
    expect(sessionDateDueForReminders(new Date('2026-03-29T08:59:00Z'), '12:00')).toBeNull();
    expect(sessionDateDueForReminders(new Date('2026-03-29T09:00:00Z'), '12:00')).toBe(
      '2026-03-30',
    );
    // 22:30 UTC is already 00:30 the next day in Helsinki.
    expect(sessionDateDueForReminders(new Date('2026-10-26T22:30:00Z'), '00:15')).toBe(
      '2026-10-28',
    );
  });
});

describe('typography that would force UCS-2 is written plainly', () => {
  it('turns dashes, curly quotes and ellipses into their GSM-7 forms', () => {
    const plain = withPlainTypography('Arkeen Voimaa – kipu, “Tila” ’A’…');
    expect(plain).toBe('Arkeen Voimaa - kipu, "Tila" \'A\'...');
    expect(smsLength(plain).encoding).toBe('gsm7');
  });
});
