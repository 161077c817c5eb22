import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import {
  OneTimePasswordPage,
  UsersPage,
  type NewUserFormState,
} from '../../../views/users/users-page';
import { access } from '../../http/access';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { idParam } from '../../http/params';
import { recordAudit } from '../audit/audit-log';
import { validForm } from '../../http/form';
import { generatePassword, hashPassword } from '../../lib/password';
import { isTwoStepRequired, setTwoStepRequired } from '../account/two-step-store';
import { findUserById } from '../auth/queries';
import { isChoosableRegion, listRegions } from '../places/regions';
import { homeRegionInput, newUserInput } from './new-user';
import { createUser, listStaff, resetPassword, setAccountDisabled, setHomeRegion } from './queries';

const twoStepRequirementForm = z.object({ required: z.literal('on').optional() });

export function userRoutes({ db, clock }: AppDeps) {
  const app = new Hono<SignedInEnv>();
  app.use('*', access(['admin']));

  const renderUsersPage = (
    c: Context<SignedInEnv>,
    form: NewUserFormState & { problem?: string },
  ) => {
    const t = c.get('t');
    return c.render(
      <UsersPage
        staff={listStaff(db)}
        regions={listRegions(db)}
        {...form}
        currentUserId={c.get('user').id}
        twoStepRequired={isTwoStepRequired(db)}
        t={t}
        language={c.get('language')}
      />,
      { title: t('users.title') },
    );
  };

  app.get('/', (c) => {
    recordAudit(
      db,
      { actor: c.get('user'), action: 'read', subjectType: 'staff-user', detail: 'list' },
      clock(),
    );
    return renderUsersPage(c, { values: {}, errors: {} });
  });

  app.post(
    '/',
    validForm(newUserInput, (c, invalid) => renderUsersPage(c, invalid)),
    async (c) => {
      const input = c.req.valid('form');
      if (!isChoosableRegion(db, input.homeRegion)) {
        c.status(422);
        const { password: _typedPassword, ...values } = input;
        return renderUsersPage(c, {
          values,
          errors: { homeRegion: c.get('t')('validation.region') },
        });
      }
      const created = await createUser(db, input, clock(), c.get('user'));
      if (!created.ok) {
        c.status(422);
        const { password: _typedPassword, ...values } = input;
        return renderUsersPage(c, {
          values,
          errors: { email: c.get('t')('validation.emailTaken') },
        });
      }
      setFlash(c, { kind: 'success', key: 'flash.userCreated', params: { email: input.email } });
      return c.redirect('/admin/users', 303);
    },
  );

  /** '' (every region) or a region some locality has. */

  /** The account a lifecycle action is about; 404 when there is none. */
  const subjectOf = (c: Context<SignedInEnv>) => {
    const subject = findUserById(db, idParam(c));
    if (!subject) throw new HTTPException(404);
    return subject;
  };

  const changeDisabled = (disabled: boolean) => (c: Context<SignedInEnv>) => {
    const subject = subjectOf(c);
    const actor = c.get('user');
    if (subject.id === actor.id) {
      c.status(422);
      return renderUsersPage(c, {
        values: {},
        errors: {},
        problem: c.get('t')('users.cannotDisableSelf'),
      });
    }
    setAccountDisabled(db, { actor, userId: subject.id, disabled, now: clock() });
    setFlash(c, {
      kind: 'success',
      key: disabled ? 'flash.userDisabled' : 'flash.userEnabled',
      params: { email: subject.email },
    });
    return c.redirect('/admin/users', 303);
  };

  app.post('/:id/disabling', changeDisabled(true));
  app.post('/:id/enabling', changeDisabled(false));

  app.post(
    '/:id/home-region',
    validForm(homeRegionInput, (c) =>
      renderUsersPage(c, { values: {}, errors: {}, problem: c.get('t')('validation.region') }),
    ),
    (c) => {
      const subject = subjectOf(c);
      const { homeRegion } = c.req.valid('form');
      if (!isChoosableRegion(db, homeRegion)) {
        c.status(422);
        return renderUsersPage(c, {
          values: {},
          errors: {},
          problem: c.get('t')('validation.region'),
        });
      }
      setHomeRegion(db, { actor: c.get('user'), userId: subject.id, homeRegion, now: clock() });
      setFlash(c, {
        kind: 'success',
        key: 'region.userHomeSaved',
        params: { email: subject.email },
      });
      return c.redirect('/admin/users', 303);
    },
  );

  /** Answers with the page itself (no redirect): the one-time password is shown this once only. */
  app.post('/:id/password-reset', async (c) => {
    const subject = subjectOf(c);
    const password = generatePassword();
    resetPassword(db, {
      actor: c.get('user'),
      userId: subject.id,
      passwordHash: await hashPassword(password),
      now: clock(),
    });
    const t = c.get('t');
    c.header('Cache-Control', 'no-store');
    return c.render(<OneTimePasswordPage person={subject} password={password} t={t} />, {
      title: t('users.resetTitle'),
    });
  });

  app.post(
    '/two-step-requirement',
    validForm(twoStepRequirementForm, (c) => renderUsersPage(c, { values: {}, errors: {} })),
    (c) => {
      const required = c.req.valid('form').required === 'on';
      setTwoStepRequired(db, { actor: c.get('user'), required, now: clock() });
      setFlash(c, {
        kind: 'success',
        key: required ? 'flash.twoStepRequired' : 'flash.twoStepOptional',
      });
      return c.redirect('/admin/users', 303);
    },
  );

  return app;
}
