import { eq } from 'drizzle-orm';
import { meetingAttendees, users } from '../../../db/schema';
import type { Transaction } from '../../db';
import { translatorFor, type Language } from '../../i18n';
import { formatLocalDate, formatTimeRange } from '../../i18n/format';
import type { CalendarDays } from '../invites/day-calendar';
import type { MailKind, MailSection } from '../invites/invitation-mail';
import {
  planInvitationChanges,
  type ExistingInvitation,
  type Invitee,
} from '../invites/invitation-rules';
import {
  enqueueComposedMail,
  enqueueDaysInvitation,
  type MailContext,
} from '../invites/invitations';
import type { MeetingPerson } from './meeting-rules';
import { activeAttendees, findMeeting, type MeetingWithPeople } from './queries';

/** A staff attendee is written to in their own language; a guest (no account) in Finnish. */
function attendeeLanguage(tx: Transaction, userId: number | null | undefined): Language {
  if (!userId) return 'fi';
  return (
    tx.select({ language: users.language }).from(users).where(eq(users.id, userId)).get()
      ?.language ?? 'fi'
  );
}

/** 'changed': the time, place or agenda changed, so everyone still invited hears of it. */
export type MeetingChange = 'planned' | 'changed';

type Meeting = MeetingWithPeople['meeting'];

const splitLines = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

/** When and where, in plain words: the same lines in the mail and the invitation's DESCRIPTION. */
function whenAndWhere(meeting: Meeting, language: Language): string[] {
  const t = translatorFor(language);
  const lines = [
    t('meetingInvite.when', {
      date: formatLocalDate(meeting.localDate, language),
      time: formatTimeRange(meeting.startTime, meeting.endTime, language),
    }),
  ];
  if (meeting.place) lines.push(t('meetingInvite.place', { place: meeting.place }));
  if (meeting.onlineLink) lines.push(t('meetingInvite.link', { link: meeting.onlineLink }));
  return lines;
}

/** The meeting as a calendar series of one day; the description carries the agenda and the link. */
export function calendarMeetingOf(meeting: Meeting, language: Language): CalendarDays {
  const t = translatorFor(language);
  const agenda = meeting.agenda.trim();
  return {
    uid: meeting.calendarUid,
    sequence: meeting.scheduleSequence,
    cancelled: meeting.status === 'cancelled',
    title: meeting.title,
    description: [
      ...(agenda ? [t('meetingInvite.agenda'), agenda, ''] : []),
      ...whenAndWhere(meeting, language),
    ].join('\n'),
    location: meeting.place || meeting.onlineLink,
    days: [
      { localDate: meeting.localDate, startTime: meeting.startTime, endTime: meeting.endTime },
    ],
  };
}

/** The invitation, update or cancellation as sections: text and HTML are made from them. */
export function meetingMailSections(
  meeting: Meeting,
  recipient: { name: string; language: Language },
  kind: MailKind,
  cancellationReason: string,
): { subject: string; sections: MailSection[] } {
  const { language } = recipient;
  const t = translatorFor(language);
  const title = meeting.title;
  const subject = t(`meetingInvite.subject.${kind}`, { title });
  const opening = [t('invite.greeting', { name: recipient.name })];
  if (kind === 'cancellation') {
    opening.push(
      meeting.status === 'cancelled'
        ? t('meetingInvite.intro.meetingCancelled', { title, reason: cancellationReason })
        : t('meetingInvite.intro.cancellation', { title }),
    );
    return { subject, sections: [{ lines: opening }, { lines: [t('invite.signature')] }] };
  }
  opening.push(t(`meetingInvite.intro.${kind}`, { title }));
  const agenda = splitLines(meeting.agenda);
  return {
    subject,
    sections: [
      { lines: opening },
      { lines: whenAndWhere(meeting, language) },
      ...(agenda.length > 0 ? [{ heading: t('meetingInvite.agenda'), lines: agenda }] : []),
      { lines: [t('invite.calendarNote'), t('invite.signature')] },
    ],
  };
}

/**
 * Brings a meeting's attendees in line with `wanted` (or keeps them, when null) in the caller's
 * transaction, with the course rule (`planInvitationChanges`): an attendee row is the person's
 * invitation, known by the e-mail address. Newcomers get a REQUEST, those taken off (everyone, when
 * the meeting is cancelled) a CANCEL, and everyone else an update when `change` is 'changed'; each
 * message's SEQUENCE is higher than any the person was sent before.
 */
export function syncMeetingAttendees(
  tx: Transaction,
  meetingId: number,
  wanted: readonly MeetingPerson[] | null,
  mail: MailContext,
  change: MeetingChange,
  cancellationReason = '',
): void {
  const found = findMeeting(tx, meetingId);
  if (!found) return;
  const { meeting, attendees } = found;
  const people = meeting.status === 'cancelled' ? [] : (wanted ?? activeAttendees(found));
  const rowOf = (email: string) => attendees.find((row) => row.email === email);
  let newcomer = 0;
  const invitees: Invitee[] = people.map((person) => ({
    kind: 'instructor',
    id: rowOf(person.email)?.id ?? --newcomer,
    name: person.name,
    email: person.email,
    language: attendeeLanguage(tx, person.userId),
  }));
  const existing: ExistingInvitation[] = attendees.map((row) => ({
    ...row,
    instructorId: row.id,
    applicationId: null,
    language: attendeeLanguage(tx, row.userId),
  }));
  const plan = planInvitationChanges(
    existing,
    invitees,
    { kind: change },
    meeting.scheduleSequence,
  );
  const userIdOf = (email: string) =>
    people.find((person) => person.email === email)?.userId ?? null;
  for (const step of plan) {
    const { person } = step;
    // A cancelled row keeps the name it was invited under; the others take the current one.
    const attendee = {
      state: step.action === 'cancel' ? ('cancelled' as const) : ('active' as const),
      sentSequence: step.sequence,
      ...(step.action === 'cancel' ? {} : { name: person.name, userId: userIdOf(person.email) }),
    };
    if (step.invitationId === null) {
      const { email, name } = person;
      tx.insert(meetingAttendees)
        .values({ meetingId, email, name, ...attendee, createdAt: mail.now })
        .run();
    } else {
      tx.update(meetingAttendees)
        .set(attendee)
        .where(eq(meetingAttendees.id, step.invitationId))
        .run();
    }
    enqueueDaysInvitation(
      tx,
      step,
      calendarMeetingOf(meeting, person.language),
      (kind) => meetingMailSections(meeting, person, kind, cancellationReason),
      { meetingId },
      mail,
    );
  }
}

/** The minutes as sections, for the mail to the attendees. */
export function minutesMailSections(
  found: MeetingWithPeople,
  recipient: { name: string; language: Language },
): { subject: string; sections: MailSection[] } {
  const { language } = recipient;
  const t = translatorFor(language);
  const { meeting } = found;
  const date = formatLocalDate(meeting.localDate, language);
  const subject = t('meetingMinutes.subject', { title: meeting.title, date });
  const items = found.actionItems.map((item) =>
    t('meetingMinutes.itemLine', {
      description: item.description,
      owner: item.ownerName,
      due: formatLocalDate(item.dueDate, language),
    }),
  );
  const optional = (heading: string, lines: string[]) =>
    lines.length > 0 ? [{ heading, lines }] : [];
  return {
    subject,
    sections: [
      {
        lines: [
          t('invite.greeting', { name: recipient.name }),
          t('meetingMinutes.intro', { title: meeting.title, date }),
        ],
      },
      ...optional(t('meeting.minutes'), splitLines(meeting.minutes)),
      ...optional(t('meeting.decisions'), splitLines(meeting.decisions)),
      ...optional(t('meeting.actionItems'), items),
      { lines: [t('invite.signature')] },
    ],
  };
}

/** One message with the minutes to every attendee still invited, in the caller's transaction. */
export function enqueueMinutesMail(tx: Transaction, found: MeetingWithPeople, mail: MailContext) {
  for (const attendee of activeAttendees(found)) {
    const language = attendeeLanguage(tx, attendee.userId);
    const recipient = { name: attendee.name, email: attendee.email, language };
    enqueueComposedMail(
      tx,
      recipient,
      minutesMailSections(found, recipient),
      null,
      { meetingId: found.meeting.id },
      mail,
    );
  }
  return activeAttendees(found).length;
}
