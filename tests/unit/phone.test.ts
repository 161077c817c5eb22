import { describe, expect, it } from 'vitest';
import { formatPhoneForDisplay, normalizePhone } from '../../src/lib/phone';

describe('phone numbers are stored in E.164', () => {
  it.each([
    ['040 123 4567', '+358401234567'],
    ['+358 40 1234567', '+358401234567'],
    ['0401234567', '+358401234567'],
    ['(06) 123 4567', '+35861234567'],
    ['09-123 4567', '+35891234567'],
    ['+46 70 123 45 67', '+46701234567'],
  ])('reads %s as %s', (typed, e164) => {
    expect(normalizePhone(typed)).toEqual({ ok: true, e164 });
  });

  it.each(['abc', '123', 'abc123', '040 123 4567 abc', '+358', '   '])('refuses %j', (typed) => {
    expect(normalizePhone(typed)).toEqual({ ok: false });
  });
});

describe('phone numbers are shown as people write them', () => {
  it('shows a Finnish mobile and landline number in national form', () => {
    expect(formatPhoneForDisplay('+358401234567')).toBe('040 1234567');
    expect(formatPhoneForDisplay('+35861234567')).toBe('06 1234567');
  });

  it('shows a foreign number in international form', () => {
    expect(formatPhoneForDisplay('+46701234567')).toBe('+46 70 123 45 67');
  });
});
