import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { HTTPException } from 'hono/http-exception';
import { eq } from 'drizzle-orm';
import { candidateStates, instructors, trainings, type CandidateState } from '../../../db/schema';
import { CandidateListPage } from '../../../views/candidates/candidate-list-page';
import { CandidatePage, type CandidateForm } from '../../../views/candidates/candidate-page';
import { NominationPage, type NominationVariant } from '../../../views/candidates/nomination-page';
import type { IntakeFormState } from '../../../views/intake/applicant-fields';
import { ThanksPage } from '../../../views/intake/thanks-page';
import { privacyFacts } from '../privacy-notice/queries';
import { organisationContact } from '../organisation/queries';
import { access, planningStaff } from '../../http/access';
import {
  asAppContext,
  type AnyEnv,
  type AppDeps,
  type AppEnv,
  type SignedInEnv,
} from '../../http/app-env';
import { clientAddress } from '../../http/client-address';
import { setFlash, type Flash } from '../../http/flash';
import { validForm, validPublicForm } from '../../http/form';
import { idParam } from '../../http/params';
import { optionalText } from '../../lib/form-input';
import { recordAudit } from '../audit/audit-log';
import { callAttemptInputFor } from '../calls/interview-input';
import { ignoreRobots, refuseOverLimit } from '../intake/routes';
import {
  CandidateRefused,
  completeCandidate,
  dropCandidate,
  enrolCandidate,
  makeInstructor,
  recordCandidateCall,
  recordPhoneNomination,
  submitPublicNomination,
  type CandidateContext,
} from './candidate-commands';
import {
  completionInput,
  dropInput,
  enrolmentInput,
  instructorLinkInput,
  phoneNominationInput,
  selfApplicationInput,
  settledNomination,
  supervisorNominationInput,
} from './candidate-input';
import {
  enrollableTrainings,
  findCandidate,
  historyOf,
  instructorChoices,
  listCandidates,
} from './queries';

const notesMax = 1000;

/**
 * Instructor candidates: the public nomination forms (a supervisor's, a peer's own), the
 * coordinator's phone nomination, the list, and each candidate's page with one form per step.
 */
export function candidateRoutes({ db, config, clock, mail }: AppDeps) {
  const app = new Hono<AppEnv>();
  const staff = new Hono<SignedInEnv>();

  const contextOf = (c: Context<SignedInEnv>): CandidateContext => ({
    actor: c.get('user'),
    mail: { ...mail, now: clock() },
  });

  const renderNomination =
    (variant: NominationVariant) =>
    <Env extends AnyEnv>(context: Context<Env>, form: IntakeFormState) => {
      const c = asAppContext(context);
      const t = c.get('t');
      const title =
        variant === 'supervisor'
          ? 'candidates.nominationTitle'
          : variant === 'self'
            ? 'candidates.selfTitle'
            : 'candidates.phoneTitle';
      return c.render(
        <NominationPage
          variant={variant}
          {...form}
          {...privacyFacts(db)}
          t={t}
          language={c.get('language')}
        />,
        {
          title: t(title),
        },
      );
    };

  const publicForm = (
    path: string,
    variant: 'supervisor' | 'self',
    schema: typeof supervisorNominationInput | typeof selfApplicationInput,
  ) => {
    const render = renderNomination(variant);
    const thanks = `${path}/thanks`;
    app.get(path, access('public'), (c) => render(c, { values: {}, errors: {} }));
    app.post(
      path,
      access('public'),
      ignoreRobots(thanks),
      validPublicForm(schema, render),
      async (c) => {
        const result = submitPublicNomination(
          db,
          settledNomination(c.req.valid('form'), c.get('language')),
          variant,
          {
            address: clientAddress(c, config.trustedProxyHops),
            now: clock(),
          },
        );
        if (!result.limited) return c.redirect(thanks, 303);
        return refuseOverLimit(c, result.retryAfterMinutes, render);
      },
    );
    app.get(thanks, access('public'), (c) => {
      const t = c.get('t');
      const [heading, text] =
        variant === 'supervisor'
          ? (['candidates.thanksTitle', 'candidates.thanksText'] as const)
          : (['candidates.selfThanksTitle', 'candidates.selfThanksText'] as const);
      return c.render(
        <ThanksPage heading={t(heading)} text={t(text)} contact={organisationContact(db)} t={t} />,
        {
          title: t(heading),
        },
      );
    });
  };
  publicForm('/nominations', 'supervisor', supervisorNominationInput);
  publicForm('/instructor-applications', 'self', selfApplicationInput);

  const renderPhone = renderNomination('phone');
  staff.get('/candidates/new', planningStaff, (c) => renderPhone(c, { values: {}, errors: {} }));
  staff.post(
    '/candidates/new',
    planningStaff,
    validForm(phoneNominationInput, renderPhone),
    (c) => {
      const input = c.req.valid('form');
      const id = recordPhoneNomination(
        db,
        settledNomination(input, c.get('language')),
        contextOf(c),
      );
      setFlash(c, { kind: 'success', key: 'candidates.phoneSaved', params: { name: input.name } });
      return c.redirect(`/candidates/${id}`, 303);
    },
  );

  staff.get('/candidates', planningStaff, (c) => {
    const typedState = c.req.query('state') ?? '';
    const state = (candidateStates as readonly string[]).includes(typedState)
      ? (typedState as CandidateState)
      : null;
    const typedPage = c.req.query('page') ?? '1';
    const page = /^[1-9]\d{0,5}$/.test(typedPage) ? Number(typedPage) : 1;
    const list = listCandidates(db, { state, page });
    recordAudit(
      db,
      { actor: c.get('user'), action: 'read', subjectType: 'candidate', detail: 'candidate list' },
      clock(),
    );
    const t = c.get('t');
    return c.render(
      <CandidateListPage
        rows={list.rows}
        state={state}
        page={page}
        hasNextPage={list.hasNextPage}
        t={t}
        language={c.get('language')}
      />,
      { title: t('candidates.listTitle') },
    );
  });

  const renderCandidate = (c: Context<SignedInEnv>, form: CandidateForm | null) => {
    const candidate = findCandidate(db, idParam(c));
    if (!candidate) throw new HTTPException(404);
    recordAudit(
      db,
      { actor: c.get('user'), action: 'read', subjectType: 'candidate', subjectId: candidate.id },
      clock(),
    );
    const trainingName =
      candidate.trainingId === null
        ? null
        : (db
            .select({ name: trainings.name })
            .from(trainings)
            .where(eq(trainings.id, candidate.trainingId))
            .get()?.name ?? null);
    const linkedInstructorName =
      candidate.instructorId === null
        ? null
        : (db
            .select({ name: instructors.name })
            .from(instructors)
            .where(eq(instructors.id, candidate.instructorId))
            .get()?.name ?? null);
    const t = c.get('t');
    return c.render(
      <CandidatePage
        candidate={candidate}
        trainingName={trainingName}
        history={historyOf(db, candidate.id)}
        trainings={candidate.state === 'phoned' ? enrollableTrainings(db) : []}
        instructors={candidate.state === 'completed' ? instructorChoices(db) : []}
        linkedInstructorName={linkedInstructorName}
        form={form}
        t={t}
        language={c.get('language')}
      />,
      { title: candidate.name },
    );
  };

  staff.get('/candidates/:id', planningStaff, (c) => renderCandidate(c, null));

  /** A step's command: a refusal comes back on the page at the step's form (422), nothing saved. */
  const step = (c: Context<SignedInEnv>, name: CandidateForm['step'], command: () => Flash) => {
    let flash: Flash;
    try {
      flash = command();
    } catch (error) {
      if (!(error instanceof CandidateRefused)) throw error;
      if (error.reason === 'not-found' && findCandidate(db, idParam(c)) === undefined) {
        throw new HTTPException(404);
      }
      c.status(422);
      // Said at the top too: the step's form may no longer be on the page (e.g. enrolled already).
      c.set('flash', { kind: 'error', key: `candidates.refused.${error.reason}` });
      const field = {
        call: 'outcome',
        enrol: 'trainingId',
        complete: 'completedOn',
        drop: 'reason',
        instructor: 'instructor',
      }[name];
      return renderCandidate(c, {
        step: name,
        values: c.get('formValues'),
        errors: { [field]: c.get('t')(`candidates.refused.${error.reason}`) },
      });
    }
    setFlash(c, flash);
    return c.redirect(`/candidates/${idParam(c)}`, 303);
  };

  const invalidStep =
    (name: CandidateForm['step']) =>
    (
      c: Context<SignedInEnv>,
      invalid: { errors: Record<string, string | undefined>; values: Record<string, string> },
    ) =>
      renderCandidate(c, { step: name, ...invalid });

  const nameOf = (c: Context<SignedInEnv>) => findCandidate(db, idParam(c))?.name ?? '';

  /** The call as on the call queue, with the notes the coordinator keeps of it. */
  const callInput = callAttemptInputFor(clock).and(z.object({ notes: optionalText(notesMax) }));

  staff.post(
    '/candidates/:id/calls',
    planningStaff,
    validForm(callInput, invalidStep('call')),
    (c) => {
      const input = c.req.valid('form');
      return step(c, 'call', () => {
        recordCandidateCall(db, { candidateId: idParam(c), ...input }, contextOf(c));
        return { kind: 'success', key: 'candidates.callSaved' };
      });
    },
  );

  staff.post(
    '/candidates/:id/enrolment',
    planningStaff,
    validForm(enrolmentInput, invalidStep('enrol')),
    (c) =>
      step(c, 'enrol', () => {
        const state = enrolCandidate(
          db,
          { candidateId: idParam(c), trainingId: c.req.valid('form').trainingId },
          contextOf(c),
        );
        return {
          kind: state === 'enrolled' ? 'success' : 'info',
          key: `candidates.${state}`,
          params: { name: nameOf(c) },
        };
      }),
  );

  staff.post(
    '/candidates/:id/completion',
    planningStaff,
    validForm(completionInput, invalidStep('complete')),
    (c) => {
      const input = c.req.valid('form');
      return step(c, 'complete', () => {
        completeCandidate(
          db,
          { candidateId: idParam(c), completedOn: input.completedOn, note: input.exception },
          contextOf(c),
        );
        return { kind: 'success', key: 'candidates.completedFlash', params: { name: nameOf(c) } };
      });
    },
  );

  staff.post(
    '/candidates/:id/drop',
    planningStaff,
    validForm(dropInput, invalidStep('drop')),
    (c) =>
      step(c, 'drop', () => {
        dropCandidate(
          db,
          { candidateId: idParam(c), reason: c.req.valid('form').reason },
          contextOf(c),
        );
        return { kind: 'success', key: 'candidates.droppedFlash' };
      }),
  );

  staff.post(
    '/candidates/:id/instructor',
    planningStaff,
    validForm(instructorLinkInput, invalidStep('instructor')),
    (c) => {
      const typed = c.req.valid('form').instructor;
      return step(c, 'instructor', () => {
        makeInstructor(
          db,
          { candidateId: idParam(c), instructorId: typed === 'new' ? 'new' : Number(typed) },
          contextOf(c),
        );
        return {
          kind: 'success',
          key: 'candidates.instructorCreated',
          params: { name: nameOf(c) },
        };
      });
    },
  );

  return app.route('/', staff);
}
