import { immediateTransaction } from '../../db';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { FeedPage } from '../../../views/invites/feed-page';
import { LetterPage, LettersToPrint } from '../../../views/invites/letters';
import { access, planningStaff } from '../../http/access';
import { idParam } from '../../http/params';
import type { AppDeps, AppEnv } from '../../http/app-env';
import { recordAudit } from '../audit/audit-log';
import { translate } from '../../i18n';
import { findCourse } from '../courses/queries';
import { issuePersonalLink, participantLinkUrl } from '../outbox/personal-links';
import { buildFeedCalendar } from './course-calendar';
import { letterSections } from './invitation-letter';
import { privacyNoticeUrl } from '../privacy-notice/notice-link';
import { markLettersPosted, postedLettersInput } from './letter-posting';
import { audienceOf, calendarCourseOf, invitationContentOf } from './invitations';
import {
  feedCourseIds,
  findFeedOwner,
  findFeedCreatedAt,
  findInvitation,
  letterKindOf,
  listLettersToPrint,
  renewFeedToken,
} from './queries';
import { applications, users } from '../../../db/schema';
import { setFlash } from '../../http/flash';
import { validForm } from '../../http/form';
import { formatDate, postalAddressLines } from '../../i18n/format';
import { instantToWallClock } from '../../lib/helsinki-time';
import { formatPhoneForDisplay } from '../../lib/phone';
import { organisationContact } from '../organisation/queries';
import { eq } from 'drizzle-orm';

export function calendarResponse(c: Context, calendar: string, filename: string): Response {
  c.header('Content-Type', 'text/calendar; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${filename}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(calendar);
}

export function inviteRoutes({ db, clock, config }: AppDeps) {
  const app = new Hono<AppEnv>();
  const feedUrl = (token: string) => new URL(`/feeds/${token}.ics`, config.publicUrl).href;

  app.get('/calendar-feed', access(['admin', 'coordinator', 'instructor']), (c) => {
    const createdAt = findFeedCreatedAt(db, c.get('user').id);
    const t = c.get('t');
    return c.render(
      <FeedPage
        createdAt={createdAt ?? null}
        newFeedUrl={null}
        language={c.get('language')}
        t={t}
      />,
      {
        title: t('feed.title'),
      },
    );
  });

  /** Answers with the page itself (no redirect): the new address is shown this once only. */
  app.post('/calendar-feed', access(['admin', 'coordinator', 'instructor']), (c) => {
    const now = clock();
    const token = renewFeedToken(db, c.get('user').id, now);
    const t = c.get('t');
    c.header('Cache-Control', 'no-store');
    return c.render(
      <FeedPage createdAt={now} newFeedUrl={feedUrl(token)} language={c.get('language')} t={t} />,
      {
        title: t('feed.title'),
      },
    );
  });

  /** The secret in the address is the key: calendar apps cannot sign in. */
  app.get('/feeds/:file', access('public'), (c) => {
    const token = c.req.param('file').replace(/\.ics$/, '');
    const owner = findFeedOwner(db, token);
    const user = owner && db.select().from(users).where(eq(users.id, owner.userId)).get();
    // A disabled account's feed stops with its sessions.
    if (!user || user.disabledAt) throw new HTTPException(404);
    const courses = feedCourseIds(db, user)
      .map((courseId) => findCourse(db, courseId))
      .filter((course) => course !== undefined)
      .map((course) => calendarCourseOf(course, user.language, 'published'));
    const calendar = buildFeedCalendar({
      name: translate(user.language, 'feed.calendarName', { name: user.name }),
      courses,
      stamp: clock(),
    });
    return calendarResponse(c, calendar, 'kurssipolku.ics');
  });

  /**
   * A letter gets a new personal link each time it is printed; the page is not kept. It says what
   * is due: the invitation, a replacement after a change, or the cancellation of a posted one.
   */
  app.get('/letters/:id{[0-9]+}', planningStaff, (c) => {
    const invitation = findInvitation(db, idParam(c));
    const course = invitation && findCourse(db, invitation.courseId);
    if (!invitation || !course) throw new HTTPException(404);
    const kind = letterKindOf(invitation);
    if (kind === 'cancellation' && invitation.letterPostedSequence === null) {
      throw new HTTPException(404);
    }
    const now = clock();
    const { token, sender, recipient } = immediateTransaction(db, (tx) => {
      recordAudit(
        tx,
        {
          actor: c.get('user'),
          action: 'read',
          subjectType: 'invitation',
          subjectId: invitation.id,
        },
        now,
      );
      const application =
        invitation.applicationId === null
          ? undefined
          : tx
              .select({
                postalStreet: applications.postalStreet,
                postalCode: applications.postalCode,
                postOffice: applications.postOffice,
              })
              .from(applications)
              .where(eq(applications.id, invitation.applicationId))
              .get();
      return {
        sender: organisationContact(tx),
        recipient: application,
        token:
          invitation.applicationId === null || kind === 'cancellation'
            ? null
            : issuePersonalLink(tx, invitation.applicationId, course.course.id, now),
      };
    });
    const t = c.get('t');
    const { language } = invitation;
    const courseCancelled = course.course.status === 'cancelled';
    const { subject, sections } = letterSections(
      {
        ...invitationContentOf(
          course,
          { name: invitation.name, language, audience: audienceOf(invitation) },
          kind,
          courseCancelled
            ? { kind: 'cancelled', reason: course.course.cancellationReason }
            : { kind: 'planned' },
        ),
        courseCancelled,
        personalLink: token ? participantLinkUrl(config.publicUrl, token) : undefined,
      },
      {
        organisation: sender.name,
        coordinatorName: sender.coordinatorName,
        phone: sender.phone ? formatPhoneForDisplay(sender.phone) : '',
        privacyNoticeUrl: privacyNoticeUrl(config.publicUrl),
      },
    );
    const addressLines = recipient ? postalAddressLines(recipient) : [];
    c.header('Cache-Control', 'no-store');
    return c.render(
      <LetterPage
        letter={{
          subject,
          sections,
          recipientName: invitation.name,
          addressLines,
          missingAddress: addressLines.length > 0 ? null : recipient ? 'not-given' : 'instructor',
          date: formatDate(instantToWallClock(now).date, language),
        }}
        sender={sender}
        t={t}
      />,
      { title: t('letters.letterTitle', { name: invitation.name }) },
    );
  });

  /** Letters put in the mail: each is marked for the change it told of, and leaves the list. */
  app.post(
    '/letters/posting',
    planningStaff,
    validForm(postedLettersInput, (c) => c.redirect('/', 303)),
    (c) => {
      const marked = markLettersPosted(db, c.req.valid('form').letters, {
        actor: c.get('user'),
        now: clock(),
      });
      const t = c.get('t');
      const flash =
        marked > 0
          ? ({ key: 'letters.flash.posted', params: { count: marked } } as const)
          : ({ key: 'letters.flash.nothingPosted' } as const);
      if (c.req.header('HX-Request')) {
        const letters = listLettersToPrint(db, instantToWallClock(clock()).date);
        return c.html(
          <LettersToPrint
            letters={letters}
            notice={t(flash.key, 'params' in flash ? flash.params : undefined)}
            t={t}
            language={c.get('language')}
          />,
        );
      }
      setFlash(c, { kind: marked > 0 ? 'success' : 'info', ...flash });
      return c.redirect('/', 303);
    },
  );

  return app;
}
