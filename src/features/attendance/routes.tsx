import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { attendanceMarks } from '../../../db/schema';
import {
  AttendanceList,
  SessionAttendancePage,
  type SheetNotice,
} from '../../../views/attendance/session-attendance-page';
import { access } from '../../http/access';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash, type Flash } from '../../http/flash';
import { validForm } from '../../http/form';
import { isHtmxRequestFor } from '../../http/htmx';
import { idParam } from '../../http/params';
import { courseListRead, recordAudit } from '../audit/audit-log';
import { findCourse } from '../courses/queries';
import { leadsCourse } from '../enrollment/queries';
import {
  AttendanceRefused,
  LeadersRefused,
  markAttendance,
  markRestPresent,
  setSessionLeaders,
  type AttendanceContext,
} from './attendance-commands';
import { sessionSheet } from './attendance-sheets';
import {
  courseOfSession,
  leaderChoices,
  loadCourseAttendance,
  participantName,
  recordedLeaders,
} from './queries';

/** Instructors of the course, coordinators and admins: the people who keep attendance. */
export const attendanceKeepers = access(['coordinator', 'admin', 'instructor']);

const markForm = z.object({ mark: z.enum(attendanceMarks, 'attendance.chooseMark') });

/**
 * The attendance page of one session: marks saved one tap at a time (htmx swaps the list; without
 * JavaScript the same form posts and the page comes back), "mark the rest present", and who led.
 */
export function sessionAttendanceRoutes({ db, clock, mail }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  const contextOf = (c: Context<SignedInEnv>): AttendanceContext => ({
    actor: c.get('user'),
    mail: { ...mail, now: clock() },
  });

  /** The session's course, if the user may keep its attendance: an instructor only their own. */
  const courseIdFor = (c: Context<SignedInEnv>): number => {
    const courseId = courseOfSession(db, idParam(c, 'id'));
    if (courseId === undefined) throw new HTTPException(404);
    const user = c.get('user');
    if (user.role === 'instructor' && !leadsCourse(db, user.id, courseId)) {
      throw new HTTPException(403);
    }
    return courseId;
  };

  /**
   * The page, or only the list for an htmx save. The list a save returns is part of that save,
   * whose own audit entry covers it; every other showing is audited as a read.
   */
  const render = (
    c: Context<SignedInEnv>,
    courseId: number,
    options: { notice?: SheetNotice; leadersError?: string | null; afterSave?: boolean } = {},
  ) => {
    const sessionId = idParam(c, 'id');
    const user = c.get('user');
    const now = clock();
    const courseAttendance = loadCourseAttendance(db, courseId);
    const sheet = courseAttendance && sessionSheet(courseAttendance, sessionId, user.role, now);
    if (!courseAttendance || !sheet) throw new HTTPException(404);
    if (!options.afterSave) {
      recordAudit(db, courseListRead(user, courseId, `attendance, session ${sessionId}`), now);
    }
    const t = c.get('t');
    const notice = options.notice ?? null;
    if (isHtmxRequestFor(c, 'attendance-list')) {
      return c.render(
        <AttendanceList sheet={sheet} notice={notice} t={t} language={c.get('language')} />,
        { title: t('attendance.sessionTitle', { number: sheet.session.ordinal }) },
      );
    }
    const course = findCourse(db, courseId);
    if (!course) throw new HTTPException(404);
    const choices = leaderChoices(db, { id: courseId, localityId: courseAttendance.localityId });
    const recorded = recordedLeaders(db, sessionId);
    const editableLeaders =
      sheet.session.status === 'scheduled' &&
      courseAttendance.status !== 'cancelled' &&
      !(courseAttendance.status === 'completed' && user.role === 'instructor');
    return c.render(
      <SessionAttendancePage
        course={course}
        sheet={sheet}
        notice={notice}
        leaders={
          editableLeaders
            ? {
                choices,
                chosen:
                  recorded.length > 0
                    ? recorded
                    : choices.filter((choice) => choice.leadsCourse).map((choice) => choice.id),
                error: options.leadersError ?? null,
              }
            : null
        }
        t={t}
        language={c.get('language')}
      />,
      { title: t('attendance.sessionTitle', { number: sheet.session.ordinal }) },
    );
  };

  /**
   * Runs a marking command. A refusal comes back on the page (422) with what was wrong; success
   * swaps the list with the notice (htmx) or leaves a flash and returns to the page.
   */
  const afterMarking = (
    c: Context<SignedInEnv>,
    courseId: number,
    command: () => number,
    success: (changed: number) => Flash,
    returnTo: string,
  ) => {
    const t = c.get('t');
    let changed: number;
    try {
      changed = command();
    } catch (error) {
      if (!(error instanceof AttendanceRefused)) throw error;
      if (error.reason === 'not-found') throw new HTTPException(404);
      c.status(422);
      return render(c, courseId, {
        notice: { kind: 'error', text: t(`attendance.refused.${error.reason}`) },
      });
    }
    const flash = success(changed);
    if (isHtmxRequestFor(c, 'attendance-list')) {
      return render(c, courseId, {
        notice: { kind: 'saved', text: t(flash.key, flash.params) },
        afterSave: true,
      });
    }
    setFlash(c, flash);
    return c.redirect(returnTo, 303);
  };

  app.get('/sessions/:id/attendance', attendanceKeepers, (c) => render(c, courseIdFor(c)));

  app.post('/sessions/:id/attendance/rest-present', attendanceKeepers, (c) => {
    const courseId = courseIdFor(c);
    const sessionId = idParam(c, 'id');
    return afterMarking(
      c,
      courseId,
      () => markRestPresent(db, { courseId, sessionId }, contextOf(c)),
      (count) => ({ kind: 'success', key: 'attendance.restPresentDone', params: { count } }),
      `/sessions/${sessionId}/attendance`,
    );
  });

  app.post(
    '/sessions/:id/attendance/:enrollmentId',
    attendanceKeepers,
    validForm(markForm, (c) => {
      c.status(422);
      return render(c, courseIdFor(c), {
        notice: { kind: 'error', text: c.get('t')('attendance.chooseMark') },
      });
    }),
    (c) => {
      const courseId = courseIdFor(c);
      const sessionId = idParam(c, 'id');
      const enrollmentId = idParam(c, 'enrollmentId');
      const { mark } = c.req.valid('form');
      const t = c.get('t');
      return afterMarking(
        c,
        courseId,
        () =>
          markAttendance(
            db,
            { courseId, marks: [{ sessionId, enrollmentId, mark }] },
            contextOf(c),
          ),
        () => ({
          kind: 'success',
          key: 'attendance.saved',
          params: {
            name: participantName(db, enrollmentId),
            mark: t(`attendance.mark.${mark}`),
          },
        }),
        `/sessions/${sessionId}/attendance#enrollment-${enrollmentId}`,
      );
    },
  );

  app.post('/sessions/:id/leaders', attendanceKeepers, async (c) => {
    const courseId = courseIdFor(c);
    const sessionId = idParam(c, 'id');
    const body = await c.req.parseBody({ all: true });
    const instructorIds = [body.instructorId ?? []].flat().map((value) => Number(value));
    const t = c.get('t');
    try {
      if (!instructorIds.every((id) => Number.isSafeInteger(id) && id > 0)) {
        throw new LeadersRefused('not-a-choice');
      }
      setSessionLeaders(db, { courseId, sessionId, instructorIds }, contextOf(c));
    } catch (error) {
      if (!(error instanceof LeadersRefused)) throw error;
      if (error.reason === 'not-found') throw new HTTPException(404);
      c.status(422);
      return render(c, courseId, { leadersError: t(`attendance.leaders.${error.reason}`) });
    }
    setFlash(c, { kind: 'success', key: 'attendance.leadersSaved' });
    return c.redirect(`/sessions/${sessionId}/attendance`, 303);
  });

  return app;
}
