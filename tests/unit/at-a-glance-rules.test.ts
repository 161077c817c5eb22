import { describe, expect, it } from 'vitest';
import {
  countCoursePhases,
  coursePhaseOf,
  currentTermOf,
} from '../../src/features/home/at-a-glance-rules';

const autumn = { name: 'Syksy 2026', startsOn: '2026-08-01', endsOn: '2026-12-31' };
const spring = { name: 'Kevät 2027', startsOn: '2027-01-15', endsOn: '2027-06-30' };
const summerCamp = { name: 'Kesä 2026', startsOn: '2026-06-01', endsOn: '2026-08-31' };

describe('the current term of the home page summary', () => {
  it('is the term that contains today, its first and last day included', () => {
    expect(currentTermOf([autumn, spring], '2026-08-01')?.name).toBe('Syksy 2026');
    expect(currentTermOf([autumn, spring], '2026-12-31')?.name).toBe('Syksy 2026');
  });

  it('is the next term to start between terms', () => {
    expect(currentTermOf([spring, autumn], '2027-01-05')?.name).toBe('Kevät 2027');
    expect(currentTermOf([spring, autumn], '2026-07-01')?.name).toBe('Syksy 2026');
  });

  it('is the one started last when terms overlap', () => {
    expect(currentTermOf([autumn, summerCamp], '2026-08-15')?.name).toBe('Syksy 2026');
    expect(currentTermOf([summerCamp, autumn], '2026-08-15')?.name).toBe('Syksy 2026');
  });

  it('is none after the last term ends', () => {
    expect(currentTermOf([autumn, spring], '2027-07-01')).toBeNull();
    expect(currentTermOf([], '2027-07-01')).toBeNull();
  });
});

describe('the phase a course is counted in', () => {
  const today = '2026-10-20';

  it('takes cancelled and completed from the stored status', () => {
    expect(coursePhaseOf({ status: 'cancelled', firstDate: '2026-10-06' }, today)).toBe(
      'cancelled',
    );
    expect(coursePhaseOf({ status: 'completed', firstDate: '2026-08-18' }, today)).toBe(
      'completed',
    );
  });

  it('counts a course running from its first scheduled session', () => {
    expect(coursePhaseOf({ status: 'confirmed', firstDate: '2026-10-20' }, today)).toBe('running');
    expect(coursePhaseOf({ status: 'open', firstDate: '2026-10-21' }, today)).toBe('planned');
    expect(coursePhaseOf({ status: 'running', firstDate: '2026-11-01' }, today)).toBe('running');
  });

  it('counts a course without sessions as planned', () => {
    expect(coursePhaseOf({ status: 'planned', firstDate: null }, today)).toBe('planned');
  });

  it('counts every phase and the courses that count toward the target', () => {
    expect(
      countCoursePhases(
        [
          { status: 'planned', firstDate: null },
          { status: 'open', firstDate: '2026-11-03' },
          { status: 'confirmed', firstDate: '2026-10-06' },
          { status: 'completed', firstDate: '2026-08-18' },
          { status: 'cancelled', firstDate: '2026-09-01' },
        ],
        today,
      ),
    ).toEqual({ planned: 2, running: 1, completed: 1, cancelled: 1, active: 4 });
  });
});
