import { and, eq } from 'drizzle-orm';
import addressparser from 'nodemailer/lib/addressparser';
import { invitations } from '../../../db/schema';
import { renderInvitationHtml } from '../../../views/mail/invitation-mail';
import { courseTitle } from '../../../views/courses/course-parts';
import type { DatabaseOrTransaction } from '../../db';
import { isLanguage, type Language } from '../../i18n';
import { formatPhoneForDisplay } from '../../lib/phone';
import { findCourse, type CourseWithSchedule } from '../courses/queries';
import { enqueueMessage } from '../outbox/queries';
import { buildCourseCalendar, type CalendarCourse, type CalendarMethod } from './course-calendar';
import {
  invitationSections,
  sectionsAsText,
  sessionLines,
  venueText,
  type ChangeNote,
  type InvitationContent,
  type MailKind,
} from './invitation-mail';

export type Organizer = { name: string; email: string };

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

export function calendarUid(courseId: number): string {
  return `kurssipolku-course-${courseId}@kurssipolku`;
}

/** The course as one calendar series; the description lists every date in the reader's language. */
export function calendarCourseOf(course: CourseWithSchedule, language: Language): CalendarCourse {
  const venue = course.venue;
  return {
    uid: calendarUid(course.course.id),
    sequence: course.course.scheduleSequence,
    title: courseTitle({ program: course.program, localityName: course.locality.name }, language),
    description: sessionLines({ sessions: course.sessions, language }).join('\n'),
    location: venueText(venue),
    intervalWeeks: course.program.intervalWeeks,
    sessions: course.sessions,
  };
}

export function invitationContentOf(
  course: CourseWithSchedule,
  recipient: { name: string; language: Language },
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
    contacts: course.instructors.map((person) => ({
      name: person.name,
      phone: person.phone ? formatPhoneForDisplay(person.phone) : '',
    })),
    changes: change.kind === 'changed' ? change.notes : [],
    cancellationReason: change.kind === 'cancelled' ? change.reason : undefined,
  };
}

/** Queues one message (text, HTML and the calendar) for one recipient of a course. */
export function queueCourseMail(
  db: DatabaseOrTransaction,
  course: CourseWithSchedule,
  recipient: { name: string; email: string; language: Language },
  kind: MailKind,
  change: CourseChange,
  context: { organizer: Organizer; now: Date },
) {
  const { subject, sections } = invitationSections(
    invitationContentOf(course, recipient, kind, change),
  );
  const method: CalendarMethod = kind === 'cancellation' ? 'CANCEL' : 'REQUEST';
  enqueueMessage(
    db,
    {
      recipientEmail: recipient.email,
      recipientName: recipient.name,
      subject,
      textBody: sectionsAsText(sections),
      htmlBody: renderInvitationHtml(subject, sections, recipient.language),
      calendarMethod: method,
      calendar: buildCourseCalendar({
        course: calendarCourseOf(course, recipient.language),
        method,
        stamp: context.now,
        organizer: context.organizer,
        attendee: { name: recipient.name, email: recipient.email },
      }),
      courseId: course.course.id,
    },
    context.now,
  );
}

/**
 * Brings a course's invitations in line with the course after a change, in the caller's
 * transaction: new instructors get the series, removed ones and everyone on a cancelled course get a
 * cancellation, everyone else gets the update. People without e-mail are kept for printed letters.
 */
export function notifyCourseInvitees(
  db: DatabaseOrTransaction,
  courseId: number,
  change: CourseChange,
  context: { organizer: Organizer; now: Date },
): void {
  const course = findCourse(db, courseId);
  if (!course) return;
  const sequence = course.course.scheduleSequence;
  const existing = db.select().from(invitations).where(eq(invitations.courseId, courseId)).all();
  const wanted = course.course.status === 'cancelled' ? [] : course.instructors;

  for (const invitation of existing.filter((row) => row.state === 'active')) {
    if (wanted.some((person) => person.id === invitation.instructorId)) continue;
    db.update(invitations)
      .set({ state: 'cancelled', sentSequence: sequence })
      .where(eq(invitations.id, invitation.id))
      .run();
    const language = isLanguage(invitation.language) ? invitation.language : 'fi';
    if (invitation.email)
      queueCourseMail(db, course, { ...invitation, language }, 'cancellation', change, context);
  }

  for (const person of wanted) {
    const current = existing.find((row) => row.instructorId === person.id);
    const recipient = { name: person.name, email: person.email, language: 'fi' as Language };
    if (current?.state === 'active') {
      if (change.kind !== 'changed') continue;
      db.update(invitations)
        .set({ sentSequence: sequence, email: person.email })
        .where(eq(invitations.id, current.id))
        .run();
      if (person.email) queueCourseMail(db, course, recipient, 'update', change, context);
      continue;
    }
    if (current) {
      db.update(invitations)
        .set({ state: 'active', sentSequence: sequence, email: person.email, name: person.name })
        .where(and(eq(invitations.id, current.id)))
        .run();
    } else {
      db.insert(invitations)
        .values({
          courseId,
          instructorId: person.id,
          name: person.name,
          email: person.email,
          language: 'fi',
          sentSequence: sequence,
          createdAt: context.now,
        })
        .run();
    }
    if (person.email) queueCourseMail(db, course, recipient, 'invitation', change, context);
  }
}
