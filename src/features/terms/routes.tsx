import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import { courseStatuses } from '../../../db/schema';
import { TermListPage, TermRows } from '../../../views/terms/term-list-page';
import { TermCourses, TermPlanPage, type TermFilters } from '../../../views/terms/term-plan-page';
import { isHtmxRequestFor } from '../../http/htmx';
import { afterCursor } from '../../http/paging';
import type { FormState } from '../../http/form';
import { planningStaff } from '../../http/access';
import { idParam, optionalIdQuery } from '../../http/params';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { validForm } from '../../http/form';
import { safeReturnPath } from '../../http/safe-redirect';
import { instantToWallClock } from '../../lib/helsinki-time';
import { listBlockedPeriods } from '../courses/queries';
import { demandByLocality } from '../intake/queries';
import { listLocalities } from '../places/queries';
import { regionShown } from '../places/regions';
import {
  addBlockedPeriod,
  countTrainedInTerm,
  createTerm,
  findTerm,
  findTermCourses,
  findTermSessions,
  pageOfTerms,
  removeBlockedPeriod,
  updateTermTargets,
} from './queries';
import { blockedPeriodForm, newTermForm, termTargetsForm } from './term-input';
import { groupByLocality, groupByWeek, targetProgress } from './term-plan';

const filterQuery = z.object({
  locality: optionalIdQuery,
  status: z.enum(courseStatuses).optional().catch(undefined),
});

const emptyForm: FormState = { values: {}, errors: {} };

function renderTermPlan(
  { db, clock }: Pick<AppDeps, 'db' | 'clock'>,
  c: Context<SignedInEnv>,
  termId: number,
  forms: { targetsForm?: FormState; blockedForm?: FormState } = {},
) {
  const term = findTerm(db, termId);
  if (!term) throw new HTTPException(404);
  const query = filterQuery.parse(c.req.query());
  const filters: TermFilters = { localityId: query.locality ?? null, status: query.status ?? null };
  const region = regionShown(db, c);
  const termCourses = findTermCourses(db, term.id, instantToWallClock(clock()).date, region.region);
  const activeCourseCount = termCourses.filter((course) => course.status !== 'cancelled').length;
  const shownCourses = termCourses.filter(
    (course) =>
      (filters.localityId === null || course.localityId === filters.localityId) &&
      (filters.status === null || course.status === filters.status),
  );
  const courseGroups = groupByLocality(shownCourses);
  const t = c.get('t');
  const title = t('term.planTitle', { name: term.name });
  // The filter swaps only the course list: build nothing else for it.
  if (isHtmxRequestFor(c, 'term-courses')) {
    return c.render(<TermCourses groups={courseGroups} t={t} language={c.get('language')} />, {
      title,
    });
  }
  const trainedCount = countTrainedInTerm(db, term);
  return c.render(
    <TermPlanPage
      term={term}
      courseGroups={courseGroups}
      activeCourseCount={activeCourseCount}
      progress={targetProgress(activeCourseCount, term.targetCoursesMin, term.targetCoursesMax)}
      trainedCount={trainedCount}
      trainedProgress={targetProgress(
        trainedCount,
        term.targetInstructorsMin,
        term.targetInstructorsMax,
      )}
      filters={filters}
      region={region}
      localities={listLocalities(db).filter(
        (locality) => region.region === '' || locality.region === region.region,
      )}
      weeks={groupByWeek(findTermSessions(db, term.id, region.region))}
      demand={demandByLocality(db, region.region)}
      blockedPeriods={listBlockedPeriods(db)}
      targetsForm={
        forms.targetsForm ?? {
          values: {
            targetCoursesMin: String(term.targetCoursesMin),
            targetCoursesMax: String(term.targetCoursesMax),
            targetInstructorsMin: String(term.targetInstructorsMin),
            targetInstructorsMax: String(term.targetInstructorsMax),
          },
          errors: {},
        }
      }
      blockedForm={forms.blockedForm ?? emptyForm}
      t={t}
      language={c.get('language')}
    />,
    { title },
  );
}

export function termRoutes({ db, clock }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  /** A re-rendered form (after a POST) shows the first page; a GET may ask for a later one. */
  const renderTermList = (c: Context<SignedInEnv>, form: FormState) => {
    const t = c.get('t');
    const after = c.req.method === 'GET' ? afterCursor(c) : undefined;
    const page = pageOfTerms(db, after);
    const language = c.get('language');
    if (c.req.method === 'GET' && isHtmxRequestFor(c, 'terms-more')) {
      return c.html(<TermRows moreAnswer page={page} t={t} language={language} />);
    }
    return c.render(
      <TermListPage
        page={page}
        laterPage={after !== undefined}
        {...form}
        t={t}
        language={language}
      />,
      { title: t('term.listTitle') },
    );
  };

  app.get('/terms', planningStaff, (c) =>
    renderTermList(c, {
      values: {
        targetCoursesMin: '2',
        targetCoursesMax: '4',
        targetInstructorsMin: '4',
        targetInstructorsMax: '6',
      },
      errors: {},
    }),
  );

  app.post(
    '/terms',
    planningStaff,
    validForm(newTermForm, (c, invalid) => renderTermList(c, invalid)),
    async (c) => {
      const input = c.req.valid('form');
      const termId = createTerm(db, input, clock());
      if (termId === null) {
        c.status(422);
        return renderTermList(c, {
          values: c.get('formValues'),
          errors: { name: c.get('t')('term.nameTaken') },
        });
      }
      setFlash(c, { kind: 'success', key: 'term.created', params: { name: input.name } });
      return c.redirect(`/terms/${termId}`, 303);
    },
  );

  app.get('/terms/:id', planningStaff, (c) => renderTermPlan({ db, clock }, c, idParam(c)));

  app.post(
    '/terms/:id/targets',
    planningStaff,
    validForm(termTargetsForm, (c, invalid) =>
      renderTermPlan({ db, clock }, c, idParam(c), { targetsForm: invalid }),
    ),
    (c) => {
      const termId = idParam(c);
      if (!findTerm(db, termId)) throw new HTTPException(404);
      updateTermTargets(db, termId, c.req.valid('form'));
      setFlash(c, { kind: 'success', key: 'term.targetsSaved' });
      return c.redirect(`/terms/${termId}`, 303);
    },
  );

  return app;
}

/** Blocked periods are managed from a term plan and return there. */
export function blockedPeriodRoutes({ db, clock }: AppDeps) {
  const app = new Hono<SignedInEnv>();

  const returnTo = async (c: Context) => {
    const body = await c.req.parseBody();
    return safeReturnPath(typeof body.returnTo === 'string' ? body.returnTo : undefined, '/terms');
  };

  const renderInvalid = async (c: Context<SignedInEnv>, form: FormState) => {
    const target = await returnTo(c);
    const termId = /^\/terms\/(\d+)$/.exec(target)?.[1];
    if (!termId) return c.redirect('/terms', 303);
    return renderTermPlan({ db, clock }, c, Number(termId), { blockedForm: form });
  };

  app.post(
    '/blocked-periods',
    planningStaff,
    validForm(blockedPeriodForm, renderInvalid),
    async (c) => {
      const input = c.req.valid('form');
      addBlockedPeriod(db, input, clock());
      setFlash(c, { kind: 'success', key: 'term.blockedAdded', params: { name: input.name } });
      return c.redirect(await returnTo(c), 303);
    },
  );

  app.post('/blocked-periods/:id/deletion', planningStaff, async (c) => {
    const removed = removeBlockedPeriod(db, idParam(c));
    if (!removed) throw new HTTPException(404);
    setFlash(c, { kind: 'info', key: 'term.blockedRemoved' });
    return c.redirect(await returnTo(c), 303);
  });

  return app;
}
