import { auditLog } from '../../../db/schema';
import { addDays, isValidLocalDate, wallClockToInstant } from '../../lib/helsinki-time';

export const auditActions = auditLog.action.enumValues;
export type AuditAction = (typeof auditActions)[number];

/** The admin's filters on the audit log; every one optional, all of them together narrow. */
export type AuditFilters = {
  /** An application id: the entries about that person (see `auditEntriesAboutPerson`). */
  person?: number;
  /** The staff member who acted (`actorUserId`). */
  actor?: number;
  action?: AuditAction;
  /** From the start of this Helsinki day, inclusive. */
  from?: Date;
  /** Before this instant: the start of the Helsinki day after the "to" date. */
  before?: Date;
};

export const auditFilterFields = ['person', 'actor', 'action', 'from', 'to'] as const;
export type AuditFilterField = (typeof auditFilterFields)[number];

/** The filters as typed (kept in the form and in the "show more" links). */
export type AuditFilterValues = Partial<Record<AuditFilterField, string>>;

export type AuditFilterProblem =
  | 'audit.filter.badNumber'
  | 'audit.filter.badAction'
  | 'audit.filter.badDate'
  | 'audit.filter.toBeforeFrom'
  | 'audit.filter.unknownActor';

export type ParsedAuditFilters =
  | { ok: true; filters: AuditFilters; values: AuditFilterValues }
  | {
      ok: false;
      values: AuditFilterValues;
      errors: Partial<Record<AuditFilterField, AuditFilterProblem>>;
    };

const wholeNumber = /^[1-9]\d{0,15}$/;
const lastDay = '9999-12-31';

/**
 * Reads the filters from the query string. A value that cannot be meant (letters for a number,
 * 2026-02-30, a "to" before "from", an action that does not exist) is a problem at its field; an
 * empty field is no filter. Dates are Helsinki calendar days, so "to 3.12." covers the whole of
 * 3 December in Finland, whatever the server's zone.
 */
export function parseAuditFilters(query: Record<string, string | undefined>): ParsedAuditFilters {
  const values: AuditFilterValues = {};
  for (const field of auditFilterFields) {
    const value = query[field]?.trim();
    if (value) values[field] = value.slice(0, 40);
  }
  const errors: Partial<Record<AuditFilterField, AuditFilterProblem>> = {};
  const filters: AuditFilters = {};
  for (const field of ['person', 'actor'] as const) {
    const value = values[field];
    if (value === undefined) continue;
    if (wholeNumber.test(value) && Number.isSafeInteger(Number(value)))
      filters[field] = Number(value);
    else errors[field] = 'audit.filter.badNumber';
  }
  if (values.action !== undefined) {
    const action = auditActions.find((known) => known === values.action);
    if (action) filters.action = action;
    else errors.action = 'audit.filter.badAction';
  }
  for (const field of ['from', 'to'] as const) {
    const value = values[field];
    if (value !== undefined && !isValidLocalDate(value)) errors[field] = 'audit.filter.badDate';
  }
  if (values.from && !errors.from) filters.from = wallClockToInstant(values.from, '00:00');
  // The last day there is has no next day to end before: no upper bound is the same range.
  if (values.to && !errors.to && values.to !== lastDay) {
    filters.before = wallClockToInstant(addDays(values.to, 1), '00:00');
  }
  if (values.from && values.to && !errors.from && !errors.to && values.to < values.from) {
    errors.to = 'audit.filter.toBeforeFrom';
  }
  return Object.keys(errors).length > 0
    ? { ok: false, values, errors }
    : { ok: true, filters, values };
}
