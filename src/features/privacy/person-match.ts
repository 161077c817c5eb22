import { and, asc, eq, isNull, ne, or } from 'drizzle-orm';
import { applications } from '../../../db/schema';
import type { DatabaseOrTransaction } from '../../db';

/** Why an application counts as the person's: the one asked about, or a shared phone or e-mail. */
export type MatchReason = 'this' | 'phone' | 'email' | 'phone-and-email';

export type MatchedApplication = { id: number; matchedBy: MatchReason };

/** What is held about the person the application belongs to, or why nothing can be given. */
export type PersonLookup =
  | { found: 'none' }
  | { found: 'anonymised'; anonymisedAt: Date }
  | { found: 'person'; applications: MatchedApplication[] };

/**
 * The person behind an application: it, and their other applications that are not anonymised and
 * share its phone number (E.164) or its non-empty e-mail address. A person who applied for two
 * courses has two applications; both are theirs to see and to have erased. Matching goes one step
 * from the application asked about, not on from the matches, so a shared family e-mail does not
 * pull in a third person's phone.
 */
export function personOf(db: DatabaseOrTransaction, applicationId: number): PersonLookup {
  const asked = db
    .select({
      phone: applications.phone,
      email: applications.email,
      anonymisedAt: applications.anonymisedAt,
    })
    .from(applications)
    .where(eq(applications.id, applicationId))
    .get();
  if (!asked) return { found: 'none' };
  if (asked.anonymisedAt) return { found: 'anonymised', anonymisedAt: asked.anonymisedAt };
  const samePhone = asked.phone === '' ? undefined : eq(applications.phone, asked.phone);
  const sameEmail = asked.email === '' ? undefined : eq(applications.email, asked.email);
  const others =
    samePhone || sameEmail
      ? db
          .select({ id: applications.id, phone: applications.phone, email: applications.email })
          .from(applications)
          .where(
            and(
              ne(applications.id, applicationId),
              isNull(applications.anonymisedAt),
              or(samePhone, sameEmail),
            ),
          )
          .orderBy(asc(applications.createdAt), asc(applications.id))
          .all()
      : [];
  return {
    found: 'person',
    applications: [
      { id: applicationId, matchedBy: 'this' },
      ...others.map((other): MatchedApplication => {
        const phone = asked.phone !== '' && other.phone === asked.phone;
        const email = asked.email !== '' && other.email === asked.email;
        return {
          id: other.id,
          matchedBy: phone && email ? 'phone-and-email' : phone ? 'phone' : 'email',
        };
      }),
    ],
  };
}
