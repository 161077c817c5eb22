import { and, eq, sql } from 'drizzle-orm';
import addressparser from 'nodemailer/lib/addressparser';
import { applications, enrollments, instructors, invitations, users } from '../../../db/schema';
import { renderInvitationHtml } from '../../../views/mail/invitation-mail';
import { courseTitle, venueText } from '../../i18n/format';
import type { DatabaseOrTransaction } from '../../db';
import { translatorFor, type Language } from '../../i18n';
import { formatPhoneForDisplay } from '../../lib/phone';
import { participantLinkUrl, personalLinkPlaceholder } from '../outbox/personal-links';
import { findCourse, type CourseWithSchedule } from '../courses/queries';
import { enqueueMessage } from '../outbox/queries';
import { organisationContact, type OrganisationContact } from '../organisation/queries';
import { privacyNoticeSection } from '../privacy-notice/notice-link';
import { buildCourseCalendar, type CalendarCourse, type CalendarMethod } from './course-calendar';
import { buildDaysCalendar, type CalendarDays } from './day-calendar';
import { queueChangeTextIn } from '../texts/change-texts';
import {
  contactsFor,
  planInvitationChanges,
  type Audience,
  type ExistingInvitation,
  type InvitationAction,
  type Invitee,
} from './invitation-rules';
import {
  invitationSections,
  sectionsAsText,
  sessionLines,
  type ChangeNote,
  type InvitationContent,
  type MailKind,
  type MailSection,
} from './invitation-mail';

/** The HTML of a composed mail; bulk writers (the national demo data) use the same composer. */
export { renderInvitationHtml };

export type Organizer = { name: string; email: string };

/** Built once at start from the configuration: who sends, and where people's links point. */
export type MailSettings = { organizer: Organizer; publicUrl: URL };

/** What every message needs besides its content. */
export type MailContext = MailSettings & { now: Date };

export function mailSettingsFrom(config: { mailFrom: string; publicUrl: URL }): MailSettings {
  return { organizer: organizerFrom(config.mailFrom), publicUrl: config.publicUrl };
}

/** The ORGANIZER of every invitation: the configured sender ("Kurssipolku <no-reply@…>"). */
export function organizerFrom(mailFrom: string): Organizer {
  const [parsed] = addressparser(mailFrom);
  const email = (parsed && 'address' in parsed && parsed.address) || mailFrom;
  return { name: parsed?.name || 'Kurssipolku', email };
}

/** What happened to a course, as the invitees should hear it. */
export type CourseChange =
  | { kind: 'planned' }
  | { kind: 'changed'; notes: ChangeNote[] }
  | { kind: 'cancelled'; reason: string };

/**
 * Which copy of a course's series a calendar holds. The invitations and the participant's own file
 * are one event per person (the course's UID: a file imported later updates the invitation, it
 * does not add a second event). The staff feed and the course download are published copies with
 * a UID of their own, and the feed leaves out the courses whose invitations its owner gets, so
 * nobody sees a session twice.
 */
export type CalendarCopy = 'invitation' | 'published';

export function publishedUid(calendarUid: string): string {
  return `published-${calendarUid}`;
}

/**
 * What a participant's own calendar entry says besides the dates, in their language: where the
 * place is, how one gets in, and whom to call (the coordinator's phone from the organisation
 * settings). Staff copies leave it out: they know the place and are the ones called.
 */
export function participantCalendarNotes(
  venue: CourseWithSchedule['venue'],
  organisation: Pick<OrganisationContact, 'phone'>,
  language: Language,
): string[] {
  const t = translatorFor(language);
  const place = venueText(venue);
  return [
    place ? t('invite.venue', { venue: place }) : t('invite.noVenue'),
    venue?.stepFreeAccess ? t('participant.stepFree') : '',
    venue?.hearingLoop ? t('participant.hearingLoop') : '',
    venue?.accessibilityNotes ? t('invite.accessibility', { notes: venue.accessibilityNotes }) : '',
    organisation.phone
      ? t('invite.coordinatorPhone', { phone: formatPhoneForDisplay(organisation.phone) })
      : '',
  ].filter((line) => line !== '');
}

/**
 * The course as one calendar series; the description lists every date in the reader's language,
 * then, for a participant, the notes on the place and whom to call.
 */
export function calendarCourseOf(
  course: CourseWithSchedule,
  language: Language,
  copy: CalendarCopy = 'invitation',
  participantNotes: string[] = [],
): CalendarCourse {
  const venue = course.venue;
  const uid = course.course.calendarUid;
  const dates = sessionLines({ sessions: course.sessions, language });
  return {
    uid: copy === 'published' ? publishedUid(uid) : uid,
    cancelled: course.course.status === 'cancelled',
    sequence: course.course.scheduleSequence,
    title: courseTitle({ program: course.program, localityName: course.locality.name }, language),
    description: [...dates, ...(participantNotes.length > 0 ? ['', ...participantNotes] : [])].join(
      '\n',
    ),
    location: venueText(venue),
    intervalWeeks: course.program.intervalWeeks,
    sessions: course.sessions,
  };
}

/** A course message's content; a participant's carries only the phones instructors share. */
export function invitationContentOf(
  course: CourseWithSchedule,
  recipient: { name: string; language: Language; audience: Audience },
  kind: MailKind,
  change: CourseChange,
): InvitationContent {
  return {
    kind,
    language: recipient.language,
    recipientName: recipient.name,
    courseTitle: courseTitle(
      { program: course.program, localityName: course.locality.name },
      recipient.language,
    ),
    sessions: course.sessions,
    venue: course.venue,
    contacts: contactsFor(course.instructors, recipient.audience).map((person) => ({
      name: person.name,
      phone: person.phone ? formatPhoneForDisplay(person.phone) : '',
    })),
    changes: change.kind === 'changed' ? change.notes : [],
    cancellationReason: change.kind === 'cancelled' ? change.reason : undefined,
  };
}

type CourseRecipient = {
  name: string;
  email: string;
  language: Language;
  applicationId: number | null;
};

/** What a message is about, so erasure and the outbox page can find it. */
export type MailSubjectLinks = {
  courseId?: number;
  applicationId?: number | null;
  trainingId?: number;
  candidateId?: number | null;
  meetingId?: number;
};

/** A message's text and HTML parts: its sections, then the line that links the privacy notice. */
export function composedMailBodies(
  message: { subject: string; sections: MailSection[] },
  language: Language,
  publicUrl: URL,
): { textBody: string; htmlBody: string } {
  const sections = [...message.sections, privacyNoticeSection(language, publicUrl)];
  return {
    textBody: sectionsAsText(sections),
    htmlBody: renderInvitationHtml(message.subject, sections, language),
  };
}

/**
 * The one mail composer: text and HTML from the same sections, in the recipient's language, with
 * the calendar (or none), queued in the outbox in the caller's transaction.
 */
export function enqueueComposedMail(
  db: DatabaseOrTransaction,
  recipient: { name: string; email: string; language: Language },
  message: { subject: string; sections: MailSection[] },
  calendar: { method: CalendarMethod; text: string } | null,
  links: MailSubjectLinks,
  context: MailContext,
) {
  enqueueMessage(
    db,
    {
      recipientEmail: recipient.email,
      recipientName: recipient.name,
      subject: message.subject,
      ...composedMailBodies(message, recipient.language, context.publicUrl),
      calendarMethod: calendar?.method ?? '',
      calendar: calendar?.text ?? '',
      courseId: links.courseId ?? null,
      applicationId: links.applicationId ?? null,
      trainingId: links.trainingId ?? null,
      candidateId: links.candidateId ?? null,
      meetingId: links.meetingId ?? null,
    },
    { now: context.now, domain: context.publicUrl.hostname },
  );
}

/** A message with a participant's application is theirs; the others go to the course's staff. */
export function audienceOf(recipient: { applicationId: number | null }): Audience {
  return recipient.applicationId === null ? 'staff' : 'participant';
}

/** One message about a course to one person. */
function enqueueCourseMessage(
  db: DatabaseOrTransaction,
  course: CourseWithSchedule,
  recipient: CourseRecipient,
  content: InvitationContent,
  calendar: { method: CalendarMethod; text: string } | null,
  context: MailContext,
) {
  // A participant's message ends with whom to call; the staff know the coordinator already.
  const organisation = recipient.applicationId === null ? undefined : organisationContact(db);
  enqueueComposedMail(
    db,
    recipient,
    invitationSections({ ...content, organisation }),
    calendar,
    { courseId: course.course.id, applicationId: recipient.applicationId },
    context,
  );
}

/**
 * Queues one message (text, HTML and the calendar) for one recipient of a course. A participant's
 * message (applicationId set) is theirs to erase, and carries their personal link: stored with a
 * placeholder, made when sent (`withFreshPersonalLink`).
 */
export function queueCourseMail(
  db: DatabaseOrTransaction,
  course: CourseWithSchedule,
  recipient: CourseRecipient & {
    /** This person's SEQUENCE for the series: higher than in any message they were sent before. */
    sequence: number;
  },
  kind: MailKind,
  change: CourseChange,
  context: MailContext,
) {
  const personalLink =
    recipient.applicationId !== null
      ? participantLinkUrl(context.publicUrl, personalLinkPlaceholder)
      : undefined;
  const method: CalendarMethod = kind === 'cancellation' ? 'CANCEL' : 'REQUEST';
  const notes =
    recipient.applicationId !== null
      ? participantCalendarNotes(course.venue, organisationContact(db), recipient.language)
      : [];
  const calendar = buildCourseCalendar({
    course: {
      ...calendarCourseOf(course, recipient.language, 'invitation', notes),
      sequence: recipient.sequence,
    },
    method,
    stamp: context.now,
    organizer: context.organizer,
    attendee: { name: recipient.name, email: recipient.email },
  });
  const content = {
    ...invitationContentOf(course, { ...recipient, audience: audienceOf(recipient) }, kind, change),
    personalLink,
  };
  enqueueCourseMessage(db, course, recipient, content, { method, text: calendar }, context);
}

/**
 * A plain message (no calendar) about a course to someone who never held its series: a waitlisted
 * person told that the course is cancelled.
 */
export function queueCourseNotice(
  db: DatabaseOrTransaction,
  course: CourseWithSchedule,
  recipient: CourseRecipient & { applicationId: number },
  cancellationReason: string,
  context: MailContext,
) {
  const change = { kind: 'cancelled', reason: cancellationReason } as const;
  const content = invitationContentOf(
    course,
    { ...recipient, audience: 'participant' },
    'cancellation',
    change,
  );
  enqueueCourseMessage(db, course, recipient, content, null, context);
}

function inviteesOf(db: DatabaseOrTransaction, course: CourseWithSchedule): Invitee[] {
  if (course.course.status === 'cancelled') return [];
  const instructors: Invitee[] = course.instructors.map((person) => ({
    kind: 'instructor',
    id: person.id,
    name: person.name,
    email: person.email,
    language: person.language,
  }));
  const participants: Invitee[] = db
    .select({
      id: applications.id,
      name: applications.name,
      email: applications.email,
      language: applications.language,
    })
    .from(enrollments)
    .innerJoin(applications, eq(applications.id, enrollments.applicationId))
    .where(and(eq(enrollments.courseId, course.course.id), eq(enrollments.state, 'placed')))
    .all()
    .map((person) => ({ ...person, kind: 'participant' }));
  return [...instructors, ...participants];
}

/**
 * The language a person holding an invitation is written to now: a staff member may have chosen
 * another since, so a cancellation follows today's choice, not the one at the first invitation.
 */
function currentLanguageOf(db: DatabaseOrTransaction, row: ExistingInvitation): Language {
  const current =
    row.instructorId !== null
      ? db
          .select({ language: sql<Language>`coalesce(${users.language}, 'fi')` })
          .from(instructors)
          .leftJoin(users, eq(users.id, instructors.userId))
          .where(eq(instructors.id, row.instructorId))
          .get()
      : row.applicationId !== null
        ? db
            .select({ language: applications.language })
            .from(applications)
            .where(eq(applications.id, row.applicationId))
            .get()
        : undefined;
  return current?.language ?? row.language;
}

/** An invitee as the recipient of a course message with the SEQUENCE it carries. */
function recipientOf(person: Invitee, sequence: number) {
  return { ...person, applicationId: person.kind === 'participant' ? person.id : null, sequence };
}

/** Someone without e-mail hears the news by phone: the coordinator's call queue gets an item. */
function tellByPhone(
  db: DatabaseOrTransaction,
  person: Invitee,
  reason: 'tell-placed' | 'tell-cancelled',
  now: Date,
) {
  if (person.kind !== 'participant') return;
  db.update(applications)
    .set({ callReason: reason, callDueAt: now, updatedAt: now })
    .where(eq(applications.id, person.id))
    .run();
}

/** What each step of the invitation rule sends. */
export const mailKinds = {
  invite: 'invitation',
  update: 'update',
  cancel: 'cancellation',
} as const;

/**
 * One step of the invitation rule for a series of days (a training, a meeting) as mail: the
 * REQUEST or CANCEL at the person's SEQUENCE, with the message made for that kind.
 */
export function enqueueDaysInvitation(
  db: DatabaseOrTransaction,
  step: InvitationAction,
  series: CalendarDays,
  message: (kind: MailKind) => { subject: string; sections: MailSection[] },
  links: MailSubjectLinks,
  context: MailContext,
) {
  const { person, sequence } = step;
  const kind = mailKinds[step.action];
  const method = kind === 'cancellation' ? 'CANCEL' : 'REQUEST';
  const calendar = buildDaysCalendar({
    series: { ...series, sequence },
    method,
    stamp: context.now,
    organizer: context.organizer,
    attendee: { name: person.name, email: person.email },
  });
  enqueueComposedMail(db, person, message(kind), { method, text: calendar }, links, context);
}

/**
 * Brings a course's invitations in line with the course after a change, in the caller's
 * transaction: the pure rule (`planInvitationChanges`) says who is told what; this applies it to
 * the invitations, the outbox and the call queue.
 */
/** What a text to a participant without e-mail says for each invitation step. */
const placeChanges = { invite: 'placed', update: 'moved', cancel: 'cancelled' } as const;

export function notifyCourseInvitees(
  db: DatabaseOrTransaction,
  courseId: number,
  change: CourseChange,
  context: MailContext,
): void {
  const course = findCourse(db, courseId);
  if (!course) return;
  const existing = db
    .select()
    .from(invitations)
    .where(eq(invitations.courseId, courseId))
    .all()
    .map((row) => ({ ...row, language: currentLanguageOf(db, row) }));
  const plan = planInvitationChanges(
    existing,
    inviteesOf(db, course),
    change,
    course.course.scheduleSequence,
  );
  for (const step of plan) {
    const { person, sequence } = step;
    if (step.invitationId === null) {
      db.insert(invitations)
        .values({
          courseId,
          instructorId: person.kind === 'instructor' ? person.id : null,
          applicationId: person.kind === 'participant' ? person.id : null,
          name: person.name,
          email: person.email,
          language: person.language,
          sentSequence: sequence,
          createdAt: context.now,
        })
        .run();
    } else {
      const state = step.action === 'cancel' ? 'cancelled' : 'active';
      const contact = step.action === 'cancel' ? {} : { email: person.email, name: person.name };
      db.update(invitations)
        .set({ state, sentSequence: sequence, ...contact })
        .where(eq(invitations.id, step.invitationId))
        .run();
    }
    if (person.kind === 'participant' && person.email === '') {
      // No e-mail: a text about each change too, beside the letter or call.
      queueChangeTextIn(db, course, person, placeChanges[step.action], {
        now: context.now,
        domain: context.publicUrl.hostname,
      });
    }
    if (step.tell === 'mail') {
      const recipient = recipientOf(person, sequence);
      queueCourseMail(db, course, recipient, mailKinds[step.action], change, context);
    } else if (step.tell === 'phone') {
      tellByPhone(db, person, 'tell-cancelled', context.now);
    } else if (step.tell === 'letter and phone') {
      tellByPhone(db, person, 'tell-placed', context.now);
    }
  }
}
