import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  TrainingFormPage,
  TrainingListPage,
  TrainingPage,
  type TrainingFormState,
} from '../../../views/trainings/training-pages';
import { planningStaff } from '../../http/access';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { validForm, type FieldErrors, type TypedValues } from '../../http/form';
import { idParam } from '../../http/params';
import type { MessageKey, MessageParams } from '../../i18n';
import { commandContextFor } from '../courses/route-helpers';
import {
  findTraining,
  listTrainings,
  listVenueChoices,
  venueExists,
  type TrainingWithDays,
} from './queries';
import {
  canCancelTraining,
  cancelTraining,
  changeTraining,
  changeTrainingStatus,
  createTraining,
  nextTrainingStatus,
} from './training-changes';
import {
  dayField,
  dayNumbers,
  trainerField,
  trainerNumbers,
  trainingCancellationForm,
  trainingForm,
  trainingStatusForm,
  type TrainingInput,
} from './training-input';

/** The stored training as the form shows it: one row per day and per trainer. */
function formValuesOf(training: TrainingWithDays): TypedValues {
  const values: TypedValues = {
    name: training.training.name,
    venueId: training.training.venueId === null ? '' : String(training.training.venueId),
    capacity: String(training.training.capacity),
  };
  training.days.forEach((day, index) => {
    values[dayField(index + 1, 'Date')] = day.localDate;
    values[dayField(index + 1, 'Start')] = day.startTime;
    values[dayField(index + 1, 'End')] = day.endTime;
  });
  training.trainers.forEach((trainer, index) => {
    values[trainerField(index + 1, 'Name')] = trainer.name;
    values[trainerField(index + 1, 'Email')] = trainer.email;
  });
  return values;
}

/** After a command: its notice (or that nothing could be done), then the training's page. */
function backToTraining(
  c: Context<SignedInEnv>,
  id: number,
  done: MessageKey | null,
  params?: MessageParams,
) {
  setFlash(
    c,
    done
      ? { kind: 'success', key: done, params }
      : { kind: 'error', key: 'flash.trainingNotChanged' },
  );
  return c.redirect(`/trainings/${id}`, 303);
}

export function trainingRoutes({ db, clock, mail }: AppDeps) {
  const app = new Hono<SignedInEnv>();
  const commandContext = commandContextFor({ clock, mail });

  const trainingOr404 = (c: Context<SignedInEnv>) => {
    const training = findTraining(db, idParam(c));
    if (!training) throw new HTTPException(404);
    return training;
  };

  /** A venue archived (or removed) while the form was open is a field error, not a failure. */
  const venueErrors = (c: Context<SignedInEnv>, input: TrainingInput): FieldErrors =>
    input.venueId !== null && !venueExists(db, input.venueId)
      ? { venueId: c.get('t')('validation.unknownChoice') }
      : {};

  const renderForm = (
    c: Context<SignedInEnv>,
    state: TrainingFormState,
    page: { title: string; action: string; submitLabel: string },
  ) =>
    c.render(
      <TrainingFormPage
        {...state}
        {...page}
        venues={listVenueChoices(db)}
        dayNumbers={dayNumbers}
        trainerNumbers={trainerNumbers}
        t={c.get('t')}
      />,
      { title: page.title },
    );

  const newFormPage = (c: Context<SignedInEnv>) => {
    const t = c.get('t');
    return {
      title: t('training.newTitle'),
      action: '/trainings/new',
      submitLabel: t('training.create'),
    };
  };

  const editFormPage = (c: Context<SignedInEnv>, training: TrainingWithDays) => {
    const t = c.get('t');
    return {
      title: t('training.editTitle', { name: training.training.name }),
      action: `/trainings/${training.training.id}/edit`,
      submitLabel: t('training.save'),
    };
  };

  const renderTrainingPage = (
    c: Context<SignedInEnv>,
    training: TrainingWithDays,
    cancelForm: TrainingFormState = { values: {}, errors: {} },
  ) =>
    c.render(
      <TrainingPage
        training={training}
        nextStatus={nextTrainingStatus[training.training.status]}
        cancellable={canCancelTraining(training.training.status)}
        cancelErrors={cancelForm.errors}
        cancelValues={cancelForm.values}
        t={c.get('t')}
        language={c.get('language')}
      />,
      { title: training.training.name },
    );

  app.get('/trainings', planningStaff, (c) =>
    c.render(
      <TrainingListPage
        trainings={listTrainings(db)}
        t={c.get('t')}
        language={c.get('language')}
      />,
      { title: c.get('t')('training.listTitle') },
    ),
  );

  app.get('/trainings/new', planningStaff, (c) =>
    renderForm(c, { values: { capacity: '12' }, errors: {} }, newFormPage(c)),
  );

  app.post(
    '/trainings/new',
    planningStaff,
    validForm(trainingForm, (c, invalid) => renderForm(c, invalid, newFormPage(c))),
    (c) => {
      const input = c.req.valid('form');
      const errors = venueErrors(c, input);
      if (Object.keys(errors).length > 0) {
        c.status(422);
        return renderForm(c, { values: c.get('formValues'), errors }, newFormPage(c));
      }
      const id = createTraining(db, input, commandContext(c));
      setFlash(c, { kind: 'success', key: 'flash.trainingCreated', params: { name: input.name } });
      return c.redirect(`/trainings/${id}`, 303);
    },
  );

  app.get('/trainings/:id{[0-9]+}', planningStaff, (c) => renderTrainingPage(c, trainingOr404(c)));

  app.get('/trainings/:id{[0-9]+}/edit', planningStaff, (c) => {
    const training = trainingOr404(c);
    return renderForm(c, { values: formValuesOf(training), errors: {} }, editFormPage(c, training));
  });

  app.post(
    '/trainings/:id{[0-9]+}/edit',
    planningStaff,
    validForm(trainingForm, (c, invalid) =>
      renderForm(c, invalid, editFormPage(c, trainingOr404(c))),
    ),
    (c) => {
      const training = trainingOr404(c);
      const input = c.req.valid('form');
      const errors = venueErrors(c, input);
      if (Object.keys(errors).length > 0) {
        c.status(422);
        return renderForm(c, { values: c.get('formValues'), errors }, editFormPage(c, training));
      }
      const id = training.training.id;
      const changed = changeTraining(db, id, input, commandContext(c));
      return backToTraining(c, id, changed ? 'flash.trainingUpdated' : null, { name: input.name });
    },
  );

  app.post(
    '/trainings/:id{[0-9]+}/status',
    planningStaff,
    validForm(trainingStatusForm, (c) => renderTrainingPage(c, trainingOr404(c))),
    (c) => {
      const id = trainingOr404(c).training.id;
      const changed = changeTrainingStatus(db, id, c.req.valid('form').status, commandContext(c));
      return backToTraining(c, id, changed ? 'flash.trainingStatusChanged' : null);
    },
  );

  app.post(
    '/trainings/:id{[0-9]+}/cancellation',
    planningStaff,
    validForm(trainingCancellationForm, (c, invalid) =>
      renderTrainingPage(c, trainingOr404(c), invalid),
    ),
    (c) => {
      const id = trainingOr404(c).training.id;
      const cancelled = cancelTraining(db, id, c.req.valid('form').reason, commandContext(c));
      return backToTraining(c, id, cancelled ? 'flash.trainingCancelled' : null);
    },
  );

  return app;
}
