import parsePhoneNumberFromString from 'libphonenumber-js/max';
import {
  addDays,
  instantToWallClock,
  wallClockToInstant,
  type LocalDate,
  type LocalTime,
} from '../../lib/helsinki-time';

/**
 * The GSM 03.38 default alphabet (basic set): the characters a text can carry at 7 bits each.
 * Finnish and Swedish letters ä ö å Ä Ö Å, and é ü, are in it; š ž and emoji are not.
 */
const gsmBasic = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡' +
    'ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);

/** The extension table: each costs two septets (an escape and the character). */
const gsmExtension = new Set('^{}\\[~]|€\f');

export type SmsEncoding = 'gsm7' | 'ucs2';

export type SmsLength = {
  encoding: SmsEncoding;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
};

/**
 * How long a text is as the phone network counts it: one segment holds 160 GSM-7 septets or 70
 * UCS-2 units; a longer text is split into parts of 153 or 67 (each part carries a header). A
 * single character outside GSM-7 turns the whole text into UCS-2.
 */
export function smsLength(text: string): SmsLength {
  let septets = 0;
  for (const character of text) {
    if (gsmBasic.has(character)) septets += 1;
    else if (gsmExtension.has(character)) septets += 2;
    else {
      const units = text.length;
      return { encoding: 'ucs2', units, segments: segmentCount(units, 70, 67) };
    }
  }
  return { encoding: 'gsm7', units: septets, segments: segmentCount(septets, 160, 153) };
}

function segmentCount(units: number, single: number, part: number): number {
  if (units === 0) return 0;
  return units <= single ? 1 : Math.ceil(units / part);
}

/**
 * Whether texts to this number can reach a phone. A number whose type the numbering plan cannot
 * tell apart (FIXED_LINE_OR_MOBILE, as in the USA) counts as mobile; landlines get no texts.
 */
export function isMobileNumber(e164: string): boolean {
  const parsed = parsePhoneNumberFromString(e164, 'FI');
  if (!parsed?.isValid()) return false;
  const type = parsed.getType();
  return type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE';
}

/** The reminder for a session is due at `reminderTime` Helsinki time on the day before it. */
export function reminderDueAt(sessionDate: LocalDate, reminderTime: LocalTime): Date {
  return wallClockToInstant(addDays(sessionDate, -1), reminderTime);
}

/**
 * The Helsinki date whose sessions get their reminders now: tomorrow, once today's reminder time
 * has passed; `null` before it. A job that runs every few minutes queues them once the time comes.
 */
export function sessionDateDueForReminders(now: Date, reminderTime: LocalTime): LocalDate | null {
  const today = instantToWallClock(now).date;
  const tomorrow = addDays(today, 1);
  return now.getTime() >= reminderDueAt(tomorrow, reminderTime).getTime() ? tomorrow : null;
}

/** Typography outside GSM-7 with a plain equivalent inside it. */
const plainEquivalents: Record<string, string> = {
  '–': '-',
  '—': '-',
  '‐': '-',
  '‘': "'",
  '’': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '…': '...',
  '\u00a0': ' ',
  '\u202f': ' ',
};

/**
 * Dashes, curly quotes and the like as their plain GSM-7 forms: one typographic dash in a program's
 * name would otherwise make the whole text UCS-2, with under half the room.
 */
export function withPlainTypography(text: string): string {
  return text.replace(/[–—‐‘’“”„…\u00a0\u202f]/g, (character) => plainEquivalents[character]!);
}
