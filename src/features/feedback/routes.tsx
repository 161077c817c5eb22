import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { titleOf } from '../../../views/courses/course-page';
import { FeedbackResultsPage } from '../../../views/feedback/feedback-results-page';
import { access, planningStaff } from '../../http/access';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { idParam } from '../../http/params';
import { recordAudit } from '../audit/audit-log';
import { findCourse } from '../courses/queries';
import { leadsCourse } from '../enrollment/queries';
import { hideFeedbackText } from './feedback-commands';
import { summariseFeedback } from './feedback-rules';
import { feedbackScoresOf, visibleFeedbackTextsOf } from './queries';

/**
 * A course's participant feedback: coordinators and admins at any time, with the free texts; the
 * course's own instructors once it is closed, figures only; anyone else is refused.
 */
export function feedbackRoutes({ db, clock }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  const courseFor = (c: Context<SignedInEnv>) => {
    const course = findCourse(db, idParam(c, 'id'));
    if (!course) throw new HTTPException(404);
    const user = c.get('user');
    if (
      user.role === 'instructor' &&
      !(course.course.status === 'completed' && leadsCourse(db, user.id, course.course.id))
    ) {
      throw new HTTPException(403);
    }
    return course;
  };

  app.get('/courses/:id/feedback', access(['coordinator', 'admin', 'instructor']), (c) => {
    const course = courseFor(c);
    const user = c.get('user');
    const courseId = course.course.id;
    recordAudit(
      db,
      { actor: user, action: 'read', subjectType: 'course-feedback', subjectId: courseId },
      clock(),
    );
    const t = c.get('t');
    const language = c.get('language');
    return c.render(
      <FeedbackResultsPage
        courseId={courseId}
        courseTitle={titleOf(course, language)}
        summary={summariseFeedback(feedbackScoresOf(db, courseId))}
        texts={user.role === 'instructor' ? null : visibleFeedbackTextsOf(db, courseId)}
        t={t}
        language={language}
      />,
      { title: t('feedback.resultsTitle', { course: titleOf(course, language) }) },
    );
  });

  app.post('/courses/:id/feedback/:feedbackId/text-hiding', planningStaff, (c) => {
    const course = courseFor(c);
    const outcome = hideFeedbackText(
      db,
      { courseId: course.course.id, feedbackId: idParam(c, 'feedbackId') },
      c.get('user'),
      clock(),
    );
    if (outcome === 'not-found') throw new HTTPException(404);
    setFlash(c, { kind: 'success', key: 'feedback.hidden' });
    return c.redirect(`/courses/${course.course.id}/feedback`, 303);
  });

  return app;
}
