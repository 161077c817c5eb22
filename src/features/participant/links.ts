import { and, eq, inArray } from 'drizzle-orm';
import {
  applications,
  enrollments,
  participantLinks,
  type EnrollmentState,
} from '../../../db/schema';
import type { AppDatabase, DatabaseOrTransaction } from '../../db';
import { isLanguage, type Language } from '../../i18n';
import { hashSecretToken, newSecretToken } from '../../lib/tokens';

/** A random 256-bit token; only its SHA-256 is stored. */
export function createParticipantLink(
  db: DatabaseOrTransaction,
  applicationId: number,
  expiresAt: Date,
  now: Date,
): string {
  const token = newSecretToken();
  db.insert(participantLinks)
    .values({ applicationId, tokenHash: hashSecretToken(token), expiresAt, createdAt: now })
    .run();
  return token;
}

export function participantLinkUrl(publicUrl: URL, token: string): string {
  return new URL(`/p/${token}`, publicUrl).href;
}

export type ParticipantView = {
  applicationId: number;
  name: string;
  email: string;
  phone: string;
  language: Language;
  enrollments: { enrollmentId: number; courseId: number; state: EnrollmentState }[];
};

export function findParticipantByToken(
  db: AppDatabase,
  token: string,
  now: Date,
): { ok: true; participant: ParticipantView } | { ok: false; reason: 'unknown' | 'expired' } {
  const link = db
    .select()
    .from(participantLinks)
    .where(eq(participantLinks.tokenHash, hashSecretToken(token)))
    .get();
  if (!link) return { ok: false, reason: 'unknown' };
  if (link.expiresAt <= now) return { ok: false, reason: 'expired' };
  const application = db
    .select()
    .from(applications)
    .where(eq(applications.id, link.applicationId))
    .get();
  if (!application || application.state === 'closed') return { ok: false, reason: 'unknown' };
  const rows = db
    .select({
      enrollmentId: enrollments.id,
      courseId: enrollments.courseId,
      state: enrollments.state,
    })
    .from(enrollments)
    .where(
      and(
        eq(enrollments.applicationId, application.id),
        inArray(enrollments.state, ['placed', 'waitlisted', 'withdrawn', 'cancelled']),
      ),
    )
    .all();
  return {
    ok: true,
    participant: {
      applicationId: application.id,
      name: application.name,
      email: application.email,
      phone: application.phone,
      language: isLanguage(application.language) ? application.language : 'fi',
      enrollments: rows,
    },
  };
}
