import { parsePhoneNumberFromString } from 'libphonenumber-js';

export type NormalizedPhone = { ok: true; e164: string } | { ok: false };

/** Digits and the usual separators only: a letter in a number is a typo, not something to drop. */
const phoneCharacters = /^[\d\s+()\-./]+$/;

/** Reads a phone number as people type it, Finnish unless it has a country code, into E.164. */
export function normalizePhone(input: string): NormalizedPhone {
  const typed = input.trim();
  if (!phoneCharacters.test(typed)) return { ok: false };
  const parsed = parsePhoneNumberFromString(typed, 'FI');
  if (!parsed?.isValid()) return { ok: false };
  return { ok: true, e164: parsed.number };
}

/** Finnish numbers as Finns write them ("040 1234567"), others in international form. */
export function formatPhoneForDisplay(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === 'FI' ? parsed.formatNational() : parsed.formatInternational();
}
