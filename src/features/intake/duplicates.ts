import type { ApplicationState } from '../../../db/schema';

export type DuplicateCandidate = {
  phone: string;
  email: string;
  preferredCourseId: number | null;
};

export type ExistingApplication = DuplicateCandidate & {
  id: number;
  state: ApplicationState;
};

const sameEmail = (a: string, b: string) =>
  a.trim() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The same person asking for the same course again: the same phone (both E.164) or the same
 * non-empty e-mail, and the same preferred course ("any course" equals "any course"). Closed
 * applications are history, so a new request starts over. The oldest match wins.
 */
export function findDuplicate(
  candidate: DuplicateCandidate,
  existing: readonly ExistingApplication[],
): number | null {
  const match = existing
    .filter((application) => application.state !== 'closed')
    .filter((application) => application.preferredCourseId === candidate.preferredCourseId)
    .filter(
      (application) =>
        application.phone === candidate.phone || sameEmail(application.email, candidate.email),
    )
    .sort((a, b) => a.id - b.id)[0];
  return match?.id ?? null;
}

/** The contact details a submission brings; a public one may only offer them, never write them. */
export const contactFields = [
  'name',
  'phone',
  'email',
  'municipality',
  'goodTimesToCall',
  'referrerName',
  'referrerUnit',
  'referrerContact',
] as const;
export type ContactField = (typeof contactFields)[number];
export type ContactDetails = Record<ContactField, string>;

const sameDetail = (field: ContactField, a: string, b: string) =>
  field === 'email' ? a.trim().toLowerCase() === b.trim().toLowerCase() : a.trim() === b.trim();

/**
 * The details a submission offers that the record does not hold yet. An empty detail offers
 * nothing: leaving the e-mail out is no request to remove it.
 */
export function offeredChanges(record: ContactDetails, offered: ContactDetails): ContactField[] {
  return contactFields.filter(
    (field) => offered[field].trim() !== '' && !sameDetail(field, record[field], offered[field]),
  );
}

/** Two submissions offering exactly the same details (sending the form twice). */
export function sameDetails(a: ContactDetails, b: ContactDetails): boolean {
  return contactFields.every((field) => sameDetail(field, a[field], b[field]));
}
