import { regionShown } from '../places/regions';
import { Hono, type MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { FrontPage } from '../../../views/home/front-page';
import { HomePage } from '../../../views/home/home-page';
import { ReportingHomePage } from '../../../views/reports/report-pages';
import { access } from '../../http/access';
import { recordAudit } from '../audit/audit-log';
import { coursesAtRisk } from '../courses/at-risk-queries';
import { findCourse } from '../courses/queries';
import { goNoGoDecisions, recentSelfWithdrawals } from '../enrollment/queries';
import { listPendingDeletionRequests } from '../privacy/queries';
import { instantToWallClock, wallClockToInstant } from '../../lib/helsinki-time';
import { courseSheet } from '../attendance/attendance-sheets';
import { loadCourseAttendance, nextSessionFor } from '../attendance/queries';
import { staffCourseIds, listLettersToPrint } from '../invites/queries';
import { instructorLicenceOverview } from '../instructors/queries';
import {
  currentTermSummary,
  queueAndMailCounts,
  steeringSummary,
  type AtAGlance,
} from './at-a-glance';
import { instructorIdOfAccount } from '../instructors/hours-queries';
import { sessionCookieName } from '../auth/session-cookie';
import { organisationContact } from '../organisation/queries';
import { listOpenCourses } from '../intake/queries';
import type { AppDeps, AppEnv, SignedInEnv } from '../../http/app-env';

export function homeRoutes({ db, clock }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  /** An anonymous visitor gets the public front page; a signed-in user goes on to their home. */
  const frontPageForAnonymous: MiddlewareHandler<AppEnv> = async (c, next) => {
    // A session cookie without a signed-in user is a staff browser whose session ended (or waits
    // for its two-step code): it goes on to sign-in as before, not to the public page.
    if (c.get('user') || getCookie(c, sessionCookieName)) return next();
    const t = c.get('t');
    return c.render(
      <FrontPage
        courses={listOpenCourses(db)}
        contact={organisationContact(db)}
        t={t}
        language={c.get('language')}
      />,
      { title: t('home.front.title') },
    );
  };

  app.get('/', access('public'), frontPageForAnonymous, access('signed-in'), (c) => {
    const t = c.get('t');
    const user = c.get('user');
    if (user.role === 'reporting') {
      return c.render(<ReportingHomePage t={t} />, { title: t('home.title') });
    }
    const letters =
      user.role === 'instructor' ? null : listLettersToPrint(db, instantToWallClock(clock()).date);
    const deletionRequests = user.role === 'instructor' ? null : listPendingDeletionRequests(db);
    // The counts of the home region, as the pages they link to show by default.
    const region = regionShown(db, c).region;
    const decisions =
      user.role === 'instructor'
        ? null
        : goNoGoDecisions(db, instantToWallClock(clock()).date, region);
    const atRisk =
      user.role === 'instructor'
        ? null
        : coursesAtRisk(db, instantToWallClock(clock()).date, region);
    const now = clock();
    const selfWithdrawals = user.role === 'instructor' ? null : recentSelfWithdrawals(db, now);
    const ownCourses =
      user.role === 'instructor'
        ? staffCourseIds(db, user)
            .map((courseId) => findCourse(db, courseId))
            .filter((course) => course !== undefined)
            .map((course) => ({
              course,
              progress: courseSheet(loadCourseAttendance(db, course.course.id)!, now).sessions,
            }))
        : null;
    const today = instantToWallClock(now).date;
    const next =
      user.role === 'instructor'
        ? nextSessionFor(db, user.id, wallClockToInstant(today, '00:00'))
        : undefined;
    const nextSession = next ? { ...next, isToday: next.localDate === today } : null;
    const licence = user.role === 'instructor' ? null : instructorLicenceOverview(db, today);
    const licenceItems = licence?.attention ?? null;
    const glance: AtAGlance | null =
      licence && decisions && deletionRequests
        ? {
            termSummary: currentTermSummary(db, today),
            instructors: {
              ...licence.counts,
              newWithoutCourse: licence.attention.filter(
                ({ item }) => item.kind === 'no-course-planned',
              ).length,
            },
            decisionsDue: decisions.length,
            ...queueAndMailCounts(db, region),
            deletionRequests: deletionRequests.length,
            steering: steeringSummary(db, now, today),
            region,
          }
        : null;
    const ownInstructorId = user.role === 'instructor' ? instructorIdOfAccount(db, user.id) : null;
    const sessionsToMark = (ownCourses ?? []).flatMap(({ course, progress }) =>
      course.course.status === 'cancelled'
        ? []
        : progress
            .filter((session) => session.started && session.marked < session.due)
            .map((session) => ({ course, session })),
    );
    if (deletionRequests && deletionRequests.length > 0) {
      recordAudit(
        db,
        { actor: user, action: 'read', subjectType: 'application', detail: 'deletion requests' },
        clock(),
      );
    }
    if (selfWithdrawals && selfWithdrawals.length > 0) {
      recordAudit(
        db,
        { actor: user, action: 'read', subjectType: 'enrollment', detail: 'self-withdrawals' },
        clock(),
      );
    }
    if (letters && letters.length > 0) {
      recordAudit(
        db,
        { actor: user, action: 'read', subjectType: 'invitation', detail: 'letters to print' },
        clock(),
      );
    }
    return c.render(
      <HomePage
        user={user}
        now={now}
        glance={glance}
        letters={letters}
        deletionRequests={deletionRequests}
        decisions={decisions}
        atRisk={atRisk}
        selfWithdrawals={selfWithdrawals}
        licenceItems={licenceItems}
        ownCourses={ownCourses}
        nextSession={nextSession}
        sessionsToMark={sessionsToMark}
        ownInstructorId={ownInstructorId}
        t={t}
        language={c.get('language')}
      />,
      {
        title: t('home.title'),
      },
    );
  });

  return app;
}
