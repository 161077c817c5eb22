import { describe, expect, it } from 'vitest';
import {
  attendeesOf,
  guestLine,
  isDayOff,
  isOverdue,
  parseGuestLines,
  proposeNextMeeting,
  type MeetingTemplate,
} from '../../src/features/meetings/meeting-rules';
import { wallClockToInstant } from '../../src/lib/helsinki-time';

function aMeeting(localDate: string, overrides: Partial<MeetingTemplate> = {}): MeetingTemplate {
  return {
    title: 'Ohjausryhmä',
    localDate,
    startTime: '17:00',
    endTime: '18:30',
    place: 'Kaupungintalo',
    onlineLink: 'https://meet.example/ohjaus',
    attendees: [{ userId: 3, name: 'Kaisa', email: 'kaisa@test.example' }],
    ...overrides,
  };
}

describe('proposing the next steering meeting', () => {
  it('proposes nothing before the first meeting', () => {
    expect(proposeNextMeeting([], '2026-09-01')).toBeNull();
  });

  it('takes four weeks on from a single meeting, keeping time, place, link and attendees', () => {
    const latest = aMeeting('2026-09-08');
    expect(proposeNextMeeting([latest], '2026-09-09')).toEqual({
      ...latest,
      localDate: '2026-10-06',
    });
  });

  it('keeps the interval between the last two meetings', () => {
    const proposal = proposeNextMeeting(
      [aMeeting('2026-09-22'), aMeeting('2026-09-01')],
      '2026-09-23',
    );
    expect(proposal?.localDate).toBe('2026-10-13');
  });

  it('keeps 17:00 local across the change to winter time, so the instant moves by an hour', () => {
    const proposal = proposeNextMeeting(
      [aMeeting('2026-10-20'), aMeeting('2026-10-06')],
      '2026-10-21',
    )!;
    expect(proposal.localDate).toBe('2026-11-03');
    expect(proposal.startTime).toBe('17:00');
    expect(wallClockToInstant('2026-10-20', proposal.startTime).toISOString()).toBe(
      '2026-10-20T14:00:00.000Z',
    );
    expect(wallClockToInstant(proposal.localDate, proposal.startTime).toISOString()).toBe(
      '2026-11-03T15:00:00.000Z',
    );
  });

  it('moves off a public holiday to the next working day', () => {
    // 2026-12-01 + 28 days is Tuesday 29.12; two weeks from 10.12. is Thursday 24.12. (Christmas Eve).
    expect(isDayOff('2026-12-24')).toBe(true);
    expect(isDayOff('2026-12-25')).toBe(true);
    const proposal = proposeNextMeeting(
      [aMeeting('2026-12-10'), aMeeting('2026-11-26')],
      '2026-12-11',
    );
    expect(proposal?.localDate).toBe('2026-12-28');
  });

  it('moves the date past today when the latest meeting was long ago', () => {
    // 13.1. + 8 × 28 days is Tuesday 25.8., still past; one more interval is 22.9.
    const proposal = proposeNextMeeting([aMeeting('2026-01-13')], '2026-09-01');
    expect(proposal?.localDate).toBe('2026-09-22');
  });
});

describe('guests typed one per line', () => {
  it('reads names with addresses and bare addresses, skipping empty lines', () => {
    expect(
      parseGuestLines(
        'Maija Meikäläinen <Maija@Example.fi>\n\n  pekka@example.fi  \n"Liisa" <l@e.fi>',
      ),
    ).toEqual({
      guests: [
        { userId: null, name: 'Maija Meikäläinen', email: 'maija@example.fi' },
        { userId: null, name: 'pekka@example.fi', email: 'pekka@example.fi' },
        { userId: null, name: 'Liisa', email: 'l@e.fi' },
      ],
      badLine: null,
    });
  });

  it('names the first line it cannot read', () => {
    for (const bad of ['Pekka', 'Pekka pekka@example.fi', 'Maija <maija(at)example.fi>', 'a@b']) {
      expect(parseGuestLines(`ok@example.fi\n${bad}`).badLine).toBe(bad);
    }
  });

  it('writes a guest back as it was typed', () => {
    expect(guestLine({ name: 'Maija', email: 'maija@example.fi' })).toBe(
      'Maija <maija@example.fi>',
    );
    expect(guestLine({ name: 'pekka@example.fi', email: 'pekka@example.fi' })).toBe(
      'pekka@example.fi',
    );
  });

  it('invites a staff member typed as a guest too only once, as staff', () => {
    const staff = [{ userId: 3, name: 'Kaisa', email: 'kaisa@test.example' }];
    const guests = [
      { userId: null, name: 'K', email: 'KAISA@test.example' },
      { userId: null, name: 'Vieras', email: 'vieras@test.example' },
    ];
    expect(attendeesOf(staff, guests).map((person) => [person.userId, person.email])).toEqual([
      [3, 'kaisa@test.example'],
      [null, 'vieras@test.example'],
    ]);
  });
});

describe('action items', () => {
  it('is overdue only when open after its due date', () => {
    expect(isOverdue({ dueDate: '2026-10-01', doneAt: null }, '2026-10-02')).toBe(true);
    expect(isOverdue({ dueDate: '2026-10-02', doneAt: null }, '2026-10-02')).toBe(false);
    expect(isOverdue({ dueDate: '2026-10-01', doneAt: new Date() }, '2026-10-02')).toBe(false);
  });
});
