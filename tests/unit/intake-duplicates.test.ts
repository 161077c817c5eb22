import { describe, expect, it } from 'vitest';
import {
  findDuplicate,
  offeredChanges,
  sameDetails,
  type ContactDetails,
  type ExistingApplication,
} from '../../src/features/intake/duplicates';

const anApplication = (overrides: Partial<ExistingApplication> = {}): ExistingApplication => ({
  id: 1,
  phone: '+358401234567',
  email: 'aino@example.fi',
  preferredCourseId: 7,
  state: 'to-call',
  ...overrides,
});

describe('finding the application a new one duplicates', () => {
  it('matches the same phone number for the same course', () => {
    const candidate = { phone: '+358401234567', email: '', preferredCourseId: 7 };
    expect(findDuplicate(candidate, [anApplication({ email: '' })])).toBe(1);
  });

  it('matches the same e-mail regardless of case, even with another phone', () => {
    const candidate = { phone: '+358509999999', email: 'Aino@Example.FI', preferredCourseId: 7 };
    expect(findDuplicate(candidate, [anApplication()])).toBe(1);
  });

  it('does not match two people who both left the e-mail empty', () => {
    const candidate = { phone: '+358509999999', email: '', preferredCourseId: 7 };
    expect(findDuplicate(candidate, [anApplication({ email: '' })])).toBeNull();
  });

  it('does not treat an application for another course as a duplicate', () => {
    const candidate = { phone: '+358401234567', email: '', preferredCourseId: 8 };
    expect(findDuplicate(candidate, [anApplication()])).toBeNull();
    expect(findDuplicate({ ...candidate, preferredCourseId: null }, [anApplication()])).toBeNull();
  });

  it('treats "any course" as equal to "any course"', () => {
    const candidate = { phone: '+358401234567', email: '', preferredCourseId: null };
    expect(findDuplicate(candidate, [anApplication({ preferredCourseId: null })])).toBe(1);
  });

  it('ignores closed applications and picks the oldest open match', () => {
    const candidate = { phone: '+358401234567', email: '', preferredCourseId: 7 };
    expect(findDuplicate(candidate, [anApplication({ state: 'closed' })])).toBeNull();
    expect(
      findDuplicate(candidate, [
        anApplication({ id: 9, state: 'waiting' }),
        anApplication({ id: 3, state: 'closed' }),
        anApplication({ id: 5, state: 'placed' }),
      ]),
    ).toBe(5);
  });
});

describe('what a submission offers beyond the record', () => {
  const record: ContactDetails = {
    name: 'Aino Esimerkki',
    phone: '+358401234567',
    email: '',
    municipality: 'Lapua',
    goodTimesToCall: 'aamuisin',
    referrerName: '',
    referrerUnit: '',
    referrerContact: '',
  };

  it('offers nothing when the details are the same, or only left empty', () => {
    expect(offeredChanges(record, record)).toEqual([]);
    expect(offeredChanges(record, { ...record, goodTimesToCall: '', municipality: ' ' })).toEqual(
      [],
    );
  });

  it('offers an e-mail the record lacks, and every other detail that differs', () => {
    expect(
      offeredChanges(record, {
        ...record,
        email: 'uusi@example.fi',
        name: 'Aino K. Esimerkki',
        referrerName: 'Sanna',
      }),
    ).toEqual(['name', 'email', 'referrerName']);
  });

  it('reads e-mail addresses regardless of case', () => {
    const withEmail = { ...record, email: 'aino@example.fi' };
    expect(offeredChanges(withEmail, { ...withEmail, email: 'Aino@Example.FI' })).toEqual([]);
    expect(sameDetails(withEmail, { ...withEmail, email: 'AINO@example.fi' })).toBe(true);
  });

  it('tells the same offer sent twice from a different one', () => {
    expect(sameDetails(record, { ...record })).toBe(true);
    expect(sameDetails(record, { ...record, phone: '+358401234568' })).toBe(false);
  });
});
