import { describe, expect, it } from 'vitest';
import { atRiskWindowDays, goNoGoOutlook } from '../../src/features/courses/at-risk';
import type { CourseStatus } from '../../db/schema';
import { addDays } from '../../src/lib/helsinki-time';

const today = '2026-12-03';
const shortCourse = {
  status: 'open' as CourseStatus,
  goNoGoDate: addDays(today, 14),
  today,
  placed: 1,
  minimum: 8,
  waitingHere: 3,
  waitingNearby: 2,
};
const daysBefore = (days: number) => ({ ...shortCourse, goNoGoDate: addDays(today, days) });

describe('a course short of its minimum before the go/no-go decision', () => {
  it('is not yet at risk 15 days before its decision date', () => {
    expect(goNoGoOutlook(daysBefore(atRiskWindowDays + 1)).kind).toBe('not-yet');
  });

  it('is at risk 14 and 13 days before, with its figures', () => {
    expect(goNoGoOutlook(daysBefore(14))).toEqual({
      kind: 'at-risk',
      daysLeft: 14,
      placed: 1,
      minimum: 8,
      waitingHere: 3,
      waitingNearby: 2,
    });
    expect(goNoGoOutlook(daysBefore(13))).toMatchObject({ kind: 'at-risk', daysLeft: 13 });
  });

  it('is at risk on the decision day itself', () => {
    expect(goNoGoOutlook(daysBefore(0))).toMatchObject({ kind: 'at-risk', daysLeft: 0 });
  });

  it('has its decision overdue from the day after', () => {
    expect(goNoGoOutlook(daysBefore(-1))).toMatchObject({ kind: 'decision-overdue', daysLate: 1 });
  });

  it('counts the days across the change to winter time and a month end', () => {
    const autumn = { ...shortCourse, today: '2026-10-20', goNoGoDate: '2026-11-03' };
    expect(goNoGoOutlook(autumn)).toMatchObject({ kind: 'at-risk', daysLeft: 14 });
    expect(goNoGoOutlook({ ...autumn, goNoGoDate: '2026-11-04' }).kind).toBe('not-yet');
  });

  it('is planned or open: both are at risk', () => {
    expect(goNoGoOutlook({ ...shortCourse, status: 'planned' }).kind).toBe('at-risk');
    expect(goNoGoOutlook({ ...shortCourse, status: 'open' }).kind).toBe('at-risk');
  });
});

describe('a course that is never at risk', () => {
  it('has exactly its minimum placed, or more', () => {
    expect(goNoGoOutlook({ ...shortCourse, placed: 8 }).kind).toBe('fine');
    expect(goNoGoOutlook({ ...shortCourse, placed: 9 }).kind).toBe('fine');
    expect(goNoGoOutlook({ ...shortCourse, placed: 7 }).kind).toBe('at-risk');
  });

  it('is confirmed, running, completed or cancelled, even short and past its date', () => {
    for (const status of ['confirmed', 'running', 'completed', 'cancelled'] as const) {
      expect(goNoGoOutlook({ ...shortCourse, status }).kind).toBe('fine');
      expect(goNoGoOutlook({ ...daysBefore(-3), status }).kind).toBe('fine');
    }
  });
});
