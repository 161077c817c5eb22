import { Hono } from 'hono';
import { HomePage } from '../../../views/home/home-page';
import { access } from '../../http/access';
import { recordAudit } from '../audit/audit-log';
import { findCourse } from '../courses/queries';
import { goNoGoDecisions } from '../enrollment/queries';
import { listPendingDeletionRequests } from '../privacy/queries';
import { instantToWallClock } from '../../lib/helsinki-time';
import { staffCourseIds, listLettersToPrint } from '../invites/queries';
import type { AppDeps, SignedInEnv } from '../../http/app-env';

export function homeRoutes({ db, clock }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  app.get('/', access('signed-in'), (c) => {
    const t = c.get('t');
    const user = c.get('user');
    const letters = user.role === 'instructor' ? null : listLettersToPrint(db);
    const deletionRequests = user.role === 'instructor' ? null : listPendingDeletionRequests(db);
    const decisions =
      user.role === 'instructor' ? null : goNoGoDecisions(db, instantToWallClock(clock()).date);
    const ownCourses =
      user.role === 'instructor'
        ? staffCourseIds(db, user)
            .map((courseId) => findCourse(db, courseId))
            .filter((course) => course !== undefined)
        : null;
    if (deletionRequests && deletionRequests.length > 0) {
      recordAudit(
        db,
        { actor: user, action: 'read', subjectType: 'application', detail: 'deletion requests' },
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
        now={clock()}
        letters={letters}
        deletionRequests={deletionRequests}
        decisions={decisions}
        ownCourses={ownCourses}
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
