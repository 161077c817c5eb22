import { and, count, eq, ne } from 'drizzle-orm';
import { anonymisedName } from '../../src/features/retention/anonymise';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  auditLog,
  callAttempts,
  deletionRequests,
  enrollments,
  interviews,
  outbox,
  programs,
} from '../../db/schema';
import {
  aWaitingApplicant,
  anOpenCourse,
  courseRow,
  enrollmentOf,
} from '../support/planning-fixtures';
import { aStaffUser, buildTestApp, postForm, signIn } from '../support/test-app';
import { withFailing } from '../support/failing-statement';

describe('every change is one unit of work: all of it commits, with its audit entry, or none', () => {
  const { app, db } = buildTestApp();
  let cookie = '';
  let coordinatorId = 0;

  beforeAll(async () => {
    const coordinator = await aStaffUser(db, 'coordinator');
    coordinatorId = coordinator.id;
    cookie = await signIn(app, coordinator);
  });

  const place = (applicationId: number, courseId: number) =>
    postForm(app, '/enrollments', { applicationId, courseId }, { cookie });
  const applicationRow = (id: number) =>
    db.select().from(applications).where(eq(applications.id, id)).get()!;
  /** The audit entries of changes (not reads) to one enrollment. */
  const seatAudit = (enrollmentId: number) =>
    db
      .select({ action: auditLog.action, detail: auditLog.detail, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.subjectType, 'enrollment'),
          eq(auditLog.subjectId, enrollmentId),
          ne(auditLog.action, 'read'),
        ),
      )
      .all();
  const seatChangesAudited = () =>
    db
      .select({ rows: count() })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'enrollment'), ne(auditLog.action, 'read')))
      .get()!.rows;

  /** A one-seat course with one person placed and one waiting. */
  const aFullCourse = async () => {
    const courseId = anOpenCourse(db, { seats: 1 });
    const { localityId } = courseRow(db, courseId)!;
    const [seated, waiting] = [
      aWaitingApplicant(db, localityId),
      aWaitingApplicant(db, localityId),
    ];
    expect((await place(seated, courseId)).status).toBe(303);
    expect((await place(waiting, courseId)).status).toBe(303);
    expect(enrollmentOf(db, waiting, courseId).state).toBe('waitlisted');
    return { courseId, seated, waiting };
  };

  it('an interview whose save throws leaves no placement, no message, and the person still to call', async () => {
    const courseId = anOpenCourse(db, { seats: 4 });
    const applicationId = aWaitingApplicant(db, courseRow(db, courseId)!.localityId);
    db.update(applications)
      .set({ state: 'to-call', consentAt: new Date() })
      .where(eq(applications.id, applicationId))
      .run();

    const response = await withFailing(db, { when: 'INSERT', on: 'interviews' }, () =>
      postForm(
        app,
        `/applications/${applicationId}/interview`,
        { canAttendAll: 'yes', outcome: 'place', courseId },
        { cookie },
      ),
    );

    expect(response.status).toBe(500);
    expect(db.select().from(enrollments).where(eq(enrollments.courseId, courseId)).all()).toEqual(
      [],
    );
    expect(db.select().from(outbox).where(eq(outbox.applicationId, applicationId)).all()).toEqual(
      [],
    );
    expect(applicationRow(applicationId).state).toBe('to-call');
    expect(
      db.select().from(interviews).where(eq(interviews.applicationId, applicationId)).all(),
    ).toEqual([]);
  });

  it('an erasure interrupted half-way leaves the person as they were, still placed, the waitlist unmoved', async () => {
    const { courseId, seated, waiting } = await aFullCourse();
    const before = applicationRow(seated);
    db.insert(callAttempts)
      .values({
        applicationId: seated,
        at: new Date(),
        outcome: 'reached',
        byUserId: coordinatorId,
      })
      .run();
    const request = db
      .insert(deletionRequests)
      .values({ applicationId: seated, requestedAt: new Date() })
      .returning({ id: deletionRequests.id })
      .get();
    const erase = () =>
      postForm(
        app,
        `/deletion-requests/${request.id}/erasure`,
        { withdrawFirst: 'yes' },
        { cookie },
      );

    // The request is marked handled last: failing there undoes everything before it.
    const interrupted = await withFailing(db, { when: 'UPDATE', on: 'deletion_requests' }, erase);

    expect(interrupted.status).toBe(500);
    expect(enrollmentOf(db, seated, courseId).state).toBe('placed');
    expect(enrollmentOf(db, waiting, courseId).state).toBe('waitlisted');
    expect(applicationRow(seated)).toEqual(before);
    expect(
      db.select().from(callAttempts).where(eq(callAttempts.applicationId, seated)).all(),
    ).toHaveLength(1);
    expect(
      db.select().from(deletionRequests).where(eq(deletionRequests.id, request.id)).get()!
        .handledAt,
    ).toBeNull();

    // Once nothing is in the way, the same request erases everything together.
    expect((await erase()).status).toBe(303);
    expect(enrollmentOf(db, seated, courseId).state).toBe('withdrawn');
    expect(enrollmentOf(db, waiting, courseId).state).toBe('placed');
    expect(applicationRow(seated)).toMatchObject({
      name: anonymisedName,
      phone: '',
      state: 'closed',
    });
  });

  describe('an audit row exists exactly when its change committed', () => {
    it('records one entry for each placement, move-up and withdrawal, by the coordinator', async () => {
      const { courseId, seated, waiting } = await aFullCourse();
      const seat = enrollmentOf(db, seated, courseId).id;
      const queued = enrollmentOf(db, waiting, courseId).id;
      expect(seatAudit(seat)).toEqual([
        { action: 'create', detail: 'placed', actor: coordinatorId },
      ]);

      const movedUp = await postForm(
        app,
        `/enrollments/${queued}/move-up`,
        { reason: 'Kiire' },
        {
          cookie,
        },
      );
      expect(movedUp.status).toBe(303);
      const withdrawn = await postForm(
        app,
        `/enrollments/${seat}/withdrawal`,
        { reason: 'Muutto' },
        {
          cookie,
        },
      );
      expect(withdrawn.status).toBe(303);

      expect(seatAudit(queued).map((entry) => entry.detail)).toEqual(['waitlisted', 'moved up']);
      expect(seatAudit(seat).map((entry) => entry.detail)).toEqual(['placed', 'withdrawn']);
    });

    it('records nothing for a refused placement or a withdrawal of a place already given up', async () => {
      const { courseId, seated } = await aFullCourse();
      const audited = seatChangesAudited();

      expect((await place(seated, courseId)).status).toBe(303); // "already on the course"
      const seat = enrollmentOf(db, seated, courseId).id;
      const withdraw = () =>
        postForm(app, `/enrollments/${seat}/withdrawal`, { reason: 'Muutto' }, { cookie });
      expect((await withdraw()).status).toBe(303);
      expect((await withdraw()).status).toBe(404);

      expect(seatChangesAudited()).toBe(audited + 1);
    });

    it('keeps no placement whose audit entry could not be written', async () => {
      const courseId = anOpenCourse(db, { seats: 4 });
      const person = aWaitingApplicant(db, courseRow(db, courseId)!.localityId);
      const response = await withFailing(
        db,
        { when: 'INSERT', on: 'audit_log', condition: "NEW.subject_type = 'enrollment'" },
        () => place(person, courseId),
      );
      expect(response.status).toBe(500);
      expect(db.select().from(enrollments).where(eq(enrollments.courseId, courseId)).all()).toEqual(
        [],
      );
      expect(applicationRow(person).state).toBe('waiting');
    });

    it('fills the seats a raised program maximum frees together with the program’s audit entry', async () => {
      const { courseId, waiting } = await aFullCourse();
      const programId = courseRow(db, courseId)!.programId;
      const program = db.select().from(programs).where(eq(programs.id, programId)).get()!;
      const raise = () =>
        postForm(
          app,
          `/programs/${programId}`,
          {
            nameFi: program.nameFi,
            nameEn: program.nameEn,
            sessionCount: program.sessionCount,
            sessionMinutes: program.sessionMinutes,
            intervalWeeks: program.intervalWeeks,
            minParticipants: program.minParticipants,
            maxParticipants: 2,
            completionThreshold: program.completionThreshold,
            lastJoiningSession: program.lastJoiningSession,
            preparationMinutes: program.preparationMinutes,
          },
          { cookie },
        );
      const programAudit = () =>
        db
          .select({ detail: auditLog.detail })
          .from(auditLog)
          .where(and(eq(auditLog.subjectType, 'program'), eq(auditLog.subjectId, programId)))
          .all();

      const failed = await withFailing(
        db,
        { when: 'INSERT', on: 'audit_log', condition: "NEW.subject_type = 'program'" },
        raise,
      );
      expect(failed.status).toBe(500);
      expect(enrollmentOf(db, waiting, courseId).state).toBe('waitlisted');
      expect(db.select().from(programs).where(eq(programs.id, programId)).get()).toEqual(program);

      expect((await raise()).status).toBe(303);
      expect(enrollmentOf(db, waiting, courseId).state).toBe('placed');
      expect(programAudit()).toEqual([{ detail: '1 placed from waitlists' }]);
    });
  });
});
