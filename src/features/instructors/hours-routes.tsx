import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { InstructorHoursPage, UnitHoursPage } from '../../../views/instructors/hours-page';
import { access, planningStaff } from '../../http/access';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { idParam, optionalIdQuery } from '../../http/params';
import { instantToWallClock } from '../../lib/helsinki-time';
import { recordAudit, type Actor } from '../audit/audit-log';
import { listTerms } from '../terms/queries';
import {
  findHoursPerson,
  hoursOfInstructor,
  hoursOfUnit,
  instructorIdOfAccount,
  listEmployerUnits,
} from './hours-queries';
import { defaultTerm } from './hours-rules';

const hoursQuery = z.object({
  term: optionalIdQuery,
  unit: z.string().max(200).optional().catch(undefined),
});

/*
 * Auditing: an instructor's hours are about a member of staff, not a client, but they are still
 * personal data about someone's work, so a planner reading them is audited like a planner reading
 * the instructor's record (the instructors list and edit form are). An instructor looking at their
 * own hours is not: nobody else's data is read, and the log would fill with people's own visits.
 */
export function hoursRoutes({ db, clock, config }: AppDeps) {
  const app = new Hono<SignedInEnv>();
  const callMinutes = config.intakeCallMinutes;
  const auditHoursRead = (actor: Actor, detail: string, at: Date, instructorId?: number) =>
    recordAudit(
      db,
      { actor, action: 'read', subjectType: 'instructor', subjectId: instructorId, detail },
      at,
    );

  /** The term asked for (404 when there is no such term), else today's or the latest. */
  const termOf = (query: z.output<typeof hoursQuery>) => {
    const terms = listTerms(db);
    if (query.term === undefined) {
      return { terms, term: defaultTerm(terms, instantToWallClock(clock()).date) ?? null };
    }
    const term = terms.find((each) => each.id === query.term);
    if (!term) throw new HTTPException(404);
    return { terms, term };
  };

  app.get('/instructors/:id{[0-9]+}/hours', access(['coordinator', 'admin', 'instructor']), (c) => {
    const user = c.get('user');
    const instructorId = idParam(c);
    const isPlanner = user.role !== 'instructor';
    // An instructor sees their own record only; whether another exists is not theirs to know.
    if (!isPlanner && instructorIdOfAccount(db, user.id) !== instructorId) {
      throw new HTTPException(403);
    }
    const instructor = findHoursPerson(db, instructorId);
    if (!instructor) throw new HTTPException(404);
    const { terms, term } = termOf(hoursQuery.parse(c.req.query()));
    const now = clock();
    const hours = term ? hoursOfInstructor(db, instructor, term, { now, callMinutes }) : null;
    if (isPlanner) {
      auditHoursRead(user, term ? `hours ${term.name}` : 'hours', now, instructor.id);
    }
    const t = c.get('t');
    return c.render(
      <InstructorHoursPage
        {...{ terms, term, callMinutes, t }}
        instructor={instructor}
        hours={hours}
        forPlanner={isPlanner}
      />,
      { title: t('hours.instructorTitle', { name: instructor.name }) },
    );
  });

  app.get('/hours', planningStaff, (c) => {
    const query = hoursQuery.parse(c.req.query());
    const { terms, term } = termOf(query);
    const units = listEmployerUnits(db);
    if (query.unit !== undefined && !units.includes(query.unit)) throw new HTTPException(404);
    const unit = query.unit ?? units[0] ?? null;
    const now = clock();
    const rows = term && unit !== null ? hoursOfUnit(db, unit, term, { now, callMinutes }) : [];
    if (term && unit !== null) {
      auditHoursRead(c.get('user'), `hours of unit ${unit}, ${term.name}`, now);
    }
    const t = c.get('t');
    return c.render(
      <UnitHoursPage {...{ terms, term, callMinutes, t }} {...{ units, unit, rows }} />,
      {
        title: t('hours.unitTitle'),
      },
    );
  });

  return app;
}
