import { describe, expect, it } from 'vitest';
import {
  licenceOf,
  needsAttention,
  oldestCourseEndThatMatters,
  wholeMonthsBetween,
  type LicenceCourse,
} from '../../src/features/instructors/licence-rules';
import { addMonths } from '../../src/lib/helsinki-time';

const held = (firstDate: string, lastDate: string): LicenceCourse => ({
  status: 'completed',
  firstDate,
  lastDate,
});
const planned = (firstDate: string, lastDate: string): LicenceCourse => ({
  status: 'planned',
  firstDate,
  lastDate,
});
const cancelled = (firstDate: string, lastDate: string): LicenceCourse => ({
  status: 'cancelled',
  firstDate,
  lastDate,
});

const trainedOn = '2026-05-20';
const newcomer = (today: string, courses: LicenceCourse[] = []) => ({ trainedOn, courses, today });

describe('month arithmetic on dates', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-05-20', 12)).toBe('2027-05-20');
    expect(addMonths('2027-05-31', -2)).toBe('2027-03-31');
  });

  it('counts whole months, the month being complete on the same day of the month', () => {
    expect(wholeMonthsBetween('2026-05-20', '2026-11-19')).toBe(5);
    expect(wholeMonthsBetween('2026-05-20', '2026-11-20')).toBe(6);
    expect(wholeMonthsBetween('2026-08-31', '2027-02-28')).toBe(6);
    expect(wholeMonthsBetween('2026-05-20', '2026-05-01')).toBe(0);
  });
});

describe('the licence status', () => {
  it('is new after training, with the months since training and the deadline', () => {
    expect(licenceOf(newcomer('2026-11-20'))).toEqual({
      status: 'new',
      trainedOn,
      monthsSinceTraining: 6,
      lastCourseOn: null,
      validUntil: '2027-05-20',
      lapsesOn: '2027-05-21',
    });
  });

  it('starts lapsing exactly 2 months before the deadline, not a day earlier', () => {
    expect(licenceOf(newcomer('2027-03-19')).status).toBe('new');
    expect(licenceOf(newcomer('2027-03-20')).status).toBe('lapsing');
  });

  it('holds through exactly 12 months and lapses the day after', () => {
    expect(licenceOf(newcomer('2027-05-20')).status).toBe('lapsing');
    expect(licenceOf(newcomer('2027-05-21')).status).toBe('lapsed');
  });

  it('is not made active by a course planned but not yet held', () => {
    const licence = licenceOf(newcomer('2026-10-01', [planned('2026-10-06', '2026-11-17')]));
    expect(licence).toMatchObject({ status: 'new', lastCourseOn: null });
  });

  it('is active once the last session of a course is on or before today', () => {
    const course = held('2026-10-06', '2026-11-17');
    expect(licenceOf(newcomer('2026-11-16', [course])).status).toBe('new');
    expect(licenceOf(newcomer('2026-11-17', [course]))).toMatchObject({
      status: 'active',
      lastCourseOn: '2026-11-17',
      validUntil: '2027-11-17',
    });
  });

  it('counts the status of a course for nothing but cancelled (a past planned course was led)', () => {
    expect(licenceOf(newcomer('2026-12-01', [planned('2026-10-06', '2026-11-17')])).status).toBe(
      'active',
    );
  });

  it('counts a cancelled course, or one without sessions, for nothing', () => {
    const courses: LicenceCourse[] = [
      cancelled('2026-10-06', '2026-11-17'),
      { status: 'completed', firstDate: null, lastDate: null },
    ];
    expect(licenceOf(newcomer('2027-05-21', courses)).status).toBe('lapsed');
  });

  it('runs from the last course led: lapsing 2 months before 12 months from it, then lapsed', () => {
    const courses = [held('2026-09-01', '2026-10-13'), held('2027-01-12', '2027-02-16')];
    expect(licenceOf(newcomer('2027-12-15', courses)).status).toBe('active');
    expect(licenceOf(newcomer('2027-12-16', courses))).toMatchObject({
      status: 'lapsing',
      lastCourseOn: '2027-02-16',
      validUntil: '2028-02-16',
    });
    expect(licenceOf(newcomer('2028-02-17', courses)).status).toBe('lapsed');
  });

  it('judges an instructor without a training date by the course they led', () => {
    const old = { trainedOn: null, today: '2026-09-01' };
    expect(licenceOf({ ...old, courses: [held('2026-03-03', '2026-04-07')] })).toEqual({
      status: 'active',
      trainedOn: null,
      monthsSinceTraining: null,
      lastCourseOn: '2026-04-07',
      validUntil: '2027-04-07',
      lapsesOn: '2027-04-08',
    });
    expect(licenceOf({ ...old, courses: [held('2025-03-04', '2025-04-08')] }).status).toBe(
      'lapsed',
    );
  });

  it('calls an instructor without a training date who never led a course untrained', () => {
    const licence = licenceOf({
      trainedOn: null,
      today: '2026-09-01',
      courses: [planned('2026-10-06', '2026-11-17')],
    });
    expect(licence).toMatchObject({ status: 'untrained', validUntil: null, lapsesOn: null });
    expect(needsAttention({ trainedOn: null, today: '2026-09-01', courses: [] })).toBeNull();
  });

  it('restarts the clock as a new instructor when trained again after the last course', () => {
    const licence = licenceOf({
      trainedOn: '2026-05-20',
      today: '2026-06-01',
      courses: [held('2024-09-03', '2024-10-08')],
    });
    expect(licence).toMatchObject({ status: 'new', lastCourseOn: null, validUntil: '2027-05-20' });
  });
});

describe('what the coordinator is asked about', () => {
  it('lists a new instructor with no course planned, with the preferred 6-month date', () => {
    expect(needsAttention(newcomer('2026-12-20'))).toEqual({
      kind: 'no-course-planned',
      trainedOn,
      monthsSinceTraining: 7,
      preferredBy: '2026-11-20',
      validUntil: '2027-05-20',
    });
  });

  it('is cleared by a course planned but not yet held, when it starts by the deadline', () => {
    expect(
      needsAttention(newcomer('2026-12-20', [planned('2027-05-20', '2027-06-24')])),
    ).toBeNull();
    expect(
      needsAttention(newcomer('2026-12-20', [planned('2027-05-21', '2027-06-25')]))?.kind,
    ).toBe('no-course-planned');
  });

  it('is not cleared by a cancelled course', () => {
    expect(
      needsAttention(newcomer('2026-12-20', [cancelled('2027-01-12', '2027-02-16')]))?.kind,
    ).toBe('no-course-planned');
  });

  it('asks nothing about an active instructor until the last 2 months of the licence', () => {
    const courses = [held('2026-09-01', '2026-10-13')];
    expect(needsAttention(newcomer('2027-08-12', courses))).toBeNull();
    expect(needsAttention(newcomer('2027-08-13', courses))).toEqual({
      kind: 'about-to-lapse',
      lastCourseOn: '2026-10-13',
      validUntil: '2027-10-13',
    });
  });

  it('lets a course planned after the last one clear the about-to-lapse item', () => {
    const courses = [held('2026-09-01', '2026-10-13'), planned('2027-09-07', '2027-10-12')];
    expect(needsAttention(newcomer('2027-08-13', courses))).toBeNull();
  });

  it('asks nothing about a lapsed licence (it needs training again)', () => {
    expect(needsAttention(newcomer('2027-05-21'))).toBeNull();
  });
});

describe('reading only the courses that can still matter', () => {
  it('gives the same status and question without the courses that ended before the cut-off', () => {
    const today = '2026-12-03';
    const cutOff = oldestCourseEndThatMatters(today);
    const histories: { trainedOn: string | null; courses: LicenceCourse[] }[] = [
      { trainedOn: '2019-03-01', courses: [held('2019-09-01', '2019-10-20')] },
      {
        trainedOn: '2019-03-01',
        courses: [held('2019-09-01', '2019-10-20'), held('2025-11-01', '2025-12-03')],
      },
      {
        trainedOn: '2019-03-01',
        courses: [held('2025-10-01', '2025-12-02'), planned('2027-01-10', '2027-02-20')],
      },
      { trainedOn: '2025-06-01', courses: [held('2020-01-01', '2020-02-01')] },
      {
        trainedOn: null,
        courses: [held('2018-01-01', '2018-02-01'), cancelled('2026-09-01', '2026-10-01')],
      },
      {
        trainedOn: '2026-02-01',
        courses: [held('2021-01-01', '2021-02-01'), held('2026-03-01', '2026-04-10')],
      },
    ];
    for (const history of histories) {
      const all = { ...history, today };
      const recent = {
        ...all,
        courses: all.courses.filter(
          (course) => course.lastDate !== null && course.lastDate >= cutOff,
        ),
      };
      const [whole, part] = [licenceOf(all), licenceOf(recent)];
      // Lapsed either way, or (no training date) never trained: neither is counted or asked about.
      if (whole.status === 'lapsed') expect(['lapsed', 'untrained']).toContain(part.status);
      else expect(part).toEqual(whole);
      expect(needsAttention(recent)).toEqual(needsAttention(all));
    }
  });
});
