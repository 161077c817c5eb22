import { describe, expect, it } from 'vitest';
import {
  applicationDue,
  auditCutoff,
  candidateDue,
  dueAt,
  dueByChecker,
  dueSchedule,
  feedbackDue,
  helsinkiDateOf,
  latestStartDueBy,
  longestCourseDays,
  mailBodyDue,
  periodsShorterThanCourse,
  plus,
  type ApplicationFacts,
  type DueRule,
} from '../../src/features/retention/retention-rules';
import { defaultRetentionPeriods as periods } from '../../src/features/retention/retention-settings';

const at = (iso: string) => new Date(iso);
const plusMonths = (instant: Date, months: number) => plus(instant, { months });
/** When a rule says something is due, or null when it never is. */
const when = (rule: DueRule | null) => (rule === null ? null : dueAt(rule));
const applicationDueAt = (facts: ApplicationFacts) => when(applicationDue(facts, periods));
const courseEnded = at('2026-11-10T17:30:00Z');

const participant = (overrides: Partial<ApplicationFacts> = {}): ApplicationFacts => ({
  state: 'placed',
  anonymisedAt: null,
  updatedAt: at('2026-09-01T09:00:00Z'),
  enrolments: 1,
  everPlaced: true,
  lastCourseEnd: courseEnded,
  coursesWithoutEnd: 0,
  ...overrides,
});

describe('months on Helsinki calendars', () => {
  it('keeps the wall-clock time across a change of summer time', () => {
    // 19:30 in Helsinki in November (UTC+2) is 19:30 again in May (UTC+3).
    expect(plusMonths(courseEnded, 6).toISOString()).toBe('2027-05-10T16:30:00.000Z');
  });

  it('clamps to the end of a shorter month', () => {
    expect(helsinkiDateOf(plusMonths(at('2026-08-31T09:00:00Z'), 6))).toBe('2027-02-28');
  });

  it('gives a prefilter bound that is never later than any real due start', () => {
    const horizon = at('2027-03-31T09:00:00Z');
    for (const months of [1, 6, 12, 13]) {
      const bound = latestStartDueBy(horizon, { months });
      expect(plusMonths(bound, months).getTime()).toBeGreaterThanOrEqual(horizon.getTime());
    }
  });

  it('decides "due by" as the calendar does, around month ends and both clock changes', () => {
    const spans = [{ months: 1 }, { months: 12 }, { days: 90 }, { years: 5 }];
    const horizons = [
      '2027-03-28T01:30:00Z',
      '2027-03-31T21:00:00Z',
      '2027-10-31T00:30:00Z',
      '2027-02-28T10:00:00Z',
      '2028-02-29T22:00:00Z',
    ].map(at);
    let compared = 0;
    for (const horizon of horizons) {
      const isDue = dueByChecker(horizon);
      for (const span of spans) {
        const start = latestStartDueBy(horizon, span).getTime() - 8 * 86_400_000;
        // Every half hour through the ten days around the boundary, and far before it.
        for (let after = start; after < start + 10 * 86_400_000; after += 1_800_000) {
          const rule = { after: new Date(after), span };
          expect(isDue(rule), `${rule.after.toISOString()} + ${JSON.stringify(span)}`).toBe(
            dueAt(rule) <= horizon,
          );
          compared += 1;
        }
        expect(isDue({ after: at('2001-01-01T00:00:00Z'), span })).toBe(true);
      }
    }
    expect(compared).toBeGreaterThan(9000);
  });
});

describe('when an application is due', () => {
  it('is due participantMonths after the last course ended, to the minute', () => {
    expect(applicationDueAt(participant())).toEqual(plusMonths(courseEnded, 12));
  });

  it('is closed without a place: closedApplicationMonths after it was closed', () => {
    const closed = participant({
      state: 'closed',
      everPlaced: false,
      enrolments: 0,
      lastCourseEnd: null,
      updatedAt: at('2026-09-15T10:00:00Z'),
    });
    expect(helsinkiDateOf(applicationDueAt(closed)!)).toBe('2027-03-15');
  });

  it('follows the participant rule when a closed application once had a place', () => {
    const closedAfterCourse = participant({ state: 'closed' });
    expect(applicationDueAt(closedAfterCourse)).toEqual(plusMonths(courseEnded, 12));
  });

  it('is never due while waiting, on the call queue, anonymised or on a course without an end', () => {
    expect(applicationDueAt(participant({ state: 'waiting' }))).toBeNull();
    expect(applicationDueAt(participant({ state: 'to-call' }))).toBeNull();
    expect(applicationDueAt(participant({ anonymisedAt: courseEnded }))).toBeNull();
    expect(applicationDueAt(participant({ coursesWithoutEnd: 1 }))).toBeNull();
    expect(applicationDueAt(participant({ enrolments: 0 }))).toBeNull();
  });
});

describe('feedback, candidates, mail and audit', () => {
  it('empties feedback free texts with the participants', () => {
    expect(when(feedbackDue(courseEnded, periods))).toEqual(plusMonths(courseEnded, 12));
    expect(feedbackDue(null, periods)).toBeNull();
  });

  it('lets a candidate go after candidateMonths unless they are an instructor', () => {
    const dropped = {
      state: 'dropped' as const,
      anonymisedAt: null,
      updatedAt: courseEnded,
      instructorId: null,
    };
    expect(when(candidateDue(dropped, periods))).toEqual(plusMonths(courseEnded, 12));
    expect(when(candidateDue({ ...dropped, state: 'completed' }, periods))).not.toBeNull();
    expect(when(candidateDue({ ...dropped, instructorId: 4 }, periods))).toBeNull();
    expect(when(candidateDue({ ...dropped, state: 'enrolled' }, periods))).toBeNull();
  });

  it('prunes a sent body after sentMailDays from sending, a failed one from writing', () => {
    const mail = {
      state: 'sent' as const,
      bodyPrunedAt: null,
      sentAt: at('2026-09-01T09:00:00Z'),
      createdAt: at('2026-08-30T09:00:00Z'),
    };
    expect(helsinkiDateOf(when(mailBodyDue(mail, periods))!)).toBe('2026-11-30');
    expect(helsinkiDateOf(when(mailBodyDue({ ...mail, state: 'failed' }, periods))!)).toBe(
      '2026-11-28',
    );
    expect(when(mailBodyDue({ ...mail, state: 'queued' }, periods))).toBeNull();
    expect(when(mailBodyDue({ ...mail, bodyPrunedAt: mail.sentAt }, periods))).toBeNull();
  });

  it('keeps audit rows for calendar years', () => {
    expect(auditCutoff(at('2031-06-01T09:00:00Z'), periods).toISOString()).toBe(
      '2026-06-01T09:00:00.000Z',
    );
  });
});

describe('the schedule of what becomes due', () => {
  /** Due at the given instant: 90 days after the same wall-clock time. */
  const dueOn = (iso: string): DueRule => ({
    after: plus(at(iso), { days: -90 }),
    span: { days: 90 },
  });

  it('counts what is due now and what is due on each of the next 30 days', () => {
    const now = at('2027-01-10T09:00:00Z');
    const schedule = dueSchedule(
      [
        { kind: 'applications', rule: dueOn('2027-01-01T09:00:00Z'), count: 1 },
        { kind: 'mailBodies', rule: dueOn('2027-01-12T08:00:00Z'), count: 1 },
        { kind: 'mailBodies', rule: dueOn('2027-01-12T21:59:00Z'), count: 1 },
        // 00:30 Helsinki time on the 13th.
        { kind: 'mailBodies', rule: dueOn('2027-01-12T22:30:00Z'), count: 1 },
        { kind: 'auditRows', rule: dueOn('2027-03-01T09:00:00Z'), count: 9 },
      ],
      now,
    );
    expect(schedule.now.applications).toBe(1);
    expect(schedule.upcoming.map((day) => [day.date, day.counts.mailBodies])).toEqual([
      ['2027-01-12', 2],
      ['2027-01-13', 1],
    ]);
  });
});

describe('periods against the longest course', () => {
  it('takes the longer of the held courses and the programs as planned', () => {
    expect(longestCourseDays([{ firstDate: '2026-10-06', lastDate: '2026-11-10' }], [])).toBe(36);
    expect(longestCourseDays([], [{ sessionCount: 6, intervalWeeks: 2 }])).toBe(71);
    expect(longestCourseDays([], [])).toBe(0);
  });

  it('refuses the periods that end before the longest course does', () => {
    const short = { ...periods, participantMonths: 1, sentMailDays: 30 };
    expect(periodsShorterThanCourse(short, 36)).toEqual(['participantMonths', 'sentMailDays']);
    expect(periodsShorterThanCourse(periods, 36)).toEqual([]);
  });
});
