import { describe, expect, it } from 'vitest';
import {
  acceptsPlacements,
  frontOfWaitlist,
  whoGetsFreedSeats,
} from '../../src/features/enrollment/seat-rules';

const at = (minute: number) => new Date(Date.UTC(2026, 8, 1, 9, minute));

describe('who gets a freed seat', () => {
  const waitlist = [
    { enrollmentId: 12, queuedAt: at(30) },
    { enrollmentId: 10, queuedAt: at(10) },
    { enrollmentId: 11, queuedAt: at(20) },
  ];

  it('gives one freed seat to the first waitlisted only', () => {
    expect(whoGetsFreedSeats(waitlist, 1)).toEqual([10]);
  });

  it('fills several freed seats in waitlist order, and no more than there are people', () => {
    expect(whoGetsFreedSeats(waitlist, 2)).toEqual([10, 11]);
    expect(whoGetsFreedSeats(waitlist, 5)).toEqual([10, 11, 12]);
  });

  it('gives nothing when no seat is free', () => {
    expect(whoGetsFreedSeats(waitlist, 0)).toEqual([]);
    expect(whoGetsFreedSeats(waitlist, -2)).toEqual([]);
  });

  it('breaks a tie of the same moment by who was added first', () => {
    expect(
      whoGetsFreedSeats(
        [
          { enrollmentId: 8, queuedAt: at(5) },
          { enrollmentId: 7, queuedAt: at(5) },
        ],
        1,
      ),
    ).toEqual([7]);
  });

  it('puts a person moved up ahead of everyone waiting', () => {
    const movedUp = {
      enrollmentId: 12,
      queuedAt: frontOfWaitlist(
        waitlist.filter((entry) => entry.enrollmentId !== 12),
        at(59),
      ),
    };
    expect(
      whoGetsFreedSeats([...waitlist.filter((entry) => entry.enrollmentId !== 12), movedUp], 1),
    ).toEqual([12]);
  });
});

describe('which courses take placements', () => {
  const now = at(0);
  it('takes them before the last session has started', () => {
    expect(acceptsPlacements({ status: 'open', lastSessionStartsAt: at(1) }, now)).toBe(true);
  });
  it('refuses a course whose last session has started, or that is cancelled or completed', () => {
    expect(acceptsPlacements({ status: 'running', lastSessionStartsAt: now }, now)).toBe(false);
    expect(acceptsPlacements({ status: 'cancelled', lastSessionStartsAt: at(1) }, now)).toBe(false);
    expect(acceptsPlacements({ status: 'completed', lastSessionStartsAt: null }, now)).toBe(false);
  });
});
