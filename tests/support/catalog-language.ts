import { expect } from 'vitest';
import { catalogs, languages, type Language, type MessageKey } from '../../src/i18n';

/** The fixed parts of a catalog text between its {placeholders}, long enough to be telling. */
function tellingFragments(text: string, minimumLength: number): string[] {
  return text
    .split(/\{\w+\}/)
    .map((fragment) => fragment.trim())
    .filter((fragment) => fragment.length >= minimumLength);
}

/**
 * The texts of other languages' catalogs (at least `minimumLength` characters between
 * placeholders) found in a rendered message that the expected language does not also use for the
 * same key: a fallback, or a part still composed in the sender's language.
 */
export function foreignCatalogTexts(
  rendered: string,
  language: Language,
  minimumLength = 15,
): string[] {
  const expected = catalogs[language];
  const found = new Set<string>();
  for (const other of languages) {
    if (other === language) continue;
    for (const [key, text] of Object.entries(catalogs[other])) {
      const own = expected[key as MessageKey];
      for (const fragment of tellingFragments(text, minimumLength)) {
        if (!own.includes(fragment) && rendered.includes(fragment)) found.add(fragment);
      }
    }
  }
  return [...found];
}

/** Fails when a message written for `language` carries another language's catalog text. */
export function expectWrittenIn(rendered: string, language: Language) {
  expect(foreignCatalogTexts(rendered, language), `foreign texts in a ${language} message`).toEqual(
    [],
  );
}
