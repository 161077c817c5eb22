import { describe, expect, it } from 'vitest';
import { catalogParts, catalogs, languages, translate } from '../../src/i18n';
import {
  formatDateTime,
  formatLocalDate,
  formatLongDate,
  formatTimeRange,
} from '../../src/i18n/format';

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('translation catalogs', () => {
  const reference = catalogs.fi;

  it.each(languages)('the %s catalog has exactly the keys of the Finnish one', (language) => {
    expect(Object.keys(catalogs[language]).sort()).toEqual(Object.keys(reference).sort());
  });

  it.each(languages)(
    'no %s text is empty and each uses the same placeholders as Finnish',
    (language) => {
      for (const [key, text] of Object.entries(catalogs[language])) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(
          placeholders(reference[key as keyof typeof reference]),
        );
      }
    },
  );

  it.each(languages)(
    'defines each %s key in one part only, so no text silently replaces another',
    (language) => {
      const owners = new Map<string, string[]>();
      for (const [part, texts] of Object.entries(catalogParts)) {
        for (const key of Object.keys(texts[language]))
          owners.set(key, [...(owners.get(key) ?? []), part]);
      }
      const sharedKeys = [...owners].filter(([, parts]) => parts.length > 1);
      expect(sharedKeys).toEqual([]);
    },
  );

  it('has translated every Swedish text: one equal to the Finnish holds only names, figures and marks', () => {
    // Words that are the same in both languages: the product, a mail header, a web address.
    const sharedWords = new Set(['Kurssipolku', 'Message', 'tietosuoja']);
    const untranslated = Object.entries(catalogs.sv).filter(([key, text]) => {
      if (text !== reference[key as keyof typeof reference]) return false;
      const words = text.replace(/\{\w+\}/g, '').match(/\p{L}{4,}/gu) ?? [];
      return words.some((word) => !sharedWords.has(word));
    });
    expect(untranslated).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('fi', 'home.greeting', { name: 'Aino' })).toBe('Hei, Aino!');
    expect(translate('en', 'home.greeting')).toBe('Hello, {name}!');
  });
});

describe('dates and times are shown in Helsinki time', () => {
  it('shows a summer instant at Helsinki wall-clock time in both languages', () => {
    const tuesdayAt17Helsinki = new Date('2026-10-20T14:00:00Z'); // UTC+3 before 25 Oct
    expect(formatDateTime(tuesdayAt17Helsinki, 'fi')).toBe('20.10.2026 klo 17.00');
    expect(formatDateTime(tuesdayAt17Helsinki, 'en')).toBe('20 Oct 2026, 17:00');
  });

  it('shows a winter instant at Helsinki wall-clock time after the DST change', () => {
    const tuesdayAt17Helsinki = new Date('2026-10-27T15:00:00Z'); // UTC+2 after 25 Oct
    expect(formatDateTime(tuesdayAt17Helsinki, 'fi')).toBe('27.10.2026 klo 17.00');
    expect(formatLongDate(tuesdayAt17Helsinki, 'fi')).toBe('tiistai 27. lokakuuta 2026');
    expect(formatLongDate(tuesdayAt17Helsinki, 'en')).toBe('Tuesday, 27 October 2026');
  });

  it('writes Swedish dates and times as in Finland, at Helsinki wall-clock time on both sides of the DST change', () => {
    expect(formatDateTime(new Date('2026-10-20T14:00:00Z'), 'sv')).toBe('20 okt. 2026 17.00');
    expect(formatDateTime(new Date('2026-10-27T15:00:00Z'), 'sv')).toBe('27 okt. 2026 17.00');
    expect(formatLongDate(new Date('2026-10-27T15:00:00Z'), 'sv')).toBe('tisdag 27 oktober 2026');
    expect(formatLocalDate('2026-10-27', 'sv')).toBe('tis 27.10.2026');
    expect(formatTimeRange('17:00', '19:30', 'sv')).toBe('17.00–19.30');
  });
});
