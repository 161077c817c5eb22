import { describe, expect, it } from 'vitest';
import { chosenLanguage, translate } from '../../src/i18n';
import { programName } from '../../src/i18n/format';
import { participantCalendarNotes } from '../../src/features/invites/invitations';
import { foreignCatalogTexts } from '../support/catalog-language';

describe('the language a person is written to', () => {
  it("is the page's language when the form chose none", () => {
    expect(chosenLanguage(undefined, 'sv')).toBe('sv');
    expect(chosenLanguage('', 'en')).toBe('en');
  });

  it('is the one chosen when this service knows it', () => {
    expect(chosenLanguage('sv', 'fi')).toBe('sv');
    expect(chosenLanguage('en', 'sv')).toBe('en');
  });

  it('is Finnish for a code this service does not know, whatever the page', () => {
    expect(chosenLanguage('de', 'sv')).toBe('fi');
    expect(chosenLanguage('SV', 'en')).toBe('fi');
    expect(chosenLanguage(42, 'en')).toBe('fi');
  });
});

describe('the check that a message has no text of another language', () => {
  const hint = (language: 'fi' | 'sv' | 'en') => translate(language, 'account.languageHint');

  it('finds a Finnish text in a Swedish message, and none in the Swedish text itself', () => {
    expect(foreignCatalogTexts(`Hej!\n${hint('fi')}`, 'sv')).toContain(hint('fi'));
    expect(foreignCatalogTexts(`Hej!\n${hint('sv')}`, 'sv')).toEqual([]);
  });
});

describe("a program's name in the reader's language", () => {
  const names = {
    nameFi: 'Arkeen Voimaa',
    nameSv: 'Kraft i vardagen',
    nameEn: 'Everyday Strength',
  };

  it('is the Swedish name on Swedish pages, the English and Finnish ones on theirs', () => {
    expect(programName(names, 'sv')).toBe('Kraft i vardagen');
    expect(programName(names, 'en')).toBe('Everyday Strength');
    expect(programName(names, 'fi')).toBe('Arkeen Voimaa');
  });

  it('falls back to the Finnish name in Swedish while no Swedish name is written', () => {
    expect(programName({ ...names, nameSv: '' }, 'sv')).toBe('Arkeen Voimaa');
    expect(programName({ ...names, nameSv: '  ' }, 'sv')).toBe('Arkeen Voimaa');
  });
});

describe("what a participant's calendar entry says about the place, in their language", () => {
  const venue = {
    name: 'Seurakuntatalo',
    streetAddress: 'Kirkkokatu 3',
    stepFreeAccess: true,
    hearingLoop: false,
    accessibilityNotes: 'Luiska takaovella',
  } as Parameters<typeof participantCalendarNotes>[0];

  it('names the address, the access and the coordinator phone', () => {
    expect(participantCalendarNotes(venue, { phone: '+358401234567' }, 'sv')).toEqual([
      'Plats: Seurakuntatalo, Kirkkokatu 3',
      'Lokalen är tillgänglig utan trappsteg.',
      'Tillgänglighet: Luiska takaovella',
      'Frågor om kursen? Ring kurskoordinatorn: 040 1234567',
    ]);
  });

  it('says the place is still open and leaves out a phone nobody has written', () => {
    const notes = participantCalendarNotes(null, { phone: '' }, 'en');
    expect(notes).toEqual([translate('en', 'invite.noVenue')]);
  });
});
