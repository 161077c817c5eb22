import { and, eq, inArray } from 'drizzle-orm';
import { applications, enrollments } from '../../../db/schema';
import type { Transaction } from '../../db';
import { translatorFor } from '../../i18n';
import { courseTitle } from '../../i18n/format';
import { findCourse } from '../courses/queries';
import { organisationSection } from '../invites/invitation-mail';
import { enqueueComposedMail, type MailContext } from '../invites/invitations';
import { organisationContact } from '../organisation/queries';
import { participantLinkUrl, personalLinkPlaceholder } from '../outbox/personal-links';

/**
 * When a course is closed, everyone who was on it to the end and has an e-mail address gets a
 * thank-you that invites them to answer the questionnaire behind their personal link (made when
 * the message is sent). In the closing's transaction, through the outbox. Those who already answered
 * get the same letter: leaving them out would show on the outgoing-mail page who has answered.
 */
export function queueFeedbackInvitationsIn(
  tx: Transaction,
  courseId: number,
  context: MailContext,
) {
  const course = findCourse(tx, courseId);
  if (!course) return;
  const people = tx
    .select({
      applicationId: applications.id,
      name: applications.name,
      email: applications.email,
      language: applications.language,
    })
    .from(enrollments)
    .innerJoin(applications, eq(applications.id, enrollments.applicationId))
    .where(
      and(
        eq(enrollments.courseId, courseId),
        inArray(enrollments.state, ['completed', 'not-completed']),
      ),
    )
    .all()
    .filter((person) => person.email !== '');
  const organisation = organisationContact(tx);
  for (const person of people) {
    const t = translatorFor(person.language);
    const title = courseTitle(
      { program: course.program, localityName: course.locality.name },
      person.language,
    );
    enqueueComposedMail(
      tx,
      person,
      {
        subject: t('feedback.mail.subject', { course: title }),
        sections: [
          {
            lines: [
              t('invite.greeting', { name: person.name }),
              t('feedback.mail.thanks', { course: title }),
              t('feedback.mail.invite', {
                url: participantLinkUrl(context.publicUrl, personalLinkPlaceholder),
              }),
            ],
          },
          { lines: [t('invite.signature')] },
          ...organisationSection(organisation, person.language),
        ],
      },
      null,
      { courseId, applicationId: person.applicationId },
      context,
    );
  }
}
