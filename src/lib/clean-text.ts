/**
 * Characters nobody means to type that still change what text shows or does: the C0 controls
 * (NUL, escape, …) except tab and newline, DEL and the C1 controls, and the bidirectional
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make a name or a mail read otherwise
 * than it is stored.
 */
const unwantedCharacters =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

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
