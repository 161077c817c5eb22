import { describe, expect, it } from 'vitest';
import { erasureNotice, tellByOf } from '../../src/features/privacy/erasure-rules';
import { noContactYet } from '../../src/features/organisation/queries';

describe('telling a person their data was erased', () => {
  it('writes when there is an e-mail address, posts a letter to a street address, else phones', () => {
    expect(tellByOf({ email: 'a@example.fi', postalStreet: 'Koivukuja 3' })).toBe('email');
    expect(tellByOf({ email: '', postalStreet: 'Koivukuja 3' })).toBe('letter');
    expect(tellByOf({ email: '', postalStreet: '' })).toBe('none');
  });

  it('says it plainly in the person’s language, greeting them by name, with whom to ask', () => {
    const organisation = { ...noContactYet, name: 'Järvi-Suomen hyvinvointialue' };
    const finnish = erasureNotice('Helmi Hakija', 'fi', organisation);
    expect(finnish.subject).toBe('Tietosi on poistettu');
    expect(finnish.sections[0]!.lines[0]).toBe('Hei Helmi Hakija,');
    expect(finnish.sections[0]!.lines.at(-1)).toContain('ota yhteyttä alla olevaan');
    expect(finnish.sections.at(-1)!.lines).toContain('Järvi-Suomen hyvinvointialue');
    const english = erasureNotice('Emma English', 'en', organisation);
    expect(english.subject).toBe('Your data has been erased');
    expect(english.sections[0]!.lines[0]).toBe('Hello Emma English,');
  });

  it('names no course, date or need: only that the data is gone and what stays anonymous', () => {
    const { sections } = erasureNotice('Helmi Hakija', 'fi', noContactYet);
    // Without the organisation's contact there is nothing below to point at.
    expect(sections).toHaveLength(2);
    const text = sections.flatMap((section) => section.lines).join(' ');
    expect(text).not.toContain('alla olevaan');
    expect(text).not.toMatch(/kurssille|kurssin|Arkeen Voimaa|\d/i);
  });
});
