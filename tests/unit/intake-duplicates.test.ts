import { describe, expect, it } from 'vitest';
import { findDuplicate, type ExistingApplication } from '../../src/features/intake/duplicates';

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
