import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import {
  ProposalFormPage,
  ProposalReviewPage,
  type ProposalReviewView,
  type ReviewCourseView,
} from '../../../views/terms/proposal-page';
import { planningStaff } from '../../http/access';
import type { AppDeps, SignedInEnv } from '../../http/app-env';
import { setFlash } from '../../http/flash';
import { validForm, type FieldErrors, type FormState } from '../../http/form';
import { idParam } from '../../http/params';
import { formatDate, formatDayAndMonth, programName } from '../../i18n/format';
import {
  addDays,
  instantToWallClock,
  isValidLocalDate,
  weekdayOf,
  type LocalDate,
} from '../../lib/helsinki-time';
import { dayOffOn } from '../courses/holidays';
import { commandContextFor } from '../courses/route-helpers';
import { listRegions } from '../places/regions';
import { chooseRegion } from '../places/region-choice';
import { findProgram, listPrograms } from '../programs/queries';
import { findTerm, findTermCourses } from '../terms/queries';
import { AcceptConflict, acceptProposal } from './accept-proposal';
import { freeStartDates, slotFor } from './candidate-slots';
import {
  hardRuleViolations,
  planWeights,
  reasonsFor,
  scorePlan,
  type PlannedCourse,
  type PlanScore,
} from './plan-rules';
import { solvePlan } from './plan-solver';
import { SolverBusy, warmSolver } from './solver-thread';
import { proposePlan } from './propose';
import {
  blockerText,
  reasonText,
  summaryOf,
  violationField,
  violationText,
  type Words,
} from './proposal-texts';
import {
  endsAfterMidnight,
  proposalForm,
  proposalRequestOf,
  readReviewedCourses,
  reviewField,
  type ProposalInput,
  type ReviewedCourse,
} from './proposal-input';
import { loadProposal, regionLocalities, type ProposalData } from './proposal-queries';

type Term = NonNullable<ReturnType<typeof findTerm>>;

/** The solver's time for one proposal; the best plan found by then is shown, and said to be so. */
const solveSeconds = 20;

export function proposalRoutes({ db, clock, mail, config }: AppDeps) {
  const app = new Hono<SignedInEnv>();
  const today = () => instantToWallClock(clock()).date;
  const form = proposalForm(today);
  const commandContext = commandContextFor({ clock, mail });

  const words = (c: Context<SignedInEnv>): Words => ({
    t: c.get('t'),
    language: c.get('language'),
  });

  const termOr404 = (c: Context<SignedInEnv>): Term => {
    const term = findTerm(db, idParam(c));
    if (!term) throw new HTTPException(404);
    return term;
  };

  const regionChoiceOf = (c: Context<SignedInEnv>, asked: string | undefined) =>
    chooseRegion(asked, c.get('user').homeRegion, listRegions(db));
  const regionOf = (c: Context<SignedInEnv>, asked: string | undefined) =>
    regionChoiceOf(c, asked).region;

  const programOptions = (c: Context<SignedInEnv>) =>
    listPrograms(db).map((program) => ({
      value: String(program.id),
      label: programName(program, c.get('language')),
    }));

  function defaultTargets(c: Context<SignedInEnv>, term: Term): Record<string, string> {
    const programs = listPrograms(db);
    const first = programs[0];
    const region = regionOf(c, c.req.query('region'));
    const planned = findTermCourses(db, term.id, today(), region).filter(
      (course) => course.status !== 'cancelled',
    ).length;
    const earliest = [term.startsOn, addDays(today(), 1)].sort()[1]!;
    const runsFor = first ? first.sessionCount * first.intervalWeeks * 7 : 42;
    const latest = [earliest, addDays(term.endsOn, -runsFor)].sort()[1]!;
    return {
      region,
      programId: first ? String(first.id) : '',
      courseCount: String(Math.max(1, term.targetCoursesMin - planned)),
      earliestStart: earliest,
      latestStart: latest,
      weekday1: 'on',
      weekday2: 'on',
      weekday3: 'on',
      weekday4: 'on',
      weekday5: 'on',
      startTimes: '10:00, 13:00, 17:00',
      maxHours: '60',
    };
  }

  function renderForm(
    c: Context<SignedInEnv>,
    term: Term,
    state: FormState,
    blockers: string[] = [],
    problem?: string,
  ) {
    const t = c.get('t');
    const choice = regionChoiceOf(c, state.values.region ?? c.req.query('region'));
    const region = choice.region;
    return c.render(
      <ProposalFormPage
        term={term}
        regionChoice={choice}
        values={{ ...state.values, region }}
        errors={state.errors}
        programs={programOptions(c)}
        localities={regionLocalities(db, region)}
        weights={planWeights}
        blockers={blockers}
        problem={problem}
        t={t}
        language={c.get('language')}
      />,
      { title: t('proposal.title', { name: term.name }) },
    );
  }

  /** The targets checked against the term and the calendar, and the proposal loaded for them. */
  function prepare(
    c: Context<SignedInEnv>,
    term: Term,
    input: ProposalInput,
  ): { errors: FieldErrors } | { data: ProposalData } {
    const t = c.get('t');
    const request = proposalRequestOf(input);
    const errors: FieldErrors = {};
    const program = findProgram(db, request.programId);
    if (!program) errors.programId = t('validation.unknownChoice');
    const within = {
      from: formatDate(term.startsOn, c.get('language')),
      to: formatDate(term.endsOn, c.get('language')),
    };
    if (request.earliestStart < term.startsOn || request.earliestStart > term.endsOn) {
      errors.earliestStart = t('proposal.validation.outsideTerm', within);
    }
    if (request.latestStart > term.endsOn) {
      errors.latestStart = t('proposal.validation.outsideTerm', within);
    }
    if (program && request.startTimes.some((time) => endsAfterMidnight(time, program))) {
      errors.startTimes = t('proposal.validation.pastMidnight');
    }
    const region = regionOf(c, input.region as string | undefined);
    const localityIds = new Set(regionLocalities(db, region).map((row) => row.id));
    for (const id of [...request.requiredLocalityIds, ...request.excludedLocalityIds]) {
      if (!localityIds.has(id)) errors[`place_${id}`] = t('validation.unknownChoice');
    }
    if ([...localityIds].every((id) => request.excludedLocalityIds.includes(id))) {
      errors.courseCount = t('proposal.validation.noLocality');
    }
    if (Object.keys(errors).length > 0 || !program) return { errors };
    const data = loadProposal(db, request, {
      term,
      region,
      today: today(),
      now: clock(),
      callMinutes: config.intakeCallMinutes,
      program,
    });
    const window = { ...request, blockedPeriods: data.blockedPeriods };
    if (request.weekdays.every((day) => freeStartDates(window, day).length === 0)) {
      return { errors: { latestStart: t('proposal.validation.noFreeDates') } };
    }
    return { data };
  }

  /** One course's box: its locality's venues and instructors to choose from, and its reasons. */
  function courseView(
    c: Context<SignedInEnv>,
    data: ProposalData,
    index: number,
    values: Record<string, string>,
    course: PlannedCourse | undefined,
  ): ReviewCourseView {
    const language = c.get('language');
    const localityId = Number(values[reviewField('locality', index)]);
    const firstDate = values[reviewField('firstDate', index)] ?? '';
    const instructorOptions = data.problem.instructors
      .filter((one) => one.localityIds.includes(localityId))
      .map((one) => ({ value: String(one.id), label: data.instructors.get(one.id)?.name ?? '' }))
      .sort((a, b) => a.label.localeCompare(b.label, 'fi'));
    return {
      index,
      localityName: data.localityNames.get(localityId) ?? '',
      weekday: isValidLocalDate(firstDate) ? weekdayOf(firstDate) : null,
      startTime: values[reviewField('startTime', index)] ?? '',
      reasons: course
        ? reasonsFor(data.problem, course).map((reason) => reasonText(words(c), data, reason))
        : [],
      sessionDates: course
        ? course.slot.sessions.map((session) => formatDayAndMonth(session.localDate, language))
        : [],
      venueOptions: [...data.venues.values()]
        .filter((venue) => venue.localityId === localityId && venue.online === data.program.online)
        .map((venue) => ({ value: String(venue.id), label: venue.name })),
      instructorOptions,
    };
  }

  function renderReview(
    c: Context<SignedInEnv>,
    term: Term,
    data: ProposalData,
    page: {
      targets: Record<string, string>;
      values: Record<string, string>;
      errors: FieldErrors;
      count: number;
      /** The checked courses by their index on the page. */
      planned: Map<number, PlannedCourse>;
      score: PlanScore | null;
      provenBest: boolean;
      problem?: string;
      notice?: string;
    },
  ) {
    const t = c.get('t');
    const view: ProposalReviewView = {
      term,
      targets: page.targets,
      values: page.values,
      errors: page.errors,
      summary: page.score ? summaryOf(words(c), page.score, page.provenBest) : [],
      courses: Array.from({ length: page.count }, (_, index) =>
        courseView(c, data, index, page.values, page.planned.get(index)),
      ),
      problem: page.problem,
      notice: page.notice,
      t,
      language: c.get('language'),
    };
    return c.render(<ProposalReviewPage {...view} />, {
      title: t('proposal.reviewTitle', { name: term.name }),
    });
  }

  const targetsOf = (values: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(values).filter(
        ([name]) => name !== 'intent' && name !== 'courses' && !/_\d+$/.test(name),
      ),
    );

  app.get('/terms/:id/proposal', planningStaff, (c) => {
    const term = termOr404(c);
    // HiGHS loads while the coordinator fills in the form, not when they submit it.
    void warmSolver();
    return renderForm(c, term, { values: defaultTargets(c, term), errors: {} });
  });

  app.post(
    '/terms/:id/proposal',
    planningStaff,
    validForm(form, (c, invalid) => renderForm(c, termOr404(c), invalid)),
    async (c) => {
      const term = termOr404(c);
      const values = c.get('formValues');
      const prepared = prepare(c, term, c.req.valid('form'));
      if ('errors' in prepared) {
        c.status(422);
        return renderForm(c, term, { values, errors: prepared.errors });
      }
      const { data } = prepared;
      if (data.venues.size === 0) {
        c.status(422);
        const t = c.get('t');
        return renderForm(c, term, { values, errors: {} }, [t('proposal.blocker.no-venue-none')]);
      }
      let outcome;
      try {
        outcome = await proposePlan(data.problem, { timeLimit: solveSeconds });
      } catch (error) {
        if (!(error instanceof SolverBusy)) throw error;
        c.status(503);
        c.header('Retry-After', '30');
        return renderForm(c, term, { values, errors: {} }, [], c.get('t')('proposal.busy'));
      }
      if (outcome.kind === 'blocked') {
        c.status(422);
        return renderForm(
          c,
          term,
          { values, errors: {} },
          outcome.blockers.map((blocker) => blockerText(words(c), data, blocker)),
        );
      }
      const courseValues: Record<string, string> = {};
      outcome.plan.forEach((course, index) => {
        const field = (name: Parameters<typeof reviewField>[0], value: string) => {
          courseValues[reviewField(name, index)] = value;
        };
        field('keep', 'on');
        field('locality', String(course.slot.localityId));
        field('venue', String(course.slot.venueId));
        field('firstDate', course.slot.firstDate);
        field('startTime', course.slot.startTime);
        field('instructor1', String(course.instructorIds[0] ?? ''));
        field('instructor2', String(course.instructorIds[1] ?? ''));
        field('audience', 'open');
        field('targetService', '');
      });
      return renderReview(c, term, data, {
        targets: targetsOf(values),
        values: courseValues,
        errors: {},
        count: outcome.plan.length,
        planned: new Map(outcome.plan.map((course, index) => [index, course])),
        score: outcome.score,
        provenBest: outcome.provenBest,
      });
    },
  );

  /**
   * Why a course cannot start on `date`: in the past, outside the term (sessions then run past
   * any calendar the app knows, up to year 10000), or on a day off — the sessions would skip it
   * and the course would quietly start a week later than the date on the page.
   */
  function firstDateProblem(
    c: Context<SignedInEnv>,
    term: Term,
    data: ProposalData,
    date: LocalDate,
  ): string | null {
    const t = c.get('t');
    const language = c.get('language');
    if (date < today()) return t('validation.dateInPast');
    if (date < term.startsOn || date > term.endsOn) {
      return t('proposal.validation.outsideTerm', {
        from: formatDate(term.startsOn, language),
        to: formatDate(term.endsOn, language),
      });
    }
    const dayOff = dayOffOn(date, data.blockedPeriods);
    return dayOff
      ? t('course.warning.dayOff', { date: formatDate(date, language), name: dayOff.name })
      : null;
  }

  /** The reviewed courses as planned courses, with every hard rule they break at its field. */
  function checkReviewed(
    c: Context<SignedInEnv>,
    term: Term,
    data: ProposalData,
    courses: ReviewedCourse[],
    errors: FieldErrors,
  ): Map<number, PlannedCourse> {
    const t = c.get('t');
    const planned = new Map<number, PlannedCourse>();
    const fromIndex = new Map<string, ReviewedCourse>();
    for (const course of courses) {
      const venue = data.venues.get(course.venueId);
      if (!venue || venue.localityId !== course.localityId) {
        errors[reviewField('venue', course.index)] = t('proposal.rule.venue-elsewhere');
        continue;
      }
      const firstDateError = firstDateProblem(c, term, data, course.firstDate);
      if (firstDateError) {
        errors[reviewField('firstDate', course.index)] = firstDateError;
        continue;
      }
      if (endsAfterMidnight(course.startTime, data.program)) {
        errors[reviewField('startTime', course.index)] = t('proposal.validation.pastMidnight');
        continue;
      }
      const slot = slotFor(
        venue,
        course.firstDate,
        course.startTime,
        data.program,
        data.blockedPeriods,
      );
      if (!slot) {
        errors[reviewField('firstDate', course.index)] = t('proposal.rule.no-free-dates');
        continue;
      }
      const keyed = { ...slot, key: `${slot.key}#${course.index}` };
      fromIndex.set(keyed.key, course);
      planned.set(course.index, { slot: keyed, instructorIds: course.instructorIds, served: [] });
    }
    const violations = hardRuleViolations(data.problem, [...planned.values()], {
      checkTargets: false,
    });
    for (const violation of violations) {
      const course = violation.slotKey ? fromIndex.get(violation.slotKey) : undefined;
      const affected = course
        ? [course]
        : courses.filter(
            (one) =>
              violation.instructorId !== undefined &&
              one.instructorIds.includes(violation.instructorId),
          );
      for (const one of affected) {
        const field = violationField(one, violation);
        errors[field] ??= violationText(words(c), data, violation);
      }
    }
    return planned;
  }

  app.post(
    '/terms/:id/proposal/review',
    planningStaff,
    validForm(form, (c, invalid) => renderForm(c, termOr404(c), invalid)),
    async (c) => {
      const term = termOr404(c);
      const t = c.get('t');
      const values = c.get('formValues');
      const targets = targetsOf(values);
      const prepared = prepare(c, term, c.req.valid('form'));
      if (values.intent === 'targets' || 'errors' in prepared) {
        if ('errors' in prepared) c.status(422);
        return renderForm(c, term, {
          values: targets,
          errors: 'errors' in prepared ? prepared.errors : {},
        });
      }
      const { data } = prepared;
      const { count, courses, errors } = readReviewedCourses(values, t);
      const planned = checkReviewed(c, term, data, courses, errors);
      const page = { targets, values, errors, count, provenBest: true };
      const hasErrors = Object.keys(errors).length > 0;
      const kept = courses.filter((course) => planned.has(course.index));
      let evaluated = planned;
      let score: PlanScore | null = null;
      if (!hasErrors && kept.length > 0) {
        const outcome = await solvePlan(data.problem, {
          fixed: [...planned.values()],
          timeLimit: 5,
        }).catch((error: unknown) => {
          // A busy planner only leaves the reasons out; the rules were checked without it.
          if (error instanceof SolverBusy) return { kind: 'infeasible' as const };
          throw error;
        });
        if (outcome.kind === 'plan') {
          evaluated = new Map(kept.map((course, index) => [course.index, outcome.plan[index]!]));
          score = scorePlan(data.problem, outcome.plan);
        }
      }
      if (hasErrors || values.intent !== 'accept' || kept.length === 0) {
        if (hasErrors || (values.intent === 'accept' && kept.length === 0)) c.status(422);
        return renderReview(c, term, data, {
          ...page,
          planned: evaluated,
          score,
          problem: kept.length === 0 && !hasErrors ? t('proposal.noneKept') : undefined,
          notice: !hasErrors && kept.length > 0 ? t('proposal.checked') : undefined,
        });
      }
      try {
        acceptProposal(
          db,
          term.id,
          data.program,
          kept.map((course) => ({
            index: course.index,
            slot: planned.get(course.index)!.slot,
            instructorIds: course.instructorIds,
            audience: course.audience,
            targetService: course.targetService,
          })),
          commandContext(c),
        );
      } catch (error) {
        if (!(error instanceof AcceptConflict)) throw error;
        c.status(409);
        const other = error.conflicts.find((conflict) => conflict.kind !== 'day-off');
        errors[reviewField('venue', error.index)] = error.venueArchived
          ? t('proposal.rule.venue-archived')
          : t('proposal.rule.conflict', {
              course: other && 'otherCourseName' in other ? other.otherCourseName : '',
            });
        return renderReview(c, term, data, { ...page, planned: evaluated, score });
      }
      setFlash(c, { kind: 'success', key: 'proposal.accepted', params: { count: kept.length } });
      return c.redirect(`/terms/${term.id}`, 303);
    },
  );

  return app;
}
