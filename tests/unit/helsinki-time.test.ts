import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMinutesToWallClock,
  instantToWallClock,
  isoWeekOf,
  isValidLocalDate,
  isValidLocalTime,
  wallClockToInstant,
  weekdayOf,
} from '../../src/lib/helsinki-time';

describe('Helsinki wall clock and instants', () => {
  it('reads 17:00 in October summer time as 14:00 UTC', () => {
    expect(wallClockToInstant('2026-10-20', '17:00').toISOString()).toBe(
      '2026-10-20T14:00:00.000Z',
    );
  });

  it('reads 17:00 after the October DST change as 15:00 UTC', () => {
    expect(wallClockToInstant('2026-10-27', '17:00').toISOString()).toBe(
      '2026-10-27T15:00:00.000Z',
    );
  });

  it('turns an instant back into the wall clock it came from', () => {
    const instant = wallClockToInstant('2027-03-28', '17:00');
    expect(instant.toISOString()).toBe('2027-03-28T14:00:00.000Z');
    expect(instantToWallClock(instant)).toEqual({ date: '2027-03-28', time: '17:00' });
  });

  it('shows a late-evening UTC instant on the next Helsinki date', () => {
    expect(instantToWallClock(new Date('2026-12-31T22:30:00Z'))).toEqual({
      date: '2027-01-01',
      time: '00:30',
    });
  });

  it('shifts a time inside the spring-forward gap one hour later', () => {
    expect(wallClockToInstant('2027-03-28', '03:30').toISOString()).toBe(
      '2027-03-28T01:30:00.000Z',
    );
  });

  it('rejects a date or time that is not in the expected format', () => {
    expect(() => wallClockToInstant('2026-10-6', '17:00')).toThrow(/YYYY-MM-DD/);
    expect(() => wallClockToInstant('2026-10-06', '5 pm')).toThrow(/HH:MM/);
  });
});

describe('wall-clock arithmetic', () => {
  it('adds minutes across midnight into the next day', () => {
    expect(addMinutesToWallClock('2026-10-06', '22:30', 150)).toEqual({
      date: '2026-10-07',
      time: '01:00',
    });
  });

  it('adds minutes by the clock face even on the night clocks go back', () => {
    expect(addMinutesToWallClock('2026-10-25', '01:00', 180)).toEqual({
      date: '2026-10-25',
      time: '04:00',
    });
  });

  it('adds days across a month and a year boundary', () => {
    expect(addDays('2026-10-27', 7)).toBe('2026-11-03');
    expect(addDays('2026-12-29', 7)).toBe('2027-01-05');
    expect(addDays('2026-03-02', -2)).toBe('2026-02-28');
  });

  it('adds whole days on DST change dates without drifting', () => {
    expect(addDays('2026-10-24', 1)).toBe('2026-10-25');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
  });

  it('numbers weekdays from Monday as 1 to Sunday as 7', () => {
    expect(weekdayOf('2026-10-05')).toBe(1);
    expect(weekdayOf('2026-10-06')).toBe(2);
    expect(weekdayOf('2026-10-11')).toBe(7);
  });

  it('gives the ISO week, whose year can differ from the calendar year', () => {
    expect(isoWeekOf('2026-10-06')).toEqual({ year: 2026, week: 41 });
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53 });
    expect(isoWeekOf('2027-01-04')).toEqual({ year: 2027, week: 1 });
  });
});

describe('local date and time validation', () => {
  it('accepts real calendar dates only', () => {
    expect(isValidLocalDate('2026-10-06')).toBe(true);
    expect(isValidLocalDate('2028-02-29')).toBe(true);
    expect(isValidLocalDate('2026-02-29')).toBe(false);
    expect(isValidLocalDate('2026-13-01')).toBe(false);
    expect(isValidLocalDate('2026-10-6')).toBe(false);
    expect(isValidLocalDate('2026-W41-2')).toBe(false);
    expect(isValidLocalDate('2026-10-06T17:00')).toBe(false);
  });

  it('accepts 24-hour HH:MM times only', () => {
    expect(isValidLocalTime('00:00')).toBe(true);
    expect(isValidLocalTime('17:00')).toBe(true);
    expect(isValidLocalTime('23:59')).toBe(true);
    expect(isValidLocalTime('24:00')).toBe(false);
    expect(isValidLocalTime('7:00')).toBe(false);
    expect(isValidLocalTime('17:60')).toBe(false);
    expect(isValidLocalTime('17:00:00')).toBe(false);
  });
});
