import { immediateTransaction } from '../../db';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { FeedPage } from '../../../views/invites/feed-page';
import { LetterPage } from '../../../views/invites/letters';
import { access, planningStaff } from '../../http/access';
import { idParam } from '../../http/params';
import type { AppDeps, AppEnv } from '../../http/app-env';
import { recordAudit } from '../audit/audit-log';
import { translate } from '../../i18n';
import { findCourse } from '../courses/queries';
import { issuePersonalLink, participantLinkUrl } from '../outbox/personal-links';
import { buildFeedCalendar } from './course-calendar';
import { invitationSections } from './invitation-mail';
import { audienceOf, calendarCourseOf, invitationContentOf } from './invitations';
import {
  feedCourseIds,
  findFeedOwner,
  findFeedCreatedAt,
  findInvitation,
  renewFeedToken,
} from './queries';
import { users } from '../../../db/schema';
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

  app.get('/calendar-feed', access('signed-in'), (c) => {
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
  app.post('/calendar-feed', access('signed-in'), (c) => {
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
      .map((course) => calendarCourseOf(course, 'fi', 'published'));
    const calendar = buildFeedCalendar({
      name: translate('fi', 'feed.calendarName', { name: user.name }),
      courses,
      stamp: clock(),
    });
    return calendarResponse(c, calendar, 'kurssipolku.ics');
  });

  /** A participant's letter gets a new personal link each time it is printed; the page is not kept. */
  app.get('/letters/:id{[0-9]+}', planningStaff, (c) => {
    const invitation = findInvitation(db, idParam(c));
    const course = invitation && findCourse(db, invitation.courseId);
    if (!invitation || !course || invitation.state !== 'active') throw new HTTPException(404);
    const now = clock();
    const token = immediateTransaction(db, (tx) => {
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
      return invitation.applicationId === null
        ? null
        : issuePersonalLink(tx, invitation.applicationId, course.course.id, now);
    });
    const t = c.get('t');
    const { language } = invitation;
    const { subject, sections } = invitationSections({
      ...invitationContentOf(
        course,
        { name: invitation.name, language, audience: audienceOf(invitation) },
        'invitation',
        { kind: 'planned' },
      ),
      personalLink: token ? participantLinkUrl(config.publicUrl, token) : undefined,
    });
    c.header('Cache-Control', 'no-store');
    return c.render(<LetterPage subject={subject} sections={sections} t={t} />, {
      title: t('letters.letterTitle', { name: invitation.name }),
    });
  });

  return app;
}
