import { and, eq, inArray, max } from 'drizzle-orm';
import {
  applications,
  courseSessions,
  enrollments,
  participantLinks,
  type EnrollmentState,
} from '../../../db/schema';
import type { AppDatabase, DatabaseOrTransaction } from '../../db';
import type { Language } from '../../i18n';
import { addDays, wallClockToInstant } from '../../lib/helsinki-time';
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

/**
 * Stands for the token in a stored message's personal link (`…/p/personal-link-made-when-sent`):
 * the outbox never holds a usable token, and the worker puts a new one in just before sending.
 */
export const personalLinkPlaceholder = 'personal-link-made-when-sent';

/** A new personal link (its token returned, its hash stored), valid until 30 days after the course. */
export function issuePersonalLink(
  db: DatabaseOrTransaction,
  applicationId: number,
  courseId: number | null,
  now: Date,
): string {
  const lastDate =
    courseId === null
      ? null
      : db
          .select({ lastDate: max(courseSessions.localDate) })
          .from(courseSessions)
          .where(eq(courseSessions.courseId, courseId))
          .get()?.lastDate;
  const expiresAt = lastDate
    ? wallClockToInstant(addDays(lastDate, 30), '23:59')
    : new Date(now.getTime() + 90 * 24 * 60 * 60 * 1000);
  return createParticipantLink(db, applicationId, expiresAt, now);
}

type StoredMessage = {
  applicationId: number | null;
  courseId: number | null;
  textBody: string;
  htmlBody: string;
};

/**
 * The message as it is handed to the mail server: a participant's placeholder becomes a fresh
 * personal link. Every send makes its own, so a resend with the same Message-ID carries a link
 * that works as well as the first one's.
 */
export function withFreshPersonalLink<Message extends StoredMessage>(
  db: DatabaseOrTransaction,
  message: Message,
  now: Date,
): Message {
  const { applicationId, textBody, htmlBody } = message;
  if (
    applicationId === null ||
    !(textBody.includes(personalLinkPlaceholder) || htmlBody.includes(personalLinkPlaceholder))
  ) {
    return message;
  }
  const token = issuePersonalLink(db, applicationId, message.courseId, now);
  return {
    ...message,
    textBody: textBody.replaceAll(personalLinkPlaceholder, token),
    htmlBody: htmlBody.replaceAll(personalLinkPlaceholder, token),
  };
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
      language: application.language,
      enrollments: rows,
    },
  };
}
