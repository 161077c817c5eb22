import { describe, expect, it } from 'vitest';
import { parseAuditFilters } from '../../src/features/audit/audit-filters';

describe('reading the audit log filters', () => {
  it('takes no filter from empty or missing fields', () => {
    expect(parseAuditFilters({ person: '', actor: '  ', action: undefined })).toEqual({
      ok: true,
      filters: {},
      values: {},
    });
  });

  it('reads ids, the action and whole Helsinki days across the clock change', () => {
    const parsed = parseAuditFilters({
      person: '42',
      actor: '7',
      action: 'export',
      from: '2026-10-25',
      to: '2026-10-25',
    });
    expect(parsed).toMatchObject({
      ok: true,
      filters: {
        person: 42,
        actor: 7,
        action: 'export',
        // Midnight in summer time (UTC+3) to the next midnight in winter time (UTC+2): 25 hours.
        from: new Date('2026-10-24T21:00:00Z'),
        before: new Date('2026-10-25T22:00:00Z'),
      },
    });
  });

  it('names the field of each value it cannot read, keeping what was typed', () => {
    const parsed = parseAuditFilters({
      person: '12a',
      actor: '0',
      action: 'READ',
      from: '2026-02-29',
      to: '2026-13-01',
    });
    expect(parsed).toEqual({
      ok: false,
      values: { person: '12a', actor: '0', action: 'READ', from: '2026-02-29', to: '2026-13-01' },
      errors: {
        person: 'audit.filter.badNumber',
        actor: 'audit.filter.badNumber',
        action: 'audit.filter.badAction',
        from: 'audit.filter.badDate',
        to: 'audit.filter.badDate',
      },
    });
  });

  it('refuses a last day before the first, and a number too big to be an id', () => {
    expect(parseAuditFilters({ from: '2026-12-04', to: '2026-12-03' })).toMatchObject({
      ok: false,
      errors: { to: 'audit.filter.toBeforeFrom' },
    });
    expect(parseAuditFilters({ from: '2026-12-03', to: '2026-12-03' }).ok).toBe(true);
    expect(parseAuditFilters({ from: '0001-01-01', to: '9999-12-31' })).toMatchObject({
      ok: true,
      filters: { from: expect.any(Date) },
    });
    expect(parseAuditFilters({ person: '99999999999999999' })).toMatchObject({
      ok: false,
      errors: { person: 'audit.filter.badNumber' },
    });
  });
});
