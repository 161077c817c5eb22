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
