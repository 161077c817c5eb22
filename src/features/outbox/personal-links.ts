import { eq, max } from 'drizzle-orm';
import { courseSessions, participantLinks } from '../../../db/schema';
import type { DatabaseOrTransaction } from '../../db';
import { addDays, wallClockToInstant } from '../../lib/helsinki-time';
import { hashSecretToken, newSecretToken } from '../../lib/tokens';

// Personal links are made as a message or letter goes out, so they live below the invitations
// that mention them and the participant pages that read them.

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
