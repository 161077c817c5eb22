import { regionShown } from '../places/regions';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  InstructorFormPage,
  InstructorsPage,
  InstructorRows,
  type InstructorFormState,
} from '../../../views/instructors/instructors-page';
import { planningStaff } from '../../http/access';
import { idParam } from '../../http/params';
import { recordAudit } from '../audit/audit-log';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { validForm, type TypedValues } from '../../http/form';
import type { FieldErrors } from '../../http/form';
import { instantToWallClock } from '../../lib/helsinki-time';
import { formatPhoneForDisplay } from '../../lib/phone';
import { listLocalities } from '../places/queries';
import { instructorInputFor, type InstructorInput } from './instructor-input';
import { saveInstructor, findInstructor, pageOfInstructors, listLinkableAccounts } from './queries';
import { isHtmxRequestFor } from '../../http/htmx';
import { afterCursor } from '../../http/paging';

type StoredInstructor = NonNullable<ReturnType<typeof findInstructor>>;

function formStateOf(instructor: StoredInstructor): InstructorFormState {
  return {
    values: {
      name: instructor.name,
      email: instructor.email,
      phone: instructor.phone ? formatPhoneForDisplay(instructor.phone) : '',
      ...(instructor.sharePhoneWithParticipants ? { sharePhoneWithParticipants: 'on' } : {}),
      kind: instructor.kind,
      employerUnit: instructor.employerUnit,
      userId: instructor.userId === null ? '' : String(instructor.userId),
    },
    checkedLocalities: instructor.localityIds.map(String),
    errors: {},
  };
}

/** Several ticked boxes do not fit the typed values (text only), so they are read again. */
async function typedFormState(
  c: Context<SignedInEnv>,
  invalid: { values: TypedValues; errors: FieldErrors },
): Promise<InstructorFormState> {
  const body = await c.req.parseBody({ all: true });
  const ticked = [body.localities ?? []].flat();
  return {
    ...invalid,
    checkedLocalities: ticked.filter((value): value is string => typeof value === 'string'),
  };
}

/** The input as the form shows it again when saving is refused after validation. */
function refusedFormState(input: InstructorInput, errors: FieldErrors): InstructorFormState {
  const { localityIds, userId, sharePhoneWithParticipants, ...text } = input;
  return {
    values: {
      ...text,
      ...(sharePhoneWithParticipants ? { sharePhoneWithParticipants: 'on' } : {}),
      userId: userId === null ? '' : String(userId),
    },
    checkedLocalities: localityIds.map(String),
    errors,
  };
}

export function instructorRoutes({ db, clock }: AppDeps) {
  const app = new Hono<SignedInEnv>();
  const instructorInput = instructorInputFor(db);

  const instructorOr404 = (c: Context<SignedInEnv>) => {
    const instructor = findInstructor(db, idParam(c));
    if (!instructor) throw new HTTPException(404);
    return instructor;
  };

  const renderNewForm = (c: Context<SignedInEnv>, form: InstructorFormState) => {
    const t = c.get('t');
    return c.render(
      <InstructorFormPage
        {...form}
        localities={listLocalities(db)}
        accounts={listLinkableAccounts(db)}
        title={t('instructors.newTitle')}
        action="/instructors"
        submitLabel={t('instructors.add')}
        t={t}
      />,
      { title: t('instructors.newTitle') },
    );
  };

  const renderEditForm = (
    c: Context<SignedInEnv>,
    instructor: StoredInstructor,
    form: InstructorFormState,
  ) => {
    const t = c.get('t');
    const title = t('instructors.editTitle', { name: instructor.name });
    return c.render(
      <InstructorFormPage
        {...form}
        localities={listLocalities(db)}
        accounts={listLinkableAccounts(db, instructor.id)}
        title={title}
        action={`/instructors/${instructor.id}`}
        submitLabel={t('instructors.save')}
        t={t}
      />,
      { title },
    );
  };

  app.get('/instructors', planningStaff, (c) => {
    const t = c.get('t');
    recordAudit(
      db,
      { actor: c.get('user'), action: 'read', subjectType: 'instructor', detail: 'list' },
      clock(),
    );
    const today = instantToWallClock(clock()).date;
    const after = afterCursor(c);
    const region = regionShown(db, c);
    const page = pageOfInstructors(db, today, { after, region: region.region });
    const language = c.get('language');
    if (isHtmxRequestFor(c, 'instructors-more'))
      return c.html(
        <InstructorRows moreAnswer page={page} region={region} t={t} language={language} />,
      );
    return c.render(
      <InstructorsPage
        page={page}
        laterPage={after !== undefined}
        region={region}
        t={t}
        language={language}
      />,
      { title: t('instructors.title') },
    );
  });

  app.get('/instructors/new', planningStaff, (c) =>
    renderNewForm(c, { values: {}, checkedLocalities: [], errors: {} }),
  );

  app.post(
    '/instructors',
    planningStaff,
    validForm(instructorInput, async (c, invalid) =>
      renderNewForm(c, await typedFormState(c, invalid)),
    ),
    (c) => {
      const input = c.req.valid('form');
      const saved = saveInstructor(db, null, input, c.get('user'), clock());
      if (!saved.ok) {
        c.status(422);
        const errors = { userId: c.get('t')('validation.accountTaken') };
        return renderNewForm(c, refusedFormState(input, errors));
      }
      setFlash(c, {
        kind: 'success',
        key: 'flash.instructorCreated',
        params: { name: input.name },
      });
      return c.redirect('/instructors', 303);
    },
  );

  app.get('/instructors/:id{[0-9]+}/edit', planningStaff, (c) => {
    const instructor = instructorOr404(c);
    recordAudit(
      db,
      {
        actor: c.get('user'),
        action: 'read',
        subjectType: 'instructor',
        subjectId: instructor.id,
      },
      clock(),
    );
    return renderEditForm(c, instructor, formStateOf(instructor));
  });

  app.post(
    '/instructors/:id{[0-9]+}',
    planningStaff,
    validForm(instructorInput, async (c, invalid) =>
      renderEditForm(c, instructorOr404(c), await typedFormState(c, invalid)),
    ),
    (c) => {
      const instructor = instructorOr404(c);
      const input = c.req.valid('form');
      const saved = saveInstructor(db, instructor.id, input, c.get('user'), clock());
      if (!saved.ok) {
        if (saved.reason === 'not-found') throw new HTTPException(404);
        c.status(422);
        const errors = { userId: c.get('t')('validation.accountTaken') };
        return renderEditForm(c, instructor, refusedFormState(input, errors));
      }
      setFlash(c, {
        kind: 'success',
        key: 'flash.instructorUpdated',
        params: { name: input.name },
      });
      return c.redirect('/instructors', 303);
    },
  );

  return app;
}
