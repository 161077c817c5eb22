import { eq } from 'drizzle-orm';
import {
  applications,
  enrollments,
  participantLinks,
  type EnrollmentState,
} from '../../../db/schema';
import type { AppDatabase } from '../../db';
import type { Language } from '../../i18n';
import { hashSecretToken } from '../../lib/tokens';

export type ParticipantView = {
  applicationId: number;
  name: string;
  email: string;
  phone: string;
  language: Language;
  enrollments: {
    enrollmentId: number;
    courseId: number;
    state: EnrollmentState;
    dropOutReason: string;
    feedbackGiven: boolean;
  }[];
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
      dropOutReason: enrollments.dropOutReason,
      feedbackGiven: enrollments.feedbackGiven,
    })
    .from(enrollments)
    // Every course the person was ever on, finished ones too (for their feedback).
    .where(eq(enrollments.applicationId, application.id))
    .all();
  return {
    ok: true,
    participant: {
      applicationId: application.id,
      name: application.name,
      email: application.email,
      phone: application.phone,
      language: application.language,
      enrollments: rows,
    },
  };
}
