import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { titleOf } from '../../../views/courses/course-page';
import { FeedbackForm, PaperQuestionnaire } from '../../../views/feedback/feedback-form';
import {
  FeedbackResultsPage,
  PaperAnswerPage,
} from '../../../views/feedback/feedback-results-page';
import { access, planningStaff } from '../../http/access';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { validForm, type FormState } from '../../http/form';
import { idParam } from '../../http/params';
import { recordAudit } from '../audit/audit-log';
import { findCourse } from '../courses/queries';
import { leadsCourse } from '../enrollment/queries';
import { privacyNoticeUrl } from '../privacy-notice/notice-link';
import { givePaperFeedback, hideFeedbackText } from './feedback-commands';
import { feedbackForm } from './feedback-input';
import { feedbackTextMax, isFeedbackOpen, summariseFeedback } from './feedback-rules';
import { feedbackScoresOf, visibleFeedbackTextsOf } from './queries';

/**
 * A course's participant feedback: coordinators and admins at any time, with the free texts; the
 * course's own instructors once it is closed, figures only; anyone else is refused.
 */
export function feedbackRoutes({ db, clock, config }: AppDeps) {
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

  /** The blank paper form: the course's instructors print it for the last session too. */
  app.get('/courses/:id/feedback/paper', access(['coordinator', 'admin', 'instructor']), (c) => {
    const course = findCourse(db, idParam(c, 'id'));
    if (!course) throw new HTTPException(404);
    const user = c.get('user');
    if (user.role === 'instructor' && !leadsCourse(db, user.id, course.course.id)) {
      throw new HTTPException(403);
    }
    const t = c.get('t');
    const title = titleOf(course, c.get('language'));
    return c.render(
      <PaperQuestionnaire
        courseTitle={title}
        privacyNoticeUrl={privacyNoticeUrl(config.publicUrl)}
        t={t}
      />,
      {
        title: t('feedback.formTitle'),
      },
    );
  });

  const renderPaperAnswer = (
    c: Context<SignedInEnv>,
    course: NonNullable<ReturnType<typeof findCourse>>,
    form: FormState | null,
    refused?: 'all-answered' | 'not-open',
  ) => {
    const t = c.get('t');
    const title = titleOf(course, c.get('language'));
    const courseId = course.course.id;
    return c.render(
      <PaperAnswerPage courseId={courseId} courseTitle={title} refused={refused} t={t}>
        <FeedbackForm
          action={`/courses/${courseId}/feedback/paper-answers`}
          prefix="paper-answer"
          form={form}
          paper
          textMax={feedbackTextMax}
          t={t}
        />
      </PaperAnswerPage>,
      { title: t('feedback.paperAnswersTitle', { course: title }) },
    );
  };

  /** Paper answers open with the questionnaire itself: when the last session has started. */
  const paperCourseFor = (c: Context<SignedInEnv>) => {
    const course = courseFor(c);
    return {
      course,
      open: isFeedbackOpen({ status: course.course.status, sessions: course.sessions }, clock()),
    };
  };

  app.get('/courses/:id/feedback/paper-answers', planningStaff, (c) => {
    const { course, open } = paperCourseFor(c);
    return renderPaperAnswer(c, course, null, open ? undefined : 'not-open');
  });

  app.post(
    '/courses/:id/feedback/paper-answers',
    planningStaff,
    validForm(feedbackForm, (c, invalid) => {
      const { course, open } = paperCourseFor(c);
      return renderPaperAnswer(c, course, invalid, open ? undefined : 'not-open');
    }),
    (c) => {
      const { course, open } = paperCourseFor(c);
      if (!open) {
        c.status(409);
        return renderPaperAnswer(c, course, null, 'not-open');
      }
      const outcome = givePaperFeedback(
        db,
        { courseId: course.course.id, answers: c.req.valid('form') },
        c.get('user'),
        clock(),
      );
      if (outcome === 'all-answered') {
        c.status(409);
        return renderPaperAnswer(c, course, null, 'all-answered');
      }
      setFlash(c, { kind: 'success', key: 'feedback.paperSaved' });
      return c.redirect(`/courses/${course.course.id}/feedback/paper-answers`, 303);
    },
  );

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
