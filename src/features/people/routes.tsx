import { regionShown } from '../places/regions';
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { PeopleRows, PeopleSearchPage } from '../../../views/people/people-search-page';
import { isHtmxRequestFor } from '../../http/htmx';
import { afterCursor } from '../../http/paging';
import { PersonPage } from '../../../views/people/person-page';
import { access, planningStaff } from '../../http/access';
import { setFlash } from '../../http/flash';
import { validForm } from '../../http/form';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { idParam } from '../../http/params';
import { cleanText } from '../../lib/clean-text';
import { recordAudit } from '../audit/audit-log';
import { chooseReminders, reminderChoiceForm, reminderChoiceOf } from '../texts/reminder-choice';
import {
  isOnCourseLedBy,
  narrowedToCoursesLedBy,
  personRecord,
  searchPeople,
  shortestQuery,
  type PeopleScope,
} from './queries';

/** Planning staff find anyone; an instructor finds the people on the courses they lead. */
const peopleReaders = access(['coordinator', 'admin', 'instructor']);

/** Longer input is cut, not refused: nobody's name or address is this long. */
const longestQuery = 100;

export function peopleRoutes({ db, clock }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  const scopeOf = (c: Context<SignedInEnv>): PeopleScope => {
    const user = c.get('user');
    return { ledByUserId: user.role === 'instructor' ? user.id : null };
  };

  app.get('/people', peopleReaders, (c) => {
    const t = c.get('t');
    // Without control characters: SQLite reads a NUL as the end of the LIKE pattern, so "\0x"
    // would match everyone.
    const query = cleanText(c.req.query('q') ?? '').slice(0, longestQuery);
    const after = afterCursor(c);
    const searching = query.trim().length >= shortestQuery;
    // The region only narrows: an instructor still finds only the people on their courses.
    const region = regionShown(db, c);
    const result = searching
      ? searchPeople(db, { query, after, scope: scopeOf(c), region: region.region })
      : null;
    if (searching) {
      // The query itself is personal data (a name, a number): the log says only that one was made.
      recordAudit(
        db,
        {
          actor: c.get('user'),
          action: 'read',
          subjectType: 'application',
          detail: 'people search',
        },
        clock(),
      );
    }
    if (result !== null && isHtmxRequestFor(c, 'people-more')) {
      return c.html(
        <PeopleRows
          moreAnswer
          query={query}
          result={result}
          region={region}
          t={t}
          language={c.get('language')}
        />,
      );
    }
    return c.render(
      <PeopleSearchPage
        query={query}
        result={result}
        laterPage={after !== undefined}
        shortestQuery={shortestQuery}
        region={region}
        instructorOnly={c.get('user').role === 'instructor'}
        t={t}
        language={c.get('language')}
      />,
      { title: t('people.title') },
    );
  });

  app.get('/people/:id', peopleReaders, (c) => {
    const t = c.get('t');
    const user = c.get('user');
    const person = personRecord(db, idParam(c));
    if (!person) throw new HTTPException(404);
    const { ledByUserId } = scopeOf(c);
    if (ledByUserId !== null && !isOnCourseLedBy(db, person.application.id, ledByUserId)) {
      throw new HTTPException(403);
    }
    recordAudit(
      db,
      {
        actor: user,
        action: 'read',
        subjectType: 'application',
        subjectId: person.application.id,
        detail: 'person page',
      },
      clock(),
    );
    return c.render(
      <PersonPage
        person={ledByUserId === null ? person : narrowedToCoursesLedBy(db, person, ledByUserId)}
        showUnconfirmed={user.role !== 'instructor'}
        showAuditLink={user.role === 'admin'}
        showPrivacyActions={user.role !== 'instructor'}
        reminders={user.role === 'instructor' ? null : reminderChoiceOf(db, person.application.id)}
        t={t}
        language={c.get('language')}
      />,
      { title: t('people.person.title', { name: person.application.name }) },
    );
  });

  app.post(
    '/people/:id/reminders',
    planningStaff,
    validForm(reminderChoiceForm, () => {
      // Only the page's own hidden field sends this.
      throw new HTTPException(422);
    }),
    (c) => {
      const person = personRecord(db, idParam(c));
      if (!person) throw new HTTPException(404);
      const stopped = c.req.valid('form').stopped === 'yes';
      chooseReminders(db, person.application.id, { stopped, now: clock(), actor: c.get('user') });
      setFlash(c, {
        kind: 'success',
        key: stopped ? 'texts.remindersStoppedFlash' : 'texts.remindersRestartedFlash',
      });
      return c.redirect(`/people/${person.application.id}`, 303);
    },
  );

  return app;
}
