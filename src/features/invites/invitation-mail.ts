import { venueText } from '../../i18n/format';
import { formatLocalDate, formatTimeRange } from '../../i18n/format';
import { translatorFor, type Language } from '../../i18n';
import { formatPhoneForDisplay } from '../../lib/phone';
import type { OrganisationContact } from '../organisation/queries';

export type MailKind = 'invitation' | 'update' | 'cancellation';

export type ChangeNote =
  | { kind: 'session-moved'; ordinal: number; from: SlotText; to: SlotText }
  | { kind: 'session-cancelled'; ordinal: number; localDate: string }
  | { kind: 'venue-changed'; venue: string }
  | { kind: 'details-changed' };

type SlotText = { localDate: string; startTime: string; endTime: string };

export type InvitationContent = {
  kind: MailKind;
  language: Language;
  recipientName: string;
  courseTitle: string;
  sessions: {
    ordinal: number;
    localDate: string;
    startTime: string;
    endTime: string;
    status: 'scheduled' | 'cancelled';
  }[];
  venue: { name: string; streetAddress: string; accessibilityNotes: string } | null;
  contacts: { name: string; phone: string }[];
  changes: ChangeNote[];
  /** Set when the whole course was cancelled. */
  cancellationReason?: string;
  /** A participant's own page: their course, calendar file and "I can't come". */
  personalLink?: string;
  /** A participant's message ends with the organisation's contact (what of it is set). */
  organisation?: OrganisationContact;
};

function slot(text: SlotText, language: Language): string {
  return `${formatLocalDate(text.localDate, language)} ${formatTimeRange(text.startTime, text.endTime, language)}`;
}

/** Every session in plain words, one per line: the heart of every invitation, update and letter. */
export function sessionLines(content: Pick<InvitationContent, 'sessions' | 'language'>): string[] {
  const t = translatorFor(content.language);
  return content.sessions.map((session) =>
    session.status === 'cancelled'
      ? t('invite.sessionCancelled', {
          number: session.ordinal,
          date: formatLocalDate(session.localDate, content.language),
        })
      : t('invite.session', {
          number: session.ordinal,
          date: formatLocalDate(session.localDate, content.language),
          time: formatTimeRange(session.startTime, session.endTime, content.language),
        }),
  );
}

export type MailSection = { heading?: string; lines: string[] };

function contactOf(content: InvitationContent): MailSection[] {
  return content.organisation ? organisationSection(content.organisation, content.language) : [];
}

/**
 * The message as sections of plain lines, in the recipient's language. The text part, the HTML part
 * and the printed letter are all made from these, so they can never say different things.
 */
export function invitationSections(content: InvitationContent): {
  subject: string;
  sections: MailSection[];
} {
  const t = translatorFor(content.language);
  const language = content.language;
  const course = content.courseTitle;
  const opening = [t('invite.greeting', { name: content.recipientName })];
  if (content.kind === 'cancellation') {
    opening.push(
      content.cancellationReason
        ? t('invite.intro.courseCancelled', { course, reason: content.cancellationReason })
        : t('invite.intro.cancellation', { course }),
    );
    if (content.personalLink) opening.push(t('invite.personalLink', { url: content.personalLink }));
    return {
      subject: t('invite.subject.cancellation', { course }),
      sections: [{ lines: opening }, ...contactOf(content)],
    };
  }

  const sections: MailSection[] = [];
  if (content.kind === 'update') {
    opening.push(t('invite.intro.update', { course }));
    sections.push({ lines: opening });
    sections.push({
      lines: content.changes.map((change) => {
        switch (change.kind) {
          case 'session-moved':
            return t('invite.change.sessionMoved', {
              number: change.ordinal,
              from: slot(change.from, language),
              to: slot(change.to, language),
            });
          case 'session-cancelled':
            return t('invite.change.sessionCancelled', {
              number: change.ordinal,
              date: formatLocalDate(change.localDate, language),
            });
          case 'venue-changed':
            return t('invite.change.venueChanged', { venue: change.venue });
          case 'details-changed':
            return t('invite.change.details');
        }
      }),
    });
    sections.push({ heading: t('invite.nowSessions'), lines: sessionLines(content) });
  } else {
    opening.push(t('invite.intro.invitation', { course }));
    sections.push({ lines: opening });
    sections.push({ lines: sessionLines(content) });
  }

  const place = venueText(content.venue);
  const practical = [place ? t('invite.venue', { venue: place }) : t('invite.noVenue')];
  if (content.venue?.accessibilityNotes)
    practical.push(t('invite.accessibility', { notes: content.venue.accessibilityNotes }));
  const reachable = content.contacts.filter((contact) => contact.phone);
  if (reachable.length > 0) {
    practical.push(
      t('invite.contact', {
        contacts: reachable.map((contact) => `${contact.name} ${contact.phone}`).join(', '),
      }),
    );
  }
  if (content.personalLink) practical.push(t('invite.personalLink', { url: content.personalLink }));
  sections.push({ lines: practical });
  sections.push({ lines: [t('invite.calendarNote'), t('invite.signature')] });
  sections.push(...contactOf(content));
  return { subject: t(`invite.subject.${content.kind}`, { course }), sections };
}

/** The organisation's contact as the last section of a message; none when nothing is set. */
export function organisationSection(
  organisation: OrganisationContact,
  language: Language,
): MailSection[] {
  const t = translatorFor(language);
  const lines = [
    organisation.name,
    organisation.coordinatorName &&
      t('contact.coordinator', { name: organisation.coordinatorName }),
    organisation.phone &&
      t('contact.mailPhone', { phone: formatPhoneForDisplay(organisation.phone) }),
    organisation.email && t('contact.mailEmail', { email: organisation.email }),
  ].filter((line) => line !== '');
  return lines.length > 0 ? [{ heading: t('contact.mailHeading'), lines }] : [];
}

export function sectionsAsText(sections: MailSection[]): string {
  return sections
    .map((section) => [section.heading, ...section.lines].filter(Boolean).join('\n'))
    .join('\n\n');
}
