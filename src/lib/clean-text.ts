/**
 * Characters nobody means to type that still change what text shows or does: the C0 controls
 * (NUL, escape, …) except tab and newline, DEL and the C1 controls, the bidirectional overrides,
 * isolates and marks (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) that make a name or a
 * mail read otherwise than it is stored, and invisible ones (zero-width space U+200B, the line and
 * paragraph separators U+2028/U+2029, the byte-order mark U+FEFF). The zero-width joiners
 * (U+200C, U+200D) stay: emoji and some scripts need them.
 */
const unwantedCharacters =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Any control or bidirectional formatting character, tab and newline included. */
export const controlCharacter = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/**
 * Typed text without the characters above; line breaks become `\n`. They are removed rather than
 * refused: they come from pasting, and the person cannot see what to correct.
 */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(unwantedCharacters, '');
}

/** A posted form with every text value cleaned (also in repeated fields); files pass as they are. */
export function cleanFormValues(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input;
  const clean = (value: unknown): unknown =>
    typeof value === 'string' ? cleanText(value) : Array.isArray(value) ? value.map(clean) : value;
  return Object.fromEntries(Object.entries(input).map(([name, value]) => [name, clean(value)]));
}
