import { describe, expect, it } from 'vitest';
import { letterSections } from '../../src/features/invites/invitation-letter';

const content = {
  kind: 'invitation' as const,
  language: 'fi' as const,
  recipientName: 'Helmi',
  courseTitle: 'Arkeen Voimaa · Lapua',
  sessions: [
    {
      ordinal: 1,
      localDate: '2026-10-06',
      startTime: '17:00',
      endTime: '19:30',
      status: 'scheduled' as const,
    },
    {
      ordinal: 2,
      localDate: '2026-10-13',
      startTime: '17:00',
      endTime: '19:30',
      status: 'cancelled' as const,
    },
  ],
  venue: { name: 'Seurakuntatalo', streetAddress: 'Kirkkotie 2', accessibilityNotes: '' },
  contacts: [{ name: 'Olli Ohjaaja', phone: '040 123 0009' }],
  courseCancelled: false,
};
const sender = {
  organisation: 'Pohjanmaan hyvinvointialue',
  coordinatorName: 'Kaisa',
  phone: '040 555 0000',
  privacyNoticeUrl: 'https://kurssit.example.fi/privacy',
};
const textOf = (letter: ReturnType<typeof letterSections>) =>
  letter.sections.flatMap((section) => section.lines).join('\n');

describe('the printed letter', () => {
  it('lists every session and the place, and names the coordinator to call, without a calendar', () => {
    const letter = letterSections(content, sender);
    const text = textOf(letter);
    expect(letter.subject).toBe('Kutsu kurssille: Arkeen Voimaa · Lapua');
    expect(text).toContain('1. ti 6.10.2026 klo 17.00–19.30');
    expect(text).toContain('2. ti 13.10.2026 – peruttu');
    expect(text).toContain('Paikka: Seurakuntatalo, Kirkkotie 2');
    expect(text).toContain('soita: Kaisa, puh. 040 555 0000.');
    expect(text).not.toContain('Olli Ohjaaja');
    expect(text).not.toMatch(/liitteenä/);
    expect(text.split('\n').slice(-4)).toEqual([
      'Ystävällisin terveisin',
      'Kaisa',
      'Pohjanmaan hyvinvointialue',
      'Miten käsittelemme tietojasi: https://kurssit.example.fi/privacy',
    ]);
  });

  it('falls back on the instructors who share a phone when the coordinator has none', () => {
    const text = textOf(letterSections(content, { ...sender, phone: '' }));
    expect(text).toContain('soita: Olli Ohjaaja, puh. 040 123 0009.');
  });

  it('writes in English for an English reader', () => {
    const text = textOf(letterSections({ ...content, language: 'en' }, sender));
    expect(text).toContain('call: Kaisa, tel. 040 555 0000.');
    expect(text).not.toMatch(/attached/i);
    expect(text).toContain('How we handle your data: https://kurssit.example.fi/privacy');
  });

  it('replaces an earlier letter after a change, and takes it back on cancellation', () => {
    expect(textOf(letterSections({ ...content, kind: 'update' }, sender))).toContain(
      'Tämä kirje korvaa aiemman kirjeen',
    );
    const cancelled = letterSections(
      {
        ...content,
        kind: 'cancellation',
        courseCancelled: true,
        cancellationReason: 'Sairastuminen',
      },
      sender,
    );
    expect(cancelled.subject).toBe('Kurssi on peruttu: Arkeen Voimaa · Lapua');
    expect(textOf(cancelled)).toContain('Syy: Sairastuminen');
    expect(textOf(cancelled)).not.toContain('1. ti 6.10.2026');
    expect(textOf(cancelled)).toContain('tietojasi: https://kurssit.example.fi/privacy');
  });
});
