import { programName } from '../../i18n/format';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  ProgramFormPage,
  ProgramsPage,
  type ProgramFormState,
} from '../../../views/programs/programs-page';
import { planningStaff } from '../../http/access';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { validForm } from '../../http/form';
import { idParam } from '../../http/params';
import { changeProgram } from './program-changes';
import { programDefaults, programInput, type ProgramInput } from './program-input';
import { createProgram, findProgram, listPrograms, type ProgramRow } from './queries';

type ProgramFields = Omit<ProgramInput, 'nameFi' | 'nameSv' | 'nameEn'> & {
  nameFi?: string;
  nameSv?: string;
  nameEn?: string;
};

function formValuesOf(program: ProgramFields): Record<string, string> {
  return {
    nameFi: program.nameFi ?? '',
    nameSv: program.nameSv ?? '',
    nameEn: program.nameEn ?? '',
    sessionCount: String(program.sessionCount),
    sessionMinutes: String(program.sessionMinutes),
    intervalWeeks: String(program.intervalWeeks),
    minParticipants: String(program.minParticipants),
    maxParticipants: String(program.maxParticipants),
    completionThreshold: String(program.completionThreshold),
    lastJoiningSession: String(program.lastJoiningSession),
    preparationMinutes: String(program.preparationMinutes),
    hasInfoSession: program.hasInfoSession ? 'on' : '',
    online: program.online ? 'on' : '',
  };
}

export function programRoutes({ db, clock, mail }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  const programOr404 = (c: Context<SignedInEnv>) => {
    const program = findProgram(db, idParam(c));
    if (!program) throw new HTTPException(404);
    return program;
  };

  const renderNewForm = (c: Context<SignedInEnv>, form: ProgramFormState) => {
    const t = c.get('t');
    return c.render(
      <ProgramFormPage
        {...form}
        title={t('programs.newTitle')}
        action="/programs"
        submitLabel={t('programs.add')}
        t={t}
      />,
      { title: t('programs.newTitle') },
    );
  };

  const renderEditForm = (c: Context<SignedInEnv>, program: ProgramRow, form: ProgramFormState) => {
    const t = c.get('t');
    const title = `${t('programs.editTitle')}: ${programName(program, c.get('language'))}`;
    return c.render(
      <ProgramFormPage
        {...form}
        title={title}
        action={`/programs/${program.id}`}
        submitLabel={t('programs.save')}
        t={t}
      />,
      { title },
    );
  };

  app.get('/programs', planningStaff, (c) => {
    const t = c.get('t');
    return c.render(
      <ProgramsPage programs={listPrograms(db)} t={t} language={c.get('language')} />,
      {
        title: t('programs.title'),
      },
    );
  });

  app.get('/programs/new', planningStaff, (c) =>
    renderNewForm(c, { values: formValuesOf(programDefaults), errors: {} }),
  );

  app.post(
    '/programs',
    planningStaff,
    validForm(programInput, (c, invalid) => renderNewForm(c, invalid)),
    (c) => {
      const input = c.req.valid('form');
      createProgram(db, input, clock());
      setFlash(c, {
        kind: 'success',
        key: 'flash.programCreated',
        params: { name: programName(input, c.get('language')) },
      });
      return c.redirect('/programs', 303);
    },
  );

  app.get('/programs/:id{[0-9]+}/edit', planningStaff, (c) => {
    const program = programOr404(c);
    return renderEditForm(c, program, { values: formValuesOf(program), errors: {} });
  });

  app.post(
    '/programs/:id{[0-9]+}',
    planningStaff,
    validForm(programInput, (c, invalid) => renderEditForm(c, programOr404(c), invalid)),
    (c) => {
      const input = c.req.valid('form');
      const context = { actor: c.get('user'), mail: { ...mail, now: clock() } };
      if (changeProgram(db, idParam(c), input, context) === null) throw new HTTPException(404);
      setFlash(c, {
        kind: 'success',
        key: 'flash.programUpdated',
        params: { name: programName(input, c.get('language')) },
      });
      return c.redirect('/programs', 303);
    },
  );

  return app;
}
