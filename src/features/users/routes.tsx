import { Hono, type Context } from 'hono';
import { UsersPage, type NewUserFormState } from '../../../views/users/users-page';
import { access } from '../../http/access';
import type { AppDeps, AppEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { recordAudit } from '../audit/audit-log';
import { validForm } from '../../http/form';
import { newUserInput } from './new-user';
import { createUser, listStaff } from './queries';

export function userRoutes({ db, clock }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', access(['admin']));

  const renderUsersPage = (c: Context<AppEnv>, form: NewUserFormState) => {
    const t = c.get('t');
    return c.render(
      <UsersPage staff={listStaff(db)} {...form} t={t} language={c.get('language')} />,
      { title: t('users.title') },
    );
  };

  app.get('/', (c) => {
    recordAudit(
      db,
      { actor: c.get('user')!, action: 'read', subjectType: 'staff-user', detail: 'list' },
      clock(),
    );
    return renderUsersPage(c, { values: {}, errors: {} });
  });

  app.post(
    '/',
    validForm(newUserInput, (c, invalid) => renderUsersPage(c, invalid)),
    async (c) => {
      const input = c.req.valid('form');
      const created = await createUser(db, input, clock());
      if (!created.ok) {
        c.status(422);
        const { password: _typedPassword, ...values } = input;
        return renderUsersPage(c, {
          values,
          errors: { email: c.get('t')('validation.emailTaken') },
        });
      }
      recordAudit(
        db,
        {
          actor: c.get('user')!,
          action: 'create',
          subjectType: 'staff-user',
          subjectId: created.id,
        },
        clock(),
      );
      setFlash(c, { kind: 'success', key: 'flash.userCreated', params: { email: input.email } });
      return c.redirect('/admin/users', 303);
    },
  );

  return app;
}
