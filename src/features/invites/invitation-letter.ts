import { translatorFor } from '../../i18n';
import { venueText } from '../../i18n/format';
import { sessionLines, type InvitationContent, type MailSection } from './invitation-mail';

/** Who the letter comes from: the organisation, the coordinator to call and its privacy notice. */
export type LetterSender = {
  organisation: string;
  coordinatorName: string;
  phone: string;
  /** The public privacy notice's address, printed as the letter's last line. */
  privacyNoticeUrl: string;
};

/**
 * A printed letter's own wording: no calendar is attached and nothing can be clicked, so it says
 * every date, the place and the number to call if the reader cannot come. `update` replaces a
 * letter posted earlier; `cancellation` takes back one posted earlier.
 */
export function letterSections(
  content: Omit<InvitationContent, 'changes'> & { courseCancelled: boolean },
  sender: LetterSender,
): { subject: string; sections: MailSection[] } {
  const t = translatorFor(content.language);
  const course = content.courseTitle;
  const greeting = t('invite.greeting', { name: content.recipientName });
  const sections: MailSection[] = [];

  if (content.kind === 'cancellation') {
    sections.push({
      lines: [
        greeting,
        content.courseCancelled
          ? t('letter.intro.courseCancelled', { course })
          : t('letter.intro.cancellation', { course }),
        ...(content.cancellationReason
          ? [t('letter.reason', { reason: content.cancellationReason })]
          : []),
        t('letter.earlierLetterVoid'),
      ],
    });
  } else {
    sections.push({
      lines: [
        greeting,
        content.kind === 'update'
          ? t('letter.intro.update', { course })
          : t('letter.intro.invitation', { course }),
      ],
    });
    sections.push({ lines: sessionLines(content) });
    const place = venueText(content.venue);
    const practical = [place ? t('invite.venue', { venue: place }) : t('letter.noVenue')];
    if (content.venue?.accessibilityNotes)
      practical.push(t('invite.accessibility', { notes: content.venue.accessibilityNotes }));
    sections.push({ lines: practical });
  }

  const call: string[] = [];
  const ask = content.kind === 'cancellation' ? 'letter.questions' : 'letter.cannotCome';
  const person = (name: string, phone: string) =>
    name ? t('letter.contact', { name, phone }) : phone;
  // The coordinator answers for the course; without their phone, the instructors who share theirs.
  const contacts = sender.phone
    ? [person(sender.coordinatorName, sender.phone)]
    : content.contacts
        .filter((contact) => contact.phone)
        .map((contact) => person(contact.name, contact.phone));
  if (contacts.length > 0) call.push(t(ask, { contact: contacts.join('; ') }));
  if (content.personalLink) call.push(t('letter.personalLink', { url: content.personalLink }));
  if (call.length > 0) sections.push({ lines: call });

  sections.push({
    lines: [
      t('letter.regards'),
      ...[sender.coordinatorName, sender.organisation || t('invite.signature')].filter(Boolean),
    ],
  });
  sections.push({ lines: [t('privacyNotice.mailLine', { url: sender.privacyNoticeUrl })] });
  return { subject: t(`letter.subject.${content.kind}`, { course }), sections };
}
