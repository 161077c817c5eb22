import { describe, expect, it } from 'vitest';
import { groupByLocality, groupByWeek, targetProgress } from '../../src/features/terms/term-plan';

describe('the term plan groupings', () => {
  it('puts sessions into ISO weeks from Monday to Sunday, in time order', () => {
    const weeks = groupByWeek([
      { localDate: '2026-10-08', startTime: '13:00', id: 'thursday' },
      { localDate: '2026-10-06', startTime: '17:00', id: 'tuesday evening' },
      { localDate: '2026-10-06', startTime: '09:00', id: 'tuesday morning' },
      { localDate: '2026-10-20', startTime: '17:00', id: 'two weeks later' },
    ]);
    expect(weeks.map((week) => [week.week, week.monday, week.sunday])).toEqual([
      [41, '2026-10-05', '2026-10-11'],
      [43, '2026-10-19', '2026-10-25'],
    ]);
    expect(weeks[0]!.sessions.map((session) => session.id)).toEqual([
      'tuesday morning',
      'tuesday evening',
      'thursday',
    ]);
  });

  it('keeps the turn of the year apart: week 53 of 2026 and week 1 of 2027', () => {
    const weeks = groupByWeek([
      { localDate: '2026-12-31', startTime: '10:00' },
      { localDate: '2027-01-05', startTime: '10:00' },
    ]);
    expect(weeks.map((week) => `${week.year}/${week.week}`)).toEqual(['2026/53', '2027/1']);
  });

  it('orders localities alphabetically the Finnish way (Ä after Z)', () => {
    const groups = groupByLocality([
      { localityName: 'Ähtäri', id: 1 },
      { localityName: 'Lapua', id: 2 },
      { localityName: 'Alajärvi', id: 3 },
      { localityName: 'Lapua', id: 4 },
    ]);
    expect(groups.map((group) => [group.localityName, group.courses.map((c) => c.id)])).toEqual([
      ['Alajärvi', [3]],
      ['Lapua', [2, 4]],
      ['Ähtäri', [1]],
    ]);
  });

  it('tells whether a count is below, within or above its target range', () => {
    expect(targetProgress(1, 2, 4)).toBe('below');
    expect(targetProgress(2, 2, 4)).toBe('within');
    expect(targetProgress(4, 2, 4)).toBe('within');
    expect(targetProgress(5, 2, 4)).toBe('above');
  });
});
