import { describe, expect, it } from 'vitest';
import type { CallOutcome } from '../../db/schema';
import { isUnreachable, nextCallDue } from '../../src/features/calls/call-rules';

const call = (iso: string, outcome: CallOutcome = 'no-answer') => ({ at: new Date(iso), outcome });

describe('when an applicant counts as unreachable', () => {
  it('is not after two unanswered calls', () => {
    expect(isUnreachable([call('2026-09-01T06:00Z'), call('2026-09-02T06:00Z')])).toBe(false);
  });

  it('is not after three unanswered calls on the same Helsinki day', () => {
    expect(
      isUnreachable([
        call('2026-09-01T05:00Z'),
        call('2026-09-01T10:00Z'),
        // 23:30 Helsinki time is still 1 September there.
        call('2026-09-01T20:30Z'),
      ]),
    ).toBe(false);
  });

  it('is after three unanswered calls over two Helsinki days', () => {
    expect(
      isUnreachable([
        call('2026-09-01T05:00Z'),
        call('2026-09-01T10:00Z'),
        // 00:30 Helsinki time on 2 September, although still 1 September in UTC.
        call('2026-09-01T21:30Z'),
      ]),
    ).toBe(true);
  });

  it('starts counting again after the person was reached', () => {
    const attempts = [
      call('2026-09-01T06:00Z'),
      call('2026-09-02T06:00Z'),
      call('2026-09-02T08:00Z', 'reached'),
      call('2026-09-03T06:00Z'),
      call('2026-09-04T06:00Z'),
    ];
    expect(isUnreachable(attempts)).toBe(false);
    expect(isUnreachable([...attempts, call('2026-09-05T06:00Z')])).toBe(true);
  });

  it('reads the attempts in time order, whatever order they come in', () => {
    expect(
      isUnreachable([
        call('2026-09-04T06:00Z'),
        call('2026-09-02T08:00Z', 'reached'),
        call('2026-09-03T06:00Z'),
        call('2026-09-01T06:00Z'),
      ]),
    ).toBe(false);
  });

  it('does not count wrong numbers or call-back requests as unanswered', () => {
    expect(
      isUnreachable([
        call('2026-09-01T06:00Z'),
        call('2026-09-02T06:00Z', 'wrong-number'),
        call('2026-09-03T06:00Z', 'call-back'),
        call('2026-09-04T06:00Z'),
      ]),
    ).toBe(false);
  });

  it('follows a region’s own rule', () => {
    const attempts = [call('2026-09-01T06:00Z'), call('2026-09-01T07:00Z')];
    expect(isUnreachable(attempts, { maxUnanswered: 2, minDistinctDays: 1 })).toBe(true);
  });
});

describe('when the next call is due', () => {
  const now = new Date('2026-09-01T09:00:00Z'); // 12:00 in Helsinki

  it('tries again the next day at the same Helsinki time after no answer', () => {
    expect(nextCallDue('no-answer', now)).toEqual(new Date('2026-09-02T09:00:00Z'));
  });

  it('keeps the wall-clock time across the change to winter time', () => {
    // Saturday 24 October 12:00 summer time → Sunday 25 October 12:00 winter time.
    expect(nextCallDue('no-answer', new Date('2026-10-24T09:00:00Z'))).toEqual(
      new Date('2026-10-25T10:00:00Z'),
    );
  });

  it('stays due now after a wrong number, until a new number is found', () => {
    expect(nextCallDue('wrong-number', now)).toEqual(now);
  });

  it('is the asked time after a call-back request', () => {
    const asked = new Date('2026-09-03T14:30:00Z');
    expect(nextCallDue('call-back', now, asked)).toEqual(asked);
  });

  it('refuses a call-back without a time', () => {
    expect(() => nextCallDue('call-back', now)).toThrow(RangeError);
  });
});
