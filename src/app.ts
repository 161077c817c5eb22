import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { languageDetector } from 'hono/language';
import { secureHeaders } from 'hono/secure-headers';
import { accountRoutes } from './features/account/routes';
import { assetRoutes } from './features/assets/routes';
import { courseAttendanceRoutes } from './features/attendance/course-routes';
import { feedbackRoutes } from './features/feedback/routes';
import { attendanceGridRoutes } from './features/attendance/grid-routes';
import { sessionAttendanceRoutes } from './features/attendance/routes';
import { auditRoutes } from './features/audit/routes';
import { callRoutes } from './features/calls/routes';
import { candidateRoutes } from './features/candidates/routes';
import { authRoutes } from './features/auth/routes';
import { secondStepRoutes } from './features/auth/second-step-routes';
import { courseRoutes } from './features/courses/routes';
import { courseSessionRoutes } from './features/courses/session-routes';
import { enrollmentRoutes } from './features/enrollment/routes';
import { participantRoutes } from './features/participant/routes';
import { peopleRoutes } from './features/people/routes';
import { loadSignedInUser } from './features/auth/session-cookie';
import { homeRoutes } from './features/home/routes';
import { languageCookieName, languageRoutes } from './features/language/routes';
import { organisationRoutes } from './features/organisation/routes';
import { outboxRoutes } from './features/outbox/routes';
import { intakeRoutes } from './features/intake/routes';
import { hoursRoutes } from './features/instructors/hours-routes';
import { instructorRoutes } from './features/instructors/routes';
import { inviteRoutes } from './features/invites/routes';
import { placeRoutes } from './features/places/routes';
import { privacyRoutes } from './features/privacy/routes';
import { privacyNoticeRoutes } from './features/privacy-notice/routes';
import { reportRoutes } from './features/reports/routes';
import { retentionRoutes } from './features/retention/routes';
import { programRoutes } from './features/programs/routes';
import { blockedPeriodRoutes, termRoutes } from './features/terms/routes';
import { proposalRoutes } from './features/term-proposal/routes';
import { trainingRoutes } from './features/trainings/routes';
import { meetingRoutes } from './features/meetings/routes';
import { userRoutes } from './features/users/routes';
import { denyRoutesWithoutAccessRule } from './http/access';
import type { AppDeps, AppEnv, AppParts } from './http/app-env';
import { mailSettingsFrom } from './features/invites/invitations';
import { refuseCrossSiteForms } from './http/csrf';
import { requestLog } from './http/request-log';
import { healthRoutes } from './features/health/routes';
import { flashMessages } from './http/flash';
import { errorRenderer, notFoundRenderer, pageRenderer } from './http/render';
import { defaultLanguage, isLanguage, languages, translatorFor } from './i18n';

/**
 * Every route takes forms of a few fields (the longest text is 1,000 characters) and no uploads, so
 * one limit fits all; a larger body is refused with 413 before it is read into memory.
 */
export const maxRequestBodyBytes = 64 * 1024;

/** Builds the whole application from its dependencies; never listens (see server.ts). */
export function createApp(parts: AppParts) {
  const deps: AppDeps = { ...parts, mail: mailSettingsFrom(parts.config) };
  const app = new Hono<AppEnv>();

  if (parts.logger) app.use(requestLog(parts.logger));
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    }),
  );
  app.use(
    languageDetector({
      order: ['cookie', 'header'],
      lookupCookie: languageCookieName,
      supportedLanguages: [...languages],
      fallbackLanguage: defaultLanguage,
      caches: false,
    }),
  );
  app.use(async (c, next) => {
    const language = c.get('language');
    c.set('language', isLanguage(language) ? language : defaultLanguage);
    c.set('t', translatorFor(c.get('language')));
    await next();
  });
  app.use(pageRenderer);
  app.use(bodyLimit({ maxSize: maxRequestBodyBytes }));
  app.use(flashMessages(deps.config));
  app.use(loadSignedInUser(deps));
  app.use(refuseCrossSiteForms(deps.config.publicUrl));
  app.use(denyRoutesWithoutAccessRule);

  app.route('/', assetRoutes());
  app.route('/', healthRoutes(deps));
  app.route('/', languageRoutes(deps));
  app.route('/', authRoutes(deps));
  app.route('/', secondStepRoutes(deps));
  app.route('/', accountRoutes(deps));
  app.route('/', homeRoutes(deps));
  app.route('/admin/users', userRoutes(deps));
  app.route('/', auditRoutes(deps));
  app.route('/', organisationRoutes(deps));
  app.route('/', retentionRoutes(deps));
  app.route('/', programRoutes(deps));
  app.route('/', placeRoutes(deps));
  app.route('/', instructorRoutes(deps));
  app.route('/', hoursRoutes(deps));
  app.route('/', termRoutes(deps));
  app.route('/', proposalRoutes(deps));
  app.route('/', reportRoutes(deps));
  app.route('/', blockedPeriodRoutes(deps));
  app.route('/courses', courseRoutes(deps));
  app.route('/courses', courseSessionRoutes(deps));
  app.route('/', enrollmentRoutes(deps));
  app.route('/', sessionAttendanceRoutes(deps));
  app.route('/', courseAttendanceRoutes(deps));
  app.route('/', feedbackRoutes(deps));
  app.route('/', attendanceGridRoutes(deps));
  app.route('/', inviteRoutes(deps));
  app.route('/', privacyRoutes(deps));
  app.route('/', privacyNoticeRoutes(deps));
  app.route('/', outboxRoutes(deps));
  app.route('/', intakeRoutes(deps));
  app.route('/', participantRoutes(deps));
  app.route('/', callRoutes(deps));
  app.route('/', peopleRoutes(deps));
  app.route('/', candidateRoutes(deps));
  app.route('/', trainingRoutes(deps));
  app.route('/', meetingRoutes(deps));

  app.notFound(notFoundRenderer(deps.db));
  app.onError(errorRenderer(deps.db));
  return app;
}

export type App = ReturnType<typeof createApp>;
